/** Pieces shared by the desk's pages: paths, fields, labels, dates. */
import type { Lang } from '../../../../platform/html/i18n.js';
import type { Channel, FiledBy } from '../../dossier.js';
import { type DossierStatus, STATUS_NAMES, SUB_STATE_NAMES, type SubState } from '../../lifecycle.js';
import { m } from './desk.messages.js';

export const DESK_PATH = '/mot-cua';
export const INTAKE_PATH = '/mot-cua/tiep-nhan';
export const DESK_CSS_PATH = '/mot-cua/desk.css';
export const dossierHref = (code: string) => `${DESK_PATH}/ho-so/${encodeURIComponent(code)}`;
export const slipHref = (code: string, kind: 'receipt' | 'completion-request' | 'refusal') =>
  `/api/v1/dossiers/${encodeURIComponent(code)}/slips/${kind}.pdf`;
export const fileHref = (code: string, fileId: string) =>
  `/api/v1/dossiers/${encodeURIComponent(code)}/attachments/${fileId}`;

export interface FormErrors {
  items: { field: string; text: string }[];
}
export const NO_ERRORS: FormErrors = { items: [] };
export const errorOf = (errors: FormErrors, field: string) =>
  errors.items.find((e) => e.field === field)?.text;

export function StyleSheet() {
  return <link rel="stylesheet" href={DESK_CSS_PATH} />;
}

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
export const when = (d: Date | null | undefined) => (d ? TIME.format(d) : '—');
export const money = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

export const CHANNEL_LABELS: Record<Channel, { vi: string; en: string }> = {
  1: m.channel1,
  2: m.channel2,
  3: m.channel3,
};
export const FILED_BY_LABELS: Record<FiledBy, { vi: string; en: string }> = {
  officer: m.filedByOfficer,
  citizen_remote: m.filedByCitizen,
  citizen_assisted: m.filedByAssisted,
};

export function statusText(lang: Lang, status: number, subState: string | null) {
  const name = STATUS_NAMES[status as DossierStatus]?.[lang] ?? String(status);
  const sub = subState ? SUB_STATE_NAMES[subState as Exclude<SubState, null>]?.[lang] : undefined;
  return sub ? `${name} · ${sub}` : name;
}

interface FieldProps {
  name: string;
  label: string;
  errors: FormErrors;
  hint?: string;
  id?: string;
}

function Label(props: FieldProps & { error: string | undefined }) {
  const id = props.id ?? props.name;
  return (
    <>
      <label for={id} safe>
        {props.label}
      </label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {props.error ? (
        <span class="field-error" id={`${id}-error`} safe>
          {props.error}
        </span>
      ) : (
        ''
      )}
    </>
  );
}

const describedBy = (p: FieldProps, error: string | undefined) =>
  [p.hint ? `${p.id ?? p.name}-hint` : '', error ? `${p.id ?? p.name}-error` : ''].join(' ').trim() ||
  undefined;

export function TextField(
  props: FieldProps & {
    value: string | null | undefined;
    type?: string;
    required?: boolean;
    autocomplete?: string;
    inputmode?: string;
    autofocus?: boolean;
  },
) {
  const error = errorOf(props.errors, props.name);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <Label {...props} error={error} />
      <input
        id={props.id ?? props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete ?? 'off'}
        inputmode={props.inputmode}
        autofocus={props.autofocus}
        aria-describedby={describedBy(props, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { value: string | null | undefined; required?: boolean }) {
  const error = errorOf(props.errors, props.name);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <Label {...props} error={error} />
      <textarea
        id={props.id ?? props.name}
        name={props.name}
        rows="2"
        required={props.required}
        aria-describedby={describedBy(props, error)}
        aria-invalid={error ? 'true' : undefined}
        safe
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; selected: string | null | undefined },
) {
  const error = errorOf(props.errors, props.name);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <Label {...props} error={error} />
      <select
        id={props.id ?? props.name}
        name={props.name}
        aria-describedby={describedBy(props, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.selected ?? '')} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RadioGroup(
  props: FieldProps & { options: { value: string; label: string }[]; selected: string | null | undefined },
) {
  const error = errorOf(props.errors, props.name);
  return (
    <fieldset class={error ? 'radios field--error' : 'radios'} id={props.name}>
      <legend safe>{props.label}</legend>
      {error ? (
        <span class="field-error" safe>
          {error}
        </span>
      ) : (
        ''
      )}
      {props.options.map((o, i) => (
        <div class="radio">
          <input
            type="radio"
            id={`${props.name}-${i}`}
            name={props.name}
            value={o.value}
            checked={o.value === props.selected}
          />
          <label for={`${props.name}-${i}`} safe>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
