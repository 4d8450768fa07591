/**
 * Office hours of an agency with effective dates (giờ làm việc của cơ quan), DOMAIN.md §6.1: a period
 * applies from its date until the agency's next one; an agency without a period in force works the
 * national default (07:00–11:30 and 13:30–17:00, Monday to Friday). Setting hours is an
 * administrator's action (its page: calendar-admin.pages.tsx), recorded in the audit log.
 */

import { type AuditActor, actorKey } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import { notFound, validationError } from '../../platform/errors.js';
import { findAgency } from '../admin-units/index.js';
import * as repo from './agency-office-hours.repository.js';
import { recordOfficeHoursChanged } from './calendar-audit.js';
import { bumpRevision } from './calendar-days.repository.js';
import type { CalendarDeps } from './calendar-days.service.js';
import { epochDayOf, formatIsoDate, tryParseIsoDate } from './local-time.js';
import {
  DEFAULT_OFFICE_HOURS_SPEC,
  defineOfficeHours,
  describeOfficeHours,
  type OfficeHoursSpec,
} from './office-hours.js';

export type { OfficeHoursPeriod } from './agency-office-hours.repository.js';

/** The local date (YYYY-MM-DD) of an instant, or the date itself. */
export const localDate = (at: Date | string): string =>
  typeof at === 'string' ? at : formatIsoDate(epochDayOf(at.getTime()));

/**
 * Sets an agency's office hours from `validFrom` (replacing a period that starts the same day).
 * Throws `calendar.invalid_office_hours`, `calendar.invalid_date` or `agency.not_found`.
 */
export async function setOfficeHours(
  deps: CalendarDeps,
  input: { agencyId: string; validFrom: string; spec: OfficeHoursSpec; source: string },
  by: AuditActor,
): Promise<repo.OfficeHoursPeriod> {
  if (tryParseIsoDate(input.validFrom) === undefined) {
    const message = {
      vi: `Ngày không hợp lệ: "${input.validFrom}".`,
      en: `Invalid date: "${input.validFrom}".`,
    };
    throw validationError('calendar.invalid_date', message, [{ field: 'validFrom', message }]);
  }
  const source = input.source.normalize('NFC').trim();
  if (source === '') {
    const message = {
      vi: 'Ghi văn bản quy định giờ làm việc.',
      en: 'Give the decision that sets the hours.',
    };
    throw validationError('calendar.source_required', message, [{ field: 'source', message }]);
  }
  // Canonical form: every weekday explicit, so a later change of the default cannot alter it.
  const spec = describeOfficeHours(defineOfficeHours(input.spec));
  if (!(await findAgency(deps.db, input.agencyId))) {
    throw notFound('agency.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'No such agency.' });
  }
  const period = {
    agencyId: input.agencyId,
    validFrom: input.validFrom,
    spec,
    source,
    setBy: actorKey(by),
    setAt: deps.clock.now(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertOfficeHours(trx, period);
    await recordOfficeHoursChanged(trx, by, period, period.setAt);
    await bumpRevision(trx, 'office_hours');
  });
  return period;
}

/** Every office-hours period of an agency, oldest first (empty: the national default applies). */
export function listOfficeHours(db: Db, agencyId: string): Promise<repo.OfficeHoursPeriod[]> {
  return repo.selectOfficeHours(db, agencyId);
}

/** The period in force on a date among an agency's periods (sorted oldest first), if any. */
export function periodInForce(
  periods: readonly repo.OfficeHoursPeriod[],
  at: Date | string,
): repo.OfficeHoursPeriod | undefined {
  const date = localDate(at);
  let found: repo.OfficeHoursPeriod | undefined;
  for (const p of periods) if (p.validFrom <= date) found = p;
  return found;
}

/** The office-hours spec in force for an agency on a date: its own period, else the national default. */
export async function officeHoursSpecAt(
  db: Db,
  agencyId: string,
  at: Date | string,
): Promise<OfficeHoursSpec> {
  return periodInForce(await repo.selectOfficeHours(db, agencyId), at)?.spec ?? DEFAULT_OFFICE_HOURS_SPEC;
}
