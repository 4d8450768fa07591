/** The calendar module as the composition root sees it: its routes and its demo data. */
import { AppError } from '../../platform/errors.js';
import type { AppContext, AppModule, DemoAccount } from '../../platform/module.js';
import { registerCalendarApi } from './calendar.api.js';
import { registerCalendarPages } from './calendar.pages.js';
import { registerCalendarAdminPages } from './calendar-admin.pages.js';
import { registerCalendarDaysApi } from './calendar-days.api.js';
import { importOfficialDays, proposeYear } from './calendar-days.service.js';
import { civilFromEpochDay, epochDayOf } from './local-time.js';

/**
 * Demo data (idempotent): the shipped official days off for 2024–2026, and proposals for this year
 * and the next where no official notice is recorded yet, for an administrator to confirm.
 */
export async function seedCalendarDemo(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<DemoAccount[]> {
  await importOfficialDays(ctx);
  const year = civilFromEpochDay(epochDayOf(ctx.clock.now().getTime())).year;
  for (const y of [year, year + 1]) {
    try {
      await proposeYear(ctx, y, 'system:demo-seed');
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'calendar.year_confirmed')) throw e;
    }
  }
  return [];
}

export const calendarModule: AppModule = {
  name: 'calendar',
  routes: (app, ctx) => {
    registerCalendarApi(app, ctx);
    registerCalendarDaysApi(app, ctx);
    registerCalendarPages(app, ctx);
    registerCalendarAdminPages(app, ctx);
  },
  demoSeed: seedCalendarDemo,
};
