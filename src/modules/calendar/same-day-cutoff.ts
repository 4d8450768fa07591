/**
 * Same-day procedures with a cut-off (giải quyết trong ngày; tiếp nhận sau giờ chốt thì trả vào ngày làm
 * việc tiếp theo), DOMAIN.md §6.5. Example: chứng thực (NĐ 23/2015) is returned the same day if received
 * by 15:00, otherwise on the next working day. The cut-off time is a parameter of the procedure version.
 */
import { validationError } from '../../platform/errors.js';
import {
  closingInstantOf,
  isWorkingEpochDay,
  type WorkingCalendar,
  workingDayOnOrAfter,
} from './calendar-index.js';
import { epochDayOf, MINUTE_MS, msOfLocalDay } from './local-time.js';
import { parseClock } from './office-hours.js';

export interface SameDayRule {
  /** Latest receipt time, `HH:MM`, that is still handled the same day, e.g. `15:00`. */
  readonly cutoff: string;
}

/**
 * Due time under a same-day rule: a receipt on a working day at or before the cut-off (read to the
 * minute, as the slip prints it, so 15:00:40 is "15:00") and before that day's closing is due at the
 * closing (17:00); any other receipt is due at the closing of the next working day. The due time is an
 * end, so it is written at the closing (see the boundary convention in working-time.ts).
 */
export function sameDayDue(receivedAt: Date, rule: SameDayRule, calendar: WorkingCalendar): Date {
  const cutoff = parseClock(rule.cutoff);
  if (cutoff === undefined) {
    throw validationError('calendar.invalid_cutoff', {
      vi: `Giờ chốt không hợp lệ: "${rule.cutoff}" (ví dụ 15:00).`,
      en: `Invalid cut-off time: "${rule.cutoff}" (expected e.g. 15:00).`,
    });
  }
  const at = receivedAt.getTime();
  const day = epochDayOf(at);
  const minute = Math.floor(msOfLocalDay(at) / MINUTE_MS);
  if (isWorkingEpochDay(calendar, day) && minute <= cutoff && at < closingInstantOf(calendar, day)) {
    return new Date(closingInstantOf(calendar, day));
  }
  return new Date(closingInstantOf(calendar, workingDayOnOrAfter(calendar, day + 1)));
}
