/**
 * Reading a person (người nộp, chủ hồ sơ) from a form or a JSON body: trimmed, NFC, checked field by
 * field so a form can show each message beside its field. Pure.
 */
import type { FieldError } from '../../platform/errors.js';
import type { Person } from './dossier.js';

export interface PersonFields {
  name?: string | null;
  idType?: number | string | null;
  idNumber?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  communeCode?: string | null;
}

const clean = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
};

const ID_PATTERNS: Record<1 | 2 | 3, { re: RegExp; vi: string; en: string }> = {
  1: {
    re: /^\d{12}$/,
    vi: 'Số định danh cá nhân (CCCD) gồm 12 chữ số.',
    en: 'A personal ID number has 12 digits.',
  },
  2: { re: /^\d{9}$/, vi: 'Số CMND gồm 9 chữ số.', en: 'An old ID card number has 9 digits.' },
  3: {
    re: /^[A-Z0-9]{6,12}$/,
    vi: 'Số hộ chiếu gồm 6–12 chữ hoặc số.',
    en: 'A passport number has 6–12 letters or digits.',
  },
};

function idTypeOf(v: unknown): 1 | 2 | 3 | null {
  const n = Number(v);
  return n === 1 || n === 2 || n === 3 ? n : null;
}

/** The person, or the list of field errors (paths under `prefix`, e.g. `applicant.idNumber`). */
export function readPerson(
  input: PersonFields,
  prefix: string,
  opts: { idRequired: boolean },
): { person: Person; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, vi: string, en: string) =>
    errors.push({ field: `${prefix}.${field}`, message: { vi, en } });
  const name = clean(input.name);
  if (!name) fail('name', 'Hãy nhập họ và tên.', 'Enter the full name.');
  else if (name.length > 200)
    fail('name', 'Họ và tên dài quá 200 ký tự.', 'The name is longer than 200 characters.');
  const idNumber = clean(input.idNumber)?.toUpperCase().replace(/\s/g, '') ?? null;
  const idType = idNumber
    ? (idTypeOf(input.idType) ?? (/^\d{9}$/.test(idNumber) ? 2 : /^\d+$/.test(idNumber) ? 1 : 3))
    : null;
  if (!idNumber && opts.idRequired)
    fail('idNumber', 'Hãy nhập số định danh cá nhân hoặc giấy tờ tùy thân.', 'Enter the ID number.');
  if (idNumber && idType && !ID_PATTERNS[idType].re.test(idNumber))
    fail('idNumber', ID_PATTERNS[idType].vi, ID_PATTERNS[idType].en);
  const phone = clean(input.phone)?.replace(/[\s.()-]/g, '') ?? null;
  if (phone && !/^\+?\d{9,15}$/.test(phone))
    fail('phone', 'Số điện thoại gồm 9–15 chữ số.', 'A phone number has 9–15 digits.');
  const email = clean(input.email);
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    fail('email', 'Địa chỉ thư điện tử không hợp lệ.', 'The e-mail address is not valid.');
  const birthDate = clean(input.birthDate);
  if (birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate))
    fail('birthDate', 'Ngày sinh phải có dạng năm-tháng-ngày.', 'The birth date must be YYYY-MM-DD.');
  const communeCode = clean(input.communeCode);
  if (communeCode && !/^\d{5}$/.test(communeCode))
    fail('communeCode', 'Mã xã, phường gồm 5 chữ số.', 'A commune code has 5 digits.');
  const address = clean(input.address);
  if (address && address.length > 500)
    fail('address', 'Địa chỉ dài quá 500 ký tự.', 'The address is longer than 500 characters.');
  return {
    person: { name: name ?? '', idType, idNumber, birthDate, phone, email, address, communeCode },
    errors,
  };
}

/** Accent-free lower-case name: what the desk types to find a dossier. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
