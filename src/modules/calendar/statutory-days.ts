/**
 * Proposed statutory days off for a year with no official notice yet (đề xuất lịch nghỉ lễ, tết), from
 * Bộ luật Lao động 2019 Điều 112 and the lunar calendar (DOMAIN.md §6.2):
 * - Tết Dương lịch 1/1; 30/4; 1/5; Giỗ Tổ Hùng Vương 10/3 âm lịch;
 * - Quốc khánh 2/9 and one adjacent day;
 * - Tết Nguyên đán, 5 days around mùng 1;
 * - a holiday on the weekly rest day gives a compensatory day (nghỉ bù) on the next working day (khoản 3).
 *
 * Every row is `proposed`: it changes no deadline until an administrator confirms it against the year's
 * notice, which alone sets the Tết days, the day beside 2/9 and any swap with a make-up Saturday (swaps are
 * never proposed). Where the law leaves a choice, this rule (design) reproduces the weekdays off of the
 * official 2024–2026 table (tested in lunar.test.ts):
 * - the day beside 2/9 is 1/9 when that is Monday–Friday, otherwise 3/9;
 * - the 5 Tết days are either the two days before mùng 1 to mùng 3, or giao thừa to mùng 4 (notices use
 *   both): the one with fewer days on a weekend, the earlier one on a tie.
 */
import type { CalendarDay, CalendarDayKind } from './holiday-calendar.js';
import { epochDayFromCivil, formatIsoDate, weekdayOf } from './local-time.js';
import { civilFromJulianDayNumber, lunarToJulianDay, solarToLunar } from './lunar.js';

interface Candidate {
  readonly day: number;
  readonly kind: CalendarDayKind;
  readonly name: string;
  readonly evidence: string;
}

const LAW = 'Bộ luật Lao động 2019, Điều 112';
const SOURCE = `${LAW} (đề xuất tự động; chờ thông báo chính thức của năm)`;
/** Julian day number of 1970-01-01, to move between the lunar code's day numbers and epoch days. */
const JDN_OF_EPOCH = 2_440_588;

const isWeekend = (day: number) => weekdayOf(day) === 0 || weekdayOf(day) === 6;

/** The lunar name of a Tết day: "30 tháng Chạp / Giao thừa", "mùng 2". */
function tetDayName(day: number, mung1: number): string {
  const { year, month, day: d } = civilFromJulianDayNumber(day + JDN_OF_EPOCH);
  const lunar = solarToLunar(d, month, year);
  if (lunar.month === 1) return `Tết Nguyên đán (mùng ${lunar.day})`;
  const eve = day === mung1 - 1 ? ' / Giao thừa' : '';
  return `Tết Nguyên đán (${lunar.day} tháng Chạp${eve})`;
}

/** Days given in compensation for those of `days` on a weekend, each the next free weekday. */
function compensations(days: readonly number[], taken: Set<number>): number[] {
  const result: number[] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    if (!isWeekend(day)) continue;
    let d = day + 1;
    while (isWeekend(d) || taken.has(d)) d++;
    taken.add(d);
    result.push(d);
  }
  return result;
}

/** The 5 Tết days: fewer weekend days wins (each one costs a compensatory day), the earlier on a tie. */
function tetWindow(mung1: number): number[] {
  const early = [-2, -1, 0, 1, 2].map((i) => mung1 + i);
  const late = [-1, 0, 1, 2, 3].map((i) => mung1 + i);
  const weekendDays = (window: number[]) => window.filter(isWeekend).length;
  return weekendDays(late) < weekendDays(early) ? late : early;
}

function statutoryCandidates(year: number): Candidate[] {
  const civil = (month: number, day: number) => epochDayFromCivil(year, month, day);
  const gioTo = lunarToJulianDay({ day: 10, month: 3, year, leap: false })! - JDN_OF_EPOCH;
  const mung1 = lunarToJulianDay({ day: 1, month: 1, year, leap: false })! - JDN_OF_EPOCH;
  const beside = isWeekend(civil(9, 1)) ? civil(9, 3) : civil(9, 1);
  return [
    { day: civil(1, 1), kind: 'holiday', name: 'Tết Dương lịch', evidence: 'law' },
    ...tetWindow(mung1).map(
      (day): Candidate => ({ day, kind: 'tet', name: tetDayName(day, mung1), evidence: 'law+lunar' }),
    ),
    { day: gioTo, kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', evidence: 'law+lunar' },
    { day: civil(4, 30), kind: 'holiday', name: 'Ngày Chiến thắng', evidence: 'law' },
    { day: civil(5, 1), kind: 'holiday', name: 'Ngày Quốc tế Lao động', evidence: 'law' },
    { day: beside, kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', evidence: 'derived' },
    { day: civil(9, 2), kind: 'holiday', name: 'Quốc khánh', evidence: 'law' },
  ];
}

/** The statutory days off of a year, with compensatory days, all `proposed`, in date order. */
export function proposeStatutoryDays(year: number): CalendarDay[] {
  const statutory = statutoryCandidates(year);
  const taken = new Set(statutory.map((c) => c.day));
  const compensatory = compensations(
    statutory.map((c) => c.day),
    taken,
  ).map(
    (day): Candidate => ({
      day,
      kind: 'compensatory',
      name: 'Nghỉ bù (ngày lễ, tết trùng ngày nghỉ hằng tuần)',
      evidence: 'derived',
    }),
  );
  return [...statutory, ...compensatory]
    .sort((x, y) => x.day - y.day)
    .map((c) => ({
      date: formatIsoDate(c.day),
      kind: c.kind,
      status: 'proposed',
      name: c.name,
      source: c.kind === 'compensatory' ? `${LAW} khoản 3 (đề xuất tự động)` : SOURCE,
      evidence: c.evidence,
    }));
}
