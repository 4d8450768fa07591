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

/** A step as the late-cause rule reads it. */
export interface StepTimes {
  id: string;
  position: number;
  due_at: Date | null;
  finished_at: Date | null;
  state: string;
}

/**
 * The step that made a dossier late: of the steps that ran over their own due time (finished ones by
 * their end, the current one by `now`), the one that overran most; when none overran (the appointment
 * was simply too short for the chain), the current step. Null when there is no step at all.
 */
export function lateCause(steps: readonly StepTimes[], currentId: string | null, now: Date): string | null {
  let worst: { id: string; over: number } | null = null;
  for (const s of steps) {
    if (!s.due_at) continue;
    const end = s.id === currentId ? now : s.state === 'done' ? s.finished_at : null;
    if (!end) continue;
    const over = end.getTime() - s.due_at.getTime();
    if (over > 0 && (!worst || over > worst.over)) worst = { id: s.id, over };
  }
  return worst?.id ?? currentId ?? steps.at(-1)?.id ?? null;
}
