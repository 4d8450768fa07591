/** Small pieces shared by the citizen's dossier pages: fields, dates, the stylesheet link. */
import { type Lang, translator } from '../../../../platform/html/i18n.js';

export const CITIZEN_DOSSIERS_CSS = '/nop-ho-so/tai-nguyen/ho-so.css';
export const MY_DOSSIERS_PATH = '/ho-so-cua-toi';
export const DATA_STORE_PATH = '/kho-du-lieu';
export const intakePath = (code: string) => `/nop-ho-so/${encodeURIComponent(code)}`;
export const dossierPath = (code: string) => `${MY_DOSSIERS_PATH}/${encodeURIComponent(code)}`;

export type FormErrors = { field: string; text: string }[];

export function Style() {
  return <link rel="stylesheet" href={CITIZEN_DOSSIERS_CSS} />;
}

const DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
export const dateTime = (d: Date | null | undefined) => (d ? DATE_TIME.format(d) : '—');
export const dateOnly = (d: Date | null | undefined) => (d ? DATE.format(d) : '—');

export const errorOf = (errors: FormErrors, id: string) => errors.find((e) => e.field === id)?.text;

/** A labelled text input; id and name are the field's path (`applicant.idNumber`), as errors name it. */
export function TextField(p: {
  id: string;
  label: string;
  value: string | null | undefined;
  errors: FormErrors;
  hint?: string;
  type?: 'text' | 'tel' | 'email' | 'date';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email';
  required?: boolean;
}) {
  const error = errorOf(p.errors, p.id);
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
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-required={p.required ? 'true' : undefined}
      />
    </div>
  );
}

export function Banner(p: { text: string; strong?: string }) {
  return (
    <p class="notice" role="status">
      <span safe>{p.text}</span>
      {p.strong ? (
        <>
          {' '}
          <strong safe>{p.strong}</strong>
        </>
      ) : (
        ''
      )}
    </p>
  );
}

export const t = (lang: Lang) => translator(lang);

export function sizeText(bytes: number): string {
  return bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
