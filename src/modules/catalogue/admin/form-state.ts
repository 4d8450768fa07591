/**
 * A section form as typed (strings only, nothing lost on error): plain fields and groups of rows
 * (`component-2-name`), with the row count in a hidden `component-count`. Rows are added, removed
 * and moved by submit buttons (`action=add-step`, `remove-step-2`, `up-step-2`), without JavaScript.
 */
import type { FieldError } from '../../../platform/errors.js';

export type Row = Record<string, string>;
export interface FormState {
  fields: Record<string, string>;
  rows: Record<string, Row[]>;
}

const MAX_ROWS = 200;

function str(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim() : '';
}

/** The state of a posted form: the fields named and each group's rows with the names given. */
export function readFormState(
  body: unknown,
  fields: readonly string[],
  groups: Record<string, readonly string[]>,
): FormState {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const rows: Record<string, Row[]> = {};
  for (const [group, names] of Object.entries(groups)) {
    const count = Math.min(MAX_ROWS, Math.max(0, Number.parseInt(str(b, `${group}-count`), 10) || 0));
    rows[group] = Array.from({ length: count }, (_, i) =>
      Object.fromEntries(names.map((n) => [n, str(b, `${group}-${i}-${n}`)])),
    );
  }
  return { fields: Object.fromEntries(fields.map((n) => [n, str(b, n)])), rows };
}

export type RowAction =
  | { kind: 'save' }
  | { kind: 'add'; group: string }
  | { kind: 'remove' | 'up' | 'down'; group: string; index: number };

export function readAction(body: unknown): RowAction {
  const v = str((body && typeof body === 'object' ? body : {}) as Record<string, unknown>, 'action');
  const add = /^add-([a-z]+)$/.exec(v);
  if (add) return { kind: 'add', group: add[1] as string };
  const row = /^(remove|up|down)-([a-z]+)-(\d{1,3})$/.exec(v);
  if (row) return { kind: row[1] as 'remove', group: row[2] as string, index: Number(row[3]) };
  return { kind: 'save' };
}

/** The form after a row action (a copy); a new row gets `blank`. */
export function applyRowAction(state: FormState, action: RowAction, blank: Row): FormState {
  if (action.kind === 'save') return state;
  const rows = [...(state.rows[action.group] ?? [])];
  if (action.kind === 'add') {
    if (rows.length < MAX_ROWS) rows.push({ ...blank });
  } else if (action.index < rows.length) {
    const [row] = rows.splice(action.index, 1);
    if (action.kind === 'up') rows.splice(Math.max(0, action.index - 1), 0, row as Row);
    if (action.kind === 'down') rows.splice(Math.min(rows.length, action.index + 1), 0, row as Row);
  }
  return { ...state, rows: { ...state.rows, [action.group]: rows } };
}

/** A content path (`components.2.conditionText`) as the form field it comes from (`component-2-conditionText`). */
export function formFieldOf(path: string, groups: Record<string, string>): string {
  const [head, index, ...rest] = path.split('.');
  const group = groups[head ?? ''];
  if (group && index !== undefined && /^\d+$/.test(index)) {
    return rest.length > 0 ? `${group}-${index}-${rest.join('-')}` : `${group}-${index}`;
  }
  return path;
}

export const fieldError = (field: string, vi: string, en: string): FieldError => ({
  field,
  message: { vi, en },
});
