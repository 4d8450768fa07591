/**
 * /thu-tuc: the search form (a plain GET form: works without JavaScript), the procedures found with
 * the matched words marked, and links to browse by field, level and agency.
 */
import { translator } from '../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext, Pager } from '../../../platform/html/layout.js';
import type { Level, OnlineLevel } from '../content.js';
import type { CatalogueFacets, ProcedureSearchHit } from '../search/search.service.js';
import { fill, LEVEL_LABELS, m, ONLINE_LABELS } from './messages.js';
import { FIELDS_PATH, OnlineBadge, procedureHref, StyleSheet, searchHref } from './parts.js';
import { formatNumber } from './public-format.js';

/** What the form holds, as typed (echoed back into the fields). */
export interface SearchForm {
  q: string;
  field: string;
  level: string;
  agency: string;
  online: string;
}

export interface SearchResults {
  hits: ProcedureSearchHit[];
  total: number;
  totalCapped: boolean;
  nextHref: string | null;
  firstHref: string | null;
}

export interface SearchPageProps {
  ctx: PageContext;
  form: SearchForm;
  facets: CatalogueFacets;
  errors: { field: string; text: string }[];
  results: SearchResults | undefined;
}

const LEVELS: Level[] = ['commune', 'province', 'ministry', 'other'];
const ONLINE: OnlineLevel[] = ['toan_trinh', 'mot_phan', 'none'];
const SHOWN_FIELDS = 8;
const SHOWN_AGENCIES = 8;

const hasFilter = (f: SearchForm) => Boolean(f.field || f.level || f.agency || f.online);
export const isBrowsing = (f: SearchForm) => !f.q && !f.field && !f.level && !f.agency && !f.online;

function Select(props: {
  id: keyof SearchForm;
  label: string;
  anyText: string;
  value: string;
  options: { value: string; text: string }[];
}) {
  return (
    <div class="field">
      <label for={props.id} safe>
        {props.label}
      </label>
      <select id={props.id} name={props.id}>
        <option value="" selected={props.value === ''} safe>
          {props.anyText}
        </option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value} safe>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

function SearchFormView(props: Pick<SearchPageProps, 'ctx' | 'form' | 'facets'>) {
  const t = translator(props.ctx.lang);
  const { form, facets } = props;
  // A value typed into the address bar that no facet has stays selectable, so the form says what was searched.
  const withCurrent = (values: string[], current: string) =>
    current && !values.includes(current) ? [current, ...values] : values;
  return (
    <search aria-label={t(m.searchTitle)}>
      <form class="search-form" method="get" action={searchHref({})}>
        <div class="field">
          <label for="q" safe>
            {t(m.qLabel)}
          </label>
          <span class="hint" id="q-hint" safe>
            {t(m.qHint)}
          </span>
          <span class="search-form__box">
            <input
              id="q"
              name="q"
              type="search"
              value={form.q}
              maxlength="200"
              autocomplete="off"
              aria-describedby="q-hint"
            />
            <button class="button" type="submit" safe>
              {t(m.submitSearch)}
            </button>
          </span>
        </div>
        <details class="search-form__more" open={hasFilter(form)}>
          <summary safe>{t(m.filtersTitle)}</summary>
          <div class="search-form__filters">
            <Select
              id="field"
              label={t(m.fieldLabel)}
              anyText={t(m.any)}
              value={form.field}
              options={withCurrent(
                facets.fields.map((f) => f.name),
                form.field,
              ).map((name) => ({ value: name, text: name }))}
            />
            <Select
              id="level"
              label={t(m.levelLabel)}
              anyText={t(m.any)}
              value={form.level}
              options={LEVELS.map((l) => ({ value: l, text: t(LEVEL_LABELS[l]) }))}
            />
            <Select
              id="agency"
              label={t(m.agencyLabel)}
              anyText={t(m.any)}
              value={form.agency}
              options={withCurrent(
                facets.agencies.map((a) => a.name),
                form.agency,
              ).map((name) => ({ value: name, text: name }))}
            />
            <Select
              id="online"
              label={t(m.onlineLabel)}
              anyText={t(m.any)}
              value={form.online}
              options={ONLINE.map((o) => ({ value: o, text: t(ONLINE_LABELS[o]) }))}
            />
          </div>
          <p class="search-form__actions">
            <button class="button button--secondary" type="submit" safe>
              {t(m.applyFilters)}
            </button>
            {isBrowsing(form) ? (
              ''
            ) : (
              <a href={searchHref({})} safe>
                {t(m.clearSearch)}
              </a>
            )}
          </p>
        </details>
      </form>
    </search>
  );
}

function Hit(props: { ctx: PageContext; hit: ProcedureSearchHit }) {
  const t = translator(props.ctx.lang);
  const { hit } = props;
  const facts = [
    fill(t(m.codeIs), { code: hit.code }),
    hit.field,
    hit.levels.map((l) => t(LEVEL_LABELS[l])).join(', '),
  ].filter((x): x is string => Boolean(x));
  const id = `hit-${hit.code.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <li class="hit">
      <h3 class="hit__name" id={id} lang="vi">
        {hit.nameSegments.map((s) => (s.marked ? <mark safe>{s.text}</mark> : <span safe>{s.text}</span>))}
      </h3>
      <p class="hit__facts">
        <span safe>{facts.join(' · ')}</span> <OnlineBadge ctx={props.ctx} level={hit.onlineLevel} />
      </p>
      <a class="hit__link" href={procedureHref(hit.code)} aria-describedby={id} safe>
        {t(m.view)}
      </a>
    </li>
  );
}

function countText(props: { ctx: PageContext; results: SearchResults }): string {
  const t = translator(props.ctx.lang);
  const count = formatNumber(props.results.total, props.ctx.lang);
  return fill(t(props.results.totalCapped ? m.foundMore : m.found), { count });
}

function NoResults(props: { ctx: PageContext }) {
  const t = translator(props.ctx.lang);
  return (
    <div class="notice">
      <p>
        <strong safe>{t(m.noResults)}</strong>
      </p>
      <p safe>{`${t(m.tipsTitle)}:`}</p>
      <ul>
        <li safe>{t(m.tipAccents)}</li>
        <li safe>{t(m.tipShorter)}</li>
        <li safe>{t(m.tipFilters)}</li>
        <li safe>{t(m.tipCode)}</li>
      </ul>
    </div>
  );
}

function ResultsView(props: { ctx: PageContext; form: SearchForm; results: SearchResults }) {
  const t = translator(props.ctx.lang);
  const { results } = props;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" safe>
        {t(isBrowsing(props.form) ? m.allTitle : m.resultsTitle)}
      </h2>
      <p class="results-count" role="status" safe>
        {countText(props)}
      </p>
      {results.hits.length === 0 ? (
        <NoResults ctx={props.ctx} />
      ) : (
        <ol class="hits">
          {results.hits.map((hit) => (
            <Hit ctx={props.ctx} hit={hit} />
          ))}
        </ol>
      )}
      <Pager
        label={t(m.pagination)}
        firstText={t(m.firstPage)}
        nextText={t(m.nextPage)}
        firstHref={results.firstHref}
        nextHref={results.nextHref}
      />
    </section>
  );
}

function CountedLinks(props: { ctx: PageContext; items: { text: string; href: string; count: number }[] }) {
  const t = translator(props.ctx.lang);
  return (
    <ul class="browse-list">
      {props.items.map((i) => (
        <li>
          <a href={i.href} lang="vi" safe>
            {i.text}
          </a>{' '}
          <span class="muted" safe>
            {`(${fill(t(m.procedureCount), { count: formatNumber(i.count, props.ctx.lang) })})`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Browse(props: { ctx: PageContext; facets: CatalogueFacets }) {
  const t = translator(props.ctx.lang);
  const { facets } = props;
  const fields = facets.fields.map((f) => ({
    text: f.name,
    href: searchHref({ field: f.name }),
    count: f.count,
  }));
  const agencies = facets.agencies.map((a) => ({
    text: a.name,
    href: searchHref({ agency: a.name }),
    count: a.count,
  }));
  const levels = facets.levels.map((l) => ({
    text: t(LEVEL_LABELS[l.level]),
    href: searchHref({ level: l.level }),
    count: l.count,
  }));
  return (
    <section class="browse" aria-labelledby="browse-title">
      <h2 id="browse-title" safe>
        {t(m.browseTitle)}
      </h2>
      <div class="browse__groups">
        <div>
          <h3 safe>{t(m.byField)}</h3>
          <CountedLinks ctx={props.ctx} items={fields.slice(0, SHOWN_FIELDS)} />
          <p>
            <a href={FIELDS_PATH} safe>
              {fill(t(m.allFields), { count: fields.length })}
            </a>
          </p>
        </div>
        <div>
          <h3 safe>{t(m.byLevel)}</h3>
          <CountedLinks ctx={props.ctx} items={levels} />
        </div>
        <div>
          <h3 safe>{t(m.byAgency)}</h3>
          <CountedLinks ctx={props.ctx} items={agencies.slice(0, SHOWN_AGENCIES)} />
          {agencies.length > SHOWN_AGENCIES ? (
            <details>
              <summary safe>{fill(t(m.moreAgencies), { count: agencies.length - SHOWN_AGENCIES })}</summary>
              <CountedLinks ctx={props.ctx} items={agencies.slice(SHOWN_AGENCIES)} />
            </details>
          ) : (
            ''
          )}
        </div>
      </div>
    </section>
  );
}

export function ProcedureSearchPage(props: SearchPageProps) {
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t(m.searchTitle)}>
      <StyleSheet />
      <h1 safe>{t(m.searchTitle)}</h1>
      <p class="lead" safe>
        {t(m.searchLead)}
      </p>
      <ErrorSummary lang={props.ctx.lang} items={props.errors} />
      <SearchFormView ctx={props.ctx} form={props.form} facets={props.facets} />
      {props.results ? <ResultsView ctx={props.ctx} form={props.form} results={props.results} /> : ''}
      {isBrowsing(props.form) ? <Browse ctx={props.ctx} facets={props.facets} /> : ''}
    </Layout>
  );
}
