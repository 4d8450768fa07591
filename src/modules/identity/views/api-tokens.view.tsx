/** The API token page (list, the token shown once, the create form) and the revoke confirmation. */

import { type Lang, translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext, Pager } from '../../../platform/html/layout.js';
import { API_SCOPES } from '../../../platform/http/scopes.js';
import type { ApiTokenView } from '../api-tokens.service.js';
import { fill, t$ as m, STATE_LABELS, vnDateTime } from './api-tokens.messages.js';
import { errorOf, type FormErrors, Notice, OFFICERS_CSS_PATH, TextField } from './officers-admin.parts.js';

export const API_TOKENS_PATH = '/quan-tri/api-tokens';
export const API_TOKENS_CSS_PATH = '/quan-tri/api-tokens.css';
export const API_TOKENS_JS_PATH = '/quan-tri/api-tokens.js';
export const revokeHref = (id: string) => `${API_TOKENS_PATH}/${id}/thu-hoi`;

export interface TokenForm {
  name: string;
  scopes: string[];
  expiresOn: string;
}

export interface ApiTokensProps {
  ctx: PageContext;
  csrf: string;
  items: ApiTokenView[];
  nextHref: string | null;
  firstHref: string | null;
  form: TokenForm;
  errors: FormErrors;
  /** The token just created, shown this once. */
  once?: { name: string; token: string };
  done?: string;
  /** The earliest expiry date the form accepts (tomorrow in Vietnam), yyyy-mm-dd. */
  minDate: string;
}

function Styles() {
  return (
    <>
      <link rel="stylesheet" href={OFFICERS_CSS_PATH} />
      <link rel="stylesheet" href={API_TOKENS_CSS_PATH} />
    </>
  );
}

function OnceToken(props: { lang: Lang; once: ApiTokensProps['once'] }) {
  const t = translator(props.lang);
  if (!props.once) return '';
  return (
    <section class="once" aria-labelledby="once-title">
      <h2 id="once-title" safe>
        {t(m.onceTitle)}
      </h2>
      <p class="once__warning" id="new-token-warning" safe>
        {t(m.onceWarning)}
      </p>
      <div class="field">
        <label for="new-token" safe>
          {fill(t(m.onceLabel), { name: props.once.name })}
        </label>
        <textarea
          id="new-token"
          class="once__field"
          rows="2"
          readonly
          spellcheck="false"
          autocapitalize="none"
          aria-describedby="new-token-warning new-token-usage"
          data-testid="new-token"
          safe
        >
          {props.once.token}
        </textarea>
      </div>
      <p>
        <button
          class="button button--secondary"
          type="button"
          hidden
          data-copy="new-token"
          data-status="copy-status"
          data-ok={t(m.copied)}
          data-fail={t(m.copyFailed)}
          safe
        >
          {t(m.copy)}
        </button>
      </p>
      <p id="copy-status" class="once__status" role="status" aria-live="polite"></p>
      <p class="hint" id="new-token-usage" safe>
        {t(m.onceUsage)}
      </p>
    </section>
  );
}

function StatusCell(props: { lang: Lang; item: ApiTokenView }) {
  const t = translator(props.lang);
  const i = props.item;
  return (
    <td data-label={t(m.colStatus)}>
      <span class={`token-state token-state--${i.state}`} safe>
        {t(STATE_LABELS[i.state])}
      </span>
      {i.revoked_at ? (
        <span class="hint" safe>
          {fill(t(m.revokedBy), { at: vnDateTime(i.revoked_at), who: i.revoker_username ?? '' })}
        </span>
      ) : (
        ''
      )}
    </td>
  );
}

function TokenRow(props: { lang: Lang; item: ApiTokenView }) {
  const t = translator(props.lang);
  const i = props.item;
  return (
    <tr>
      <td class="data-table__name">
        <span safe>{i.name}</span>
        <code class="token-prefix" safe>{`${i.prefix}…`}</code>
      </td>
      <td data-label={t(m.colScopes)}>
        <ul class="scope-list">
          {i.scopes.map((s) => (
            <li>
              <code safe>{s}</code>
            </li>
          ))}
        </ul>
      </td>
      <td data-label={t(m.colCreated)}>
        <span safe>{vnDateTime(i.created_at)}</span>
        <span class="token-creator" safe>
          {i.creator_username}
        </span>
      </td>
      <td data-label={t(m.colLastUsed)} safe>
        {i.last_used_at ? vnDateTime(i.last_used_at) : t(m.never)}
      </td>
      <td data-label={t(m.colExpires)} safe>
        {i.expires_at ? vnDateTime(i.expires_at) : t(m.noExpiry)}
      </td>
      <StatusCell lang={props.lang} item={i} />
      <td data-label={t(m.colAction)}>
        {i.state === 'revoked' ? (
          '—'
        ) : (
          <a href={revokeHref(i.id)} aria-label={fill(t(m.revokeLabel), { name: i.name })} safe>
            {t(m.revoke)}
          </a>
        )}
      </td>
    </tr>
  );
}

function TokenTable(props: ApiTokensProps) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  if (props.items.length === 0)
    return (
      <p class="notice" safe>
        {t(m.none)}
      </p>
    );
  const cols = [m.colName, m.colScopes, m.colCreated, m.colLastUsed, m.colExpires];
  return (
    <div class="table-scroll">
      <table class="data-table token-table">
        <thead>
          <tr>
            {[...cols, m.colStatus, m.colAction].map((c) => (
              <th scope="col" safe>
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <TokenRow lang={lang} item={item} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ScopeChoices(props: { lang: Lang; selected: string[]; errors: FormErrors }) {
  const t = translator(props.lang);
  const error = errorOf(props.errors, 'scopes');
  return (
    <fieldset
      id="scopes"
      class={error ? 'choices field--error' : 'choices'}
      aria-describedby={error ? 'scopes-hint scopes-error' : 'scopes-hint'}
    >
      <legend safe>{t(m.scopesLegend)}</legend>
      <span class="hint" id="scopes-hint" safe>
        {t(m.scopesHint)}
      </span>
      {error ? (
        <span class="field-error" id="scopes-error" safe>
          {error}
        </span>
      ) : (
        ''
      )}
      {API_SCOPES.map((s) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`scope-${s.scope}`}
            name="scopes"
            value={s.scope}
            checked={props.selected.includes(s.scope)}
          />
          <label for={`scope-${s.scope}`}>
            <code>{s.scope}</code> <span safe>{t(s.description)}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function CreateForm(props: ApiTokensProps) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const expiresError = errorOf(props.errors, 'expiresOn');
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title" safe>
        {t(m.createTitle)}
      </h2>
      <form class="stacked-form" method="post" action={API_TOKENS_PATH} novalidate>
        <CsrfField token={props.csrf} />
        <TextField
          name="name"
          label={t(m.nameLabel)}
          hint={t(m.nameHint)}
          value={props.form.name}
          errors={props.errors}
          required
        />
        <ScopeChoices lang={lang} selected={props.form.scopes} errors={props.errors} />
        <div class={expiresError ? 'field field--error' : 'field'}>
          <label for="expiresOn" safe>
            {t(m.expiresLabel)}
          </label>
          <span class="hint" id="expiresOn-hint" safe>
            {t(m.expiresHint)}
          </span>
          {expiresError ? (
            <span class="field-error" id="expiresOn-error" safe>
              {expiresError}
            </span>
          ) : (
            ''
          )}
          <input
            id="expiresOn"
            name="expiresOn"
            type="date"
            min={props.minDate}
            value={props.form.expiresOn}
            aria-describedby={expiresError ? 'expiresOn-hint expiresOn-error' : 'expiresOn-hint'}
            aria-invalid={expiresError ? 'true' : undefined}
          />
        </div>
        <button class="button" type="submit" safe>
          {t(m.create)}
        </button>
      </form>
    </section>
  );
}

export function ApiTokensView(props: ApiTokensProps) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  return (
    <Layout ctx={props.ctx} title={t(m.title)}>
      <Styles />
      <h1 safe>{t(m.title)}</h1>
      <p class="lead" safe>
        {t(m.lead)}
      </p>
      <Notice text={props.done} />
      <ErrorSummary lang={lang} items={props.errors.items} />
      <OnceToken lang={lang} once={props.once} />
      <section aria-labelledby="list-title">
        <h2 id="list-title" safe>
          {t(m.listTitle)}
        </h2>
        <TokenTable {...props} />
        <Pager
          label={t(m.pagination)}
          firstText={t(m.firstPage)}
          nextText={t(m.nextPage)}
          firstHref={props.firstHref}
          nextHref={props.nextHref}
        />
      </section>
      <CreateForm {...props} />
      {props.once ? <script src={API_TOKENS_JS_PATH} defer></script> : ''}
    </Layout>
  );
}

export function RevokeTokenView(props: { ctx: PageContext; csrf: string; item: ApiTokenView }) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const i = props.item;
  return (
    <Layout ctx={props.ctx} title={t(m.confirmTitle)}>
      <Styles />
      <p class="back-link">
        <a href={API_TOKENS_PATH} safe>
          {t(m.backToList)}
        </a>
      </p>
      <h1 safe>{t(m.confirmTitle)}</h1>
      <dl class="facts">
        <dt safe>{t(m.nameLabel)}</dt>
        <dd safe>{i.name}</dd>
        <dt safe>{t(m.colPrefix)}</dt>
        <dd>
          <code safe>{`${i.prefix}…`}</code>
        </dd>
        <dt safe>{t(m.colScopes)}</dt>
        <dd safe>{i.scopes.join(', ')}</dd>
        <dt safe>{t(m.colLastUsed)}</dt>
        <dd safe>{i.last_used_at ? vnDateTime(i.last_used_at) : t(m.never)}</dd>
      </dl>
      <p class="notice notice--warning" safe>
        {fill(t(m.confirmBody), { name: i.name, prefix: i.prefix })}
      </p>
      <form class="revoke-form" method="post" action={revokeHref(i.id)}>
        <CsrfField token={props.csrf} />
        <button class="button button--danger" type="submit" safe>
          {t(m.confirm)}
        </button>
      </form>
      <p>
        <a href={API_TOKENS_PATH} safe>
          {t(m.cancel)}
        </a>
      </p>
    </Layout>
  );
}
