/**
 * The data printed on the processing documents of a dossier: the apology letter (Mẫu 04), the
 * processing control sheet (Mẫu 05 / 2025: 06) and the stop notice. Resolved by the repository, so
 * rendering is pure.
 */
import type { BlockText } from '../../../platform/signing/index.js';
import type { Timeliness } from '../step-deadlines.js';

export interface DocumentHead {
  /** e.g. 'Thông tư số 01/2018/TT-VPCP' */
  formSetName: string;
  /** The form's number in the set; null when the set has no such form. */
  formNo: string | null;
  agencyParentName: string | null;
  /** The issuing agency. */
  agencyName: string;
  /** Place of the place-and-date line, e.g. 'Hạ Long'. */
  place: string;
  issuedAt: Date;
  dossierCode: string;
  /** The public lookup URL of the dossier; the QR code encodes it. */
  lookupUrl: string;
}

export interface DocumentPerson {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04). */
export interface ApologyData extends DocumentHead {
  /** Not yet approved by a leader: printed as a draft (DỰ THẢO). */
  draft: boolean;
  applicant: DocumentPerson;
  receivingAgencyName: string;
  procedureName: string;
  receivedAt: Date | null;
  oldDueAt: Date;
  newDueAt: Date;
  reason: string;
  responsibleAgencyName: string;
  returnPlace: string;
  /** The leader who approved it; null for a draft. */
  signerName: string | null;
  /** Being signed: the visible digital-signature block's text. */
  signature?: BlockText;
}

/** One hand-over of the dossier between agencies or officers (a row of the control sheet). */
export interface HandoverRow {
  /** I. handing over the dossier; II. receiving the result at the desk. */
  part: 'dossier' | 'result';
  fromAgency: string;
  toAgency: string;
  at: Date;
  giver: string | null;
  receiver: string | null;
  /** The giving step against its due time; null when it has not finished. */
  result: Timeliness | null;
  note: string | null;
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05, TT 03/2025: Mẫu 06). */
export interface ControlSheetData extends DocumentHead {
  applicant: DocumentPerson;
  owner: DocumentPerson | null;
  procedureName: string;
  receivedAt: Date | null;
  durationText: string | null;
  dueAt: Date | null;
  components: { name: string; originals: number; certifiedCopies: number; copies: number }[];
  handovers: HandoverRow[];
}

/** Thông báo dừng giải quyết hồ sơ (TT 03/2025 Mẫu 05; TT 01/2018 has no numbered form). */
export interface StopNoticeData extends DocumentHead {
  applicant: DocumentPerson;
  receivingAgencyName: string;
  procedureName: string;
  receivedAt: Date | null;
  stoppedAt: Date;
  stoppedBy: string;
  reason: string;
}
