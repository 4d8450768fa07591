/**
 * Public page of the working calendar: `GET /lich-lam-viec?nam=2026` shows a year as month grids with
 * the days off and make-up Saturdays marked, and lists each with its legal source. No JavaScript. The
 * administrators' pages are in calendar-admin.pages.tsx (/quan-tri/lich-lam-viec).
 */
import { readFileSync } from 'node:fs';
import Type from 'typebox';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import { FIRST_YEAR, LAST_YEAR, listCalendarDays } from './calendar-days.service.js';
import { civilFromEpochDay, epochDayOf } from './local-time.js';
import { CALENDAR_CSS_PATH, PAGE_PATH, YearCalendarPage } from './views/year-calendar.view.js';

const CSS = readFileSync(new URL('./assets/calendar.css', import.meta.url), 'utf8');

const PageQuery = Type.Object(
  { nam: Type.Optional(Type.Integer({ minimum: FIRST_YEAR, maximum: LAST_YEAR })) },
  { additionalProperties: true },
);

export function registerCalendarPages(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.get(
    PAGE_PATH,
    { config: { access: 'public' }, schema: { querystring: PageQuery } },
    async (req, reply) => {
      const year = req.query.nam ?? civilFromEpochDay(epochDayOf(ctx.clock.now().getTime())).year;
      const rows = await listCalendarDays(ctx.db, year);
      return reply.html(
        <YearCalendarPage ctx={pageContext(req)} year={year} rows={rows} min={FIRST_YEAR} max={LAST_YEAR} />,
      );
    },
  );

  // The page's own stylesheet: the platform layout links only app.css.
  app.get(CALENDAR_CSS_PATH, { config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
}
