/**
 * SQL of agencies' identifier codes with their validity (agency_codes): [valid_from, valid_to) in
 * local dates written YYYY-MM-DD. The first parameter is always the executor.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

export interface CodePeriod {
  id: string;
  agencyId: string;
  code: string;
  validFrom: string;
  validTo: string | null;
  source: string | null;
}

/** A local date (YYYY-MM-DD) as an SQL date. */
export const localDay = (date: string) => sql<Date>`${date}::date`;
const day = localDay;

const codeColumns = [
  'id',
  'agency_id as agencyId',
  'code',
  sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('validFrom'),
  sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as('validTo'),
  'source',
] as const;

export async function insertAgencyCode(
  db: Db,
  period: Omit<CodePeriod, 'validTo'> & { createdAt: Date },
): Promise<void> {
  await db
    .insertInto('agency_codes')
    .values({
      id: period.id,
      agency_id: period.agencyId,
      code: period.code,
      valid_from: period.validFrom,
      valid_to: null,
      source: period.source,
      created_at: period.createdAt,
    })
    .execute();
}

/** Ends the agency's open code on `validTo` (exclusive); false when it has no open code any more. */
export async function closeOpenCode(db: Db, codeId: string, validTo: string): Promise<boolean> {
  const r = await db
    .updateTable('agency_codes')
    .set({ valid_to: validTo })
    .where('id', '=', codeId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function selectOpenCode(db: Db, agencyId: string): Promise<CodePeriod | undefined> {
  return db
    .selectFrom('agency_codes')
    .select(codeColumns)
    .where('agency_id', '=', agencyId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** Periods of one agency's codes, oldest first. */
export async function selectCodeHistory(db: Db, agencyId: string): Promise<CodePeriod[]> {
  return db
    .selectFrom('agency_codes')
    .select(codeColumns)
    .where('agency_id', '=', agencyId)
    .orderBy('valid_from')
    .execute();
}

/** Who holds `code` on `date`. */
export async function selectCodeHolder(db: Db, code: string, date: string): Promise<CodePeriod | undefined> {
  return db
    .selectFrom('agency_codes')
    .select(codeColumns)
    .where('code', '=', code)
    .where('valid_from', '<=', day(date))
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day(date))]))
    .executeTakeFirst();
}

/** Periods of `code` that overlap [from, ∞), whoever holds them. */
export async function selectCodeClaims(db: Db, code: string, from: string): Promise<CodePeriod[]> {
  return db
    .selectFrom('agency_codes')
    .select(codeColumns)
    .where('code', '=', code)
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day(from))]))
    .execute();
}
