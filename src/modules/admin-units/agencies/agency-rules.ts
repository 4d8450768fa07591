/**
 * Pure rules of agencies (cơ quan): kinds, the electronic identifier's shape, unit codes, contact
 * details, and the normalisation of what an administrator types. No I/O.
 */
import { type Bilingual, type FieldError, validationError } from '../../../platform/errors.js';

/**
 * - `provincial_committee`: Ủy ban nhân dân tỉnh;
 * - `department`: Sở (or a body of the same rank under the provincial People's Committee);
 * - `provincial_service_centre`: Trung tâm Phục vụ hành chính công tỉnh (NĐ 118/2025);
 * - `commune_committee`: Ủy ban nhân dân xã, phường, đặc khu;
 * - `commune_service_centre`: Trung tâm Phục vụ hành chính công xã (the commune's one-stop desk);
 * - `tax`, `police`, `land_registration`: vertical agencies (ngành dọc) and land registration offices;
 * - `other`.
 */
export const AGENCY_KINDS = [
  'provincial_committee',
  'department',
  'provincial_service_centre',
  'commune_committee',
  'commune_service_centre',
  'tax',
  'police',
  'land_registration',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const isAgencyKind = (v: unknown): v is AgencyKind =>
  typeof v === 'string' && (AGENCY_KINDS as readonly string[]).includes(v);

export const AGENCY_KIND_LABELS: Record<AgencyKind, Bilingual> = {
  provincial_committee: { vi: 'Ủy ban nhân dân tỉnh', en: "Provincial People's Committee" },
  department: { vi: 'Sở, ngành', en: 'Provincial department' },
  provincial_service_centre: {
    vi: 'Trung tâm Phục vụ hành chính công tỉnh',
    en: 'Provincial Public Administration Service Centre',
  },
  commune_committee: { vi: 'Ủy ban nhân dân xã, phường, đặc khu', en: "Commune People's Committee" },
  commune_service_centre: {
    vi: 'Trung tâm Phục vụ hành chính công xã, phường',
    en: 'Commune Public Administration Service Centre',
  },
  tax: { vi: 'Cơ quan thuế', en: 'Tax office' },
  police: { vi: 'Công an', en: 'Police' },
  land_registration: { vi: 'Văn phòng đăng ký đất đai', en: 'Land registration office' },
  other: { vi: 'Cơ quan khác', en: 'Other agency' },
};

const PROVINCIAL_KINDS: readonly AgencyKind[] = [
  'provincial_committee',
  'department',
  'provincial_service_centre',
];
const COMMUNE_KINDS: readonly AgencyKind[] = ['commune_committee', 'commune_service_centre'];

/** DOMAIN.md §5.2: an opaque string, loose shape only; never parse meaning out of it. */
export const AGENCY_CODE_PATTERN = /^[A-Z0-9]+(\.[A-Z0-9]+)*$/;
export const AGENCY_CODE_MAX_LENGTH = 20;
/** Province (2 digits) or commune (5 digits), QĐ 19/2025/QĐ-TTg; strings, leading zeros kept. */
export const UNIT_CODE_PATTERN = /^(\d{2}|\d{5})$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 .()]{6,18}[0-9]$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** NFC, every run of whitespace as one space, trimmed. */
export const cleanText = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The code as stored: trimmed and upper-cased (codes are written in capitals). */
export const normaliseAgencyCode = (text: string): string => text.trim().toUpperCase();

export function agencyCodeProblem(code: string): Bilingual | undefined {
  if (code.length === 0) return { vi: 'Chưa nhập mã định danh.', en: 'The identifier code is missing.' };
  if (code.length > AGENCY_CODE_MAX_LENGTH || !AGENCY_CODE_PATTERN.test(code)) {
    return {
      vi: `Mã định danh "${code}" không đúng dạng: chữ in hoa và chữ số, phân tách bằng dấu chấm, tối đa ${AGENCY_CODE_MAX_LENGTH} ký tự (ví dụ 000.00.12.H22 hoặc H22.101).`,
      en: `The identifier code "${code}" has the wrong shape: capital letters and digits separated by dots, at most ${AGENCY_CODE_MAX_LENGTH} characters (e.g. 000.00.12.H22 or H22.101).`,
    };
  }
  return undefined;
}

/** A normalised, shape-checked identifier code, or `agency.invalid_code` naming the field. */
export function parseAgencyCode(text: string, field = 'code'): string {
  const code = normaliseAgencyCode(text);
  const problem = agencyCodeProblem(code);
  if (problem) throw validationError('agency.invalid_code', problem, [{ field, message: problem }]);
  return code;
}

export const isUnitCode = (text: string): boolean => UNIT_CODE_PATTERN.test(text);

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The local date (Vietnam, UTC+07:00 without daylight saving) of an instant, YYYY-MM-DD. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** What an administrator gives to create an agency. */
export interface AgencyInput {
  kind: string;
  name: string;
  parentId?: string | null;
  /** Units served: province (2 digits) or commune (5 digits) codes. */
  units: readonly string[];
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface NewAgencyInput extends AgencyInput {
  /** Mã định danh điện tử. */
  code: string;
  /** First day the code is valid (YYYY-MM-DD); default today. */
  codeValidFrom?: string;
  /** The decision that assigned the code. */
  codeSource?: string | null;
}

/** The fields of an agency after normalisation, ready to store. */
export interface AgencyFields {
  kind: AgencyKind;
  name: string;
  parentId: string | null;
  units: string[];
  address: string | null;
  phone: string | null;
  email: string | null;
}

const optional = (text: string | null | undefined) => {
  const cleaned = text == null ? '' : cleanText(text);
  return cleaned === '' ? null : cleaned;
};

class Problems {
  readonly list: FieldError[] = [];
  add(field: string, vi: string, en: string) {
    this.list.push({ field, message: { vi, en } });
  }
}

function checkUnits(kind: AgencyKind | undefined, units: string[], p: Problems) {
  const bad = units.filter((u) => !isUnitCode(u));
  if (units.length === 0) {
    p.add(
      'units',
      'Chọn ít nhất một đơn vị hành chính mà cơ quan phục vụ.',
      'Give at least one unit served.',
    );
  } else if (bad.length > 0) {
    p.add(
      'units',
      `Mã đơn vị hành chính không hợp lệ: ${bad.join(', ')} (tỉnh 2 chữ số, xã 5 chữ số).`,
      `Invalid unit codes: ${bad.join(', ')} (province 2 digits, commune 5 digits).`,
    );
  } else if (kind && PROVINCIAL_KINDS.includes(kind) && !units.some((u) => u.length === 2)) {
    p.add(
      'units',
      'Cơ quan cấp tỉnh phải phục vụ một tỉnh (mã 2 chữ số).',
      'A provincial body serves a province (2-digit code).',
    );
  } else if (kind && COMMUNE_KINDS.includes(kind) && !units.some((u) => u.length === 5)) {
    p.add(
      'units',
      'Cơ quan cấp xã phải phục vụ một xã, phường (mã 5 chữ số).',
      'A commune body serves a commune (5-digit code).',
    );
  }
}

function readFields(input: AgencyInput, p: Problems): AgencyFields {
  const kind = isAgencyKind(input.kind) ? input.kind : undefined;
  if (!kind)
    p.add('kind', `Loại cơ quan không hợp lệ: "${input.kind}".`, `Unknown agency kind: "${input.kind}".`);
  const name = cleanText(input.name ?? '');
  if (name === '') p.add('name', 'Chưa nhập tên cơ quan.', 'The name is missing.');
  else if (name.length > 200)
    p.add('name', 'Tên cơ quan dài quá 200 ký tự.', 'The name is longer than 200 characters.');
  const units = [...new Set((input.units ?? []).map((u) => u.trim()))].sort();
  checkUnits(kind, units, p);
  const address = optional(input.address);
  if (address && address.length > 300)
    p.add('address', 'Địa chỉ dài quá 300 ký tự.', 'The address is longer than 300 characters.');
  const phone = optional(input.phone?.replaceAll('-', ' '));
  if (phone && !PHONE_PATTERN.test(phone)) {
    p.add('phone', `Số điện thoại không hợp lệ: "${phone}".`, `Invalid phone number: "${phone}".`);
  }
  const email = optional(input.email)?.toLowerCase() ?? null;
  if (email && (!EMAIL_PATTERN.test(email) || email.length > 254)) {
    p.add('email', `Địa chỉ thư điện tử không hợp lệ: "${email}".`, `Invalid e-mail address: "${email}".`);
  }
  return { kind: kind ?? 'other', name, parentId: input.parentId ?? null, units, address, phone, email };
}

function fail(p: Problems): never {
  throw validationError(
    'agency.invalid_input',
    { vi: 'Thông tin cơ quan chưa hợp lệ.', en: 'The agency details are not valid.' },
    p.list,
  );
}

/** Normalised fields of an agency, or `agency.invalid_input` listing every bad field in both languages. */
export function validateAgencyInput(input: AgencyInput): AgencyFields {
  const p = new Problems();
  const fields = readFields(input, p);
  if (p.list.length > 0) fail(p);
  return fields;
}

/** As {@link validateAgencyInput}, plus the identifier code and the date it is valid from. */
export function validateNewAgencyInput(
  input: NewAgencyInput,
  today: string,
): AgencyFields & { code: string; codeValidFrom: string; codeSource: string | null } {
  const p = new Problems();
  const fields = readFields(input, p);
  const code = normaliseAgencyCode(input.code ?? '');
  const codeProblem = agencyCodeProblem(code);
  if (codeProblem) p.list.push({ field: 'code', message: codeProblem });
  const codeValidFrom = input.codeValidFrom ?? today;
  if (!isIsoDate(codeValidFrom)) {
    p.add('codeValidFrom', `Ngày không hợp lệ: "${codeValidFrom}".`, `Invalid date: "${codeValidFrom}".`);
  } else if (codeValidFrom > today) {
    p.add(
      'codeValidFrom',
      'Mã định danh của cơ quan mới phải có hiệu lực từ hôm nay trở về trước.',
      'The code of a new agency must be valid from today or earlier.',
    );
  }
  if (p.list.length > 0) fail(p);
  return { ...fields, code, codeValidFrom, codeSource: optional(input.codeSource) };
}
