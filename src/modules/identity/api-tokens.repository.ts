/** SQL of API tokens (mã truy cập API). The first parameter is always the executor. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export interface NewApiTokenRow {
  id: string;
  name: string;
  tokenHash: Buffer;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
}

export async function insertApiTokenRow(db: Db, t: NewApiTokenRow) {
  await db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      scopes: t.scopes,
      created_by: t.createdBy,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
    })
    .execute();
}

function selectTokens(db: Db) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('officers as c', 'c.id', 't.created_by')
    .leftJoin('officers as r', 'r.id', 't.revoked_by')
    .select([
      't.id',
      't.name',
      't.prefix',
      't.scopes',
      't.created_at',
      't.expires_at',
      't.last_used_at',
      't.revoked_at',
      'c.id as creator_id',
      'c.username as creator_username',
      'c.full_name as creator_name',
      'r.username as revoker_username',
      'r.full_name as revoker_name',
    ]);
}

export type ApiTokenRow = NonNullable<Awaited<ReturnType<typeof selectApiToken>>>;

export function selectApiToken(db: Db, id: string) {
  return selectTokens(db).where('t.id', '=', id).executeTakeFirst();
}

/** Newest first, a keyset page at a time (`after` is the last row of the previous page). */
export function selectApiTokenPage(
  db: Db,
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
) {
  let q = selectTokens(db);
  if (after) q = q.where(sql<boolean>`(t.created_at, t.id) < (${after.createdAt}, ${after.id}::uuid)`);
  return q.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
}

/** Revokes a live token; false when there is no such token or it was already revoked. */
export async function revokeApiTokenRow(db: Db, id: string, by: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function apiTokenExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('api_tokens').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}
