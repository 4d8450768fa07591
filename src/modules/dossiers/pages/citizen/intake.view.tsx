/** The online intake form (/nop-ho-so/{code}): generated from the procedure version in force. */
import { ErrorSummary, Layout, type PageContext } from '../../../../platform/html/layout.js';
import type { DraftContent, DraftFile } from '../../drafts/draft.js';
import { m } from './messages.js';
import { Banner, errorOf, type FormErrors, Style, sizeText, TextField, t as tr } from './parts.js';

export const ACCEPT = 'application/pdf,image/jpeg,image/png,image/tiff,.doc,.docx,.xls,.xlsx,.odt,.ods';

export interface SlotView {
  position: number;
  name: string;
  requirement: 'required' | 'conditional';
  conditionText: string | null;
  /** Documents of the citizen's data store that match this component. */
  documents: { id: string; name: string; code: string }[];
}

export interface IntakeFormProps {
  ctx: PageContext;
  /** The form's action, with the CSRF token (multipart bodies are not read before the handler). */
  action: string;
  procedure: { code: string; name: string };
  slots: SlotView[];
  values: DraftContent;
  draft: { id: string; rowVersion: number; files: DraftFile[] } | null;
  communes: { code: string; name: string }[];
  centres: { id: string; name: string }[];
  errors: FormErrors;
  saved: boolean;
}

function PersonFields(p: {
  prefix: 'applicant' | 'owner';
  v: DraftContent['applicant'];
  errors: FormErrors;
  lang: PageContext['lang'];
}) {
  const t = tr(p.lang);
  const id = (f: string) => `${p.prefix}.${f}`;
  const mine = p.prefix === 'applicant';
  return (
    <>
      <TextField
        id={id('name')}
        label={t(m.name)}
        value={p.v.name as string}
        errors={p.errors}
        autocomplete={mine ? 'name' : 'off'}
        required={mine}
      />
      <TextField
        id={id('idNumber')}
        label={t(m.idNumber)}
        value={p.v.idNumber as string}
        errors={p.errors}
        inputmode="numeric"
        autocomplete="off"
        required={mine}
      />
      <TextField
        id={id('birthDate')}
        label={t(m.birthDate)}
        value={p.v.birthDate as string}
        errors={p.errors}
        type="date"
        autocomplete={mine ? 'bday' : 'off'}
      />
      {mine ? (
        <>
          <TextField
            id={id('phone')}
            label={t(m.phone)}
            value={p.v.phone as string}
            errors={p.errors}
            type="tel"
            autocomplete="tel"
            inputmode="tel"
          />
          <TextField
            id={id('email')}
            label={t(m.email)}
            value={p.v.email as string}
            errors={p.errors}
            type="email"
            autocomplete="email"
            inputmode="email"
          />
          <TextField
            id={id('address')}
            label={t(m.address)}
            value={p.v.address as string}
            errors={p.errors}
            autocomplete="street-address"
          />
        </>
      ) : (
        ''
      )}
    </>
  );
}

function CommuneField(p: {
  value: string;
  communes: IntakeFormProps['communes'];
  errors: FormErrors;
  lang: PageContext['lang'];
}) {
  const t = tr(p.lang);
  const id = 'applicant.communeCode';
  const error = errorOf(p.errors, id);
  const known = p.communes.some((c) => c.code === p.value);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id} safe>
        {t(m.commune)}
      </label>
      <span class="hint" id={`${id}-hint`} safe>
        {t(m.communeHint)}
      </span>
      {error ? (
        <span class="field-error" id={`${id}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      {p.communes.length > 0 ? (
        <select
          id={id}
          name={id}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? 'true' : undefined}
        >
          <option value="" safe>
            {t(m.chooseCommune)}
          </option>
          {!known && p.value ? (
            <option value={p.value} selected safe>
              {p.value}
            </option>
          ) : (
            ''
          )}
          {p.communes.map((c) => (
            <option value={c.code} selected={c.code === p.value} safe>
              {`${c.name} (${c.code})`}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={id}
          type="text"
          inputmode="numeric"
          value={p.value}
          aria-describedby={`${id}-hint`}
        />
      )}
    </div>
  );
}

function Slot(p: {
  slot: SlotView;
  files: DraftFile[];
  reuse: string;
  errors: FormErrors;
  lang: PageContext['lang'];
}) {
  const t = tr(p.lang);
  const id = `components.${p.slot.position}`;
  const error = errorOf(p.errors, id);
  const photos = p.files.filter((f) => f.mediaType === 'image/jpeg' || f.mediaType === 'image/png');
  return (
    <div class={`slot field${error ? ' field--error' : ''}`}>
      <label for={id}>
        <span safe>{`${p.slot.position + 1}. ${p.slot.name}`}</span>
        <span class={p.slot.requirement === 'required' ? 'tag tag--req' : 'tag'} safe>
          {t(p.slot.requirement === 'required' ? m.required : m.conditional)}
        </span>
      </label>
      {p.slot.conditionText ? (
        <span class="hint" safe>
          {p.slot.conditionText}
        </span>
      ) : (
        ''
      )}
      {error ? (
        <span class="field-error" id={`${id}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      {p.files.length > 0 ? (
        <>
          <span class="label" safe>{`${t(m.attached)}:`}</span>
          <ul class="files">
            {p.files.map((f) => (
              <li>
                <span safe>{`${f.fileName} (${sizeText(f.size)})`}</span>
                <button
                  class="button button--secondary button--small"
                  type="submit"
                  name="action"
                  value={`remove:${f.id}`}
                  aria-label={`${t(m.remove)} ${f.fileName}`}
                  safe
                >
                  {t(m.remove)}
                </button>
              </li>
            ))}
          </ul>
          {photos.length > 0 ? (
            <button
              class="button button--secondary button--small"
              type="submit"
              name="action"
              value={`merge:${p.slot.position}`}
              safe
            >
              {t(m.merge)}
            </button>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
      <span class="hint" safe>
        {t(m.chooseFiles)}
      </span>
      <input
        id={id}
        type="file"
        name={`slot-${p.slot.position}`}
        multiple
        accept={ACCEPT}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
      {p.slot.documents.length > 0 ? (
        <div class="field">
          <label for={`reuse-${p.slot.position}`} safe>
            {t(m.reuse)}
          </label>
          <select id={`reuse-${p.slot.position}`} name={`reuse-${p.slot.position}`}>
            <option value="" safe>
              {t(m.reuseNone)}
            </option>
            {p.slot.documents.map((d) => (
              <option value={d.id} selected={d.id === p.reuse} safe>
                {`${d.name} — ${d.code}`}
              </option>
            ))}
          </select>
        </div>
      ) : (
        ''
      )}
    </div>
  );
}

export function IntakeFormPage(p: IntakeFormProps) {
  const t = tr(p.ctx.lang);
  const v = p.values;
  const err = (id: string) => errorOf(p.errors, id);
  const returnError = err('returnMethod');
  return (
    <Layout ctx={p.ctx} title={t(m.formTitle)}>
      <Style />
      <ErrorSummary lang={p.ctx.lang} items={p.errors} />
      {p.saved ? <Banner text={t(m.draftSaved)} /> : ''}
      <h1 safe>{t(m.formTitle)}</h1>
      <p>
        <span safe>{`${t(m.procedure)}: `}</span>
        <strong safe>{p.procedure.name}</strong>
        <span safe>{` (${p.procedure.code})`}</span>
      </p>
      <p class="hint" safe>
        {t(m.formLead)}
      </p>
      <form class="intake" method="post" action={p.action} enctype="multipart/form-data" novalidate>
        {/* Enter in a field presses the first button: make it "save", not a file's "remove". */}
        <button class="default-action" type="submit" name="action" value="save" tabindex="-1" safe>
          {t(m.saveDraft)}
        </button>
        <input type="hidden" name="key" value={v.key} />
        <input type="hidden" name="draftId" value={p.draft?.id ?? ''} />
        <input type="hidden" name="rowVersion" value={String(p.draft?.rowVersion ?? 0)} />
        <fieldset>
          <legend safe>{t(m.applicantTitle)}</legend>
          <p class="hint" safe>
            {t(m.applicantHint)}
          </p>
          <PersonFields prefix="applicant" v={v.applicant} errors={p.errors} lang={p.ctx.lang} />
          <CommuneField
            value={(v.applicant.communeCode as string) ?? ''}
            communes={p.communes}
            errors={p.errors}
            lang={p.ctx.lang}
          />
        </fieldset>
        <fieldset>
          <legend safe>{t(m.ownerTitle)}</legend>
          <p class="hint" safe>
            {t(m.ownerHint)}
          </p>
          <PersonFields prefix="owner" v={v.owner ?? {}} errors={p.errors} lang={p.ctx.lang} />
        </fieldset>
        <fieldset>
          <legend safe>{t(m.documentsTitle)}</legend>
          <p class="hint" safe>
            {t(m.documentsHint)}
          </p>
          {p.slots.map((s) => (
            <Slot
              slot={s}
              files={(p.draft?.files ?? []).filter((f) => f.slot === s.position)}
              reuse={v.reuse[String(s.position)] ?? ''}
              errors={p.errors}
              lang={p.ctx.lang}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend safe>{t(m.receivingTitle)}</legend>
          <div class={err('receivingAgencyId') ? 'field field--error' : 'field'}>
            <label for="receivingAgencyId" safe>
              {t(m.centre)}
            </label>
            {err('receivingAgencyId') ? (
              <span class="field-error" safe>
                {err('receivingAgencyId')}
              </span>
            ) : (
              ''
            )}
            <select id="receivingAgencyId" name="receivingAgencyId">
              <option value="" safe>
                {t(m.centreAuto)}
              </option>
              {p.centres.map((c) => (
                <option value={c.id} selected={c.id === v.receivingAgencyId} safe>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset id="returnMethod" class={returnError ? 'field field--error' : 'field'}>
            <legend safe>{t(m.returnMethod)}</legend>
            {returnError ? (
              <span class="field-error" safe>
                {returnError}
              </span>
            ) : (
              ''
            )}
            {(
              [
                ['online', m.returnOnline],
                ['desk', m.returnDesk],
                ['post', m.returnPost],
              ] as const
            ).map(([value, label]) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`returnMethod-${value}`}
                  name="returnMethod"
                  value={value}
                  checked={v.returnMethod === value}
                />
                <label for={`returnMethod-${value}`} safe>
                  {t(label)}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField
            id="returnAddress"
            label={t(m.returnAddress)}
            value={v.returnAddress}
            errors={p.errors}
            autocomplete="street-address"
          />
          <div class="choice">
            <input type="checkbox" id="assisted" name="assisted" value="1" checked={v.assisted} />
            <label for="assisted" safe>
              {t(m.assisted)}
            </label>
          </div>
        </fieldset>
        <div class="actions">
          <button class="button" type="submit" name="action" value="submit" safe>
            {t(m.submit)}
          </button>
          <button class="button button--secondary" type="submit" name="action" value="save" safe>
            {t(m.saveDraft)}
          </button>
        </div>
      </form>
    </Layout>
  );
}
