/**
 * Pauses of the clock (tạm dừng tính thời hạn): intervals whose working time does not count against a
 * deadline, above all while the citizen supplements the dossier (chờ bổ sung, status 5), DOMAIN.md §6.6.
 */
import { validationError } from '../../platform/errors.js';
import { positionOf, type WorkingCalendar } from './calendar-index.js';

/** One pause: from the request (e.g. `requestedAt`) to the resumption (e.g. `completedAt`). */
export interface PauseInterval {
  readonly from: Date;
  readonly to: Date;
}

export function checkPause(pause: PauseInterval): void {
  if (!(pause.to.getTime() >= pause.from.getTime())) {
    throw validationError('calendar.invalid_pause', {
      vi: 'Thời điểm kết thúc tạm dừng phải sau thời điểm bắt đầu.',
      en: 'A pause must end after it starts.',
    });
  }
}

/**
 * Paused working ms between working positions a ≤ b: each pause is clipped to [a, b] and overlapping
 * pauses are merged, so time paused twice is not subtracted twice.
 */
export function pausedWorkingMs(
  a: number,
  b: number,
  pauses: readonly PauseInterval[],
  calendar: WorkingCalendar,
): number {
  const spans: [number, number][] = [];
  for (const pause of pauses) {
    checkPause(pause);
    const from = Math.max(a, positionOf(calendar, pause.from.getTime()));
    const to = Math.min(b, positionOf(calendar, pause.to.getTime()));
    if (to > from) spans.push([from, to]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  let paused = 0;
  let reach = a;
  for (const [from, to] of spans) {
    const start = Math.max(from, reach);
    if (to > start) paused += to - start;
    reach = Math.max(reach, to);
  }
  return paused;
}
