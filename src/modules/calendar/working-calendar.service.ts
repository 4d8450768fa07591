/**
 * The compiled working calendar of an agency at a date, built from the database: its office hours in
 * force then (or the national default) and every row of the calendar of days off.
 *
 * Compiling covers 2000–2100 day by day, so calendars are cached in memory per database handle: one per
 * distinct set of office hours (most agencies share the default, so most share one calendar), plus each
 * agency's office-hours periods. Every call reads the two revision counters (one indexed read); a
 * change to days or office hours bumps its counter in the same transaction, in any process, and the
 * next call here rebuilds what it invalidated. The counters are read before the data, so a change that
 * lands in between is seen on the next call, never hidden under a newer revision.
 */
import type { Db } from '../../platform/db/database.js';
import { type OfficeHoursPeriod, selectOfficeHours } from './agency-office-hours.repository.js';
import { periodInForce } from './agency-office-hours.service.js';
import { type RevisionScope, selectAllDays, selectRevisions } from './calendar-days.repository.js';
import { buildWorkingCalendar, type WorkingCalendar } from './calendar-index.js';
import type { CalendarDay } from './holiday-calendar.js';
import { DEFAULT_OFFICE_HOURS_SPEC, defineOfficeHours } from './office-hours.js';

interface CacheState {
  revisions: Record<RevisionScope, number>;
  days: readonly CalendarDay[];
  /** Compiled calendars by canonical office hours. */
  calendars: Map<string, WorkingCalendar>;
  /** Office-hours periods by agency id. */
  periods: Map<string, readonly OfficeHoursPeriod[]>;
}

const caches = new WeakMap<Db, CacheState>();
const DEFAULT_KEY = 'default';
/** Above this many agencies the periods cache starts again (bounded memory). */
const MAX_AGENCIES_CACHED = 10_000;

async function currentState(db: Db): Promise<CacheState> {
  const revisions = await selectRevisions(db);
  let state = caches.get(db);
  if (!state || state.revisions.days !== revisions.days) {
    state = { revisions, days: await selectAllDays(db), calendars: new Map(), periods: new Map() };
    caches.set(db, state);
  } else if (state.revisions.office_hours !== revisions.office_hours) {
    state.periods.clear();
    state.revisions = revisions;
  }
  return state;
}

async function periodsOf(db: Db, state: CacheState, agencyId: string): Promise<readonly OfficeHoursPeriod[]> {
  let periods = state.periods.get(agencyId);
  if (!periods) {
    periods = await selectOfficeHours(db, agencyId);
    if (state.periods.size >= MAX_AGENCIES_CACHED) state.periods.clear();
    state.periods.set(agencyId, periods);
  }
  return periods;
}

/**
 * The working calendar an agency used at `at` (a receipt instant or a local date): office hours in
 * force on that local date, and the confirmed days off and make-up days (pending and proposed rows are
 * carried for display and change nothing).
 */
export async function loadWorkingCalendar(
  db: Db,
  agencyId: string,
  at: Date | string,
): Promise<WorkingCalendar> {
  const state = await currentState(db);
  const period = periodInForce(await periodsOf(db, state, agencyId), at);
  // Stored specs are canonical (every weekday explicit) and jsonb orders keys, so equal hours give
  // equal keys; the hours are parsed only when a calendar is compiled.
  const key = period ? JSON.stringify(period.spec) : DEFAULT_KEY;
  let calendar = state.calendars.get(key);
  if (!calendar) {
    const officeHours = defineOfficeHours(period?.spec ?? DEFAULT_OFFICE_HOURS_SPEC);
    calendar = buildWorkingCalendar({ officeHours, days: state.days });
    state.calendars.set(key, calendar);
  }
  return calendar;
}

/** Drops the cached calendars of a database handle (tests; the revisions make it unnecessary otherwise). */
export function forgetWorkingCalendars(db: Db): void {
  caches.delete(db);
}
