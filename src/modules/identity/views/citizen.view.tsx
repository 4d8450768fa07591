/** Citizens' pages: login with VNeID, login errors, the account page, the SSO logout step. */
import { translator } from '../../../platform/html/i18n.js';
import { Layout, type PageContext } from '../../../platform/html/layout.js';
import { citizenMessages as m } from '../citizen-auth.messages.js';
import { AuthStyle, type FormErrors } from './officer-auth.parts.js';

export const CITIZEN_CSS_PATH = '/dang-nhap/tai-nguyen/citizen.css';
export const START_PATH = '/dang-nhap/vneid';
export const ACCOUNT_PATH = '/tai-khoan';

function Style() {
  return (
    <>
      <AuthStyle />
      <link rel="stylesheet" href={CITIZEN_CSS_PATH} />
    </>
  );
}

export function CitizenLoginView(p: {
  ctx: PageContext;
  next: string;
  available: boolean;
  sandbox: boolean;
  loggedOut: boolean;
}) {
  const t = translator(p.ctx.lang);
  const start = p.next === ACCOUNT_PATH ? START_PATH : `${START_PATH}?next=${encodeURIComponent(p.next)}`;
  return (
    <Layout ctx={p.ctx} title={t(m.loginTitle)}>
      <Style />
      {p.loggedOut ? (
        <p class="notice" role="status" safe>
          {t(m.loggedOut)}
        </p>
      ) : (
        ''
      )}
      <h1 safe>{t(m.loginTitle)}</h1>
      <p class="lead" safe>
        {t(m.loginLead)}
      </p>
      <div class="login-box">
        {p.available ? (
          <>
            <a class="button vneid-button" href={start}>
              <span class="vneid-mark" aria-hidden="true">
                VNeID
              </span>
              <span safe>{t(m.loginWithVneid)}</span>
            </a>
            <p class="hint" safe>
              {t(m.loginHint)}
            </p>
            {p.sandbox ? (
              <p class="hint" safe>
                {t(m.demoHint)}
              </p>
            ) : (
              ''
            )}
          </>
        ) : (
          <p class="notice" safe>
            {t(m.unavailable)}
          </p>
        )}
      </div>
      <p>
        <a href="/can-bo/dang-nhap" safe>
          {t(m.officerLink)}
        </a>
      </p>
    </Layout>
  );
}

export type LoginErrorKind =
  | 'denied'
  | 'state'
  | 'provider'
  | 'exchange'
  | 'unreachable'
  | 'claims'
  | 'unavailable';

const ERROR_TEXT = {
  denied: m.errorDenied,
  state: m.errorState,
  provider: m.errorProvider,
  exchange: m.errorExchange,
  unreachable: m.errorUnreachable,
  claims: m.errorClaims,
  unavailable: m.unavailable,
} as const;

/** A failed login, in both languages (the person may not have chosen one yet). */
export function CitizenLoginErrorView(p: { ctx: PageContext; kind: LoginErrorKind; code?: string }) {
  const t = translator(p.ctx.lang);
  const other = translator(p.ctx.lang === 'vi' ? 'en' : 'vi');
  const otherLang = p.ctx.lang === 'vi' ? 'en' : 'vi';
  return (
    <Layout ctx={p.ctx} title={t(m.errorTitle)}>
      <Style />
      <h1 safe>{t(m.errorTitle)}</h1>
      <p safe>{t(ERROR_TEXT[p.kind])}</p>
      <p lang={otherLang} class="muted" safe>
        {`${other(m.errorTitle)}: ${other(ERROR_TEXT[p.kind])}`}
      </p>
      {p.code ? <p class="muted" safe>{`${t(m.errorCode)}: ${p.code}`}</p> : ''}
      <p>
        <a class="button" href="/dang-nhap" safe>
          {t(m.tryAgain)}
        </a>
      </p>
    </Layout>
  );
}

/** The SSO is elsewhere: a link, since a form's redirect to another origin is blocked by our CSP. */
export function LogoutContinueView(p: { ctx: PageContext; href: string }) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.logoutTitle)}>
      <Style />
      <h1 safe>{t(m.logoutTitle)}</h1>
      <p safe>{t(m.logoutContinue)}</p>
      <p>
        <a class="button" href={p.href} safe>
          {t(m.continue)}
        </a>
      </p>
    </Layout>
  );
}

export interface ContactFieldProps {
  id: 'phone' | 'email';
  label: string;
  hint: string;
  type: 'tel' | 'email';
  autocomplete: string;
  value: string;
  errors: FormErrors;
}

export function ContactField(p: ContactFieldProps) {
  const error = p.errors.find((e) => e.field === p.id)?.text;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={p.id} safe>
        {p.label}
      </label>
      <span class="hint" id={`${p.id}-hint`} safe>
        {p.hint}
      </span>
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
        type={p.type}
        value={p.value}
        autocomplete={p.autocomplete}
        maxlength="254"
        spellcheck="false"
        aria-describedby={error ? `${p.id}-hint ${p.id}-error` : `${p.id}-hint`}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}
