/** The desk's work list: one search box, filters, a dense table, keyset pages. */
import { translator } from '../../../../platform/html/i18n.js';
import { Layout, type PageContext, Pager } from '../../../../platform/html/layout.js';
import { STATUS_NAMES } from '../../lifecycle.js';
import { m } from './desk.messages.js';
import type { DeskPage, DeskQuery } from './desk-list.service.js';
import { COUNT_CAP } from './desk-list.service.js';
import {
  CHANNEL_LABELS,
  DESK_PATH,
  dossierHref,
  INTAKE_PATH,
  NO_ERRORS,
  SelectField,
  StyleSheet,
  statusText,
  TextField,
  when,
} from './desk-parts.js';

export function DeskListView(props: {
  ctx: PageContext;
  query: DeskQuery;
  page: DeskPage;
  nextHref: string | null;
  firstHref: string | null;
}) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const { query, page } = props;
  const count =
    page.count > COUNT_CAP
      ? `${t(m.moreThan)} ${COUNT_CAP} ${t(m.countOne)}`
      : `${page.count} ${t(m.countOne)}`;
  return (
    <Layout ctx={props.ctx} title={t(m.listTitle)}>
      <StyleSheet />
      <div class="desk-head">
        <h1 safe>{t(m.listTitle)}</h1>
        <a class="button" href={INTAKE_PATH} safe>
          {t(m.newDossier)}
        </a>
      </div>
      <p class="muted" safe>
        {`${t(m.desks)}: ${page.agencyNames.join('; ')}. ${t(m.listLead)}`}
      </p>
      <search aria-label={t(m.searchLabel)}>
        <form class="desk-filter" method="get" action={DESK_PATH}>
          <div class="desk-filter__search">
            <TextField
              name="q"
              label={t(m.searchLabel)}
              hint={t(m.searchHint)}
              value={query.q}
              errors={NO_ERRORS}
              type="search"
              autofocus
            />
          </div>
          <SelectField
            name="status"
            label={t(m.statusLabel)}
            errors={NO_ERRORS}
            selected={query.status}
            options={[
              { value: '', label: t(m.anyStatus) },
              ...Object.entries(STATUS_NAMES).map(([k, v]) => ({ value: k, label: `${k}. ${v[lang]}` })),
            ]}
          />
          <SelectField
            name="channel"
            label={t(m.channelLabel)}
            errors={NO_ERRORS}
            selected={query.channel}
            options={[
              { value: '', label: t(m.anyChannel) },
              ...([1, 2, 3] as const).map((c) => ({ value: String(c), label: t(CHANNEL_LABELS[c]) })),
            ]}
          />
          <TextField
            name="procedureCode"
            label={t(m.procedureLabel)}
            value={query.procedureCode}
            errors={NO_ERRORS}
          />
          <button class="button button--secondary" type="submit" safe>
            {t(m.filter)}
          </button>
        </form>
      </search>
      <p class="desk-count" role="status" safe>
        {count}
      </p>
      {page.rows.length === 0 ? (
        <p class="notice" safe>
          {t(m.noDossiers)}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="data-table desk-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(m.colCode)}
                </th>
                <th scope="col" safe>
                  {t(m.colProcedure)}
                </th>
                <th scope="col" safe>
                  {t(m.colApplicant)}
                </th>
                <th scope="col" safe>
                  {t(m.colChannel)}
                </th>
                <th scope="col" safe>
                  {t(m.colSubmitted)}
                </th>
                <th scope="col" safe>
                  {t(m.colStatus)}
                </th>
                <th scope="col" safe>
                  {t(m.colDue)}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr class={r.status === 1 ? 'is-new' : undefined}>
                  <td class="data-table__name">
                    <a href={dossierHref(r.code)} safe>
                      {r.code}
                    </a>
                  </td>
                  <td data-label={t(m.colProcedure)}>
                    <code safe>{r.procedure_code}</code> <span safe>{r.procedure_name}</span>
                  </td>
                  <td data-label={t(m.colApplicant)} safe>
                    {r.applicant_name}
                  </td>
                  <td data-label={t(m.colChannel)} safe>
                    {t(CHANNEL_LABELS[r.channel as 1 | 2 | 3])}
                  </td>
                  <td data-label={t(m.colSubmitted)} safe>
                    {when(r.submitted_at)}
                  </td>
                  <td data-label={t(m.colStatus)}>
                    <span safe>{statusText(lang, r.status, r.sub_state)}</span>
                    {r.withdraw_requested_at && ![3, 7].includes(r.status) ? (
                      <strong class="flag" safe>
                        {t(m.withdrawAsked)}
                      </strong>
                    ) : (
                      ''
                    )}
                  </td>
                  <td data-label={t(m.colDue)} safe>
                    {when(r.due_at)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t(m.pagination)}
        firstText={t(m.firstPage)}
        nextText={t(m.nextPage)}
        firstHref={props.firstHref}
        nextHref={props.nextHref}
      />
    </Layout>
  );
}
