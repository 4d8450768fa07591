/** The officers' login pages: username and password, then the TOTP code, or the TOTP enrolment. */
import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import { authMessages as m } from '../officer-auth.messages.js';
import { AuthStyle, Field, type FormErrors } from './officer-auth.parts.js';

export const LOGIN_PATH = '/can-bo/dang-nhap';
export const TOTP_PATH = '/can-bo/dang-nhap/ma-xac-thuc';
export const ENROL_PATH = '/can-bo/ma-xac-thuc/dang-ky';

interface FormProps {
  ctx: PageContext;
  csrf: string;
  next: string;
  errors: FormErrors;
}

export function LoginView(p: FormProps & { username: string }) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.loginTitle)}>
      <AuthStyle />
      <ErrorSummary lang={p.ctx.lang} items={p.errors} />
      <h1 safe>{t(m.loginTitle)}</h1>
      <p class="lead" safe>
        {t(m.loginLead)}
      </p>
      <form class="auth-form" method="post" action={LOGIN_PATH} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="next" value={p.next} />
        <Field
          id="username"
          label={t(m.username)}
          type="text"
          value={p.username}
          errors={p.errors}
          autocomplete="username"
          maxlength="64"
        />
        <Field
          id="password"
          label={t(m.password)}
          type="password"
          errors={p.errors}
          autocomplete="current-password"
          maxlength="1024"
        />
        <button class="button" type="submit" safe>
          {t(m.login)}
        </button>
      </form>
    </Layout>
  );
}

/** The 6-digit code form of the TOTP step and of enrolment. */
function CodeForm(p: FormProps & { action: string }) {
  const t = translator(p.ctx.lang);
  return (
    <form class="auth-form" method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <input type="hidden" name="next" value={p.next} />
      <Field
        id="code"
        label={t(m.totpCode)}
        type="text"
        errors={p.errors}
        autocomplete="one-time-code"
        inputmode="numeric"
        className="code"
        maxlength="7"
      />
      <button class="button" type="submit" safe>
        {t(m.confirm)}
      </button>
    </form>
  );
}

export function TotpView(p: FormProps) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.totpTitle)}>
      <AuthStyle />
      <ErrorSummary lang={p.ctx.lang} items={p.errors} />
      <h1 safe>{t(m.totpTitle)}</h1>
      <p class="lead" safe>
        {t(m.totpLead)}
      </p>
      <CodeForm {...p} action={TOTP_PATH} />
    </Layout>
  );
}

export function EnrolView(
  p: FormProps & { required: boolean; qrDataUri: string; secretText: string; username: string },
) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.enrolTitle)}>
      <AuthStyle />
      <ErrorSummary lang={p.ctx.lang} items={p.errors} />
      <h1 safe>{t(m.enrolTitle)}</h1>
      {p.required ? (
        <p class="notice" safe>
          {t(m.enrolRequired)}
        </p>
      ) : (
        ''
      )}
      <ol class="steps">
        <li>
          <span safe>{t(m.enrolStep1)}</span>
          <img class="qr" src={p.qrDataUri} alt={t(m.enrolQrAlt)} width="220" height="220" />
        </li>
        <li>
          <span safe>{t(m.enrolStep2)}</span>{' '}
          <code class="secret" safe>
            {p.secretText}
          </code>
          <br />
          <span class="hint" safe>{`${t(m.username)}: ${p.username}`}</span>
        </li>
        <li safe>{t(m.enrolStep3)}</li>
      </ol>
      <CodeForm {...p} action={ENROL_PATH} />
    </Layout>
  );
}
