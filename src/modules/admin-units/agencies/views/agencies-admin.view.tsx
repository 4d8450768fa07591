/** Views of the agencies' administration pages: list with search, create/edit form, code history. */
import { translator } from '../../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../../platform/html/layout.js';
import type { Agency, AgencyCodePeriod } from '../agency-lookup.service.js';
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from '../agency-rules.js';
import type { AgencyNode } from '../agency-tree.js';
import { ADMIN_CSS_PATH, Field, type FormError, Notice, Select } from './admin-form.js';
import { ACTION_LABELS, am } from './agencies-admin.messages.js';
import { AgencyTree } from './agency-tree.view.js';

export const ADMIN_AGENCIES_PATH = '/quan-tri/co-quan';
export const agencyAdminHref = (code: string) => `${ADMIN_AGENCIES_PATH}/${encodeURIComponent(code)}`;

/** What the agency form shows: the values typed (strings), not yet validated. */
export interface AgencyFormValues {
  code: string;
  codeValidFrom: string;
  codeSource: string;
  name: string;
  kind: string;
  parentCode: string;
  units: string;
  address: string;
  phone: string;
  email: string;
}

export function AgencyListPage(props: {
  ctx: PageContext;
  q: string;
  items: readonly Agency[];
  parentNames: ReadonlyMap<string, string>;
  next: string | null;
  canCreate: boolean;
  /** Shown instead of the flat list when nothing is searched. */
  tree?: { roots: readonly AgencyNode[]; truncated: boolean } | undefined;
}) {
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t(am.listTitle)}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <h1 safe>{t(am.listTitle)}</h1>
      <form method="get" action={ADMIN_AGENCIES_PATH} class="qt-inline">
        <div class="qt-field">
          <label for="q" safe>
            {t(am.search)}
          </label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
        <button type="submit" class="qt-button" safe>
          {t(am.searchButton)}
        </button>
      </form>
      {props.canCreate ? (
        <p class="qt-actions">
          <a href={`${ADMIN_AGENCIES_PATH}/moi`} safe>
            {`+ ${t(am.newAgency)}`}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.tree ? (
        props.tree.roots.length === 0 ? (
          <p safe>{t(am.none)}</p>
        ) : (
          <AgencyTree roots={props.tree.roots} truncated={props.tree.truncated} lang={props.ctx.lang} />
        )
      ) : props.items.length === 0 ? (
        <p safe>{t(am.none)}</p>
      ) : (
        <div class="qt-table-wrap">
          <table class="qt-table">
            <caption class="qt-caption" safe>
              {t(am.results)}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(am.name)}
                </th>
                <th scope="col" safe>
                  {t(am.code)}
                </th>
                <th scope="col" safe>
                  {t(am.kind)}
                </th>
                <th scope="col" safe>
                  {t(am.parent)}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((a) => (
                <tr>
                  <td>
                    <a href={agencyAdminHref(a.code)} safe>
                      {a.name}
                    </a>
                  </td>
                  <td safe>{a.code}</td>
                  <td safe>{t(AGENCY_KIND_LABELS[a.kind])}</td>
                  <td safe>{(a.parentId && props.parentNames.get(a.parentId)) || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.next && !props.tree ? (
        <p class="qt-actions">
          <a
            href={`${ADMIN_AGENCIES_PATH}?q=${encodeURIComponent(props.q)}&sau=${encodeURIComponent(props.next)}`}
            rel="next"
            safe
          >
            {`${t(am.nextPage)} →`}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

function AgencyFields(props: { ctx: PageContext; values: AgencyFormValues; errors: readonly FormError[] }) {
  const t = translator(props.ctx.lang);
  const { values: v, errors } = props;
  return (
    <>
      <Field name="name" label={t(am.name)} value={v.name} errors={errors} required />
      <Select
        name="kind"
        label={t(am.kind)}
        value={v.kind}
        errors={errors}
        options={AGENCY_KINDS.map((k) => ({ value: k, label: t(AGENCY_KIND_LABELS[k]) }))}
      />
      <Field
        name="parentCode"
        label={t(am.parentCode)}
        hint={t(am.parentHint)}
        value={v.parentCode}
        errors={errors}
      />
      <Field
        name="units"
        label={t(am.units)}
        hint={t(am.unitsHint)}
        value={v.units}
        errors={errors}
        required
      />
      <Field name="address" label={t(am.address)} value={v.address} errors={errors} multiline />
      <Field name="phone" label={t(am.phone)} value={v.phone} errors={errors} type="tel" />
      <Field name="email" label={t(am.email)} value={v.email} errors={errors} type="email" />
    </>
  );
}

export function NewAgencyPage(props: {
  ctx: PageContext;
  csrf: string;
  /** Hidden key of this form: a double click creates one agency. */
  formKey: string;
  values: AgencyFormValues;
  errors: readonly FormError[];
}) {
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t(am.newAgency)}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <p>
        <a href={ADMIN_AGENCIES_PATH} safe>
          {t(am.back)}
        </a>
      </p>
      <h1 safe>{t(am.newAgency)}</h1>
      <ErrorSummary lang={props.ctx.lang} items={[...props.errors]} />
      <form method="post" action={ADMIN_AGENCIES_PATH} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="form-key" value={props.formKey} />
        <Field
          name="code"
          label={t(am.code)}
          hint={t(am.codeHint)}
          value={props.values.code}
          errors={props.errors}
          required
        />
        <Field
          name="codeValidFrom"
          label={t(am.codeValidFrom)}
          type="date"
          value={props.values.codeValidFrom}
          errors={props.errors}
        />
        <Field
          name="codeSource"
          label={t(am.codeSource)}
          value={props.values.codeSource}
          errors={props.errors}
        />
        <AgencyFields ctx={props.ctx} values={props.values} errors={props.errors} />
        <button type="submit" class="qt-button" safe>
          {t(am.create)}
        </button>
      </form>
    </Layout>
  );
}

export interface HistoryEntry {
  action: string;
  actor: string;
  at: Date;
}

function CodeHistory(props: { ctx: PageContext; periods: readonly AgencyCodePeriod[] }) {
  const t = translator(props.ctx.lang);
  return (
    <div class="qt-table-wrap">
      <table class="qt-table">
        <caption class="cal-sr" safe>
          {t(am.codeHistory)}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t(am.code)}
            </th>
            <th scope="col" safe>
              {t(am.effectiveFrom)}
            </th>
            <th scope="col" safe>
              {t(am.validTo)}
            </th>
            <th scope="col" safe>
              {t(am.source)}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.periods.map((p) => (
            <tr>
              <td safe>{p.code}</td>
              <td safe>{p.validFrom}</td>
              <td safe>{p.validTo ?? t(am.open)}</td>
              <td safe>{p.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeHistory(props: { ctx: PageContext; entries: readonly HistoryEntry[] }) {
  const t = translator(props.ctx.lang);
  return (
    <ul>
      {props.entries.map((e) => (
        <li>
          <time datetime={e.at.toISOString()} safe>
            {e.at.toISOString().replace('T', ' ').slice(0, 16)}
          </time>
          <span
            safe
          >{` UTC — ${ACTION_LABELS[e.action] ? t(ACTION_LABELS[e.action]!) : e.action} — ${t(am.actor)}: ${e.actor}`}</span>
        </li>
      ))}
    </ul>
  );
}

export function AgencyAdminPage(props: {
  ctx: PageContext;
  csrf: string;
  agency: Agency;
  values: AgencyFormValues;
  errors: readonly FormError[];
  codeValues: { code: string; effectiveFrom: string; source: string };
  codeErrors: readonly FormError[];
  periods: readonly AgencyCodePeriod[];
  history: readonly HistoryEntry[];
  notice?: string | undefined;
}) {
  const t = translator(props.ctx.lang);
  const href = agencyAdminHref(props.agency.code);
  const cv = props.codeValues;
  return (
    <Layout ctx={props.ctx} title={props.agency.name}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <p>
        <a href={ADMIN_AGENCIES_PATH} safe>
          {t(am.back)}
        </a>
      </p>
      <h1 safe>{props.agency.name}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={props.ctx.lang} items={[...props.errors, ...props.codeErrors]} />
      <p class="qt-actions">
        <a href={`${href}/gio-lam-viec`} safe>
          {t(am.officeHours)}
        </a>
      </p>
      <h2 safe>{t(am.edit)}</h2>
      <form method="post" action={href} novalidate>
        <CsrfField token={props.csrf} />
        <AgencyFields ctx={props.ctx} values={props.values} errors={props.errors} />
        <button type="submit" class="qt-button" safe>
          {t(am.save)}
        </button>
      </form>
      <h2 safe>{t(am.codeHistory)}</h2>
      <CodeHistory ctx={props.ctx} periods={props.periods} />
      <h2 id="doi-ma" safe>
        {t(am.changeCode)}
      </h2>
      <form method="post" action={`${href}/ma-dinh-danh`} novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="newCode"
          label={t(am.newCode)}
          hint={t(am.codeHint)}
          value={cv.code}
          errors={props.codeErrors}
          required
        />
        <Field
          name="effectiveFrom"
          label={t(am.effectiveFrom)}
          type="date"
          value={cv.effectiveFrom}
          errors={props.codeErrors}
          required
        />
        <Field name="source" label={t(am.source)} value={cv.source} errors={props.codeErrors} />
        <button type="submit" class="qt-button" safe>
          {t(am.changeCode)}
        </button>
      </form>
      <h2 safe>{t(am.changes)}</h2>
      <ChangeHistory ctx={props.ctx} entries={props.history} />
    </Layout>
  );
}
