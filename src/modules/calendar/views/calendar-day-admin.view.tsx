/** Views of one calendar day's administration: the edit form and the removal, with its history. */
import { type Lang, translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import { ADMIN_CSS_PATH, Field, type FormError, Select } from '../../admin-units/index.js';
import { KIND_LABELS, longDate, STATUS_LABELS } from '../calendar.messages.js';
import { cam, DAY_ACTION_LABELS, editDayTitle, removeDayTitle } from '../calendar-admin.messages.js';
import type { CalendarDayRecord } from '../calendar-days.repository.js';
import { CALENDAR_DAY_KINDS } from '../holiday-calendar.js';
import { parseIsoDate, weekdayOf } from '../local-time.js';

export const ADMIN_CALENDAR_PATH = '/quan-tri/lich-lam-viec';
export const dayAdminHref = (date: string) => `${ADMIN_CALENDAR_PATH}/ngay/${date}`;
export const dayRemoveHref = (date: string) => `${dayAdminHref(date)}/xoa`;
export const yearAdminHref = (date: string) => `${ADMIN_CALENDAR_PATH}?nam=${date.slice(0, 4)}`;

/** "Thứ Sáu, 02/01/2026". */
export function showDate(lang: Lang, date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return longDate(lang, year, month, day, (weekdayOf(parseIsoDate(date)) + 6) % 7);
}

export interface DayEventView {
  action: string;
  actor: string;
  actor_name: string | null;
  at: Date;
  source: string;
  reason: string | null;
}

function History(props: { lang: Lang; events: readonly DayEventView[] }) {
  const t = translator(props.lang);
  if (props.events.length === 0) return '';
  return (
    <>
      <h2 safe>{t(cam.history)}</h2>
      <ol class="qt-history">
        {props.events.map((e) => (
          <li>
            <time datetime={e.at.toISOString()} safe>
              {`${e.at.toISOString().replace('T', ' ').slice(0, 16)} UTC`}
            </time>
            <span
              safe
            >{` — ${DAY_ACTION_LABELS[e.action] ? t(DAY_ACTION_LABELS[e.action]!) : e.action}`}</span>
            <span safe>{` — ${t(cam.by)}: ${e.actor_name ?? e.actor}`}</span>
            <br />
            <small lang="vi" safe>
              {e.reason ? `${t(cam.reason)}: ${e.reason}` : `${t(cam.source)}: ${e.source}`}
            </small>
          </li>
        ))}
      </ol>
    </>
  );
}

function DaySummary(props: { lang: Lang; row: CalendarDayRecord }) {
  const t = translator(props.lang);
  const { row } = props;
  const items: [string, string][] = [
    [t(cam.name), row.name],
    [t(cam.kind), t(KIND_LABELS[row.kind])],
    [t(cam.status), t(STATUS_LABELS[row.status])],
    [t(cam.source), row.source],
  ];
  return (
    <dl class="qt-summary">
      {items.map(([term, value]) => (
        <>
          <dt safe>{term}</dt>
          <dd safe>{value}</dd>
        </>
      ))}
    </dl>
  );
}

export type DayForm = { kind: string; name: string; source: string; formKey: string };

export function EditDayPage(props: {
  ctx: PageContext;
  csrf: string;
  row: CalendarDayRecord;
  values: DayForm;
  errors: readonly FormError[];
  events: readonly DayEventView[];
}) {
  const { ctx, row, values: v } = props;
  const t = translator(ctx.lang);
  const title = t(editDayTitle(showDate(ctx.lang, row.date)));
  return (
    <Layout ctx={ctx} title={title}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <p>
        <a href={yearAdminHref(row.date)} safe>
          {t(cam.backToYear)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={ctx.lang} items={[...props.errors]} />
      <p safe>{t(cam.editLead)}</p>
      <form method="post" action={dayAdminHref(row.date)} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="form-key" value={v.formKey} />
        <Select
          name="kind"
          label={t(cam.kind)}
          value={v.kind}
          errors={props.errors}
          options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
        />
        <Field name="name" label={t(cam.name)} value={v.name} errors={props.errors} required />
        <Field
          name="source"
          label={t(cam.source)}
          hint={t(cam.noticeHint)}
          value={v.source}
          errors={props.errors}
          required
          multiline
        />
        <button type="submit" class="qt-button" safe>
          {t(cam.saveDay)}
        </button>
      </form>
      <p class="qt-actions">
        <a href={dayRemoveHref(row.date)} safe>
          {t(cam.removeThis)}
        </a>
      </p>
      <History lang={ctx.lang} events={props.events} />
    </Layout>
  );
}

export function RemoveDayPage(props: {
  ctx: PageContext;
  csrf: string;
  row: CalendarDayRecord;
  reason: string;
  formKey: string;
  errors: readonly FormError[];
}) {
  const { ctx, row } = props;
  const t = translator(ctx.lang);
  const title = t(removeDayTitle(showDate(ctx.lang, row.date)));
  return (
    <Layout ctx={ctx} title={title}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <p>
        <a href={dayAdminHref(row.date)} safe>
          {`← ${t(cam.editDay)}`}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={ctx.lang} items={[...props.errors]} />
      <DaySummary lang={ctx.lang} row={row} />
      <p class="qt-warning" safe>
        {t(cam.removeLead)}
      </p>
      <form method="post" action={dayRemoveHref(row.date)} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="form-key" value={props.formKey} />
        <Field
          name="reason"
          label={t(cam.reason)}
          hint={t(cam.reasonHint)}
          value={props.reason}
          errors={props.errors}
          required
          multiline
        />
        <div class="qt-actions">
          <button type="submit" class="qt-button qt-button--danger" safe>
            {t(cam.confirmRemove)}
          </button>
          <a href={yearAdminHref(row.date)} safe>
            {t(cam.cancel)}
          </a>
        </div>
      </form>
    </Layout>
  );
}
