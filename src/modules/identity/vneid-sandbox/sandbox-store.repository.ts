/**
 * SQL of the VNeID sandbox's store (oidc_sandbox_store): oidc-provider's models, one row per
 * (model, id). The first parameter is always the executor.
 */
import type { Db } from '../../../platform/db/database.js';

export interface StoreRow {
  model: string;
  id: string;
  payload: Record<string, unknown>;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  /** null: stored without expiry. */
  expiresAt: Date | null;
}

/** Writes a model instance, replacing a previous one of the same id (which is then no longer consumed). */
export async function upsertStoreRow(db: Db, r: StoreRow) {
  const values = {
    payload: JSON.stringify(r.payload),
    grant_id: r.grantId,
    user_code: r.userCode,
    uid: r.uid,
    expires_at: r.expiresAt,
    consumed_at: null,
  };
  await db
    .insertInto('oidc_sandbox_store')
    .values({ model: r.model, id: r.id, ...values })
    .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(values))
    .execute();
}

/**
 * The unexpired instance of `model` with this id, uid or user code (the newest, should two share a
 * uid while oidc-provider rotates a session's id), or undefined.
 */
export function findStoreRow(
  db: Db,
  model: string,
  by: { id: string } | { uid: string } | { userCode: string },
  now: Date,
) {
  let q = db
    .selectFrom('oidc_sandbox_store')
    .select(['payload', 'consumed_at'])
    .where('model', '=', model)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  if ('id' in by) q = q.where('id', '=', by.id);
  else if ('uid' in by) q = q.where('uid', '=', by.uid);
  else q = q.where('user_code', '=', by.userCode);
  return q
    .orderBy('expires_at', (o) => o.desc().nullsFirst())
    .limit(1)
    .executeTakeFirst();
}

/** Marks an instance consumed (a used authorization code); the first consumption's time is kept. */
export async function consumeStoreRow(db: Db, model: string, id: string, at: Date) {
  await db
    .updateTable('oidc_sandbox_store')
    .set({ consumed_at: at })
    .where('model', '=', model)
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .execute();
}

export async function deleteStoreRow(db: Db, model: string, id: string) {
  await db.deleteFrom('oidc_sandbox_store').where('model', '=', model).where('id', '=', id).execute();
}

/** Deletes every instance of `model` issued under a grant (its revocation). */
export async function deleteStoreRowsOfGrant(db: Db, model: string, grantId: string) {
  await db
    .deleteFrom('oidc_sandbox_store')
    .where('model', '=', model)
    .where('grant_id', '=', grantId)
    .execute();
}
