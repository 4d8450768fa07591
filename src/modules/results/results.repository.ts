/** SQL of results, their register numbers, returns and their place in the citizen's data store. */
import type { Db } from '../../platform/db/database.js';

export const selectLiveResult = (db: Db, dossierId: string) =>
  db
    .selectFrom('results')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('state', '<>', 'cancelled')
    .executeTakeFirst();
export type ResultRow = NonNullable<Awaited<ReturnType<typeof selectLiveResult>>>;

export const selectResult = (db: Db, id: string) =>
  db.selectFrom('results').selectAll().where('id', '=', id).executeTakeFirst();

export const selectByVerificationId = (db: Db, verificationId: string) =>
  db
    .selectFrom('results as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .selectAll('r')
    .select('a.name as agency_name')
    .where('r.verification_id', '=', verificationId)
    .where('r.state', '=', 'signed')
    .executeTakeFirst();

export const selectSignedBySha = (db: Db, sha256: string) =>
  db
    .selectFrom('results as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .selectAll('r')
    .select('a.name as agency_name')
    .where('r.sha256', '=', sha256)
    .where('r.state', '=', 'signed')
    .executeTakeFirst();

/** The agency's next number of the year in its register (số): concurrency-safe, no gaps. */
export async function takeNumber(trx: Db, agencyId: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('result_registers')
    .values({ agency_id: agencyId, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet((eb) => ({
        last_number: eb('result_registers.last_number', '+', 1),
      })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** The officer as a principal acting on their own grants (a postal delivery recorded for its sender). */
export async function selectOfficerActing(db: Db, officerId: string) {
  const officer = await db
    .selectFrom('officers')
    .select(['id', 'username', 'full_name'])
    .where('id', '=', officerId)
    .executeTakeFirst();
  if (!officer) return undefined;
  const grants = await db
    .selectFrom('officer_roles')
    .select(['agency_id', 'role'])
    .where('officer_id', '=', officerId)
    .execute();
  return { officer, grants };
}
