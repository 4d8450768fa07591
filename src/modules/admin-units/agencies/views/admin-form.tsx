/**
 * Small pieces of the administration forms (agencies here, the calendar's pages too): labelled
 * fields with their error next to them, and the translation of a use case's error into the items of
 * the page's error summary. Everything printed is escaped (`safe`).
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../../platform/errors.js';
import type { Lang } from '../../../../platform/html/i18n.js';

export const ADMIN_CSS_PATH = '/quan-tri/quan-tri.css';

export interface FormError {
  field?: string;
  text: string;
}

/** The summary items of an error a form can show (validation or conflict), or undefined: rethrow it. */
export function formErrors(e: unknown, lang: Lang, fieldFor?: (code: string) => string | undefined) {
  if (!(e instanceof AppError) || (e.kind !== 'validation' && e.kind !== 'conflict')) return undefined;
  if (e.fields.length > 0) return e.fields.map((f) => ({ field: f.field, text: f.message[lang] }));
  return [{ field: fieldFor?.(e.code), text: e.text[lang] }] as FormError[];
}

/** One string value of a form body (the first when repeated), trimmed. */
export function formValue(req: FastifyRequest, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

const errorOf = (errors: readonly FormError[], name: string) => errors.find((e) => e.field === name)?.text;

export function Field(props: {
  name: string;
  label: string;
  value?: string | undefined;
  errors: readonly FormError[];
  type?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
}) {
  const error = errorOf(props.errors, props.name);
  const described = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id: props.name,
    name: props.name,
    'aria-describedby': described || undefined,
    'aria-invalid': error ? 'true' : undefined,
    required: props.required,
  };
  return (
    <div class={error ? 'qt-field qt-field--error' : 'qt-field'}>
      <label for={props.name} safe>
        {props.label}
      </label>
      {props.hint ? (
        <span class="qt-hint" id={`${props.name}-hint`} safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {error ? (
        <span class="qt-error" id={`${props.name}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      {props.multiline ? (
        <textarea {...common} rows="3" safe>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value ?? ''} />
      )}
    </div>
  );
}

export function Select(props: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  errors: readonly FormError[];
}) {
  const error = errorOf(props.errors, props.name);
  return (
    <div class={error ? 'qt-field qt-field--error' : 'qt-field'}>
      <label for={props.name} safe>
        {props.label}
      </label>
      {error ? (
        <span class="qt-error" id={`${props.name}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      <select id={props.name} name={props.name} aria-describedby={error ? `${props.name}-error` : undefined}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A notice after a successful post (post-redirect-get), read from `?ok=`. */
export function Notice(props: { text?: string | undefined }) {
  if (!props.text) return '';
  return (
    <p class="qt-notice" role="status" safe>
      {props.text}
    </p>
  );
}
