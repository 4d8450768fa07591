/**
 * The counter form (tiếp nhận trực tiếp): its flat fields read into a submission, and the applicant
 * prefilled from a citizen account found by ID number (the account's claims as the SSO gave them).
 */
import type { Db } from '../../../../platform/db/database.js';
import type { Channel, ReturnMethod } from '../../dossier.js';
import * as repo from '../../dossiers.repository.js';
import type { NewDossierInput } from '../../submission-input.js';

export type IntakeForm = Record<string, string>;

export const PERSON_FIELDS = [
  'name',
  'idNumber',
  'birthDate',
  'phone',
  'email',
  'address',
  'communeCode',
] as const;
export const OWNER_FIELDS = ['name', 'idNumber', 'birthDate', 'address'] as const;
export const FORM_FIELDS = [
  'key',
  'procedureCode',
  ...PERSON_FIELDS.map((f) => `applicant.${f}`),
  ...OWNER_FIELDS.map((f) => `owner.${f}`),
  'channel',
  'returnMethod',
  'returnAddress',
] as const;

const or = (v: string | undefined) => (v && v.trim() !== '' ? v : null);

export function intakeInput(form: IntakeForm): NewDossierInput {
  const person = (prefix: string, fields: readonly string[]) =>
    Object.fromEntries(fields.map((f) => [f, or(form[`${prefix}.${f}`])]));
  const channel = Number(form.channel);
  const owner = person('owner', OWNER_FIELDS);
  return {
    procedureCode: (form.procedureCode ?? '').trim(),
    applicant: person('applicant', PERSON_FIELDS),
    owner: owner.name ? owner : null,
    channel: channel === 1 || channel === 2 || channel === 3 ? (channel as Channel) : 1,
    returnMethod: (form.returnMethod ?? '') as ReturnMethod,
    returnAddress: or(form.returnAddress),
  };
}

const claim = (claims: unknown, ...names: string[]) => {
  const c = (claims ?? {}) as Record<string, unknown>;
  for (const n of names) {
    const v = c[n];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return '';
};

const dayOf = (v: unknown) =>
  v instanceof Date
    ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`
    : typeof v === 'string'
      ? v.slice(0, 10)
      : '';

/** The applicant fields from the citizen account with this ID number, or undefined when none. */
export async function prefillFromAccount(db: Db, idNumber: string): Promise<IntakeForm | undefined> {
  const key = idNumber.replace(/\s/g, '');
  if (!/^[0-9A-Z]{6,15}$/i.test(key)) return undefined;
  const a = await repo.selectAccountByKey(db, key);
  if (!a) return undefined;
  return {
    'applicant.name': a.full_name,
    'applicant.idNumber': a.account_key,
    'applicant.birthDate': dayOf(a.birth_date),
    'applicant.phone': a.notify_phone ?? claim(a.claims, 'SoDienThoai', 'phone_number', 'DienThoai'),
    'applicant.email': a.notify_email ?? claim(a.claims, 'ThuDienTu', 'email', 'Email'),
    'applicant.address': claim(a.claims, 'DiaChi', 'NoiThuongTru', 'DiaChiThuongTru', 'address'),
  };
}
