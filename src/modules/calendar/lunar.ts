/**
 * The Vietnamese lunisolar calendar (âm lịch), by Hồ Ngọc Đức's algorithm ("Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/), which follows Jean Meeus, "Astronomical
 * Algorithms" (1998) for new moons and the sun's longitude. Months start on the local day of the new
 * moon; month 11 contains the winter solstice; a leap month is the first month without a major solar term.
 *
 * The time zone matters: Vietnam's calendar is computed for UTC+7 (China's for UTC+8), which is why Tết
 * sometimes falls on a different day in the two countries (e.g. 1985). Dates here are Julian day numbers
 * or civil dates; only lunar dates the statutory calendar needs (Tết, Giỗ Tổ) are exposed by callers.
 */

/** UTC offset in hours for which the calendar is computed: Vietnam. */
export const VIETNAM_TIME_ZONE_HOURS = 7;

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  /** Whether the month is the leap month (tháng nhuận) of the year. */
  readonly leap: boolean;
}

const floor = Math.floor;
const RAD = Math.PI / 180;
/** Mean synodic month and the Julian day of the new moon of 1900-01-01 (Meeus's k = 0). */
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day number of a Gregorian date. */
export function julianDayNumber(day: number, month: number, year: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}

/** Gregorian date of a Julian day number. */
export function civilFromJulianDayNumber(jd: number): { day: number; month: number; year: number } {
  const a = jd + 32044;
  const b = floor((4 * a + 3) / 146097);
  const c = a - floor((b * 146097) / 4);
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** Julian date (fractional) of the k-th new moon after 1900-01-01 (Meeus, chapter 49, abridged). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(RAD * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(RAD * (M - Mpr)) + 0.0004 * Math.sin(RAD * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(RAD * (2 * F - M)) - 0.0006 * Math.sin(RAD * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(RAD * (2 * F - Mpr)) + 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, 0 ≤ L < 2π, at a Julian date (Meeus, chapter 25, abridged). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  const L = (L0 + DL) * RAD;
  return L - Math.PI * 2 * floor(L / (Math.PI * 2));
}

/** Local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return floor(newMoon(k) + 0.5 + tz / 24);
}

/** Which of the 12 solar-term sectors (0–11) the sun is in at the start of a local day. */
function sunSector(dayNumber: number, tz: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

/** First day of lunar month 11 (the month holding the winter solstice) of a Gregorian year. */
function lunarMonth11(year: number, tz: number): number {
  const off = julianDayNumber(31, 12, year) - 2415021;
  const k = floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Offset (in months after month 11 starting at a11) of the leap month: the first with no major term. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a Gregorian date, for Vietnam unless another offset is given. */
export function solarToLunar(
  day: number,
  month: number,
  year: number,
  tz = VIETNAM_TIME_ZONE_HOURS,
): LunarDate {
  const dayNumber = julianDayNumber(day, month, year);
  // The mean-month estimate of k can be one too high when a true new moon falls late (2054-05-07 and
  // 2062-04-09 gave "day 0"): step back until the month starts on or before the day.
  let k = floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, tz);
  while (monthStart > dayNumber) monthStart = newMoonDay(--k, tz);
  let a11 = lunarMonth11(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, tz);
  }
  const diff = floor((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month: lunarMonth, year: lunarYear, leap };
}

/**
 * The Julian day number of a lunar date, or undefined if it does not exist (a leap month the year lacks).
 * A day past the month's end (30 in a 29-day month) is not checked here; callers that need the last day
 * of a month take the day before the next month's first day.
 */
export function lunarToJulianDay(date: LunarDate, tz = VIETNAM_TIME_ZONE_HOURS): number | undefined {
  const { day, month, year, leap } = date;
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1, tz), lunarMonth11(year, tz)]
      : [lunarMonth11(year, tz), lunarMonth11(year + 1, tz)];
  const k = floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return newMoonDay(k + off, tz) + day - 1;
}

/** Gregorian date of a lunar date (see {@link lunarToJulianDay}). */
export function lunarToSolar(date: LunarDate, tz = VIETNAM_TIME_ZONE_HOURS) {
  const jd = lunarToJulianDay(date, tz);
  return jd === undefined ? undefined : civilFromJulianDayNumber(jd);
}
