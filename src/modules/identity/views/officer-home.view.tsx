/** The officer's landing page and password change form. */
import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import type { Role } from '../../../platform/http/access.js';
import { authMessages as m, roleNames } from '../officer-auth.messages.js';
import type { OfficerLink } from '../officer-links.js';
import { ENROL_PATH } from './login.view.js';
import { AuthStyle, Field, type FormErrors } from './officer-auth.parts.js';

export const HOME_PATH = '/can-bo';
export const PASSWORD_PATH = '/can-bo/doi-mat-khau';
export const LOGOUT_PATH = '/can-bo/dang-xuat';
export const LOGOUT_ALL_PATH = '/can-bo/dang-xuat-tat-ca';

export interface HomeProps {
  ctx: PageContext;
  csrf: string;
  name: string;
  username: string;
  totpEnabled: boolean;
  grants: { agency_name: string; role: string }[];
  links: OfficerLink[];
  notice?: string;
}

export function OfficerHomeView(p: HomeProps) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.homeTitle)}>
      <AuthStyle />
      {p.notice ? (
        <p class="notice" role="status" safe>
          {p.notice}
        </p>
      ) : (
        ''
      )}
      <h1 safe>{p.name}</h1>
      <p class="muted" safe>{`${t(m.username)}: ${p.username}`}</p>
      <h2 safe>{t(m.yourRoles)}</h2>
      {p.grants.length === 0 ? (
        <p safe>{t(m.noRoles)}</p>
      ) : (
        <table class="grant-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {t(m.agency)}
              </th>
              <th scope="col" safe>
                {t(m.role)}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.grants.map((g) => (
              <tr>
                <td safe>{g.agency_name}</td>
                <td safe>{t(roleNames[g.role as Role] ?? { vi: g.role, en: g.role })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 safe>{t(m.yourWork)}</h2>
      <ul>
        {p.links.map((l) => (
          <li>
            <a href={l.href} safe>
              {t(l.label)}
            </a>
          </li>
        ))}
      </ul>
      <h2 safe>{t(m.account)}</h2>
      <p safe>{p.totpEnabled ? t(m.totpOn) : t(m.totpOff)}</p>
      {p.totpEnabled ? (
        ''
      ) : (
        <p>
          <a href={ENROL_PATH} safe>
            {t(m.setUpTotp)}
          </a>
        </p>
      )}
      <form class="inline-form" method="post" action={LOGOUT_PATH}>
        <CsrfField token={p.csrf} />
        <button class="button button--secondary" type="submit" safe>
          {t(m.logout)}
        </button>
      </form>
      <form class="inline-form" method="post" action={LOGOUT_ALL_PATH}>
        <CsrfField token={p.csrf} />
        <button class="button button--secondary" type="submit" safe>
          {t(m.logoutAll)}
        </button>
      </form>
    </Layout>
  );
}

export function PasswordView(p: { ctx: PageContext; csrf: string; errors: FormErrors; mustChange: boolean }) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.passwordTitle)}>
      <AuthStyle />
      <ErrorSummary lang={p.ctx.lang} items={p.errors} />
      <h1 safe>{t(m.passwordTitle)}</h1>
      {p.mustChange ? (
        <p class="notice" safe>
          {t(m.mustChange)}
        </p>
      ) : (
        ''
      )}
      <form class="auth-form" method="post" action={PASSWORD_PATH} novalidate>
        <CsrfField token={p.csrf} />
        <Field
          id="current"
          label={t(m.currentPassword)}
          type="password"
          errors={p.errors}
          autocomplete="current-password"
          maxlength="1024"
        />
        <Field
          id="new"
          label={t(m.newPassword)}
          hint={t(m.newPasswordHint)}
          type="password"
          errors={p.errors}
          autocomplete="new-password"
          maxlength="1024"
        />
        <Field
          id="repeat"
          label={t(m.repeatPassword)}
          type="password"
          errors={p.errors}
          autocomplete="new-password"
          maxlength="1024"
        />
        <button class="button" type="submit" safe>
          {t(m.passwordTitle)}
        </button>
      </form>
    </Layout>
  );
}
