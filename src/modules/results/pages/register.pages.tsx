/**
 * Sổ đăng ký văn bản (the clerk's register of results): per agency and year, every number taken in
 * the agency's register with its symbol, kind, dossier, signer, signing time and return — newest
 * first, up to 1,000 a page. The clerk (văn thư) keeps it; leaders and agency administrators read it.
 * Also the officers' landing-page links of the results module (signing, register, templates).
 */
import type { FastifyRequest } from 'fastify';
import { defineMessages, translator } from '../../../platform/html/i18n.js';
import { DataTable, Layout, type PageContext } from '../../../platform/html/layout.js';
import type { Principal, Role } from '../../../platform/http/access.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { AppContext } from '../../../platform/module.js';
import { vietnamParts } from '../../../platform/pdf/index.js';
import { formatWhen, SelectField } from '../../dossiers/index.js';
import { coversAgency, loadAgencyTree, officerLinks } from '../../identity/index.js';
import { OfficerStyles } from '../../workflow/index.js';
import { BATCH_PATH, resultPageHref } from './result.view.js';

export const REGISTER_PATH = '/can-bo/so-van-ban';
const READERS: Role[] = ['clerk', 'agency_leader', 'agency_admin'];
const LIMIT = 1000;

const m = defineMessages({
  title: { vi: 'Sổ đăng ký văn bản kết quả', en: 'Register of results' },
  lead: {
    vi: 'Mỗi số được cấp khi lãnh đạo ký số kết quả; số chạy liên tục theo cơ quan và năm.',
    en: 'A number is taken when a leader signs a result; numbers run on per agency and year.',
  },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  year: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  none: { vi: 'Chưa có văn bản nào được cấp số.', en: 'No number taken yet.' },
  more: { vi: 'Chỉ hiện 1.000 số mới nhất.', en: 'Only the newest 1,000 numbers are shown.' },
  colNumber: { vi: 'Số, ký hiệu', en: 'Number' },
  colKind: { vi: 'Loại văn bản', en: 'Kind' },
  colDossier: { vi: 'Hồ sơ', en: 'Dossier' },
  colSigner: { vi: 'Người ký', en: 'Signed by' },
  colSignedAt: { vi: 'Ngày ký', en: 'Signed' },
  colReturned: { vi: 'Trả kết quả', en: 'Returned' },
  notSigned: { vi: 'chưa ký (số đã cấp)', en: 'not signed (number taken)' },
  signingLink: { vi: 'Ký số kết quả', en: 'Sign results' },
  templatesLink: { vi: 'Mẫu văn bản kết quả', en: 'Result templates' },
});

interface Row {
  id: string;
  number_symbol: string | null;
  register_number: number | null;
  name: string;
  state: string;
  signer_name: string | null;
  signed_at: Date | null;
  returned_at: Date | null;
  code: string;
}

function RegisterPage(props: {
  ctx: PageContext;
  agencies: { id: string; name: string }[];
  agencyId: string;
  year: number;
  years: number[];
  rows: Row[];
}) {
  const t = translator(props.ctx.lang);
  const cols = [m.colNumber, m.colKind, m.colDossier, m.colSigner, m.colSignedAt, m.colReturned];
  return (
    <Layout ctx={props.ctx} title={t(m.title)}>
      <OfficerStyles />
      <h1 safe>{t(m.title)}</h1>
      <p safe>{t(m.lead)}</p>
      <form class="desk-filter" method="get" action={REGISTER_PATH}>
        <SelectField
          name="co-quan"
          label={t(m.agency)}
          errors={{ items: [] }}
          selected={props.agencyId}
          options={props.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          name="nam"
          label={t(m.year)}
          errors={{ items: [] }}
          selected={String(props.year)}
          options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button class="button" type="submit" safe>
          {t(m.show)}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p class="notice" safe>
          {t(m.none)}
        </p>
      ) : (
        <DataTable caption={`${t(m.title)} ${props.year}`} columns={cols.map((c) => t(c))}>
          {props.rows.map((r) => (
            <tr>
              <td class="data-table__name" safe>
                {r.number_symbol ?? '—'}
              </td>
              <td data-label={t(m.colKind)} safe>
                {r.name}
              </td>
              <td data-label={t(m.colDossier)}>
                <a href={resultPageHref(r.code)} safe>
                  {r.code}
                </a>
              </td>
              <td data-label={t(m.colSigner)} safe>
                {r.signer_name ?? t(m.notSigned)}
              </td>
              <td data-label={t(m.colSignedAt)} safe>
                {formatWhen(r.signed_at)}
              </td>
              <td data-label={t(m.colReturned)} safe>
                {formatWhen(r.returned_at)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {props.rows.length >= LIMIT ? (
        <p class="hint" safe>
          {t(m.more)}
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

const query = (req: FastifyRequest, name: string) => {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim() : '';
};

export function registerRegisterPages(app: App, ctx: AppContext) {
  for (const link of [
    { href: BATCH_PATH, label: m.signingLink, roles: ['agency_leader'] as Role[] },
    { href: REGISTER_PATH, label: m.title, roles: READERS },
    {
      href: '/quan-tri/mau-ket-qua',
      label: m.templatesLink,
      roles: ['agency_admin', 'system_admin'] as Role[],
    },
  ]) {
    if (!officerLinks.some((l) => l.href === link.href)) officerLinks.push(link);
  }

  app.get(REGISTER_PATH, { config: { access: { officer: READERS } } }, async (req, reply) => {
    const principal = req.principal as Principal & { kind: 'officer' };
    const tree = await loadAgencyTree(ctx.db);
    const agencies = tree.ids
      .filter((id) => coversAgency(principal.grants, id, tree.ancestorsOf, READERS))
      .map((id) => ({ id, name: tree.nameOf(id) ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const thisYear = Number(vietnamParts(ctx.clock.now()).year);
    const asked = Number(query(req, 'nam'));
    const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
    const wanted = query(req, 'co-quan');
    // By default the agency of the officer's own grant (not one of the sub-agencies it covers).
    const own = principal.grants.find(
      (g) => READERS.includes(g.role) && agencies.some((a) => a.id === g.agencyId),
    );
    const agencyId = agencies.some((a) => a.id === wanted)
      ? wanted
      : (own?.agencyId ?? agencies[0]?.id ?? '');
    const rows = agencyId
      ? ((await ctx.db
          .selectFrom('results as r')
          .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
          .select([
            'r.id',
            'r.number_symbol',
            'r.register_number',
            'r.name',
            'r.state',
            'r.signer_name',
            'r.signed_at',
            'r.returned_at',
            'd.code',
          ])
          .where('r.agency_id', '=', agencyId)
          .where('r.register_year', '=', year)
          .orderBy('r.register_number', 'desc')
          .limit(LIMIT)
          .execute()) as Row[])
      : [];
    const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
    return reply
      .header('cache-control', 'private, no-store')
      .html(
        <RegisterPage
          ctx={pageContext(req)}
          agencies={agencies}
          agencyId={agencyId}
          year={year}
          years={years}
          rows={rows}
        />,
      );
  });
}
