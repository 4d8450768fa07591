/** Request helpers of the desk's pages: the access rule, form fields, errors shown on forms. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../../platform/errors.js';
import type { Access, Principal } from '../../../../platform/http/access.js';
import type { FormErrors } from './desk-parts.js';

export const DESK: Access = { officer: ['one_stop'] };

type Body = Record<string, unknown>;
export const field = (source: unknown, name: string): string => {
  const v = (source as Body | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};
export const principalOf = (req: FastifyRequest): Principal => req.principal as Principal;

/** Field messages for the page, and the whole message when the error names no field. */
export function formErrors(err: AppError, lang: 'vi' | 'en', fallbackField = ''): FormErrors {
  return {
    items:
      err.fields.length > 0
        ? err.fields.map((f) => ({ field: f.field, text: f.message[lang] }))
        : [{ field: fallbackField, text: err.text[lang] }],
  };
}

export const isFormError = (err: unknown): err is AppError =>
  err instanceof AppError && ['validation', 'not_found', 'conflict', 'forbidden'].includes(err.kind);
