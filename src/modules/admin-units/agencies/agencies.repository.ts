/**
 * SQL of agencies (cơ quan), the units they serve and their history (codes: agency-codes.repository.ts).
 * The first parameter is always the executor: the database or an open transaction. Dates are local
 * dates written YYYY-MM-DD.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import { localDay as day } from './agency-codes.repository.js';
import type { AgencyCursor } from './agency-cursor.js';
import type { AgencyFields, AgencyKind } from './agency-rules.js';

export interface AgencyRecord {
  id: string;
  kind: AgencyKind;
  name: string;
  sortKey: string;
  parentId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The code valid on the date asked, or null. */
  code: string | null;
}

/** The code of agency `a` valid on `date` (a correlated subquery). */
const codeOn = (date: string) => (eb: ExpressionBuilder<DB & { a: DB['agencies'] }, 'a'>) =>
  eb
    .selectFrom('agency_codes as c')
    .select('c.code')
    .whereRef('c.agency_id', '=', 'a.id')
    .where('c.valid_from', '<=', day(date))
    .where((w) => w.or([w('c.valid_to', 'is', null), w('c.valid_to', '>', day(date))]))
    .limit(1);

const agencyColumns = [
  'a.id',
  'a.kind',
  'a.name',
  'a.sort_key',
  'a.parent_id',
  'a.address',
  'a.phone',
  'a.email',
  'a.created_at',
  'a.updated_at',
] as const;

interface AgencyDbRow {
  id: string;
  kind: string;
  name: string;
  sort_key: string | null;
  parent_id: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  created_at: Date;
  updated_at: Date;
  code: string | null;
}

const toRecord = (r: AgencyDbRow): AgencyRecord => ({
  id: r.id,
  kind: r.kind as AgencyKind,
  name: r.name,
  sortKey: r.sort_key ?? '',
  parentId: r.parent_id,
  address: r.address,
  phone: r.phone,
  email: r.email,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  code: r.code,
});

export async function insertAgency(db: Db, id: string, f: AgencyFields, now: Date): Promise<void> {
  await db
    .insertInto('agencies')
    .values({
      id,
      kind: f.kind,
      name: f.name,
      parent_id: f.parentId,
      address: f.address,
      phone: f.phone,
      email: f.email,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateAgencyRow(db: Db, id: string, f: AgencyFields, now: Date): Promise<void> {
  await db
    .updateTable('agencies')
    .set({
      kind: f.kind,
      name: f.name,
      parent_id: f.parentId,
      address: f.address,
      phone: f.phone,
      email: f.email,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Locks the agency row for the rest of the transaction; undefined when there is none. */
export async function lockAgency(db: Db, id: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('agencies').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function replaceAgencyUnits(db: Db, agencyId: string, units: readonly string[]): Promise<void> {
  await db.deleteFrom('agency_units').where('agency_id', '=', agencyId).execute();
  if (units.length === 0) return;
  await db
    .insertInto('agency_units')
    .values(units.map((unit_code) => ({ agency_id: agencyId, unit_code })))
    .execute();
}

export async function selectUnits(db: Db, agencyIds: readonly string[]): Promise<Map<string, string[]>> {
  const byAgency = new Map<string, string[]>(agencyIds.map((id) => [id, []]));
  if (agencyIds.length === 0) return byAgency;
  const rows = await db
    .selectFrom('agency_units')
    .select(['agency_id', 'unit_code'])
    .where('agency_id', 'in', agencyIds)
    .orderBy('unit_code')
    .execute();
  for (const r of rows) byAgency.get(r.agency_id)?.push(r.unit_code);
  return byAgency;
}

export async function selectAgencyById(db: Db, id: string, date: string): Promise<AgencyRecord | undefined> {
  const row = await db
    .selectFrom('agencies as a')
    .select(agencyColumns)
    .select((eb) => codeOn(date)(eb).as('code'))
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function selectChildren(db: Db, parentId: string, date: string): Promise<AgencyRecord[]> {
  const rows = await db
    .selectFrom('agencies as a')
    .select(agencyColumns)
    .select((eb) => codeOn(date)(eb).as('code'))
    .where('a.parent_id', '=', parentId)
    .orderBy('a.sort_key')
    .orderBy('a.id')
    .execute();
  return rows.map(toRecord);
}

export interface AgencyFilters {
  kind?: AgencyKind | undefined;
  unit?: string | undefined;
  /** Only the agencies directly under this one (its id). */
  parentId?: string | undefined;
  /** Words of the name (without accents is fine) or the start of the code. */
  q?: string | undefined;
}

/** One page of agencies holding a code on `date`, in (sort key, id) order after `after`. */
export async function selectAgencyPage(
  db: Db,
  filters: AgencyFilters,
  date: string,
  after: AgencyCursor | undefined,
  limit: number,
): Promise<AgencyRecord[]> {
  let query = db
    .selectFrom('agencies as a')
    .innerJoin('agency_codes as c', (join) =>
      join
        .onRef('c.agency_id', '=', 'a.id')
        .on('c.valid_from', '<=', day(date))
        .on((w) => w.or([w('c.valid_to', 'is', null), w('c.valid_to', '>', day(date))])),
    )
    .select(agencyColumns)
    .select('c.code');
  if (filters.kind) query = query.where('a.kind', '=', filters.kind);
  if (filters.parentId) query = query.where('a.parent_id', '=', filters.parentId);
  if (filters.unit) {
    const unit = filters.unit;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('agency_units as u')
          .select(sql`1`.as('one'))
          .whereRef('u.agency_id', '=', 'a.id')
          .where('u.unit_code', '=', unit),
      ),
    );
  }
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    const codePrefix = `${escapeLike(filters.q.toUpperCase())}%`;
    query = query.where((w) =>
      w.or([
        w(sql`a.sort_key`, 'like', sql<string>`immutable_unaccent(${pattern})`),
        w('c.code', 'like', codePrefix),
      ]),
    );
  }
  if (after) {
    query = query.where(sql<boolean>`(a.sort_key, a.id) > (${after.sortKey}, ${after.id}::uuid)`);
  }
  const rows = await query.orderBy('a.sort_key').orderBy('a.id').limit(limit).execute();
  return rows.map(toRecord);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Whether `candidate` is `ancestor` itself or lies below it in the tree. */
export async function isSelfOrDescendant(db: Db, ancestor: string, candidate: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    WITH RECURSIVE below(id) AS (
      SELECT ${ancestor}::uuid
      UNION
      SELECT a.id FROM agencies a JOIN below b ON a.parent_id = b.id
    )
    SELECT EXISTS (SELECT 1 FROM below WHERE id = ${candidate}::uuid) AS found`.execute(db);
  return result.rows[0]?.found === true;
}

export async function insertAgencyHistory(
  db: Db,
  entry: {
    id: string;
    agencyId: string;
    action: string;
    actor: string;
    at: Date;
    details: object;
    /** The create form's hidden key (unique): a resent form finds the agency it made. */
    requestKey?: string | undefined;
  },
): Promise<void> {
  await db
    .insertInto('agency_history')
    .values({
      id: entry.id,
      agency_id: entry.agencyId,
      action: entry.action,
      actor: entry.actor,
      at: entry.at,
      details: JSON.stringify(entry.details),
      request_key: entry.requestKey ?? null,
    })
    .execute();
}

/** The agency a create request with this key made, if any. */
export async function selectAgencyCreatedBy(db: Db, requestKey: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('agency_history')
    .select('agency_id')
    .where('request_key', '=', requestKey)
    .where('action', '=', 'created')
    .executeTakeFirst();
  return row?.agency_id;
}

export async function selectAgencyHistory(db: Db, agencyId: string) {
  return db
    .selectFrom('agency_history')
    .select(['action', 'actor', 'at', 'details'])
    .where('agency_id', '=', agencyId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Every agency holding a code on `date`, by name: the tree is built from their parents. */
export async function selectAgenciesHoldingCodes(
  db: Db,
  date: string,
  limit: number,
): Promise<AgencyRecord[]> {
  const rows = await db
    .selectFrom('agencies as a')
    .innerJoin('agency_codes as c', (join) =>
      join
        .onRef('c.agency_id', '=', 'a.id')
        .on('c.valid_from', '<=', day(date))
        .on((w) => w.or([w('c.valid_to', 'is', null), w('c.valid_to', '>', day(date))])),
    )
    .select(agencyColumns)
    .select('c.code')
    .orderBy('a.sort_key')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}
