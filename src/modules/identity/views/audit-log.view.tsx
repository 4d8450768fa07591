/** The audit log search page: a GET filter form, a dense table (cards on a phone), keyset pages. */

import { type Lang, translator } from '../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext, Pager } from '../../../platform/html/layout.js';
import type { AuditSearchRow } from '../audit-search.repository.js';
import {
  ACTION_LABELS,
  ACTOR_KIND_LABELS,
  auditMessages as m,
  OBJECT_TYPE_LABELS,
} from './audit-log.messages.js';
import { AgencySelect, type FormErrors, officerHref, StyleSheet, TextField } from './officers-admin.parts.js';

export const AUDIT_PATH = '/quan-tri/nhat-ky';
export const AUDIT_CSS_PATH = '/quan-tri/audit-log.css';

/** The filters as typed, to fill the form again. */
export interface AuditForm {
  person: string;
  agencyId: string;
  objectType: string;
  objectId: string;
  action: string;
  from: string;
  to: string;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy hh:mm:ss in Vietnam time. */
export function vietnamTime(at: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

function Choice(props: {
  id: string;
  label: string;
  empty: string;
  options: [string, string][];
  selected: string;
  errors: FormErrors;
}) {
  const error = props.errors.items.find((e) => e.field === props.id)?.text;
  const known = props.options.some(([v]) => v === props.selected);
  const options: [string, string][] =
    props.selected && !known ? [...props.options, [props.selected, props.selected]] : props.options;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={props.id} safe>
        {props.label}
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
        name={props.id}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
      >
        <option value="" safe>
          {props.empty}
        </option>
        {options.map(([value, label]) => (
          <option value={value} selected={value === props.selected} safe>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm(props: {
  lang: Lang;
  form: AuditForm;
  errors: FormErrors;
  agencies: { id: string; name: string }[];
}) {
  const t = translator(props.lang);
  const { form, errors } = props;
  const labelled = (table: Record<string, { vi: string; en: string }>): [string, string][] =>
    Object.entries(table).map(([code, label]) => [code, t(label)]);
  return (
    <search aria-label={t(m.filters)}>
      <form class="filter-form audit-filter" method="get" action={AUDIT_PATH} novalidate>
        <TextField
          name="person"
          label={t(m.person)}
          hint={t(m.personHint)}
          value={form.person}
          errors={errors}
          type="search"
        />
        <AgencySelect
          lang={props.lang}
          id="agencyId"
          agencies={props.agencies}
          selected={form.agencyId}
          errors={errors}
          emptyLabel={t(m.anyAgency)}
        />
        <Choice
          id="objectType"
          label={t(m.objectType)}
          empty={t(m.anyObjectType)}
          options={labelled(OBJECT_TYPE_LABELS)}
          selected={form.objectType}
          errors={errors}
        />
        <TextField name="objectId" label={t(m.objectId)} value={form.objectId} errors={errors} />
        <Choice
          id="action"
          label={t(m.action)}
          empty={t(m.anyAction)}
          options={labelled(ACTION_LABELS)}
          selected={form.action}
          errors={errors}
        />
        <TextField name="from" label={t(m.from)} value={form.from} errors={errors} type="date" />
        <TextField name="to" label={t(m.to)} value={form.to} errors={errors} type="date" />
        <div class="audit-filter__actions">
          <button class="button" type="submit" safe>
            {t(m.filter)}
          </button>
          <a href={AUDIT_PATH} safe>
            {t(m.clear)}
          </a>
        </div>
      </form>
    </search>
  );
}

function Actor(props: { lang: Lang; row: AuditSearchRow }) {
  const t = translator(props.lang);
  const r = props.row;
  const kind = t(ACTOR_KIND_LABELS[r.actor_kind] ?? { vi: r.actor_kind, en: r.actor_kind });
  const main = r.actor_name ?? r.actor_label ?? kind;
  const sub = [r.actor_name && r.actor_label ? r.actor_label : '', kind].filter(Boolean).join(' · ');
  return (
    <>
      <span class="audit-actor" safe>
        {main}
      </span>
      <span class="muted audit-sub" safe>
        {sub}
      </span>
    </>
  );
}

function ObjectCell(props: { lang: Lang; row: AuditSearchRow }) {
  const r = props.row;
  if (!r.object_type) return <span class="muted">—</span>;
  const label = translator(props.lang)(
    OBJECT_TYPE_LABELS[r.object_type] ?? { vi: r.object_type, en: r.object_type },
  );
  const id = r.object_id ?? '';
  return (
    <>
      <span safe>{label}</span>{' '}
      {r.object_type === 'officer' && /^[0-9a-f-]{36}$/.test(id) ? (
        <a class="audit-id" href={officerHref(id)} safe>
          {id}
        </a>
      ) : (
        <code class="audit-id" safe>
          {id}
        </code>
      )}
    </>
  );
}

function Row(props: { lang: Lang; row: AuditSearchRow; agencyName: (id: string) => string }) {
  const t = translator(props.lang);
  const r = props.row;
  const action = ACTION_LABELS[r.action];
  const details = JSON.stringify(r.details);
  const agency: string = r.agency_id ? props.agencyName(r.agency_id) : '—';
  return (
    <tr>
      <td class="data-table__name">
        <time datetime={r.at.toISOString()} safe>
          {vietnamTime(r.at)}
        </time>
      </td>
      <td data-label={t(m.colActor)}>
        <Actor lang={props.lang} row={r} />
      </td>
      <td data-label={t(m.colAction)}>
        <span safe>{action ? t(action) : r.action}</span>
        {action ? (
          <code class="muted audit-sub" safe>
            {r.action}
          </code>
        ) : (
          ''
        )}
        {details && details !== '{}' ? (
          <details class="audit-details">
            <summary safe>{t(m.details)}</summary>
            <pre safe>{JSON.stringify(r.details, null, 1)}</pre>
          </details>
        ) : (
          ''
        )}
      </td>
      <td data-label={t(m.colObject)}>
        <ObjectCell lang={props.lang} row={r} />
      </td>
      <td data-label={t(m.colAgency)} safe>
        {agency}
      </td>
      <td data-label={t(m.colIp)}>
        <code safe>{r.ip ?? '—'}</code>
      </td>
      <td data-label={t(m.colChain)}>
        <span class={r.linked ? 'audit-status audit-status--linked' : 'audit-status'} safe>
          {r.linked ? t(m.linked) : t(m.pending)}
        </span>
      </td>
    </tr>
  );
}

export function AuditLogView(props: {
  ctx: PageContext;
  form: AuditForm;
  errors: FormErrors;
  agencies: { id: string; name: string }[];
  limitedToAgencies: boolean;
  items: AuditSearchRow[];
  agencyName: (id: string) => string;
  nextHref: string | null;
  firstHref: string | null;
}) {
  const t = translator(props.ctx.lang);
  const lang = props.ctx.lang;
  const heads = [m.colTime, m.colActor, m.colAction, m.colObject, m.colAgency, m.colIp, m.colChain];
  return (
    <Layout ctx={props.ctx} title={t(m.title)}>
      <StyleSheet />
      <link rel="stylesheet" href={AUDIT_CSS_PATH} />
      <h1 safe>{t(m.title)}</h1>
      <p class="lead" safe>
        {t(m.lead)}
      </p>
      {props.limitedToAgencies ? <p safe>{t(m.scopeAgencies)}</p> : ''}
      <ErrorSummary lang={lang} items={props.errors.items} />
      <FilterForm lang={lang} form={props.form} errors={props.errors} agencies={props.agencies} />
      {props.errors.items.length > 0 ? (
        ''
      ) : props.items.length === 0 ? (
        <p class="notice" role="status" safe>
          {t(m.none)}
        </p>
      ) : (
        <>
          <p class="muted" safe>{`${props.items.length} ${t(m.shown)}. ${t(m.timeZoneNote)}`}</p>
          <div class="table-scroll">
            <table class="data-table audit-table">
              <caption class="audit-caption" safe>
                {t(m.title)}
              </caption>
              <thead>
                <tr>
                  {heads.map((h) => (
                    <th scope="col" safe>
                      {t(h)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.items.map((row) => (
                  <Row lang={lang} row={row} agencyName={props.agencyName} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pager
        label={t(m.pagination)}
        firstText={t(m.firstPage)}
        nextText={t(m.nextPage)}
        firstHref={props.firstHref}
        nextHref={props.nextHref}
      />
    </Layout>
  );
}
