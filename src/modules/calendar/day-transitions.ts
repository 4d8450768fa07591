/**
 * Transition table of a calendar row's status (DOMAIN.md §6.2): a generated proposal or an announced,
 * not yet enacted day (pending) becomes a day that counts once an administrator confirms it against
 * the official notice. A confirmed row is final; changing it is a new admin edit, not a transition.
 * Pure.
 */
import type { CalendarDayStatus } from './holiday-calendar.js';

export type CalendarDayAction = 'confirm';

const TRANSITIONS: Record<CalendarDayStatus, Partial<Record<CalendarDayAction, CalendarDayStatus>>> = {
  proposed: { confirm: 'confirmed' },
  pending: { confirm: 'confirmed' },
  confirmed: {},
};

/** The status after `action`, or undefined when the action is not allowed from `from`. */
export function nextDayStatus(
  from: CalendarDayStatus,
  action: CalendarDayAction,
): CalendarDayStatus | undefined {
  return TRANSITIONS[from][action];
}
