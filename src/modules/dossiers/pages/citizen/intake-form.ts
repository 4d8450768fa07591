/**
 * Reading the intake form's multipart body: fields as they come, file parts streamed into the draft
 * (created on the first file when the form has none yet). A refused file becomes a field error of
 * its slot; the other files and the typed values are kept.
 */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../../platform/errors.js';
import type { Lang } from '../../../../platform/html/i18n.js';
import type { ReturnMethod } from '../../dossier.js';
import type { DraftContent } from '../../drafts/draft.js';
import type { FormErrors } from './parts.js';

export type Fields = Record<string, string>;

export interface ReadForm {
  fields: Fields;
  errors: FormErrors;
}

const PERSON = ['name', 'idNumber', 'birthDate', 'phone', 'email', 'address', 'communeCode'] as const;

/**
 * Reads every part. `upload` is called for each chosen file of a `slot-N` input with the fields
 * read so far (the hidden key and draft id come first in the form).
 */
export async function readIntakeForm(
  req: FastifyRequest,
  lang: Lang,
  upload: (fields: Fields, slot: number, file: { stream: Readable; fileName: string }) => Promise<void>,
): Promise<ReadForm> {
  const fields: Fields = {};
  const errors: FormErrors = [];
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
      continue;
    }
    const slot = /^slot-(\d{1,3})$/.exec(part.fieldname);
    if (!slot || !part.filename) {
      part.file.resume();
      continue;
    }
    try {
      await upload(fields, Number(slot[1]), { stream: part.file, fileName: part.filename });
    } catch (e) {
      part.file.resume();
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      errors.push({ field: `components.${slot[1]}`, text: `${part.filename}: ${e.text[lang]}` });
    }
  }
  return { fields, errors };
}

const RETURN: readonly string[] = ['desk', 'post', 'online'];

/** The draft content the form describes (positions of the version's slots). */
export function contentOf(fields: Fields, key: string, slots: number[]): DraftContent {
  const person = (prefix: string) =>
    Object.fromEntries(
      PERSON.map((f) => [f, (fields[`${prefix}.${f}`] ?? '').trim()]).filter(([, v]) => v !== ''),
    );
  const owner = person('owner');
  const reuse: Record<string, string> = {};
  for (const s of slots) {
    const id = fields[`reuse-${s}`]?.trim();
    if (id) reuse[String(s)] = id;
  }
  const returnMethod = fields.returnMethod ?? '';
  return {
    key,
    applicant: person('applicant'),
    owner: Object.keys(owner).length > 0 ? owner : null,
    receivingAgencyId: fields.receivingAgencyId?.trim() || null,
    returnMethod: RETURN.includes(returnMethod) ? (returnMethod as ReturnMethod) : null,
    returnAddress: fields.returnAddress?.trim() || null,
    assisted: fields.assisted === '1',
    reuse,
  };
}

/** The hidden key: 8–200 visible ASCII characters (what submitDossier accepts), else a new one. */
export const keyOf = (fields: Fields, fresh: () => string) => {
  const k = fields.key?.trim() ?? '';
  return /^[\x21-\x7e]{8,200}$/.test(k) ? k : fresh();
};
