/**
 * The data printed on the intake slips of TT 01/2018/TT-VPCP (DOMAIN.md §4.1): Giấy tiếp nhận hồ sơ
 * và hẹn trả kết quả (Mẫu 01), Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) and Phiếu từ chối
 * tiếp nhận giải quyết hồ sơ (Mẫu 03). Everything is resolved by the caller, so rendering is pure.
 */
export type SlipKind = 'receipt' | 'completion_request' | 'refusal';

export interface SlipPerson {
  name: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface SlipComponent {
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
}

export interface SlipFeeLine {
  name: string;
  /** Integer VND. */
  amount: number;
  /** Thu trước (before processing) or Thu sau (on return of the result). */
  collected: 'before' | 'after';
}

export interface SlipData {
  kind: SlipKind;
  /** The form set in force on the receipt date, e.g. 'Thông tư số 01/2018/TT-VPCP', and the form's number in it. */
  formSetName: string;
  formNo: string;
  /** e.g. 'Ủy ban nhân dân phường Hạ Long' */
  agencyParentName: string | null;
  /** The receiving centre, e.g. 'Trung tâm Phục vụ hành chính công phường Hạ Long' */
  agencyName: string;
  /** The place of the place-and-date line, e.g. 'Hạ Long' */
  place: string;
  issuedAt: Date;
  dossierCode: string;
  /** The public lookup URL (already carrying its signed token); the QR code encodes it. */
  trackingUrl: string;
  applicant: SlipPerson;
  owner: SlipPerson | null;
  procedureName: string;
  components: SlipComponent[];
  /** e.g. '05 ngày làm việc' */
  durationText: string | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  feeLines: SlipFeeLine[];
  payments: { amount: number; receiptNumber: string }[];
  returnMethod: 'desk' | 'post' | 'online';
  returnAddress: string | null;
  officerName: string;
  contactPhone: string | null;
  /** Mẫu 02: the number before '/HDHS'. */
  completionNumber: string | null;
  /** Mẫu 02: components to add or fix, each with what is wrong. */
  missing: { name: string; reason: string }[];
  /** Mẫu 02: the general reason; Mẫu 03: the reason for refusing. */
  reason: string | null;
}
