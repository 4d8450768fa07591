/**
 * The calendar's changes in the audit log (nhật ký kiểm tra), beside calendar_day_events and the
 * office-hours rows, which stay the calendar's own history. Always called in the change's transaction.
 */
import { type AuditActor, auditActorFields } from '../../platform/audit/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Db } from '../../platform/db/database.js';

export type DayAuditAction = 'day_added' | 'day_edited' | 'day_removed' | 'day_confirmed';

/** `calendar.<action>` on the row of one date (object `calendar_day`, id the date). */
export const recordDayAudit = (
  trx: Db,
  by: AuditActor,
  change: { action: DayAuditAction; date: string; details: Record<string, unknown> },
  at: Date,
) =>
  recordAudit(
    trx,
    {
      ...auditActorFields(by),
      action: `calendar.${change.action}`,
      objectType: 'calendar_day',
      objectId: change.date,
      details: change.details,
    },
    at,
  );

/** `calendar.year_confirmed`: the year's proposed rows confirmed against one notice. */
export const recordYearConfirmed = (
  trx: Db,
  by: AuditActor,
  change: { year: number; source: string; dates: string[] },
  at: Date,
) =>
  recordAudit(
    trx,
    {
      ...auditActorFields(by),
      action: 'calendar.year_confirmed',
      objectType: 'calendar_year',
      objectId: String(change.year),
      details: { source: change.source, confirmed: change.dates.length, dates: change.dates },
    },
    at,
  );

/** `agency.office_hours_changed`: an agency's office hours from a date. */
export const recordOfficeHoursChanged = (
  trx: Db,
  by: AuditActor,
  period: { agencyId: string; validFrom: string; spec: unknown; source: string },
  at: Date,
) =>
  recordAudit(
    trx,
    {
      ...auditActorFields(by),
      agencyId: period.agencyId,
      action: 'agency.office_hours_changed',
      objectType: 'agency',
      objectId: period.agencyId,
      details: { validFrom: period.validFrom, spec: period.spec, source: period.source },
    },
    at,
  );
