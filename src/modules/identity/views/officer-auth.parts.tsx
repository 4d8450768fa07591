/** Pieces shared by the officers' login and account pages. */
import type { PageContext } from '../../../platform/html/layout.js';

export const AUTH_CSS_PATH = '/can-bo/assets/officer-auth.css';

export function AuthStyle() {
  return <link rel="stylesheet" href={AUTH_CSS_PATH} />;
}

export type FormErrors = { field: string; text: string }[];

export interface FieldProps {
  id: string;
  label: string;
  type: 'text' | 'password';
  errors: FormErrors;
  hint?: string;
  value?: string;
  autocomplete: string;
  inputmode?: 'numeric';
  className?: string;
  maxlength?: string;
}

/** A labelled input with its hint and error message (GOV.UK pattern). */
export function Field(p: FieldProps) {
  const error = p.errors.find((e) => e.field === p.id)?.text;
  const describedBy = [p.hint ? `${p.id}-hint` : '', error ? `${p.id}-error` : ''].join(' ').trim();
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={p.id} safe>
        {p.label}
      </label>
      {p.hint ? (
        <span class="hint" id={`${p.id}-hint`} safe>
          {p.hint}
        </span>
      ) : (
        ''
      )}
      {error ? (
        <span class="field-error" id={`${p.id}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      <input
        id={p.id}
        name={p.id}
        type={p.type}
        value={p.value}
        class={p.className}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        spellcheck="false"
        autocapitalize="none"
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** A path with ?next= kept (only when it is not the landing page). */
export function withNext(path: string, next: string): string {
  return next && next !== '/can-bo' ? `${path}?next=${encodeURIComponent(next)}` : path;
}

export type ViewCtx = PageContext;
