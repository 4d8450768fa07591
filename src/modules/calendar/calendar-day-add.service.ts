/**
 * An administrator adds a day the official table and the proposals lack (an extra day off, a
 * make-up Saturday) with its legal source: the row is confirmed on entry, origin `admin`. A date
 * whose row was removed gets that row back (its history goes on). A form's hidden key or an API
 * Idempotency-Key makes a resent request answer with the same day and write nothing twice.
 */
import { actorKey } from '../../platform/audit/actor.js';
import { conflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordDayAudit } from './calendar-audit.js';
import { dayNotFound } from './calendar-day-edit.service.js';
import { type NewCalendarDay, validateNewDay } from './calendar-day-input.js';
import * as repo from './calendar-days.repository.js';
import type { CalendarDeps } from './calendar-days.service.js';
import { type DayWriter, writeOnce } from './day-request-key.js';

export type { NewCalendarDay } from './calendar-day-input.js';

/** Adds a confirmed day; `calendar.day_exists` when the date already has a row (confirm or edit that one). */
export async function addCalendarDay(
  deps: CalendarDeps,
  input: NewCalendarDay,
  { by, actorName, requestKey }: DayWriter,
): Promise<repo.CalendarDayRecord> {
  const day = { ...validateNewDay(input), status: 'confirmed' as const };
  const actor = actorKey(by);
  const at = deps.clock.now();
  await writeOnce(deps.db, requestKey, day.date, ['added'], () =>
    deps.db.transaction().execute(async (trx) => {
      const row = { day, origin: 'admin' as const, confirmedBy: actor, at };
      const inserted = (await repo.insertDaysIfAbsent(trx, [row])).length === 1;
      if (!inserted && !(await repo.reviveRemovedDay(trx, row))) {
        const text = {
          vi: `Ngày ${day.date} đã có trong lịch; hãy xác nhận hoặc sửa dòng đó.`,
          en: `${day.date} is already in the calendar; confirm or edit that row instead.`,
        };
        throw conflict('calendar.day_exists', text);
      }
      const event = {
        id: newId(),
        date: day.date,
        action: 'added' as const,
        fromStatus: inserted ? null : ('removed' as const),
        toStatus: 'confirmed' as const,
      };
      await repo.insertDayEvents(trx, [{ ...event, source: day.source, actor, actorName, at, requestKey }]);
      const details = { kind: day.kind, name: day.name, source: day.source, revived: !inserted };
      await recordDayAudit(trx, by, { action: 'day_added', date: day.date, details }, at);
      await repo.bumpRevision(trx, 'days');
    }),
  );
  // A retry after the day was removed again finds nothing to answer with.
  const saved = await repo.selectDay(deps.db, day.date);
  if (!saved) throw dayNotFound(day.date);
  return saved;
}
