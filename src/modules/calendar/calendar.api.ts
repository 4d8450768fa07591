/**
 * JSON API of the calendar, for integrators: `GET /api/v1/calendar/due` (a deadline) and
 * `GET /api/v1/calendar/days` (a year's days off and make-up days). Public and read only; the
 * write routes are in calendar-days.api.ts.
 */
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import { calendarDayJson, DaysQuery, DaysResponse, DueQuery, DueResponse } from './calendar.schemas.js';
import { listCalendarDays } from './calendar-days.service.js';
import { computeAgencyDue } from './due.service.js';
import { parseDueQuery } from './due-query.js';
import { civilFromEpochDay, epochDayOf, formatLocalIso } from './local-time.js';

const tags = ['calendar'];

/** The query exactly as sent (strings), so every bad field can be named, not only the first. */
const rawQuery = (url: string) => Object.fromEntries(new URL(url, 'http://localhost').searchParams);

export function registerCalendarApi(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.get(
    '/api/v1/calendar/due',
    {
      config: { access: 'public' },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Tính ngày hẹn trả / Compute a due date',
        description:
          'The deadline of a receipt at an agency (DOMAIN.md §6.3): its office hours and the confirmed days off ' +
          'and make-up days. 400 names every bad field; 404 for an unknown agency.',
        querystring: DueQuery,
        response: { 200: DueResponse },
      },
    },
    async (req) => {
      const due = await computeAgencyDue(ctx.db, parseDueQuery(rawQuery(req.url)), ctx.clock.now());
      return {
        receivedAt: formatLocalIso(due.receivedAt),
        startsAt: formatLocalIso(due.startsAt),
        dueAt: formatLocalIso(due.dueAt),
      };
    },
  );

  app.get(
    '/api/v1/calendar/days',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Ngày nghỉ, ngày làm bù trong năm / Days off and make-up days of a year',
        querystring: DaysQuery,
        response: { 200: DaysResponse },
      },
    },
    async (req) => {
      const year = req.query.year ?? civilFromEpochDay(epochDayOf(ctx.clock.now().getTime())).year;
      return { year, days: (await listCalendarDays(ctx.db, year)).map(calendarDayJson) };
    },
  );
}
