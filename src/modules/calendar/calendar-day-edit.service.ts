/**
 * An administrator corrects a day of the calendar (sửa ngày: kind, name, legal source; the status
 * stays) or removes it with a reason (xóa ngày: it no longer counts nor shows). Each change runs in
 * one transaction guarded by the row's status, appends a calendar_day_events entry with who, when,
 * what the row held before and why, and an audit log entry, and bumps the `days` revision, so every process rebuilds its
 * working calendars before the next deadline it computes.
 */
import { actorKey } from '../../platform/audit/actor.js';
import { conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordDayAudit } from './calendar-audit.js';
import { type DayContentInput, validateEdit, validateRemoval } from './calendar-day-input.js';
import * as repo from './calendar-days.repository.js';
import type { CalendarDeps } from './calendar-days.service.js';
import { type DayWriter, writeOnce } from './day-request-key.js';
import { nextDayStatus } from './day-transitions.js';
import { tryParseIsoDate } from './local-time.js';

export const dayNotFound = (date: string) =>
  notFound('calendar.day_not_found', {
    vi: `Không có ngày ${date} trong lịch nghỉ.`,
    en: `${date} is not in the calendar of days off.`,
  });

const dayChanged = (date: string) =>
  conflict('calendar.day_changed', {
    vi: `Ngày ${date} vừa được người khác thay đổi; hãy tải lại trang.`,
    en: `${date} was just changed by someone else; reload the page.`,
  });

/** The row of a date (removed rows are gone), or `calendar.day_not_found`. */
export async function getCalendarDay(db: CalendarDeps['db'], date: string): Promise<repo.CalendarDayRecord> {
  const row = tryParseIsoDate(date) === undefined ? undefined : await repo.selectDay(db, date);
  if (!row) throw dayNotFound(date);
  return row;
}

const previousOf = (row: repo.CalendarDayRecord) => ({
  kind: row.kind,
  name: row.name,
  source: row.source,
  status: row.status,
});

/** Writes the new kind, name and legal source; the row keeps its status and its history. */
export async function editCalendarDay(
  deps: CalendarDeps,
  date: string,
  input: DayContentInput,
  { by, actorName, requestKey }: DayWriter,
): Promise<repo.CalendarDayRecord> {
  const at = deps.clock.now();
  const actor = actorKey(by);
  await writeOnce(deps.db, requestKey, date, ['edited'], () =>
    deps.db.transaction().execute(async (trx) => {
      const row = await getCalendarDay(trx, date);
      const content = validateEdit(row, input);
      if (nextDayStatus(row.status, 'edit') !== row.status) throw dayChanged(date);
      const saved = await repo.updateDayContent(trx, { date, status: row.status, ...content, actor, at });
      if (!saved) throw dayChanged(date);
      await repo.insertDayEvents(trx, [
        {
          id: newId(),
          date,
          action: 'edited',
          fromStatus: row.status,
          toStatus: row.status,
          source: content.source,
          actor,
          actorName,
          at,
          previous: previousOf(row),
          requestKey,
        },
      ]);
      const details = {
        previous: previousOf(row),
        kind: content.kind,
        name: content.name,
        source: content.source,
      };
      await recordDayAudit(trx, by, { action: 'day_edited', date, details }, at);
      await repo.bumpRevision(trx, 'days');
    }),
  );
  return getCalendarDay(deps.db, date);
}

/** Removes a day with its reason: from now on it changes no deadline and is not shown. */
export async function removeCalendarDay(
  deps: CalendarDeps,
  date: string,
  input: { reason: string },
  { by, actorName, requestKey }: DayWriter,
): Promise<void> {
  const { reason } = validateRemoval(input);
  const at = deps.clock.now();
  const actor = actorKey(by);
  await writeOnce(deps.db, requestKey, date, ['removed'], () =>
    deps.db.transaction().execute(async (trx) => {
      const row = await getCalendarDay(trx, date);
      const to = nextDayStatus(row.status, 'remove');
      if (!to) throw dayChanged(date);
      const moved = await repo.updateDayStatus(trx, {
        date,
        from: row.status,
        to,
        source: row.source,
        actor,
        at,
      });
      if (!moved) throw dayChanged(date);
      await repo.insertDayEvents(trx, [
        {
          id: newId(),
          date,
          action: 'removed',
          fromStatus: row.status,
          toStatus: to,
          source: row.source,
          actor,
          actorName,
          at,
          reason,
          previous: previousOf(row),
          requestKey,
        },
      ]);
      const details = { reason, previous: previousOf(row) };
      await recordDayAudit(trx, by, { action: 'day_removed', date, details }, at);
      await repo.bumpRevision(trx, 'days');
    }),
  );
}
