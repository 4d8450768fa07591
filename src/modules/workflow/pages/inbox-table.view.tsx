/** The dense table of the work list and of search results: due-time marks, overdue rows flagged. */
import { type Lang, translator } from '../../../platform/html/i18n.js';
import { DataTable } from '../../../platform/html/layout.js';
import { formatWhen, statusText } from '../../dossiers/index.js';
import type { SearchRow } from '../search.repository.js';
import { m, roleName } from './officer.messages.js';
import { dueState, officerDossierHref } from './officer-parts.js';

type Row = Pick<
  SearchRow,
  | 'code'
  | 'procedure_code'
  | 'procedure_name'
  | 'applicant_name'
  | 'status'
  | 'step_role'
  | 'step_due_at'
  | 'due_at'
>;

/** Due-time marks; none while the clock is paused for a supplement (status 5). */
const markOf = (r: Row, now: Date, soon: Date) =>
  r.status === 5 ? null : dueState(r.step_due_at, now, soon);

function DueCell(props: { lang: Lang; row: Row; now: Date; soon: Date }) {
  const t = translator(props.lang);
  const state = markOf(props.row, props.now, props.soon);
  return (
    <>
      <span safe>{formatWhen(props.row.step_due_at)}</span>
      {state === 'overdue' ? (
        <strong class="wf-mark wf-mark--overdue" safe>
          {t(m.overdue)}
        </strong>
      ) : state === 'soon' ? (
        <strong class="wf-mark wf-mark--soon" safe>
          {t(m.dueSoon)}
        </strong>
      ) : (
        ''
      )}
    </>
  );
}

export function InboxTable(props: { lang: Lang; rows: Row[]; now: Date; soon: Date; caption: string }) {
  const t = translator(props.lang);
  const cols = [m.colCode, m.colProcedure, m.colApplicant, m.colStatus, m.colStep, m.colStepDue, m.colDue];
  return (
    <DataTable caption={props.caption} columns={cols.map((c) => t(c))}>
      {props.rows.map((r) => (
        <tr class={dueState(r.step_due_at, props.now, props.soon) === 'overdue' ? 'wf-overdue' : undefined}>
          <td class="data-table__name">
            <a href={officerDossierHref(r.code)} safe>
              {r.code}
            </a>
          </td>
          <td data-label={t(m.colProcedure)}>
            <code safe>{r.procedure_code}</code> <span safe>{r.procedure_name}</span>
          </td>
          <td data-label={t(m.colApplicant)} safe>
            {r.applicant_name ?? '—'}
          </td>
          <td data-label={t(m.colStatus)} safe>
            {statusText(props.lang, r.status, null)}
          </td>
          <td data-label={t(m.colStep)} safe>
            {roleName(r.step_role)?.[props.lang] ?? '—'}
          </td>
          <td data-label={t(m.colStepDue)}>
            <DueCell lang={props.lang} row={r} now={props.now} soon={props.soon} />
          </td>
          <td data-label={t(m.colDue)} safe>
            {formatWhen(r.due_at)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
