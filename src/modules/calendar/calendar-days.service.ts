/**
 * Use cases of the calendar of days off and make-up days (lịch nghỉ lễ, tết, làm bù): import the
 * shipped official table, propose a later year's statutory days, and confirm rows (an administrator's
 * action, on the pages of calendar-admin.pages.tsx). Each write runs in one transaction,
 * appends calendar_day_events (an administrator's confirmations also the audit log) and bumps the
 * `days` revision so every process rebuilds its calendars.
 */
import { type AuditActor, actorKey } from '../../platform/audit/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordDayAudit, recordYearConfirmed } from './calendar-audit.js';
import * as repo from './calendar-days.repository.js';
import { nextDayStatus } from './day-transitions.js';
import { assertConsistentDays, type CalendarDay, confirmCalendarDay } from './holiday-calendar.js';
import { tryParseIsoDate } from './local-time.js';
import { loadOfficialDaysOff } from './official-days-off.js';
import { proposeStatutoryDays } from './statutory-days.js';

export interface CalendarDeps {
  db: Db;
  clock: Clock;
}

/** Who acts: an officer id once identity exists; `system:…` for imports and the demo seed. */
export type CalendarActor = string;

export const OFFICIAL_TABLE_ACTOR = 'system:official-table';
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export interface ImportResult {
  /** Rows in the table. */
  total: number;
  /** Rows written to dates that had none. */
  inserted: number;
  /** Generated proposals the official rows replaced. */
  replacedProposals: number;
  /** Dates that already had a confirmed or pending row, left as they are. */
  unchanged: number;
}

/** Checks a year, naming the field `year` (calendar.invalid_year). */
export function checkYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    const message = {
      vi: `Năm phải là số nguyên từ ${FIRST_YEAR} đến ${LAST_YEAR}.`,
      en: `The year must be a whole number from ${FIRST_YEAR} to ${LAST_YEAR}.`,
    };
    throw validationError('calendar.invalid_year', message, [{ field, message }]);
  }
  return year;
}

/**
 * Loads the official table (default: the shipped datasets/holidays CSV). Idempotent: a date that
 * already has a confirmed or pending row keeps it (an administrator may have confirmed it since), a
 * generated proposal is replaced by the official row. The pending 24/11/2026 row stays pending.
 */
export async function importOfficialDays(
  deps: CalendarDeps,
  days: readonly CalendarDay[] = loadOfficialDaysOff(),
  actor: CalendarActor = OFFICIAL_TABLE_ACTOR,
): Promise<ImportResult> {
  assertConsistentDays(days);
  const at = deps.clock.now();
  const rows = days.map((day) => ({ day, origin: 'official_table' as const, confirmedBy: actor, at }));
  return deps.db.transaction().execute(async (trx) => {
    const inserted = new Set(await repo.insertDaysIfAbsent(trx, rows));
    const events: repo.DayEvent[] = [];
    let replaced = 0;
    for (const row of rows) {
      const fresh = inserted.has(row.day.date);
      if (!fresh && !(await repo.replaceProposal(trx, row))) continue;
      if (!fresh) replaced++;
      events.push({
        id: newId(),
        date: row.day.date,
        action: 'imported',
        fromStatus: fresh ? null : 'proposed',
        toStatus: row.day.status,
        source: row.day.source,
        actor,
        at,
      });
    }
    await repo.insertDayEvents(trx, events);
    if (events.length > 0) await repo.bumpRevision(trx, 'days');
    return {
      total: days.length,
      inserted: inserted.size,
      replacedProposals: replaced,
      unchanged: days.length - events.length,
    };
  });
}

/**
 * Writes a year's statutory days off (Labour Code art. 112, Tết and Giỗ Tổ from the lunar calendar,
 * compensatory days) as `proposed` rows, which change no deadline until confirmed. Dates that already
 * have a row keep it. A year that already has confirmed rows has its notice: `calendar.year_confirmed`.
 */
export async function proposeYear(
  deps: CalendarDeps,
  year: number,
  actor: CalendarActor,
): Promise<{ proposed: number; kept: number }> {
  checkYear(year);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.selectDaysBetween(trx, `${year}-01-01`, `${year}-12-31`);
    if (existing.some((d) => d.status === 'confirmed')) {
      throw conflict('calendar.year_confirmed', {
        vi: `Năm ${year} đã có lịch nghỉ chính thức; không tạo đề xuất.`,
        en: `${year} already has official days off; nothing is proposed.`,
      });
    }
    const proposals = proposeStatutoryDays(year);
    const rows = proposals.map((day) => ({ day, origin: 'generated' as const, confirmedBy: null, at }));
    const inserted = await repo.insertDaysIfAbsent(trx, rows);
    const byDate = new Map(proposals.map((d) => [d.date, d]));
    await repo.insertDayEvents(
      trx,
      inserted.map((date) => ({
        id: newId(),
        date,
        action: 'proposed' as const,
        fromStatus: null,
        toStatus: 'proposed' as const,
        source: byDate.get(date)!.source,
        actor,
        at,
      })),
    );
    if (inserted.length > 0) await repo.bumpRevision(trx, 'days');
    return { proposed: inserted.length, kept: proposals.length - inserted.length };
  });
}

function checkDate(date: string): string {
  if (tryParseIsoDate(date) === undefined) {
    const message = {
      vi: `Ngày không hợp lệ: "${date}" (YYYY-MM-DD).`,
      en: `Invalid date: "${date}" (YYYY-MM-DD).`,
    };
    throw validationError('calendar.invalid_date', message, [{ field: 'date', message }]);
  }
  return date;
}

async function confirmRow(trx: Db, row: repo.CalendarDayRecord, source: string, actor: string, at: Date) {
  const to = nextDayStatus(row.status, 'confirm');
  if (!to) {
    throw conflict('calendar.day_already_confirmed', {
      vi: `Ngày ${row.date} đã được xác nhận.`,
      en: `${row.date} is already confirmed.`,
    });
  }
  const confirmed = confirmCalendarDay(row, source);
  const moved = await repo.updateDayStatus(trx, {
    date: row.date,
    from: row.status,
    to,
    source: confirmed.source,
    actor,
    at,
  });
  if (!moved) {
    throw conflict('calendar.day_changed', {
      vi: `Ngày ${row.date} vừa được người khác thay đổi.`,
      en: `${row.date} was just changed by someone else.`,
    });
  }
  return {
    id: newId(),
    date: row.date,
    action: 'confirmed' as const,
    fromStatus: row.status,
    toStatus: to,
    source: confirmed.source,
    actor,
    at,
  };
}

/**
 * Confirms one pending or proposed row against the notice that settles it (`source`; blank keeps the
 * row's source). From then on it counts: a day off, or a make-up working day.
 */
export async function confirmDay(
  deps: CalendarDeps,
  input: { date: string; source?: string },
  by: AuditActor,
): Promise<repo.CalendarDayRecord> {
  const date = checkDate(input.date);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.selectDay(trx, date);
    if (!row) {
      throw notFound('calendar.day_not_found', {
        vi: `Không có ngày ${date} trong lịch nghỉ.`,
        en: `${date} is not in the calendar of days off.`,
      });
    }
    const event = await confirmRow(trx, row, input.source ?? '', actorKey(by), at);
    await repo.insertDayEvents(trx, [event]);
    const details = { fromStatus: row.status, source: event.source };
    await recordDayAudit(trx, by, { action: 'day_confirmed', date, details }, at);
    await repo.bumpRevision(trx, 'days');
  });
  return (await repo.selectDay(deps.db, date))!;
}

/**
 * Confirms every proposed row of a year against the year's official notice (`source`, required).
 * Pending rows (announced but not enacted, such as 24/11/2026) are left for {@link confirmDay}: the
 * yearly notice does not settle them. Returns how many rows now count.
 */
export async function confirmYear(
  deps: CalendarDeps,
  input: { year: number; source: string },
  by: AuditActor,
): Promise<{ confirmed: number }> {
  const year = checkYear(input.year);
  const source = input.source.normalize('NFC').trim();
  if (source === '') {
    const message = {
      vi: 'Ghi số, ngày của thông báo chính thức về lịch nghỉ năm.',
      en: "Give the number and date of the year's official notice.",
    };
    throw validationError('calendar.source_required', message, [{ field: 'source', message }]);
  }
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await repo.selectDaysBetween(trx, `${year}-01-01`, `${year}-12-31`);
    const events = [];
    for (const row of rows.filter((r) => r.status === 'proposed')) {
      events.push(await confirmRow(trx, row, source, actorKey(by), at));
    }
    await repo.insertDayEvents(trx, events);
    if (events.length > 0) {
      await recordYearConfirmed(trx, by, { year, source, dates: events.map((e) => e.date) }, at);
      await repo.bumpRevision(trx, 'days');
    }
    return { confirmed: events.length };
  });
}

/** Every row of a year, in date order, whatever its status. */
export async function listCalendarDays(db: Db, year: number): Promise<repo.CalendarDayRecord[]> {
  checkYear(year);
  return repo.selectDaysBetween(db, `${year}-01-01`, `${year}-12-31`);
}

/** The history of one date's row, oldest first. */
export async function calendarDayHistory(db: Db, date: string) {
  return repo.selectDayEvents(db, checkDate(date));
}
