/**
 * Step deadlines (DOMAIN.md §6): a step's due time from its start and its budget in working time on
 * its agency's calendar; the warning instant before a due time; how a finished step stands against
 * its due time (the on-time marks of the processing control sheet, Mẫu 05); and the due times after a
 * supplement pause (§6.6: moved by exactly the paused working time). Pure.
 */
import {
  addWorkingTime,
  type PauseInterval,
  resumeAfterPause,
  subtractWorkingTime,
  type WorkingCalendar,
} from '../calendar/index.js';

/** The due time of a step started at `startedAt` with `budgetMinutes` of working time; null when it has no budget. */
export function stepDueAt(
  startedAt: Date,
  budgetMinutes: number | null,
  calendar: WorkingCalendar,
): Date | null {
  if (budgetMinutes === null || !(budgetMinutes > 0)) return null;
  return addWorkingTime(startedAt, { value: budgetMinutes / 60, unit: 'gio' }, calendar);
}

/**
 * When to warn before a due time: `days` working days before it (default 2, so that the approved
 * apology letter can still go out one working day before the due time, DOMAIN.md §3.4 rule 7).
 */
export function warnAt(dueAt: Date, calendar: WorkingCalendar, days = 2): Date {
  return subtractWorkingTime(dueAt, { value: days, unit: 'ngay-lam-viec' }, calendar);
}

export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * A finished step against its due time, as the control sheet marks it: "trước hạn" when it ended
 * before the due day, "đúng hạn" on the due day up to the due instant, "quá hạn" after it. No due
 * time (no budget): on time.
 */
export function timeliness(finishedAt: Date, dueAt: Date | null): Timeliness {
  if (!dueAt) return 'on_time';
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return vietnamDay(finishedAt) < vietnamDay(dueAt) ? 'early' : 'on_time';
}

const vietnamDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The due times after a supplement: the dossier's appointment and the current step's due time each
 * move by the working time paused, on their own calendars (the step's agency, the competent body).
 */
export function dueTimesAfterPause(
  due: { dossierDueAt: Date | null; stepDueAt: Date | null },
  pause: PauseInterval,
  calendars: { dossier: WorkingCalendar; step: WorkingCalendar },
): { dossierDueAt: Date | null; stepDueAt: Date | null } {
  return {
    dossierDueAt: due.dossierDueAt ? resumeAfterPause(due.dossierDueAt, pause, calendars.dossier) : null,
    stepDueAt: due.stepDueAt ? resumeAfterPause(due.stepDueAt, pause, calendars.step) : null,
  };
}
