/**
 * The canonical content of one procedure version: what the database stores, what the export writes
 * (docs/catalogue.schema.json) and what the content hash covers. Plain data, no ids.
 */
import { createHash } from 'node:crypto';

export type Level = 'ministry' | 'province' | 'commune' | 'other';
export type OnlineLevel = 'toan_trinh' | 'mot_phan' | 'none';
export type TimeUnit = 'gio' | 'ngay-lam-viec' | 'ngay' | 'thang';
export type StepKind =
  | 'receive_transfer'
  | 'appraise'
  | 'review'
  | 'approve_sign'
  | 'lien_thong'
  | 'return_result';

export interface ChannelContent {
  kind: 'direct' | 'online' | 'postal';
  timeValue: number | null;
  timeUnit: TimeUnit | null;
  timeUnitSource: 'stated' | 'description' | 'other_channel' | 'lost' | null;
  timeText: string | null;
  feeStatus: 'free' | 'charged' | 'unknown';
  description: string | null;
}

export interface FeeLineContent {
  channelPosition: number | null;
  kind: 'phi' | 'le_phi' | 'unspecified';
  amount: number;
  amountMax: number | null;
  currency: 'VND' | 'USD';
  perUnit: string | null;
  collected: 'before' | 'after' | 'unspecified';
  exemptions: string | null;
  note: string | null;
}

export interface WorkflowStepContent {
  kind: StepKind;
  role: string;
  agencyName: string | null;
  budgetMinutes: number | null;
}

export interface WorkflowContent {
  level: Level;
  isDefault: boolean;
  /**
   * Identifier code (mã định danh) of the agency whose own workflow this is; null for the default of
   * the level (isDefault). Absent in content written before agencies had workflows: read as null.
   */
  agencyCode?: string | null;
  onlineTargetMinutes: number | null;
  steps: WorkflowStepContent[];
}

export interface ProcedureContent {
  name: string;
  field: string | null;
  levels: Level[];
  procedureType: string | null;
  stepsText: string | null;
  conditionsText: string | null;
  onlineLevel: OnlineLevel;
  onlineLevelSource: 'import_rule' | 'administrator';
  cutOff: { sameDay: boolean; cutoff: string | null; text: string } | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  disclosedOn: string | null;
  source: { url: string | null; ministryDir: string | null };
  parseIssues: string[];
  agencies: {
    role: 'competent' | 'implementing' | 'coordinating' | 'receiving';
    level: Level | null;
    name: string;
  }[];
  subjects: { kind: 'citizen' | 'business' | 'organisation' | 'foreigner' | 'other'; label: string }[];
  legalBases: { number: string | null; title: string; issuedOn: string | null }[];
  results: { name: string; code: string | null; codeValid: boolean }[];
  components: {
    groupTitle: string | null;
    name: string;
    templateFile: string | null;
    templateUrl: string | null;
    originals: number;
    certifiedCopies: number;
    copies: number;
    requirement: 'required' | 'conditional';
    conditionText: string | null;
    reusableData: boolean;
  }[];
  channels: ChannelContent[];
  feeLines: FeeLineContent[];
  feeReductions: {
    channel: 'any' | 'direct' | 'online' | 'postal';
    percent: number;
    validFrom: string;
    validTo: string | null;
    legalBasis: string;
  }[];
  workflows: WorkflowContent[];
}

/** JSON with object keys sorted, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * sha-256 of the canonical JSON. A workflow without an agency hashes as it did before workflows had
 * an `agencyCode`, so the hashes stored earlier stay valid.
 */
export function contentHash(content: ProcedureContent): string {
  const workflows = content.workflows.map(({ agencyCode, ...w }) =>
    agencyCode == null ? w : { ...w, agencyCode },
  );
  return createHash('sha256')
    .update(canonicalJson({ ...content, workflows }))
    .digest('hex');
}
