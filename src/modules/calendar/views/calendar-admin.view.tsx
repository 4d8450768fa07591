/** Views of the calendar's administration pages: the year to confirm, and an agency's office hours. */

import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import { ADMIN_CSS_PATH, Field, type FormError, Notice, Select } from '../../admin-units/index.js';
import type { OfficeHoursPeriod } from '../agency-office-hours.repository.js';
import { KIND_LABELS, calendarMessages as m, STATUS_LABELS } from '../calendar.messages.js';
import { adminPageTitle, cam, WEEKDAY_LABELS } from '../calendar-admin.messages.js';
import type { CalendarDayRecord } from '../calendar-days.repository.js';
import { CALENDAR_DAY_KINDS } from '../holiday-calendar.js';
import { ADMIN_CALENDAR_PATH, dayAdminHref, dayRemoveHref } from './calendar-day-admin.view.js';
import { CALENDAR_CSS_PATH, Legend, Month, PAGE_PATH } from './year-calendar.view.js';
import { yearGrid } from './year-grid.js';

export { ADMIN_CALENDAR_PATH } from './calendar-day-admin.view.js';
export const FORM_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type FormWeekday = (typeof FORM_WEEKDAYS)[number];

function DayRow(props: {
  row: CalendarDayRecord;
  ctx: PageContext;
  csrf: string;
  errors: readonly FormError[];
}) {
  const t = translator(props.ctx.lang);
  const { row } = props;
  const field = `source-${row.date}`;
  return (
    <tr>
      <td>
        <time datetime={row.date} class="cal-days-date" safe>
          {row.date}
        </time>
        <span class="qt-row-links">
          <a href={dayAdminHref(row.date)} aria-label={`${t(cam.edit)} ${row.date}`} safe>
            {t(cam.edit)}
          </a>
          <a href={dayRemoveHref(row.date)} aria-label={`${t(cam.remove)} ${row.date}`} safe>
            {t(cam.remove)}
          </a>
        </span>
      </td>
      <td lang="vi" data-label={t(cam.name)} safe>
        {row.name}
      </td>
      <td data-label={t(cam.kind)} safe>
        {t(KIND_LABELS[row.kind])}
      </td>
      <td data-label={t(cam.status)} safe>
        {t(STATUS_LABELS[row.status])}
      </td>
      <td lang="vi" data-label={t(cam.source)} safe>
        {row.source}
      </td>
      <td>
        {row.status === 'confirmed' ? (
          <span safe>{t(cam.confirmed)}</span>
        ) : (
          <form method="post" action={`${ADMIN_CALENDAR_PATH}/ngay`} class="qt-inline">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="date" value={row.date} />
            <Field name={field} label={`${t(cam.notice)} (${row.date})`} errors={props.errors} />
            <button type="submit" class="qt-button" safe>
              {t(cam.confirm)}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function CalendarAdminPage(props: {
  ctx: PageContext;
  csrf: string;
  year: number;
  rows: readonly CalendarDayRecord[];
  errors: readonly FormError[];
  yearSource: string;
  added: Record<'date' | 'kind' | 'name' | 'source', string>;
  formKey: string;
  notice?: string | undefined;
}) {
  const { ctx, year, rows } = props;
  const t = translator(ctx.lang);
  const proposed = rows.filter((r) => r.status === 'proposed').length;
  return (
    <Layout ctx={ctx} title={t(adminPageTitle(year))}>
      <link rel="stylesheet" href={CALENDAR_CSS_PATH} />
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <h1 safe>{t(adminPageTitle(year))}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={ctx.lang} items={[...props.errors]} />
      <p class="lead" safe>
        {t(cam.lead)}
      </p>
      <nav class="qt-actions" aria-label={t(m.yearNav)}>
        <a href={`${ADMIN_CALENDAR_PATH}?nam=${year - 1}`} rel="prev" safe>{`← ${year - 1}`}</a>
        <a href={`${ADMIN_CALENDAR_PATH}?nam=${year + 1}`} rel="next" safe>{`${year + 1} →`}</a>
        <a href={`${PAGE_PATH}?nam=${year}`} safe>
          {t(cam.publicPage)}
        </a>
      </nav>
      <h2 safe>{t(cam.confirmYear)}</h2>
      {proposed === 0 ? (
        <p safe>{t(cam.noProposals)}</p>
      ) : (
        <form method="post" action={`${ADMIN_CALENDAR_PATH}/nam`} novalidate>
          <p safe>{`${t(cam.confirmYearHelp)} (${proposed})`}</p>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="year" value={String(year)} />
          <Field
            name="source"
            label={t(cam.notice)}
            hint={t(cam.noticeHint)}
            value={props.yearSource}
            errors={props.errors}
            required
          />
          <button type="submit" class="qt-button" safe>
            {t(cam.confirmYear)}
          </button>
        </form>
      )}
      <AddDayForm
        ctx={ctx}
        csrf={props.csrf}
        values={props.added}
        formKey={props.formKey}
        errors={props.errors}
      />
      <h2 safe>{t(m.legend)}</h2>
      <Legend lang={ctx.lang} />
      <p class="qt-hint" safe>
        {t(cam.gridHint)}
      </p>
      <div class="cal-months">
        {yearGrid(year, rows).map((grid) => (
          <Month grid={grid} year={year} lang={ctx.lang} dayHref={dayAdminHref} />
        ))}
      </div>
      <h2 id="cac-ngay" safe>
        {t(cam.days)}
      </h2>
      {rows.length === 0 ? (
        <p safe>{t(cam.none)}</p>
      ) : (
        <div class="qt-table-wrap">
          <table class="qt-table cal-days">
            <thead>
              <tr>
                {[cam.date, cam.name, cam.kind, cam.status, cam.source, cam.action].map((h) => (
                  <th scope="col" safe>
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <DayRow row={row} ctx={ctx} csrf={props.csrf} errors={props.errors} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function AddDayForm(props: {
  ctx: PageContext;
  csrf: string;
  values: Record<'date' | 'kind' | 'name' | 'source', string>;
  formKey: string;
  errors: readonly FormError[];
}) {
  const t = translator(props.ctx.lang);
  const v = props.values;
  return (
    <>
      <h2 safe>{t(cam.addDay)}</h2>
      <form method="post" action={`${ADMIN_CALENDAR_PATH}/them-ngay`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="form-key" value={props.formKey} />
        <Field
          name="add-date"
          label={t(cam.date)}
          type="date"
          value={v.date}
          errors={props.errors}
          required
        />
        <Select
          name="add-kind"
          label={t(cam.kind)}
          value={v.kind}
          errors={props.errors}
          options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
        />
        <Field name="add-name" label={t(cam.name)} value={v.name} errors={props.errors} required />
        <Field
          name="add-source"
          label={t(cam.source)}
          hint={t(cam.noticeHint)}
          value={v.source}
          errors={props.errors}
          required
        />
        <button type="submit" class="qt-button" safe>
          {t(cam.addDay)}
        </button>
      </form>
    </>
  );
}

export type OfficeHoursForm = Record<FormWeekday | 'makeupDay' | 'validFrom' | 'source', string>;

export function OfficeHoursPage(props: {
  ctx: PageContext;
  csrf: string;
  agency: { name: string; code: string };
  agencyHref: string;
  periods: readonly OfficeHoursPeriod[];
  values: OfficeHoursForm;
  errors: readonly FormError[];
  notice?: string | undefined;
}) {
  const t = translator(props.ctx.lang);
  const title = `${t(cam.officeHoursTitle)}: ${props.agency.name}`;
  return (
    <Layout ctx={props.ctx} title={title}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <p>
        <a href={props.agencyHref} safe>
          {t(cam.backToAgency)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={props.ctx.lang} items={[...props.errors]} />
      <h2 safe>{t(cam.periods)}</h2>
      {props.periods.length === 0 ? (
        <p safe>{t(cam.defaultHours)}</p>
      ) : (
        <div class="qt-table-wrap">
          <table class="qt-table">
            <thead>
              <tr>
                {[cam.validFrom, cam.hours, cam.decision, cam.setBy].map((h) => (
                  <th scope="col" safe>
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.periods.map((p) => (
                <tr>
                  <td safe>{p.validFrom}</td>
                  <td safe>
                    {FORM_WEEKDAYS.map(
                      (d) =>
                        `${t(WEEKDAY_LABELS[d])}: ${(p.spec.byWeekday?.[d] ?? []).join(', ') || t(cam.rest)}`,
                    ).join('; ')}
                  </td>
                  <td safe>{p.source}</td>
                  <td safe>{p.setBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 safe>{t(cam.save)}</h2>
      <p safe>{t(cam.officeHoursLead)}</p>
      <form method="post" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="validFrom"
          label={t(cam.validFrom)}
          type="date"
          value={props.values.validFrom}
          errors={props.errors}
          required
        />
        <Field
          name="source"
          label={t(cam.decision)}
          value={props.values.source}
          errors={props.errors}
          required
        />
        <fieldset>
          <legend safe>{t(cam.hours)}</legend>
          {FORM_WEEKDAYS.map((d) => (
            <Field name={d} label={t(WEEKDAY_LABELS[d])} value={props.values[d]} errors={props.errors} />
          ))}
          <Field
            name="makeupDay"
            label={t(cam.makeupDay)}
            value={props.values.makeupDay}
            errors={props.errors}
          />
        </fieldset>
        <button type="submit" class="qt-button" safe>
          {t(cam.save)}
        </button>
      </form>
    </Layout>
  );
}
