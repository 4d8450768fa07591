/**
 * Pauses of the clock (tạm dừng tính thời hạn), above all while the citizen supplements the dossier
 * (yêu cầu bổ sung, status 5), DOMAIN.md §6.6. Working time inside a pause does not count against the
 * deadline.
 */
import { validationError } from '../../platform/errors.js';
import { positionOf, type WorkingCalendar } from './calendar-index.js';
import { MINUTE_MS } from './local-time.js';
import { addWorkingMilliseconds, workingMsBetween } from './working-time.js';

/** One pause: from the request (`from`, e.g. requestedAt) to the resumption (`to`, e.g. completedAt). */
export interface PauseInterval {
  readonly from: Date;
  readonly to: Date;
}

function checkPause(pause: PauseInterval): void {
  if (!(pause.to.getTime() >= pause.from.getTime())) {
    throw validationError('calendar.invalid_pause', {
      vi: 'Thời điểm kết thúc tạm dừng phải sau thời điểm bắt đầu.',
      en: 'A pause must end after it starts.',
    });
  }
}

/**
 * The new due time after one pause (§6.6): the working time left at the request is walked again from the
 * normalised resumption, `addWorking(normalise(to), workingTime(from, due))`, which is the old due time
 * shifted by the paused working time. A request made when the due time had already passed leaves nothing
 * to resume, so the due time stays as it was (design: the lateness is not forgiven by the pause).
 */
export function resumeAfterPause(dueAt: Date, pause: PauseInterval, calendar: WorkingCalendar): Date {
  checkPause(pause);
  const left = workingMsBetween(pause.from, dueAt, calendar);
  if (left <= 0) return dueAt;
  return addWorkingMilliseconds(pause.to, left, calendar);
}

/** Applies pauses in time order (each must be closed), starting from an already computed due time. */
export function dueAfterPauses(dueAt: Date, pauses: readonly PauseInterval[], calendar: WorkingCalendar): Date {
  const ordered = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  let due = dueAt;
  for (const pause of ordered) due = resumeAfterPause(due, pause, calendar);
  return due;
}

/** Working positions of the pauses clipped to [a, b], merged where they overlap. */
function pausedSpans(a: number, b: number, pauses: readonly PauseInterval[], calendar: WorkingCalendar) {
  const spans: [number, number][] = [];
  for (const pause of pauses) {
    checkPause(pause);
    const from = Math.max(a, positionOf(calendar, pause.from.getTime()));
    const to = Math.min(b, positionOf(calendar, pause.to.getTime()));
    if (to > from) spans.push([from, to]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/**
 * Working minutes from a to b that fall outside every pause: the time the agency has actually used.
 * Negative when b is before a, like `workingTimeBetween`.
 */
export function workingTimeBetweenExcluding(
  a: Date,
  b: Date,
  pauses: readonly PauseInterval[],
  calendar: WorkingCalendar,
): number {
  if (b.getTime() < a.getTime()) return -workingTimeBetweenExcluding(b, a, pauses, calendar);
  const from = positionOf(calendar, a.getTime());
  const to = positionOf(calendar, b.getTime());
  const paused = pausedSpans(from, to, pauses, calendar).reduce((sum, [x, y]) => sum + y - x, 0);
  return (to - from - paused) / MINUTE_MS;
}
