/**
 * The officer's work list (/can-bo/ho-so): the search box first (a scanned barcode is a typed code
 * plus Enter), the six lists as tabs with their capped counts, filters, and a dense table sorted by
 * the current step's due time, overdue rows marked, keyset pages.
 */
import { type Lang, translator } from '../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext, Pager } from '../../../platform/html/layout.js';
import {
  CHANNEL_LABELS,
  type FormErrors,
  SelectField,
  STATUS_NAMES,
  TextField,
} from '../../dossiers/index.js';
import { INBOX_COUNT_CAP, INBOX_VIEWS, type InboxView } from '../inbox.repository.js';
import type { SearchRow } from '../search.repository.js';
import { InboxTable } from './inbox-table.view.js';
import { m } from './officer.messages.js';
import { INBOX_PATH, OfficerStyles } from './officer-parts.js';
import type { InboxQueryText, InboxResult } from './officer-work.service.js';

const VIEW_NAMES: Record<InboxView, { vi: string; en: string }> = {
  mine: m.viewMine,
  unclaimed: m.viewUnclaimed,
  'due-soon': m.viewDueSoon,
  overdue: m.viewOverdue,
  supplement: m.viewSupplement,
  payment: m.viewPayment,
};

export interface InboxViewProps {
  ctx: PageContext;
  q: string;
  query: InboxQueryText;
  view: InboxView;
  /** The list, or null when a search is shown instead (or the query was refused). */
  page: InboxResult | null;
  counts: Record<InboxView, number> | null;
  search: { rows: SearchRow[] | null } | null;
  errors: FormErrors;
  hrefOf: (over: Partial<InboxQueryText>) => string;
  now: Date;
  soon: Date;
  /** The caller's role pages beside the list: the leader's batch signing, the clerk's register. */
  roleLinks: { href: string; text: string }[];
}

const countText = (lang: Lang, n: number) =>
  n >= INBOX_COUNT_CAP ? translator(lang)(m.moreThan500) : String(n);

function Tabs(props: InboxViewProps) {
  const t = translator(props.ctx.lang);
  return (
    <nav aria-label={t(m.views)}>
      <ul class="wf-tabs">
        {INBOX_VIEWS.map((v) => (
          <li>
            <a
              href={props.hrefOf({ view: v, cursor: '' })}
              aria-current={!props.search && v === props.view ? 'page' : undefined}
            >
              <span safe>{t(VIEW_NAMES[v])}</span>{' '}
              <span class="wf-count" safe>
                {`(${props.counts ? countText(props.ctx.lang, props.counts[v]) : '–'})`}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Filters(props: InboxViewProps) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const f = props.query;
  return (
    <details open={Object.entries(f).some(([k, v]) => !['view', 'cursor'].includes(k) && v !== '')}>
      <summary safe>{t(m.filters)}</summary>
      <form class="desk-filter" method="get" action={INBOX_PATH}>
        <input type="hidden" name="view" value={props.view} />
        <TextField name="procedure" label={t(m.procedure)} value={f.procedure} errors={props.errors} />
        <TextField name="field" label={t(m.field)} value={f.field} errors={props.errors} />
        <SelectField
          name="status"
          label={t(m.status)}
          errors={props.errors}
          selected={f.status}
          options={[
            { value: '', label: t(m.anyStatus) },
            ...[4, 5, 6].map((k) => ({ value: String(k), label: `${k}. ${STATUS_NAMES[k as 4][lang]}` })),
          ]}
        />
        <SelectField
          name="channel"
          label={t(m.channel)}
          errors={props.errors}
          selected={f.channel}
          options={[
            { value: '', label: t(m.anyChannel) },
            ...([1, 2, 3] as const).map((c) => ({ value: String(c), label: t(CHANNEL_LABELS[c]) })),
          ]}
        />
        <TextField name="from" label={t(m.from)} type="date" value={f.from} errors={props.errors} />
        <TextField name="to" label={t(m.to)} type="date" value={f.to} errors={props.errors} />
        <button class="button button--secondary" type="submit" safe>
          {t(m.filter)}
        </button>
        <a
          href={props.hrefOf({
            procedure: '',
            field: '',
            status: '',
            channel: '',
            from: '',
            to: '',
            cursor: '',
          })}
          safe
        >
          {t(m.clearFilters)}
        </a>
      </form>
    </details>
  );
}

function SearchResults(props: InboxViewProps & { rows: SearchRow[] | null }) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  return (
    <section aria-labelledby="ket-qua">
      <h2 id="ket-qua" safe>
        {`${t(m.searchResults)}: ${props.rows?.length ?? 0}`}
      </h2>
      {props.rows === null ? (
        <p class="notice" safe>
          {t(m.searchUnreadable)}
        </p>
      ) : props.rows.length === 0 ? (
        <p class="notice" safe>
          {t(m.searchNone)}
        </p>
      ) : (
        <InboxTable
          lang={lang}
          rows={props.rows}
          now={props.now}
          soon={props.soon}
          caption={t(m.searchResults)}
        />
      )}
      <p class="wf-back">
        <a href={INBOX_PATH} safe>
          {t(m.backToInbox)}
        </a>
      </p>
    </section>
  );
}

export function OfficerInboxView(props: InboxViewProps) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const page = props.page;
  return (
    <Layout ctx={props.ctx} title={t(m.listTitle)}>
      <OfficerStyles />
      <h1 safe>{t(m.listTitle)}</h1>
      {props.roleLinks.length > 0 ? (
        <p class="wf-role-links">
          {props.roleLinks.map((l) => (
            <a class="button button--secondary" href={l.href} safe>
              {l.text}
            </a>
          ))}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} items={props.errors.items} />
      <search aria-label={t(m.searchLabel)}>
        <form class="wf-search desk-filter" method="get" action={INBOX_PATH}>
          <TextField
            name="q"
            label={t(m.searchLabel)}
            hint={t(m.searchHint)}
            value={props.q}
            errors={props.errors}
            type="search"
            autofocus
          />
          <button class="button" type="submit" safe>
            {t(m.search)}
          </button>
        </form>
      </search>
      <Tabs {...props} />
      {props.search ? (
        <SearchResults {...props} rows={props.search.rows} />
      ) : (
        <>
          <Filters {...props} />
          {page ? (
            <>
              <p class="desk-count" role="status" safe>
                {`${t(VIEW_NAMES[props.view])}: ${page.more ? t(m.moreThan500) : page.count} ${t(m.count)}`}
              </p>
              {page.items.length === 0 ? (
                <p class="notice" safe>
                  {t(m.empty)}
                </p>
              ) : (
                <InboxTable
                  lang={lang}
                  rows={page.items}
                  now={props.now}
                  soon={props.soon}
                  caption={t(VIEW_NAMES[props.view])}
                />
              )}
              <Pager
                label={t(m.pagination)}
                firstText={t(m.firstPage)}
                nextText={t(m.nextPage)}
                firstHref={props.query.cursor ? props.hrefOf({ cursor: '' }) : null}
                nextHref={page.next ? props.hrefOf({ cursor: page.next }) : null}
              />
            </>
          ) : (
            ''
          )}
        </>
      )}
    </Layout>
  );
}
