/** Checking what an administrator types about an officer, and the errors officer administration throws. */
import { randomInt } from 'node:crypto';
import {
  type Bilingual,
  conflict,
  type FieldError,
  forbidden,
  notFound,
  validationError,
} from '../../platform/errors.js';
import { type Grant, ROLES, type Role } from '../../platform/http/access.js';
import type { OfficerProfile } from './officers-admin.repository.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 .]{7,18}[0-9]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (ROLES as readonly string[]).includes(v);
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export interface OfficerForm {
  username?: string;
  fullName?: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
}

const msg = {
  username: {
    vi: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới',
    en: 'The username has 3–64 characters: lower-case letters without accents, digits, dot, hyphen, underscore',
  },
  fullName: { vi: 'Nhập họ và tên (tối đa 200 ký tự)', en: 'Enter the full name (at most 200 characters)' },
  email: { vi: 'Địa chỉ thư điện tử không hợp lệ', en: 'The e-mail address is not valid' },
  phone: { vi: 'Số điện thoại không hợp lệ', en: 'The phone number is not valid' },
  jobTitle: { vi: 'Chức vụ tối đa 200 ký tự', en: 'The job title has at most 200 characters' },
  agency: { vi: 'Chọn cơ quan', en: 'Choose an agency' },
  role: { vi: 'Chọn vai trò', en: 'Choose a role' },
} satisfies Record<string, Bilingual>;

const INVALID: Bilingual = { vi: 'Thông tin cán bộ chưa hợp lệ', en: 'The officer’s details are not valid' };

const clean = (v: string | undefined) => (v ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
const optional = (v: string | undefined) => clean(v) || null;

/** The profile fields, checked; throws a validation error naming each bad field. */
export function readProfile(form: OfficerForm, extra: FieldError[] = []): OfficerProfile {
  const fields = [...extra];
  const profile: OfficerProfile = {
    fullName: clean(form.fullName),
    email: optional(form.email)?.toLowerCase() ?? null,
    phone: optional(form.phone),
    jobTitle: optional(form.jobTitle),
  };
  if (!profile.fullName || profile.fullName.length > 200)
    fields.push({ field: 'fullName', message: msg.fullName });
  if (profile.email && (!EMAIL.test(profile.email) || profile.email.length > 200))
    fields.push({ field: 'email', message: msg.email });
  if (profile.phone && !PHONE.test(profile.phone)) fields.push({ field: 'phone', message: msg.phone });
  if (profile.jobTitle && profile.jobTitle.length > 200)
    fields.push({ field: 'jobTitle', message: msg.jobTitle });
  if (fields.length > 0) throw validationError('officer.invalid', INVALID, fields);
  return profile;
}

/** Username and profile of a new officer, and its first grant. */
export function readNewOfficer(form: OfficerForm & { agencyId?: string; role?: string }) {
  const username = clean(form.username).toLowerCase();
  const fields: FieldError[] = [];
  if (!USERNAME_PATTERN.test(username)) fields.push({ field: 'username', message: msg.username });
  if (!isUuid(form.agencyId)) fields.push({ field: 'agencyId', message: msg.agency });
  if (!isRole(form.role)) fields.push({ field: 'role', message: msg.role });
  const profile = readProfile(form, fields);
  return { username, profile, grant: { agencyId: form.agencyId, role: form.role } as Grant };
}

/** A grant named in a form; throws a validation error when it names no real role or agency id. */
export function readGrant(form: { agencyId?: string; role?: string }): Grant {
  const fields: FieldError[] = [];
  if (!isUuid(form.agencyId)) fields.push({ field: 'agencyId', message: msg.agency });
  if (!isRole(form.role)) fields.push({ field: 'role', message: msg.role });
  if (fields.length > 0) throw validationError('officer.invalid_grant', INVALID, fields);
  return { agencyId: form.agencyId as string, role: form.role as Role };
}

/** A one-time password for the officer to replace at first login: 4 groups of 4, about 92 bits. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export const errors = {
  notFound: () => notFound('officer.not_found', { vi: 'Không tìm thấy cán bộ', en: 'Officer not found' }),
  cannotManage: () =>
    forbidden('officer.forbidden', {
      vi: 'Bạn không quản trị tài khoản của cán bộ này',
      en: 'You do not administer this officer’s account',
    }),
  cannotGrant: () =>
    forbidden('officer.grant_forbidden', {
      vi: 'Bạn không được cấp hoặc thu hồi vai trò này tại cơ quan này',
      en: 'You may not grant or revoke this role in this agency',
    }),
  unknownAgency: () =>
    validationError('officer.unknown_agency', INVALID, [{ field: 'agencyId', message: msg.agency }]),
  usernameTaken: () =>
    conflict('officer.username_taken', {
      vi: 'Tên đăng nhập này đã có người dùng',
      en: 'This username is already taken',
    }),
  roleHeld: () =>
    conflict('officer.role_held', {
      vi: 'Cán bộ đã có vai trò này tại cơ quan này',
      en: 'The officer already holds this role in this agency',
    }),
  roleNotHeld: () =>
    conflict('officer.role_not_held', {
      vi: 'Cán bộ không có vai trò này tại cơ quan này',
      en: 'The officer does not hold this role in this agency',
    }),
  alreadyDisabled: () =>
    conflict('officer.already_disabled', {
      vi: 'Tài khoản đã bị khóa',
      en: 'The account is already disabled',
    }),
  alreadyEnabled: () =>
    conflict('officer.already_enabled', {
      vi: 'Tài khoản đang hoạt động',
      en: 'The account is already enabled',
    }),
  self: () =>
    conflict('officer.self', {
      vi: 'Không thể tự khóa, tự đặt lại mật khẩu hay tự thu hồi vai trò của chính mình',
      en: 'You cannot disable, reset or revoke roles of your own account',
    }),
};
