/**
 * An administrator adds a day the official table and the proposals lack (an extra day off, a
 * make-up Saturday) with its legal source: the row is confirmed on entry, origin `admin`. Editing or
 * withdrawing an existing row needs new event kinds in calendar_day_events (not done yet).
 */
import { conflict, type FieldError, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import * as repo from './calendar-days.repository.js';
import type { CalendarActor, CalendarDeps } from './calendar-days.service.js';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from './holiday-calendar.js';
import { parseIsoDate, tryParseIsoDate, weekdayOf } from './local-time.js';

export interface NewCalendarDay {
  date: string;
  kind: string;
  name: string;
  source: string;
}

const clean = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

function validate(input: NewCalendarDay) {
  const problems: FieldError[] = [];
  const add = (field: string, vi: string, en: string) => problems.push({ field, message: { vi, en } });
  const dateOk = tryParseIsoDate(input.date) !== undefined;
  if (!dateOk)
    add('date', `Ngày không hợp lệ: "${input.date}" (YYYY-MM-DD).`, `Invalid date: "${input.date}".`);
  const kind = (CALENDAR_DAY_KINDS as readonly string[]).includes(input.kind)
    ? (input.kind as CalendarDayKind)
    : undefined;
  if (!kind) add('kind', 'Chọn loại ngày.', 'Choose the kind of day.');
  const weekday = dateOk ? weekdayOf(parseIsoDate(input.date)) : undefined;
  if (kind === 'makeup_workday' && weekday !== undefined && weekday !== 0 && weekday !== 6) {
    add('date', 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.', 'A make-up working day falls on a weekend.');
  }
  const name = clean(input.name);
  if (name === '') add('name', 'Chưa nhập tên ngày.', 'The name is missing.');
  const source = clean(input.source);
  if (source === '') add('source', 'Ghi văn bản, thông báo làm căn cứ.', 'Give the legal source.');
  if (problems.length > 0) {
    throw validationError(
      'calendar.invalid_day',
      { vi: 'Ngày chưa hợp lệ.', en: 'The day is not valid.' },
      problems,
    );
  }
  return { date: input.date, kind: kind!, name, source };
}

/** Adds a confirmed day; `calendar.day_exists` when the date already has a row (confirm that one). */
export async function addCalendarDay(
  deps: CalendarDeps,
  input: NewCalendarDay,
  actor: CalendarActor,
): Promise<repo.CalendarDayRecord> {
  const day = { ...validate(input), status: 'confirmed' as const };
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertDaysIfAbsent(trx, [{ day, origin: 'admin', confirmedBy: actor, at }]);
    if (inserted.length === 0) {
      const text = {
        vi: `Ngày ${day.date} đã có trong lịch; hãy xác nhận dòng đó.`,
        en: `${day.date} is already in the calendar; confirm that row instead.`,
      };
      throw conflict('calendar.day_exists', text);
    }
    const event = { id: newId(), date: day.date, action: 'confirmed' as const, fromStatus: null };
    await repo.insertDayEvents(trx, [{ ...event, toStatus: 'confirmed', source: day.source, actor, at }]);
    await repo.bumpRevision(trx, 'days');
  });
  return (await repo.selectDay(deps.db, day.date))!;
}
