/**
 * The calendar module's public API (lịch làm việc): office hours, the yearly calendar of days off and
 * make-up days, and working-time arithmetic for deadlines. Other modules import only this file.
 */

export {
  listOfficeHours,
  type OfficeHoursPeriod,
  officeHoursSpecAt,
  setOfficeHours,
} from './agency-office-hours.service.js';
export { calendarModule, seedCalendarDemo } from './calendar.module.js';
export { addCalendarDay } from './calendar-day-add.service.js';
export { editCalendarDay, getCalendarDay, removeCalendarDay } from './calendar-day-edit.service.js';
export type { DayContentInput, NewCalendarDay } from './calendar-day-input.js';
export type { CalendarDayOrigin, CalendarDayRecord } from './calendar-days.repository.js';
export {
  type CalendarActor,
  type CalendarDeps,
  calendarDayHistory,
  confirmDay,
  confirmYear,
  type ImportResult,
  importOfficialDays,
  listCalendarDays,
  proposeYear,
} from './calendar-days.service.js';
export {
  buildWorkingCalendar,
  isWorkingDay,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './calendar-index.js';
export type { DayWriter } from './day-request-key.js';
export { computeAgencyDue } from './due.service.js';
export { type DueRequest, parseDueQuery } from './due-query.js';
export {
  CALENDAR_DAY_KINDS,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarDayStatus,
  confirmCalendarDay,
  countsAsDayOff,
  countsAsMakeupWorkday,
} from './holiday-calendar.js';
export { type HolidayCsvError, type HolidayCsvResult, parseHolidayCsv } from './holidays-csv.js';
export { formatLocalIso, localInstant } from './local-time.js';
export { type LunarDate, lunarToSolar, solarToLunar } from './lunar.js';
export {
  DEFAULT_OFFICE_HOURS,
  DEFAULT_OFFICE_HOURS_SPEC,
  defineOfficeHours,
  describeOfficeHours,
  type OfficeHours,
  type OfficeHoursSpec,
  type Session,
  type Weekday,
} from './office-hours.js';
export { loadOfficialDaysOff, OFFICIAL_DAYS_OFF_PATH } from './official-days-off.js';
export type { PauseInterval } from './pauses.js';
export { type SameDayRule, sameDayDue } from './same-day-cutoff.js';
export { proposeStatutoryDays } from './statutory-days.js';
export { dueAfterPauses, resumeAfterPause } from './supplement-pause.js';
export { forgetWorkingCalendars, loadWorkingCalendar } from './working-calendar.service.js';
export {
  addWorkingMilliseconds,
  addWorkingTime,
  computeDue,
  DURATION_UNITS,
  type DueTime,
  type Duration,
  type DurationUnit,
  normaliseReceipt,
  sameWorkingInstant,
  subtractWorkingTime,
  workingTimeBetween,
} from './working-time.js';
