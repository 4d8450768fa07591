/**
 * The layout of a year as month grids (weeks from Monday), each day with its calendar row if it has
 * one. Pure: the page view renders it.
 */
import type { CalendarDayRecord } from '../calendar-days.repository.js';
import { daysInMonth, epochDayFromCivil, weekdayOf } from '../local-time.js';

export interface DayCell {
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  column: number;
  row: CalendarDayRecord | undefined;
}

export interface MonthGrid {
  month: number;
  /** Weeks of 7 columns; undefined before the 1st and after the last day. */
  weeks: (DayCell | undefined)[][];
}

export function yearGrid(year: number, rows: readonly CalendarDayRecord[]): MonthGrid[] {
  const byDate = new Map(rows.map((r) => [r.date, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const first = epochDayFromCivil(year, month, 1);
    const weeks: (DayCell | undefined)[][] = [];
    let week: (DayCell | undefined)[] = Array.from({ length: (weekdayOf(first) + 6) % 7 }, () => undefined);
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const column = (weekdayOf(first + day - 1) + 6) % 7;
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      week.push({ day, column, row: byDate.get(date) });
      if (column === 6) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => undefined)]);
    return { month, weeks };
  });
}
