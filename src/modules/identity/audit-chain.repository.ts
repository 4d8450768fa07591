/** SQL of the audit hash chain: the linker's reads and writes, and the verifier's walk. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** Takes the linker's advisory lock (one linker at a time, whatever the number of workers) for the rest of the transaction; false when another linker holds it. */
export async function tryLockLinker(trx: Db): Promise<boolean> {
  const r = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtext('motcua.audit_chain_linker')) as locked`.execute(trx);
  return r.rows[0]?.locked === true;
}

/** The newest linked entry: the chain's head. */
export function findChainHead(db: Db) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'entry_hash'])
    .where('entry_hash', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Unlinked entries after the head, in seq order (served by audit_log_unlinked_idx). */
export function findUnlinkedAfter(db: Db, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'content_hash'])
    .where('entry_hash', 'is', null)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface Link {
  seq: number;
  prevHash: Buffer | null;
  entryHash: Buffer;
}

/** Writes the links in one statement; the append-only trigger allows setting them exactly once. */
export async function writeLinks(trx: Db, links: Link[], at: Date): Promise<void> {
  if (links.length === 0) return;
  await sql`
    update audit_log a
       set prev_hash = v.prev, entry_hash = v.entry, linked_at = ${at}
      from unnest(${links.map((l) => l.seq)}::bigint[], ${links.map((l) => l.prevHash)}::bytea[],
                  ${links.map((l) => l.entryHash)}::bytea[]) as v(seq, prev, entry)
     where a.seq = v.seq and a.entry_hash is null`.execute(trx);
}

/** Linked entries with every field, in seq order from a keyset position (the verifier's walk). */
export function findLinkedPage(db: Db, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entry_hash', 'is not', null)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export type AuditRow = Awaited<ReturnType<typeof findLinkedPage>>[number];

/** Entries still unlinked that were written before the given time, oldest first. */
export function findUnlinkedBefore(db: Db, before: Date, limit: number) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'id', 'at', 'action'])
    .where('entry_hash', 'is', null)
    .where('at', '<', before)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** How many entries are still unlinked that were written before the given time. */
export async function countUnlinkedBefore(db: Db, before: Date): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entry_hash', 'is', null)
    .where('at', '<', before)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
