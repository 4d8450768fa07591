/** The citizen's account page: what VNeID says about them, and their notification contact. */
import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import { citizenMessages as m } from '../citizen-auth.messages.js';
import { ACCOUNT_PATH, CITIZEN_CSS_PATH, ContactField } from './citizen.view.js';
import { AuthStyle, type FormErrors } from './officer-auth.parts.js';

export interface AccountFacts {
  accountType: number;
  accountKey: string;
  fullName: string;
  birthDate: string | null;
  loa: string | null;
  vneidVerified: boolean;
  claims: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const place = (v: unknown) =>
  v && typeof v === 'object' ? str((v as Record<string, unknown>).DiaChiDayDu) : str(v);
const isoToVn = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

function facts(a: AccountFacts, t: ReturnType<typeof translator>): [string, string][] {
  const c = a.claims;
  const typeName = a.accountType === 2 ? m.type2 : a.accountType === 3 ? m.type3 : m.type1;
  const keyName = a.accountType === 2 ? m.taxCode : a.accountType === 3 ? m.techId : m.personalId;
  const rep =
    c.NguoiDaiDien && typeof c.NguoiDaiDien === 'object'
      ? str((c.NguoiDaiDien as Record<string, unknown>).HoVaTen)
      : '';
  const rows: [string, string][] = [
    [t(m.accountType), t(typeName)],
    [t(a.accountType === 1 ? m.fullName : m.orgName), a.fullName],
    [t(keyName), a.accountKey],
    ...(a.accountType === 1
      ? ([
          [t(m.birthDate), isoToVn(a.birthDate)],
          [t(m.gender), str(c.GioiTinh)],
          [t(m.permanentAddress), place(c.ThuongTru)],
          [t(m.currentAddress), place(c.NoiOHienNay)],
        ] as [string, string][])
      : ([
          [t(m.seat), place(c.DiaChi)],
          [t(m.representative), rep],
        ] as [string, string][])),
    [t(m.vneidPhone), str(c.SoDienThoai)],
    [t(m.vneidEmail), str(c.ThuDienTu)],
    [t(m.assurance), [a.loa ?? '', a.vneidVerified ? t(m.verified) : ''].filter(Boolean).join(', ')],
  ];
  return rows.map(([k, v]) => [k, v || t(m.notGiven)]);
}

export function CitizenAccountView(p: {
  ctx: PageContext;
  csrf: string;
  account: AccountFacts;
  phone: string;
  email: string;
  errors: FormErrors;
  saved: boolean;
}) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.accountTitle)}>
      <AuthStyle />
      <link rel="stylesheet" href={CITIZEN_CSS_PATH} />
      <ErrorSummary lang={p.ctx.lang} items={p.errors} />
      {p.saved ? (
        <p class="notice" role="status" safe>
          {t(m.saved)}
        </p>
      ) : (
        ''
      )}
      <h1 safe>{t(m.accountTitle)}</h1>
      <h2 safe>{t(m.fromVneid)}</h2>
      <p class="hint" safe>
        {t(m.fromVneidHint)}
      </p>
      <dl class="facts">
        {facts(p.account, t).map(([k, v]) => (
          <>
            <dt safe>{k}</dt>
            <dd safe>{v}</dd>
          </>
        ))}
      </dl>
      <h2 safe>{t(m.contactTitle)}</h2>
      <p safe>{t(m.contactLead)}</p>
      <form class="auth-form" method="post" action={ACCOUNT_PATH} novalidate>
        <CsrfField token={p.csrf} />
        <ContactField
          id="phone"
          label={t(m.phone)}
          hint={t(m.phoneHint)}
          type="tel"
          autocomplete="tel"
          value={p.phone}
          errors={p.errors}
        />
        <ContactField
          id="email"
          label={t(m.email)}
          hint={t(m.emailHint)}
          type="email"
          autocomplete="email"
          value={p.email}
          errors={p.errors}
        />
        <button class="button" type="submit" safe>
          {t(m.save)}
        </button>
      </form>
    </Layout>
  );
}
