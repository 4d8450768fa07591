/**
 * SQL of the audit search: newest first, keyset on (at, seq). The agency rule is policy.ts's
 * auditEntryInScope in SQL: an entry naming an agency belongs to it; one naming none belongs to the
 * agencies where its actor holds a role.
 */
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';

export interface AuditSearchQuery {
  /** Entries of these agencies only (the caller's scope); undefined: every entry. */
  scopeAgencyIds?: readonly string[];
  /** The agency filter, with its sub-agencies. */
  agencyIds?: readonly string[];
  /** An actor id (uuid or other text id) or words: a username, a name, an identification number. */
  person?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  after?: { at: Date; seq: number };
  limit: number;
}

type Eb = ExpressionBuilder<DB & { a: DB['audit_log'] }, 'a'>;

/** Entries of the agencies, or of no agency by an actor holding a role in one of them. */
function inAgencies(ids: readonly string[]) {
  const list = [...ids];
  return sql<SqlBool>`(a.agency_id = any(${list}::uuid[]) or (a.agency_id is null and a.actor_id in (
    select r.officer_id::text from officer_roles r where r.agency_id = any(${list}::uuid[]))))`;
}

const likeContains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An actor named by words: a username (as logged), an officer's name, a citizen's identification number. */
function personIs(person: string) {
  const lower = person.toLowerCase();
  return sql<SqlBool>`(a.actor_id = ${person} or a.actor_label = ${person} or a.actor_label = ${lower}
    or a.actor_id in (select o.id::text from officers o where o.username = ${lower}
        or immutable_unaccent(o.full_name) ilike immutable_unaccent(${likeContains(person)}))
    or a.actor_id in (select c.id::text from citizen_accounts c
        where c.account_type in (1, 2, 3) and c.account_key = ${person}))`;
}

export function selectAuditPage(db: Db, q: AuditSearchQuery) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('officers as o', (join) => join.on(sql<SqlBool>`o.id::text = a.actor_id`))
    .select([
      'a.seq',
      'a.id',
      'a.at',
      'a.actor_kind',
      'a.actor_id',
      'a.actor_label',
      'o.full_name as actor_name',
      'a.agency_id',
      'a.action',
      'a.object_type',
      'a.object_id',
      'a.details',
      'a.ip',
      sql<boolean>`a.entry_hash is not null`.as('linked'),
    ])
    .where((eb: Eb) => {
      const and = [];
      if (q.scopeAgencyIds) and.push(inAgencies(q.scopeAgencyIds));
      if (q.agencyIds) and.push(inAgencies(q.agencyIds));
      if (q.person) and.push(personIs(q.person));
      if (q.objectType) and.push(eb('a.object_type', '=', q.objectType));
      if (q.objectId) and.push(eb('a.object_id', '=', q.objectId));
      if (q.action) and.push(eb('a.action', '=', q.action));
      if (q.from) and.push(eb('a.at', '>=', q.from));
      if (q.to) and.push(eb('a.at', '<', q.to));
      if (q.after) and.push(sql<SqlBool>`(a.at, a.seq) < (${q.after.at}, ${q.after.seq})`);
      return eb.and(and);
    })
    .orderBy('a.at', 'desc')
    .orderBy('a.seq', 'desc')
    .limit(q.limit)
    .execute();
}

export type AuditSearchRow = Awaited<ReturnType<typeof selectAuditPage>>[number];
