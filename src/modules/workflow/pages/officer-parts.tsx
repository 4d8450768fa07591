/** Pieces shared by the officers' processing pages: paths, the style sheets, due-time marks. */
import type { AppError } from '../../../platform/errors.js';
import { DeskStyleSheet, type FormErrors } from '../../dossiers/index.js';

export const INBOX_PATH = '/can-bo/ho-so';
export const OFFICER_CSS_PATH = '/can-bo/xu-ly.css';
export const officerDossierHref = (code: string) => `${INBOX_PATH}/${encodeURIComponent(code)}`;
export const actionHref = (code: string, action: string) =>
  `${officerDossierHref(code)}/thao-tac/${encodeURIComponent(action)}`;

export function OfficerStyles() {
  return (
    <>
      <DeskStyleSheet />
      <link rel="stylesheet" href={OFFICER_CSS_PATH} />
    </>
  );
}

/** Overdue (the due time has passed) or due soon (before `soon`), for marks and row classes. */
export function dueState(due: Date | null, now: Date, soon: Date): 'overdue' | 'soon' | null {
  if (!due) return null;
  if (due.getTime() < now.getTime()) return 'overdue';
  return due.getTime() < soon.getTime() ? 'soon' : null;
}

/** One form or query field as a string ('' when absent; the first of repeated ones). */
export const field = (source: unknown, name: string): string => {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};

/** Field messages for the page, and the whole message when the error names no field. */
export const fieldErrors = (err: AppError, lang: 'vi' | 'en'): FormErrors => ({
  items:
    err.fields.length > 0
      ? err.fields.map((f) => ({ field: f.field, text: f.message[lang] }))
      : [{ field: '', text: err.text[lang] }],
});
