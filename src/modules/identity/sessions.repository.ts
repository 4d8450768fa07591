/** SQL for sessions (phiên đăng nhập). The first parameter is always the executor. */
import type { Db } from '../../platform/db/database.js';

export interface NewSession {
  id: string;
  tokenHash: Buffer;
  officerId?: string;
  citizenId?: string;
  stage: 'password' | 'full';
  at: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  idToken?: string | null;
  /** The SSO's access token, already sealed (secret box), and when it expires. */
  accessTokenEnc?: string | null;
  accessTokenExpiresAt?: Date | null;
}

export async function insertSession(db: Db, s: NewSession) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      officer_id: s.officerId ?? null,
      citizen_id: s.citizenId ?? null,
      stage: s.stage,
      created_at: s.at,
      last_seen_at: s.at,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 500) ?? null,
      id_token: s.idToken ?? null,
      access_token_enc: s.accessTokenEnc ?? null,
      access_token_expires_at: s.accessTokenEnc ? (s.accessTokenExpiresAt ?? null) : null,
    })
    .execute();
}

/** The live session a token names, with the officer's or citizen's display name. */
export function findLiveSession(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('sessions as s')
    .leftJoin('officers as o', 'o.id', 's.officer_id')
    .leftJoin('citizen_accounts as c', 'c.id', 's.citizen_id')
    .select([
      's.id',
      's.officer_id',
      's.citizen_id',
      's.stage',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.id_token',
      'o.username',
      'o.full_name as officer_name',
      'o.disabled_at',
      'o.must_change_password',
      'c.full_name as citizen_name',
      'c.account_type',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: Date) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** An ended session's SSO access token is of no more use to anyone: it is not kept. */
const FORGET_ACCESS_TOKEN = { access_token_enc: null, access_token_expires_at: null };

export async function endSessionRow(db: Db, id: string, at: Date, reason: string) {
  await db
    .updateTable('sessions')
    .set({ ended_at: at, end_reason: reason, ...FORGET_ACCESS_TOKEN })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

/** The SSO access token of a citizen's session (sealed), with what decides whether it may be used. */
export function findSessionAccessToken(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select(['citizen_id', 'ended_at', 'expires_at', 'access_token_enc', 'access_token_expires_at'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
}

/** Ends every live session of an officer or citizen ("log out everywhere"); returns how many. */
export async function endSessionsOf(
  db: Db,
  owner: { officerId: string } | { citizenId: string },
  at: Date,
  reason: string,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: at, end_reason: reason, ...FORGET_ACCESS_TOKEN })
    .where('ended_at', 'is', null)
    .where(
      'officerId' in owner ? 'officer_id' : 'citizen_id',
      '=',
      'officerId' in owner ? owner.officerId : owner.citizenId,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findGrants(db: Db, officerId: string) {
  return db
    .selectFrom('officer_roles')
    .select(['agency_id', 'role'])
    .where('officer_id', '=', officerId)
    .orderBy('agency_id')
    .orderBy('role')
    .execute();
}

/** The API token a bearer names, live or not: the caller tells a revoked or expired one apart. */
export function findApiTokenByHash(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'last_used_at', 'revoked_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, id: string, at: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
