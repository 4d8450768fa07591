/** The public search page: a GET form (works without JavaScript) and the list of units found. */
import { translator } from '../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import type { UnitSearchHit } from '../admin-units.service.js';
import type { UnitLevel } from '../import/index.js';
import { fill, formatDate, LEVEL_LABELS, m, TYPE_LABELS } from './messages.js';
import { FieldError, PAGES_PATH, StyleSheet, unitHref } from './parts.js';

export interface SearchForm {
  q: string;
  ngay: string;
  cap: string;
  thuoc: string;
}

export interface SearchResults {
  /** The sentence above the list ("Units in force on 1 July 2025."). */
  caption: string;
  at: string;
  items: UnitSearchHit[];
  nextHref: string | null;
  firstHref: string | null;
}

export interface SearchViewProps {
  ctx: PageContext;
  form: SearchForm;
  errors: { field: string; text: string }[];
  results: SearchResults | undefined;
}

const LEVELS: UnitLevel[] = ['province', 'district', 'commune'];

function SearchFormView(props: { ctx: PageContext; form: SearchForm; errors: SearchViewProps['errors'] }) {
  const t = translator(props.ctx.lang);
  const errorOf = (field: string) => props.errors.find((e) => e.field === field)?.text;
  const describedBy = (field: string) =>
    [`${field}-hint`, errorOf(field) ? `${field}-error` : ''].join(' ').trim();
  const fieldClass = (field: string) => (errorOf(field) ? 'field field--error' : 'field');
  return (
    <search aria-label={t(m.searchTitle)}>
      <form class="search-form" method="get" action={PAGES_PATH}>
        <div class={fieldClass('q')}>
          <label for="q" safe>
            {t(m.qLabel)}
          </label>
          <span class="hint" id="q-hint" safe>
            {t(m.qHint)}
          </span>
          <FieldError id="q-error" text={errorOf('q')} />
          <input
            id="q"
            name="q"
            type="search"
            value={props.form.q}
            maxlength="100"
            autocomplete="off"
            aria-describedby={describedBy('q')}
            aria-invalid={errorOf('q') ? 'true' : undefined}
          />
        </div>
        <div class="search-form__row">
          <div class={fieldClass('ngay')}>
            <label for="ngay" safe>
              {t(m.dateLabel)}
            </label>
            <span class="hint" id="ngay-hint" safe>
              {t(m.dateHint)}
            </span>
            <FieldError id="ngay-error" text={errorOf('ngay')} />
            <input
              id="ngay"
              name="ngay"
              type="date"
              value={props.form.ngay}
              aria-describedby={describedBy('ngay')}
              aria-invalid={errorOf('ngay') ? 'true' : undefined}
            />
          </div>
          <div class={fieldClass('cap')}>
            <label for="cap" safe>
              {t(m.levelLabel)}
            </label>
            <FieldError id="cap-error" text={errorOf('cap')} />
            <select id="cap" name="cap" aria-invalid={errorOf('cap') ? 'true' : undefined}>
              <option value="" selected={props.form.cap === ''} safe>
                {t(m.allLevels)}
              </option>
              {LEVELS.map((level) => (
                <option value={level} selected={props.form.cap === level} safe>
                  {t(LEVEL_LABELS[level])}
                </option>
              ))}
            </select>
          </div>
        </div>
        {props.form.thuoc ? <input type="hidden" name="thuoc" value={props.form.thuoc} /> : ''}
        <button class="button" type="submit" safe>
          {t(m.submitSearch)}
        </button>
      </form>
    </search>
  );
}

function ResultItem(props: { ctx: PageContext; hit: UnitSearchHit; at: string }) {
  const t = translator(props.ctx.lang);
  const hit = props.hit;
  const facts = [t(TYPE_LABELS[hit.type]), hit.parentName, fill(t(m.codeIs), { code: hit.code })].filter(
    (x): x is string => Boolean(x),
  );
  return (
    <li>
      <a href={unitHref(hit.code, props.at)} lang="vi" safe>
        {hit.fullName}
      </a>
      <span class="unit-list__facts" safe>
        {facts.join(' · ')}
      </span>
    </li>
  );
}

function ResultsView(props: { ctx: PageContext; results: SearchResults }) {
  const t = translator(props.ctx.lang);
  const { results } = props;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" safe>
        {t(m.resultsTitle)}
      </h2>
      <p safe>{results.caption}</p>
      {results.items.length === 0 ? (
        <p class="notice" safe>
          {t(m.noResults)}
        </p>
      ) : (
        <ol class="unit-list">
          {results.items.map((hit) => (
            <ResultItem ctx={props.ctx} hit={hit} at={results.at} />
          ))}
        </ol>
      )}
      {results.nextHref || results.firstHref ? (
        <nav class="pager" aria-label={t(m.pagination)}>
          {results.firstHref ? (
            <a href={results.firstHref} safe>
              {t(m.firstPage)}
            </a>
          ) : (
            ''
          )}
          {results.nextHref ? (
            <a href={results.nextHref} rel="next" safe>
              {t(m.nextPage)}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </section>
  );
}

export function UnitSearchView(props: SearchViewProps) {
  const t = translator(props.ctx.lang);
  const errorItems = props.errors.map((e) => ({ field: e.field, text: e.text }));
  return (
    <Layout ctx={props.ctx} title={t(m.searchTitle)}>
      <StyleSheet />
      <h1 safe>{t(m.searchTitle)}</h1>
      <p class="lead" safe>
        {t(m.searchLead)}
      </p>
      <ErrorSummary lang={props.ctx.lang} items={errorItems} />
      <SearchFormView ctx={props.ctx} form={props.form} errors={props.errors} />
      {props.results ? <ResultsView ctx={props.ctx} results={props.results} /> : ''}
    </Layout>
  );
}

/** The caption above results, naming the date in the page's language. */
export function resultsCaption(
  lang: PageContext['lang'],
  kind: 'search' | 'children' | 'provinces',
  at: string,
  parentName?: string,
): string {
  const t = translator(lang);
  const date = formatDate(at, lang);
  if (kind === 'children') return fill(t(m.childrenOf), { name: parentName ?? '', date });
  if (kind === 'provinces') return fill(t(m.provincesOn), { date });
  return fill(t(m.resultsOn), { date });
}
