/**
 * Mẫu kết quả: what the generated result document of a procedure says, as data. The head (national
 * header, agency, number and symbol, place and date, QR code), the validity line and the signature
 * area are fixed by the document itself; a template gives the title, the ký hiệu, the "Căn cứ …"
 * paragraphs, the grant line, the data lines with their labels, the closing, the validity and the
 * signer's title. Pure: no I/O.
 */
import type { Bilingual } from '../../../platform/errors.js';
import { kindAbbreviation } from '../codes.js';

/** Where a data line's value comes from: a fixed list, so a template cannot print arbitrary data. */
export const FIELD_SOURCES = [
  'applicant.name',
  'applicant.birthDate',
  'applicant.idNumber',
  'applicant.address',
  'owner.name',
  'owner.birthDate',
  'owner.idNumber',
  'dossier.code',
  'procedure.name',
  'result.code',
  'receivedAt',
] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];
export const isFieldSource = (v: string): v is FieldSource =>
  (FIELD_SOURCES as readonly string[]).includes(v);

/** The names a {placeholder} may take in the intro, the grant line and the closing. */
export const PLACEHOLDERS = [
  ...FIELD_SOURCES,
  'agency',
  'receivingAgency',
  'procedure.code',
  'title',
  'title.lower',
  'place',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const MAX_FIELDS = 12;

export interface TemplateField {
  label: string;
  source: FieldSource;
}

/** The editable part of a template, as stored. */
export interface TemplateContent {
  title: string;
  /** Ký hiệu loại văn bản: GCN, QĐ … */
  symbolKind: string;
  /** "Căn cứ …" paragraphs, one per line. */
  intro: string | null;
  grantLine: string | null;
  fields: TemplateField[];
  closing: string | null;
  /** null: permanent. */
  validityMonths: number | null;
  /** null: from the kind of agency. */
  signerTitle: string | null;
}

export interface ResultTemplate extends TemplateContent {
  /** null for the built-in default. */
  id: string | null;
  procedureCode: string;
  /** null: every agency of the province. */
  agencyId: string | null;
  /** Whose template applies: the agency's own, the province-wide one, or the built-in default. */
  origin: 'agency' | 'province' | 'default';
  /** 0 for a template not saved yet. */
  rowVersion: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const DEFAULT_INTRO =
  'Căn cứ hồ sơ đề nghị giải quyết thủ tục hành chính “{procedure.name}” (mã thủ tục {procedure.code}), mã hồ sơ {dossier.code}, do {receivingAgency} tiếp nhận lúc {receivedAt};';
export const DEFAULT_GRANT_LINE = '{agency} cấp {title.lower} cho:';
export const DEFAULT_FIELDS: readonly TemplateField[] = [
  { label: 'Ông/Bà', source: 'applicant.name' },
  { label: 'Ngày sinh', source: 'applicant.birthDate' },
  { label: 'Số định danh cá nhân', source: 'applicant.idNumber' },
  { label: 'Nơi cư trú', source: 'applicant.address' },
  { label: 'Chủ hồ sơ', source: 'owner.name' },
  { label: 'Ngày sinh của chủ hồ sơ', source: 'owner.birthDate' },
  { label: 'Số định danh của chủ hồ sơ', source: 'owner.idNumber' },
  { label: 'Mã kết quả', source: 'result.code' },
];

/**
 * The built-in template (the layout results had before templates): the title is the name of the
 * procedure's result kind, its ký hiệu from that name ("Giấy chứng nhận …" → GCN), permanent, the
 * signer's title from the kind of agency.
 */
export function defaultTemplate(procedureCode: string, resultName: string): ResultTemplate {
  return {
    id: null,
    procedureCode,
    agencyId: null,
    origin: 'default',
    title: resultName.normalize('NFC').trim(),
    symbolKind: kindAbbreviation(resultName),
    intro: DEFAULT_INTRO,
    grantLine: DEFAULT_GRANT_LINE,
    fields: DEFAULT_FIELDS.map((f) => ({ ...f })),
    closing: null,
    validityMonths: null,
    signerTitle: null,
    rowVersion: 0,
    updatedAt: null,
    updatedBy: null,
  };
}

/** The title with its first letter lower-cased, as it reads inside a sentence ("cấp giấy chứng nhận …"). */
export const lowerFirst = (s: string) => `${s.charAt(0).toLocaleLowerCase('vi')}${s.slice(1)}`;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_.]*)\}/g;

/** The placeholder names a text uses, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** The placeholders of a text that are not in the list (a template error on save). */
export const unknownPlaceholders = (text: string): string[] =>
  placeholdersIn(text).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));

export type TemplateValues = Partial<Record<Placeholder, string | null>>;

/**
 * Fills {placeholders} with the values (NFC). A known placeholder without a value becomes empty; an
 * unknown one is left visible as typed and reported, so a mistake shows on the preview.
 */
export function substitute(text: string, values: TemplateValues): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = text.normalize('NFC').replace(PLACEHOLDER, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    return (values[name as Placeholder] ?? '').normalize('NFC');
  });
  return { text: out, unknown };
}

/** The names of the sources as an administrator reads them in the form. */
export const SOURCE_LABELS: Record<FieldSource, Bilingual> = {
  'applicant.name': { vi: 'Họ tên người nộp hồ sơ', en: 'Applicant’s name' },
  'applicant.birthDate': { vi: 'Ngày sinh người nộp', en: 'Applicant’s date of birth' },
  'applicant.idNumber': { vi: 'Số định danh người nộp', en: 'Applicant’s ID number' },
  'applicant.address': { vi: 'Nơi cư trú người nộp', en: 'Applicant’s address' },
  'owner.name': { vi: 'Họ tên chủ hồ sơ', en: 'Owner’s name' },
  'owner.birthDate': { vi: 'Ngày sinh chủ hồ sơ', en: 'Owner’s date of birth' },
  'owner.idNumber': { vi: 'Số định danh chủ hồ sơ', en: 'Owner’s ID number' },
  'dossier.code': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'procedure.name': { vi: 'Tên thủ tục', en: 'Procedure name' },
  'result.code': { vi: 'Mã kết quả (KQ.G…)', en: 'Result code (KQ.G…)' },
  receivedAt: { vi: 'Thời điểm tiếp nhận', en: 'Time received' },
};

/**
 * Thời hạn hiệu lực: the last day a document issued at `issuedAt` is valid, `months` months on
 * (Vietnam calendar): issued 05/12/2026 for 12 months → valid to the end of 04/12/2027; a day the
 * target month lacks is clamped (31/01 + 1 month → 27/02 in a common year, the day before 28/02).
 * null months: permanent. Midnight UTC of that day, as a `date` column reads back.
 */
export function validUntilFor(months: number | null, issuedAt: Date, zone = 'Asia/Ho_Chi_Minh'): Date | null {
  if (months === null) return null;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(issuedAt)
    .split('-')
    .map(Number) as [number, number, number];
  const [y, m, d] = parts;
  const targetMonth = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  const sameDay = Date.UTC(y, targetMonth, Math.min(d, lastDay));
  return new Date(sameDay - 86_400_000);
}

/** The leader's title over the signature, from the kind of agency, when the template gives none. */
export function defaultSignerTitle(agencyName: string): string {
  if (/^(ủy|uỷ) ban nhân dân/iu.test(agencyName)) return 'Chủ tịch';
  if (/^sở\s/iu.test(agencyName)) return 'Giám đốc';
  if (/^công an/iu.test(agencyName)) return 'Trưởng Công an';
  return 'Thủ trưởng cơ quan';
}
