/** A dossier as services return it to routes and pages (one shape for the API and the HTML). */
import type { DossierStatus, SubState } from './lifecycle.js';

/** Người nộp or chủ hồ sơ. idType follows LoaiDinhDanh: 1 CCCD/số định danh, 2 CMND, 3 passport (design). */
export interface Person {
  name: string;
  idType: 1 | 2 | 3 | null;
  idNumber: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** Commune (5 digits) of residence: routes the dossier to the commune's bodies. */
  communeCode: string | null;
}

export type FiledBy = 'citizen_remote' | 'citizen_assisted' | 'officer';
export type ReturnMethod = 'desk' | 'post' | 'online';
export type Channel = 1 | 2 | 3;

export interface DossierFile {
  id: string;
  componentId: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  scanStatus: 'clean' | 'infected' | 'not_scanned';
  createdAt: Date;
}

export interface DossierComponent {
  id: string;
  position: number;
  name: string;
  requirement: 'required' | 'conditional';
  originals: number;
  certifiedCopies: number;
  copies: number;
  /** TrangThaiSoHoa 0–3 (DOMAIN.md §9). */
  digitization: 0 | 1 | 2 | 3;
  reusedDocumentId: string | null;
  files: DossierFile[];
}

export interface HistoryEntry {
  id: string;
  at: Date;
  action: string;
  fromStatus: number | null;
  toStatus: number;
  actorKind: 'citizen' | 'officer' | 'system';
  actorName: string;
  actorRole: string | null;
  agencyName: string | null;
  content: string | null;
  stepStartedAt: Date | null;
  stepDueAt: Date | null;
}

export interface FeeLine {
  position: number;
  kind: 'phi' | 'le_phi' | 'unspecified';
  name: string;
  baseAmount: number;
  amount: number;
  collected: 'before' | 'after';
  adjustment: string | null;
}

export interface Payment {
  id: string;
  amount: number;
  method: 'cash';
  receiptNumber: string;
  recordedAt: Date;
}

export interface SlipRecord {
  id: string;
  kind: 'receipt' | 'completion_request' | 'refusal';
  formSet: string;
  formNo: string;
  issuedAt: Date;
  issuedBy: string | null;
  details: {
    number?: string;
    reason?: string;
    missing?: { name: string; reason: string }[];
  };
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface Dossier {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  procedureVersionId: string;
  status: DossierStatus;
  subState: SubState;
  channel: Channel;
  filedBy: FiledBy;
  accountId: string | null;
  applicant: Person;
  owner: Person | null;
  receivingAgency: AgencyRef;
  competentAgency: AgencyRef;
  returnMethod: ReturnMethod;
  returnAddress: string | null;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  durationValue: number | null;
  durationUnit: string | null;
  formSet: string | null;
  feeCollection: 'before' | 'after' | 'none' | null;
  refusalReason: string | null;
  withdrawRequestedAt: Date | null;
  rowVersion: number;
  components: DossierComponent[];
  history: HistoryEntry[];
  feeLines: FeeLine[];
  payments: Payment[];
  slips: SlipRecord[];
}
