/**
 * The official day-off table shipped with motcua (datasets/holidays/vn-days-off-2024-2026.csv, see the
 * README beside it): read from disk and parsed. This is the calendar's seed data; the yearly calendar is
 * then kept by administrators.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validationError } from '../../platform/errors.js';
import type { CalendarDay } from './holiday-calendar.js';
import { parseHolidayCsv } from './holidays-csv.js';

export const OFFICIAL_DAYS_OFF_PATH = fileURLToPath(
  new URL('../../../datasets/holidays/vn-days-off-2024-2026.csv', import.meta.url),
);

/** Rows of the shipped table; throws `calendar.official_table_unreadable` if any row cannot be read. */
export function loadOfficialDaysOff(path: string = OFFICIAL_DAYS_OFF_PATH): CalendarDay[] {
  const { days, errors } = parseHolidayCsv(readFileSync(path, 'utf8'));
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.line}: ${e.message.en}`).join('; ');
    throw validationError('calendar.official_table_unreadable', {
      vi: `Bảng ngày nghỉ chính thức có dòng không đọc được: ${lines}`,
      en: `The official day-off table has unreadable rows: ${lines}`,
    });
  }
  return days;
}
