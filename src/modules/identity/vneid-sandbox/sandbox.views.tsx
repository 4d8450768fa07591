/** The VNeID sandbox's own pages: pick an account, consent, logout confirmation, errors. */
import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, Layout, type PageContext } from '../../../platform/html/layout.js';
import { AuthStyle } from '../views/officer-auth.parts.js';
import { sandboxMessages as m } from './sandbox.messages.js';
import { SANDBOX_ACCOUNTS, type SandboxAccount, type SandboxAddress } from './sandbox-people.js';

export const SANDBOX_CSS_PATH = '/vneid-sandbox/tai-nguyen/sandbox.css';

const isoToVn = (iso: unknown) =>
  typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : '';

function Banner(p: { ctx: PageContext }) {
  return (
    <>
      <AuthStyle />
      <link rel="stylesheet" href={SANDBOX_CSS_PATH} />
      <p class="sandbox-banner" safe>
        {translator(p.ctx.lang)(m.banner)}
      </p>
    </>
  );
}

function AccountCard(p: { ctx: PageContext; account: SandboxAccount }) {
  const t = translator(p.ctx.lang);
  const c = p.account.claims;
  const keyLabel =
    p.account.accountType === 1 ? m.personalId : p.account.accountType === 2 ? m.taxCode : m.techId;
  const place = (p.account.accountType === 1 ? c.ThuongTru : c.DiaChi) as SandboxAddress;
  const id = `acc-${p.account.sub.slice(-4)}`;
  return (
    <li class="sandbox-card">
      <h3 id={`${id}-name`} safe>
        {p.account.label}
      </h3>
      <dl id={`${id}-facts`}>
        <dt safe>{t(keyLabel)}</dt>
        <dd safe>{p.account.key}</dd>
        {p.account.accountType === 1 ? (
          <>
            <dt safe>{t(m.birthDate)}</dt>
            <dd safe>{isoToVn(c.NgayThangNamSinh)}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t(m.address)}</dt>
        <dd safe>{place.DiaChiDayDu}</dd>
      </dl>
      <button
        class="button"
        type="submit"
        name="account"
        value={p.account.sub}
        aria-describedby={`${id}-facts`}
        safe
      >
        {`${t(m.loginAs)}: ${p.account.label}`}
      </button>
    </li>
  );
}

export function SandboxLoginView(p: { ctx: PageContext; csrf: string; action: string }) {
  const t = translator(p.ctx.lang);
  const groups = [
    [m.citizens, 1],
    [m.businesses, 2],
    [m.organisations, 3],
  ] as const;
  return (
    <Layout ctx={p.ctx} title={t(m.loginTitle)}>
      <Banner ctx={p.ctx} />
      <h1 safe>{t(m.loginTitle)}</h1>
      <p class="lead" safe>
        {t(m.loginLead)}
      </p>
      <form method="post" action={p.action}>
        <CsrfField token={p.csrf} />
        {groups.map(([title, type]) => (
          <section>
            <h2 safe>{t(title)}</h2>
            <ul class="sandbox-cards">
              {SANDBOX_ACCOUNTS.filter((a) => a.accountType === type).map((account) => (
                <AccountCard ctx={p.ctx} account={account} />
              ))}
            </ul>
          </section>
        ))}
        <p>
          <button class="button button--secondary" type="submit" name="action" value="cancel" safe>
            {t(m.cancel)}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function SandboxConsentView(p: {
  ctx: PageContext;
  csrf: string;
  action: string;
  clientName: string;
  accountLabel: string;
}) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.consentTitle)}>
      <Banner ctx={p.ctx} />
      <h1 safe>{t(m.consentTitle)}</h1>
      <p safe>{`${t(m.consentAs)}: ${p.accountLabel}.`}</p>
      <p>
        <strong safe>{p.clientName}</strong> <span safe>{t(m.consentLead)}</span>
      </p>
      <form method="post" action={p.action} class="sandbox-actions">
        <CsrfField token={p.csrf} />
        <button class="button" type="submit" name="action" value="allow" safe>
          {t(m.allow)}
        </button>
        <button class="button button--secondary" type="submit" name="action" value="deny" safe>
          {t(m.deny)}
        </button>
      </form>
    </Layout>
  );
}

/** oidc-provider hands over its own form (with its xsrf token); the buttons submit it. */
export function SandboxLogoutView(p: { ctx: PageContext; form: string }) {
  const t = translator(p.ctx.lang);
  // oidc-provider builds this form itself, escaping its action and token: trusted HTML.
  const safeForm = p.form;
  return (
    <Layout ctx={p.ctx} title={t(m.logoutTitle)}>
      <Banner ctx={p.ctx} />
      <h1 safe>{t(m.logoutTitle)}</h1>
      <p safe>{t(m.logoutLead)}</p>
      {safeForm}
      <p class="sandbox-actions">
        <button class="button" type="submit" form="op.logoutForm" name="logout" value="yes" safe>
          {t(m.logoutYes)}
        </button>
        <button class="button button--secondary" type="submit" form="op.logoutForm" safe>
          {t(m.logoutNo)}
        </button>
      </p>
    </Layout>
  );
}

export function SandboxMessageView(p: { ctx: PageContext; kind: 'loggedOut' | 'error'; code?: string }) {
  const t = translator(p.ctx.lang);
  const title = p.kind === 'error' ? m.errorTitle : m.loggedOutTitle;
  return (
    <Layout ctx={p.ctx} title={t(title)}>
      <Banner ctx={p.ctx} />
      <h1 safe>{t(title)}</h1>
      <p safe>{t(p.kind === 'error' ? m.errorBody : m.loggedOutBody)}</p>
      {p.code ? <p class="muted" safe>{`${t(m.errorCode)}: ${p.code}`}</p> : ''}
      <p>
        <a href="/" safe>
          {t(m.backHome)}
        </a>
      </p>
    </Layout>
  );
}
