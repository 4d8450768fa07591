/** Every string the calendar's pages show, Vietnamese first (ARCHITECTURE.md §5). */
import type { Bilingual } from '../../platform/errors.js';
import { defineMessages } from '../../platform/html/i18n.js';
import type { CalendarDayKind, CalendarDayStatus } from './holiday-calendar.js';

export const calendarMessages = defineMessages({
  lead: {
    vi: 'Ngày làm việc là thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, Tết, nghỉ bù và nghỉ hoán đổi, cộng các ngày thứ Bảy làm bù. Giờ làm việc mặc định: 07:00–11:30 và 13:30–17:00. Thời hạn giải quyết hồ sơ chỉ tính theo các ngày đã được xác nhận chính thức.',
    en: 'Working days are Monday to Friday, except public holidays, Tết, compensatory and swapped days off, plus the Saturdays worked in exchange. Default office hours: 07:00–11:30 and 13:30–17:00. Dossier deadlines count only days that are officially confirmed.',
  },
  yearNav: { vi: 'Chọn năm', en: 'Choose a year' },
  yearLabel: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  legend: { vi: 'Chú giải', en: 'Key' },
  legendOff: {
    vi: 'Ngày nghỉ (lễ, Tết, nghỉ bù, nghỉ hoán đổi)',
    en: 'Day off (holiday, Tết, compensatory, swapped)',
  },
  legendMakeup: {
    vi: 'Ngày làm bù: làm việc như ngày thường',
    en: 'Make-up working day: a normal working day',
  },
  legendUnconfirmed: {
    vi: 'Chờ xác nhận hoặc đề xuất: chưa tính là ngày nghỉ',
    en: 'Pending or proposed: not yet counted as a day off',
  },
  legendWeekend: { vi: 'Thứ Bảy, Chủ nhật', en: 'Saturday, Sunday' },
  months: { vi: 'Các tháng trong năm', en: 'Months of the year' },
  listTitle: { vi: 'Danh sách ngày nghỉ và ngày làm bù', en: 'Days off and make-up working days' },
  source: { vi: 'Nguồn', en: 'Source' },
  confirmedBy: { vi: 'Xác nhận', en: 'Confirmed' },
  none: {
    vi: 'Chưa có lịch nghỉ của năm này. Các ngày nghỉ theo Bộ luật Lao động được đề xuất để quản trị viên xác nhận theo thông báo chính thức của năm.',
    en: "No days off are recorded for this year yet. The statutory days are proposed for an administrator to confirm against the year's official notice.",
  },
  cellOff: { vi: 'nghỉ', en: 'day off' },
  cellMakeup: { vi: 'làm bù', en: 'make-up working day' },
  cellUnconfirmed: { vi: 'chưa xác nhận', en: 'not confirmed' },
});

export const pageTitle = (year: number): Bilingual => ({
  vi: `Lịch làm việc năm ${year}`,
  en: `Working calendar ${year}`,
});
export const monthCaption = (month: number, year: number): Bilingual => ({
  vi: `Tháng ${month}/${year}`,
  en: `${MONTHS_EN[month - 1]} ${year}`,
});

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Monday first, as Vietnamese calendars print the week. */
export const WEEK_HEADINGS: { short: Bilingual; full: Bilingual }[] = [
  { short: { vi: 'T2', en: 'Mon' }, full: { vi: 'Thứ Hai', en: 'Monday' } },
  { short: { vi: 'T3', en: 'Tue' }, full: { vi: 'Thứ Ba', en: 'Tuesday' } },
  { short: { vi: 'T4', en: 'Wed' }, full: { vi: 'Thứ Tư', en: 'Wednesday' } },
  { short: { vi: 'T5', en: 'Thu' }, full: { vi: 'Thứ Năm', en: 'Thursday' } },
  { short: { vi: 'T6', en: 'Fri' }, full: { vi: 'Thứ Sáu', en: 'Friday' } },
  { short: { vi: 'T7', en: 'Sat' }, full: { vi: 'Thứ Bảy', en: 'Saturday' } },
  { short: { vi: 'CN', en: 'Sun' }, full: { vi: 'Chủ nhật', en: 'Sunday' } },
];

export const KIND_LABELS: Record<CalendarDayKind, Bilingual> = {
  holiday: { vi: 'Ngày lễ', en: 'Public holiday' },
  tet: { vi: 'Nghỉ Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  compensatory: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
  swapped_off: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' },
  makeup_workday: { vi: 'Làm bù', en: 'Make-up working day' },
};

export const STATUS_LABELS: Record<CalendarDayStatus, Bilingual> = {
  confirmed: { vi: 'Chính thức', en: 'Confirmed' },
  pending: { vi: 'Chờ xác nhận', en: 'Pending' },
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
};

/** "Thứ Năm, 01/01/2026" / "Thursday, 1 January 2026". */
export function longDate(
  lang: 'vi' | 'en',
  year: number,
  month: number,
  day: number,
  mondayFirstWeekday: number,
): string {
  const weekday = WEEK_HEADINGS[mondayFirstWeekday]!.full[lang];
  if (lang === 'en') return `${weekday}, ${day} ${MONTHS_EN[month - 1]} ${year}`;
  return `${weekday}, ${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
