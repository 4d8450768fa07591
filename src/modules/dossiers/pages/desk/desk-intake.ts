/**
 * The counter form (tiếp nhận trực tiếp): its flat fields read into a submission, and the applicant
 * prefilled from a citizen account found by ID number (the account's claims as the SSO gave them).
 */
import type { Db } from '../../../../platform/db/database.js';
import type { Channel, ReturnMethod } from '../../dossier.js';
import * as repo from '../../dossiers.repository.js';
import type { NewDossierInput } from '../../submission-input.js';
import { applicantFromAccountRow } from '../citizen/intake-choices.js';

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

/** The applicant fields from the citizen account with this ID number, or undefined when none. */
export async function prefillFromAccount(db: Db, idNumber: string): Promise<IntakeForm | undefined> {
  const key = idNumber.replace(/\s/g, '');
  if (!/^[0-9A-Z]{6,15}$/i.test(key)) return undefined;
  const a = await repo.selectAccountByKey(db, key);
  if (!a) return undefined;
  // A business's account key is its tax code: the ID number typed is what the officer looked up.
  const applicant = {
    ...applicantFromAccountRow(a),
    idNumber: applicantFromAccountRow(a).idNumber || a.account_key,
  };
  return Object.fromEntries(
    PERSON_FIELDS.map((f) => [`applicant.${f}`, String(applicant[f as keyof typeof applicant] ?? '')]),
  );
}
