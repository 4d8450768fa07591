/** SQL of agencies' office hours with effective dates (calendar_office_hours). Executor first. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { OfficeHoursSpec } from './office-hours.js';

export interface OfficeHoursPeriod {
  agencyId: string;
  /** First local date (YYYY-MM-DD) these hours apply; they last until the agency's next period. */
  validFrom: string;
  spec: OfficeHoursSpec;
  source: string;
  setBy: string;
  setAt: Date;
}

export async function upsertOfficeHours(db: Db, p: OfficeHoursPeriod): Promise<void> {
  const values = {
    agency_id: p.agencyId,
    valid_from: p.validFrom,
    spec: JSON.stringify(p.spec),
    source: p.source,
    set_by: p.setBy,
    set_at: p.setAt,
  };
  await db
    .insertInto('calendar_office_hours')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['agency_id', 'valid_from']).doUpdateSet({
        spec: values.spec,
        source: values.source,
        set_by: values.set_by,
        set_at: values.set_at,
      }),
    )
    .execute();
}

/** Every period of one agency, oldest first. */
export async function selectOfficeHours(db: Db, agencyId: string): Promise<OfficeHoursPeriod[]> {
  const rows = await db
    .selectFrom('calendar_office_hours')
    .select([
      'agency_id',
      sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('valid_from'),
      'spec',
      'source',
      'set_by',
      'set_at',
    ])
    .where('agency_id', '=', agencyId)
    .orderBy('calendar_office_hours.valid_from')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    validFrom: r.valid_from,
    spec: r.spec as OfficeHoursSpec,
    source: r.source,
    setBy: r.set_by,
    setAt: r.set_at,
  }));
}
