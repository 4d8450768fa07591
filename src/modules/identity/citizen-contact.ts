/**
 * The phone number and e-mail a citizen chooses for notifications (pure): cleaned, checked, and each
 * problem explained in Vietnamese and English.
 */
import type { FieldError } from '../../platform/errors.js';

export interface Contact {
  phone: string | null;
  email: string | null;
}

const PHONE_SEPARATORS = /[\s.\-()]/g;
const VN_MOBILE = /^0[35789]\d{8}$/;
const VN_LANDLINE = /^02\d{9}$/;
const INTERNATIONAL = /^\+[1-9]\d{8,14}$/;
// The HTML standard's e-mail rule, with at least one dot in the domain.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** A Vietnamese number in its national form (0…); another country's number as +… */
export function normalisePhone(raw: string): string | null | undefined {
  const s = raw.replace(PHONE_SEPARATORS, '');
  if (s === '') return null;
  const national = s.startsWith('+84') ? `0${s.slice(3)}` : s.startsWith('0084') ? `0${s.slice(4)}` : s;
  if (VN_MOBILE.test(national) || VN_LANDLINE.test(national)) return national;
  if (!s.startsWith('+84') && INTERNATIONAL.test(s)) return s;
  return undefined;
}

export function normaliseEmail(raw: string): string | null | undefined {
  const s = raw.trim();
  if (s === '') return null;
  if (s.length > 254 || !EMAIL.test(s) || s.includes('..')) return undefined;
  const [local, domain] = [s.slice(0, s.lastIndexOf('@')), s.slice(s.lastIndexOf('@') + 1)];
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.')) return undefined;
  return `${local}@${domain.toLowerCase()}`;
}

export const contactErrors = {
  phone: {
    vi: 'Số điện thoại không hợp lệ. Nhập số di động 10 chữ số (ví dụ 0912 345 678), số cố định có mã vùng, hoặc số nước ngoài bắt đầu bằng +',
    en: 'The phone number is not valid. Enter a 10-digit mobile number (e.g. 0912 345 678), a landline with its area code, or a foreign number starting with +',
  },
  email: {
    vi: 'Địa chỉ thư điện tử không hợp lệ. Nhập theo dạng ten@vidu.vn',
    en: 'The e-mail address is not valid. Enter it like name@example.vn',
  },
};

export function parseContact(input: { phone: string; email: string }): Contact | { errors: FieldError[] } {
  const phone = normalisePhone(input.phone.slice(0, 40));
  const email = normaliseEmail(input.email.slice(0, 300));
  const errors: FieldError[] = [
    ...(phone === undefined ? [{ field: 'phone', message: contactErrors.phone }] : []),
    ...(email === undefined ? [{ field: 'email', message: contactErrors.email }] : []),
  ];
  if (errors.length > 0) return { errors };
  return { phone: phone ?? null, email: email ?? null };
}
