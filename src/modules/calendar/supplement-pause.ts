/**
 * New due times after a supplement (bổ sung hồ sơ), DOMAIN.md §6.6: the clock stops while the dossier
 * waits for the citizen, and the working time that was left is walked again from the resumption.
 */
import type { WorkingCalendar } from './calendar-index.js';
import { checkPause, type PauseInterval } from './pauses.js';
import { addWorkingMilliseconds, workingMsBetween } from './working-time.js';

/**
 * The new due time after one pause (ngày hẹn trả mới): `addWorking(normalise(to), workingTime(from, due))`,
 * which is the old due time shifted by the paused working time. A request made after the due time had
 * passed leaves nothing to resume, so the due time stays as it was (design: a pause does not forgive
 * lateness that happened before it); a request exactly at the due time resumes with no time left.
 */
export function resumeAfterPause(dueAt: Date, pause: PauseInterval, calendar: WorkingCalendar): Date {
  checkPause(pause);
  const left = workingMsBetween(pause.from, dueAt, calendar);
  if (left < 0) return dueAt;
  return addWorkingMilliseconds(pause.to, left, calendar);
}

/** Applies closed pauses in time order to a due time computed at receipt. */
export function dueAfterPauses(
  dueAt: Date,
  pauses: readonly PauseInterval[],
  calendar: WorkingCalendar,
): Date {
  const ordered = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  let due = dueAt;
  for (const pause of ordered) due = resumeAfterPause(due, pause, calendar);
  return due;
}
