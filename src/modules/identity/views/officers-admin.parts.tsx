/** Pieces shared by the officer administration pages: paths, fields, pickers. */

import { type Lang, translator } from '../../../platform/html/i18n.js';
import { ROLES, type Role } from '../../../platform/http/access.js';
import { m, ROLE_LABELS } from './officers-admin.messages.js';

export const OFFICERS_PATH = '/quan-tri/can-bo';
export const OFFICERS_CSS_PATH = '/quan-tri/officers-admin.css';
export const officerHref = (id: string) => `${OFFICERS_PATH}/${id}`;

export interface FormErrors {
  items: { field: string; text: string }[];
}
export const errorOf = (errors: FormErrors, field: string) =>
  errors.items.find((e) => e.field === field)?.text;

export function StyleSheet() {
  return <link rel="stylesheet" href={OFFICERS_CSS_PATH} />;
}

export function TextField(props: {
  name: string;
  label: string;
  value: string | null | undefined;
  errors: FormErrors;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
}) {
  const error = errorOf(props.errors, props.name);
  const describedBy = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : '']
    .join(' ')
    .trim();
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={props.name} safe>
        {props.label}
      </label>
      {props.hint ? (
        <span class="hint" id={`${props.name}-hint`} safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {error ? (
        <span class="field-error" id={`${props.name}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete ?? 'off'}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function AgencySelect(props: {
  lang: Lang;
  id: string;
  name?: string;
  agencies: { id: string; name: string }[];
  selected?: string;
  errors?: FormErrors;
  emptyLabel: string;
}) {
  const t = translator(props.lang);
  const error = props.errors ? errorOf(props.errors, props.name ?? 'agencyId') : undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={props.id} safe>
        {t(m.agencyLabel)}
      </label>
      {error ? (
        <span class="field-error" id={`${props.id}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      <select
        id={props.id}
        name={props.name ?? 'agencyId'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
      >
        <option value="" safe>
          {props.emptyLabel}
        </option>
        {props.agencies.map((a) => (
          <option value={a.id} selected={a.id === props.selected} safe>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RoleSelect(props: {
  lang: Lang;
  id: string;
  roles?: readonly Role[];
  selected?: string;
  errors?: FormErrors;
  emptyLabel: string;
}) {
  const t = translator(props.lang);
  const error = props.errors ? errorOf(props.errors, 'role') : undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={props.id} safe>
        {t(m.roleLabel)}
      </label>
      {error ? (
        <span class="field-error" id={`${props.id}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      <select
        id={props.id}
        name="role"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
      >
        <option value="" safe>
          {props.emptyLabel}
        </option>
        {(props.roles ?? ROLES).map((r) => (
          <option value={r} selected={r === props.selected} safe>
            {t(ROLE_LABELS[r])}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Notice(props: { text: string | undefined }) {
  if (!props.text) return '';
  return (
    <p class="notice notice--done" role="status" safe>
      {props.text}
    </p>
  );
}
