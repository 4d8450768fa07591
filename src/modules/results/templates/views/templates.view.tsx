/** The result template pages: the list of procedures with their templates, and a template's form. */
import type { PropsWithChildren } from '@kitajs/html';
import { type Lang, translator } from '../../../../platform/html/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Layout,
  type PageContext,
  Pager,
} from '../../../../platform/html/layout.js';
import { ADMIN_CSS_PATH, Field, type FormError, Notice, Select } from '../../../admin-units/index.js';
import { FIELD_SOURCES, MAX_FIELDS, PLACEHOLDERS, SOURCE_LABELS } from '../template.js';
import { PLACEHOLDER_LABELS, tm } from './templates.messages.js';

export const TEMPLATES_PATH = '/quan-tri/mau-ket-qua';
export const TEMPLATES_CSS_PATH = '/quan-tri/mau-ket-qua.css';
export const PROVINCE_PARAM = 'toan-tinh';
export const scopeParam = (agencyId: string | null) => agencyId ?? PROVINCE_PARAM;
export const templateHref = (code: string, agencyId?: string | null) =>
  `${TEMPLATES_PATH}/${encodeURIComponent(code)}${agencyId !== undefined ? `?agency=${scopeParam(agencyId)}` : ''}`;
export const previewHref = (code: string, agencyId: string | null) =>
  `${TEMPLATES_PATH}/${encodeURIComponent(code)}/xem-truoc.pdf?agency=${scopeParam(agencyId)}`;

function Page(
  props: PropsWithChildren<{
    ctx: PageContext;
    title: string;
    back?: string;
    errors?: readonly FormError[];
    notice?: string | undefined;
  }>,
) {
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <link rel="stylesheet" href={TEMPLATES_CSS_PATH} />
      {props.back ? (
        <p>
          <a href={props.back} safe>
            {t(tm.back)}
          </a>
        </p>
      ) : (
        ''
      )}
      <h1 safe>{props.title}</h1>
      <ErrorSummary lang={props.ctx.lang} items={[...(props.errors ?? [])]} />
      <Notice text={props.notice} />
      {props.children}
    </Layout>
  );
}

export interface ListItem {
  code: string;
  name: string;
  resultName: string | null;
  /** Names of the scopes with a template, among those the admin may edit. */
  saved: string[];
}

export function TemplateListPage(props: {
  ctx: PageContext;
  q: string;
  items: readonly ListItem[];
  next: string | null;
  after: string | null;
  agencies: readonly string[];
}) {
  const t = translator(props.ctx.lang);
  const href = (after: string | null) =>
    `${TEMPLATES_PATH}?q=${encodeURIComponent(props.q)}${after ? `&sau=${encodeURIComponent(after)}` : ''}`;
  return (
    <Page ctx={props.ctx} title={t(tm.listTitle)}>
      <p safe>{t(tm.listIntro)}</p>
      <p>
        <strong safe>{`${t(tm.yourAgencies)}: `}</strong>
        <span safe>{props.agencies.join('; ')}</span>
      </p>
      <form method="get" action={TEMPLATES_PATH} class="qt-inline">
        <div class="qt-field">
          <label for="q" safe>
            {t(tm.search)}
          </label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
        <button type="submit" class="qt-button" safe>
          {t(tm.searchButton)}
        </button>
      </form>
      {props.items.length === 0 ? (
        <p safe>{t(tm.none)}</p>
      ) : (
        <div class="qt-table-wrap">
          <table class="qt-table mk-table">
            <caption class="mk-sr" safe>
              {t(tm.listTitle)}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(tm.code)}
                </th>
                <th scope="col" safe>
                  {t(tm.name)}
                </th>
                <th scope="col" safe>
                  {t(tm.resultName)}
                </th>
                <th scope="col" safe>
                  {t(tm.templates)}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((p) => (
                <tr>
                  <td>
                    <a href={templateHref(p.code)} safe>
                      {p.code}
                    </a>
                  </td>
                  <td lang="vi" safe>
                    {p.name}
                  </td>
                  <td lang="vi" safe>
                    {p.resultName ?? '—'}
                  </td>
                  <td safe>{p.saved.length > 0 ? p.saved.join('; ') : t(tm.defaultOnly)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t(tm.pager)}
        firstText={t(tm.firstPage)}
        nextText={t(tm.nextPage)}
        firstHref={props.after ? href(null) : null}
        nextHref={props.next ? href(props.next) : null}
      />
    </Page>
  );
}

/** The form as typed: strings only, so nothing is lost when it comes back with errors. */
export interface TemplateFormState {
  title: string;
  symbolKind: string;
  intro: string;
  grantLine: string;
  closing: string;
  validityMonths: string;
  signerTitle: string;
  fields: { label: string; source: string }[];
}

export interface TemplateFormProps {
  ctx: PageContext;
  csrf: string;
  procedure: { code: string; name: string };
  scopes: readonly { agencyId: string | null; name: string }[];
  agencyId: string | null;
  status: { kind: 'own' | 'province' | 'fromProvince' | 'fromDefault'; savedAt?: string };
  rowVersion: number;
  state: TemplateFormState;
  errors: readonly FormError[];
  notice?: string | undefined;
  /** After a refused concurrent save: where the saved template can be seen. */
  savedHref?: string | undefined;
}

function ScopePicker(props: {
  lang: Lang;
  code: string;
  scopes: TemplateFormProps['scopes'];
  agencyId: string | null;
}) {
  const t = translator(props.lang);
  return (
    <form method="get" action={templateHref(props.code)} class="qt-inline mk-scope">
      <Select
        name="agency"
        label={t(tm.scope)}
        value={props.agencyId ?? PROVINCE_PARAM}
        errors={[]}
        options={props.scopes.map((s) => ({
          value: scopeParam(s.agencyId),
          label: s.agencyId === null ? t(tm.provinceScope) : s.name,
        }))}
      />
      <button type="submit" class="qt-button" safe>
        {t(tm.openScope)}
      </button>
    </form>
  );
}

function StatusNote(props: { lang: Lang; status: TemplateFormProps['status'] }) {
  const t = translator(props.lang);
  const s = props.status;
  const text =
    s.kind === 'own'
      ? `${t(tm.savedOwn)} ${s.savedAt ?? ''}.`
      : s.kind === 'province'
        ? `${t(tm.savedProvince)} ${s.savedAt ?? ''}.`
        : s.kind === 'fromProvince'
          ? t(tm.startFromProvince)
          : t(tm.startFromDefault);
  return (
    <p class="mk-status" safe>
      {text}
    </p>
  );
}

function FieldRows(props: { lang: Lang; rows: TemplateFormState['fields']; errors: readonly FormError[] }) {
  const t = translator(props.lang);
  const count = props.rows.length;
  const options = FIELD_SOURCES.map((s) => ({ value: s, label: t(SOURCE_LABELS[s]) }));
  const fieldsError = props.errors.find((e) => e.field === 'fields')?.text;
  return (
    <fieldset class="mk-row" id="fields">
      <legend safe>{t(tm.fields)}</legend>
      <p class="qt-hint" safe>
        {t(tm.fieldsHint)}
      </p>
      {fieldsError ? (
        <p class="qt-error" id="fields-error" safe>
          {fieldsError}
        </p>
      ) : (
        ''
      )}
      <input type="hidden" name="field-count" value={String(count)} />
      {props.rows.map((r, i) => {
        const legend = `${t(tm.fieldRow)} ${i + 1}`;
        return (
          <fieldset class="mk-row">
            <legend safe>{legend}</legend>
            <div class="mk-grid">
              <Field name={`field-${i}-label`} label={t(tm.label)} value={r.label} errors={props.errors} />
              <Select
                name={`field-${i}-source`}
                label={t(tm.source)}
                value={r.source}
                errors={props.errors}
                options={options}
              />
            </div>
            <div class="mk-actions">
              <button type="submit" name="action" value={`up-field-${i}`} class="mk-small" disabled={i === 0}>
                <span safe>{t(tm.up)}</span>
                <span class="mk-sr" safe>{` ${legend}`}</span>
              </button>
              <button
                type="submit"
                name="action"
                value={`down-field-${i}`}
                class="mk-small"
                disabled={i === count - 1}
              >
                <span safe>{t(tm.down)}</span>
                <span class="mk-sr" safe>{` ${legend}`}</span>
              </button>
              <button type="submit" name="action" value={`remove-field-${i}`} class="mk-small">
                <span safe>{t(tm.remove)}</span>
                <span class="mk-sr" safe>{` ${legend}`}</span>
              </button>
            </div>
          </fieldset>
        );
      })}
      <p>
        <button
          type="submit"
          name="action"
          value="add-field"
          class="mk-small"
          disabled={count >= MAX_FIELDS}
          safe
        >
          {t(tm.addField)}
        </button>
      </p>
    </fieldset>
  );
}

function PlaceholderList(props: { lang: Lang }) {
  const t = translator(props.lang);
  return (
    <details class="mk-placeholders">
      <summary safe>{t(tm.placeholders)}</summary>
      <dl>
        {PLACEHOLDERS.map((p) => (
          <>
            <dt safe>{`{${p}}`}</dt>
            <dd safe>{t(PLACEHOLDER_LABELS[p])}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}

export function TemplateFormPage(props: TemplateFormProps) {
  const t = translator(props.ctx.lang);
  const lang = props.ctx.lang;
  const s = props.state;
  const e = props.errors;
  return (
    <Page
      ctx={props.ctx}
      title={`${t(tm.formTitle)} — ${props.procedure.code}`}
      back={TEMPLATES_PATH}
      errors={e}
      notice={props.notice}
    >
      <p lang="vi" safe>
        {props.procedure.name}
      </p>
      <ScopePicker lang={lang} code={props.procedure.code} scopes={props.scopes} agencyId={props.agencyId} />
      <StatusNote lang={lang} status={props.status} />
      {props.savedHref ? (
        <p>
          <a href={props.savedHref} target="_blank" rel="noopener" safe>
            {t(tm.openSaved)}
          </a>
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={previewHref(props.procedure.code, props.agencyId)} safe>
          {t(tm.preview)}
        </a>
        <br />
        <span class="qt-hint" safe>
          {t(tm.previewHint)}
        </span>
      </p>
      <form method="post" action={templateHref(props.procedure.code, props.agencyId)} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="agency" value={scopeParam(props.agencyId)} />
        <input type="hidden" name="rowVersion" value={String(props.rowVersion)} />
        {/* Enter in a field submits the first button of the form: let that be "save", not "up". */}
        <button type="submit" name="action" value="save" class="mk-sr" tabindex="-1" safe>
          {t(tm.save)}
        </button>
        <Field name="title" label={t(tm.title)} hint={t(tm.titleHint)} value={s.title} errors={e} required />
        <Field
          name="symbolKind"
          label={t(tm.symbolKind)}
          hint={t(tm.symbolHint)}
          value={s.symbolKind}
          errors={e}
          required
        />
        <Field name="intro" label={t(tm.intro)} hint={t(tm.introHint)} value={s.intro} errors={e} multiline />
        <Field
          name="grantLine"
          label={t(tm.grantLine)}
          hint={t(tm.grantHint)}
          value={s.grantLine}
          errors={e}
        />
        <PlaceholderList lang={lang} />
        <FieldRows lang={lang} rows={s.fields} errors={e} />
        <Field
          name="closing"
          label={t(tm.closing)}
          hint={t(tm.closingHint)}
          value={s.closing}
          errors={e}
          multiline
        />
        <Field
          name="validityMonths"
          label={t(tm.validityMonths)}
          hint={t(tm.validityHint)}
          value={s.validityMonths}
          errors={e}
          type="number"
        />
        <Field
          name="signerTitle"
          label={t(tm.signerTitle)}
          hint={t(tm.signerHint)}
          value={s.signerTitle}
          errors={e}
        />
        <p class="qt-actions">
          <button type="submit" name="action" value="save" class="qt-button" safe>
            {t(tm.save)}
          </button>
        </p>
      </form>
    </Page>
  );
}
