/**
 * Transition table of a calendar row's status (DOMAIN.md §6.2): a generated proposal or an announced,
 * not yet enacted day (pending) becomes a day that counts once an administrator confirms it against
 * the official notice. An administrator may edit any row (kind, name, legal source; the status
 * stays) or remove it with a reason; a removed row no longer counts nor shows, and adding its date
 * again makes it a confirmed row once more. Pure.
 */
import type { CalendarDayStatus } from './holiday-calendar.js';

/** The statuses a stored row can have: the model's, plus `removed` (kept for its history). */
export type StoredDayStatus = CalendarDayStatus | 'removed';

export type CalendarDayAction = 'confirm' | 'edit' | 'remove' | 'add';

const TRANSITIONS: Record<StoredDayStatus, Partial<Record<CalendarDayAction, StoredDayStatus>>> = {
  proposed: { confirm: 'confirmed', edit: 'proposed', remove: 'removed' },
  pending: { confirm: 'confirmed', edit: 'pending', remove: 'removed' },
  confirmed: { edit: 'confirmed', remove: 'removed' },
  removed: { add: 'confirmed' },
};

/** The status after `action`, or undefined when the action is not allowed from `from`. */
export function nextDayStatus(from: StoredDayStatus, action: CalendarDayAction): StoredDayStatus | undefined {
  return TRANSITIONS[from][action];
}
