/**
 * Mã truy cập API for machine clients (the national portal, another agency's system): a system
 * administrator creates one with a name, scopes and an optional expiry; the token is returned once
 * and only its SHA-256 is stored; the list shows what it is, who made it, when it was last used;
 * revoking is final. Creating and revoking are audited in the same transaction.
 */

import { recordAudit } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { type ApiTokenRequest, apiTokenErrors as errors, readNewApiToken } from './api-token-input.js';
import * as repo from './api-tokens.repository.js';
import { type ApiTokenState, apiTokenState, canManageApiTokens } from './policy.js';
import { hashToken, newToken } from './sessions.service.js';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type Officer = Principal & { kind: 'officer' };

export const TOKEN_PAGE_SIZE = 50;
/** Every token starts so: a secret scanner (or a person) recognises a motcua token in a leak. */
export const TOKEN_MARK = 'mc_';
/** How much of the token the list shows: the mark and 9 random characters. */
export const PREFIX_LENGTH = 12;

export interface ApiTokenView extends repo.ApiTokenRow {
  state: ApiTokenState;
}

function requireAdmin(actor: Principal | null): Officer {
  if (!canManageApiTokens(actor) || actor?.kind !== 'officer') throw errors.cannotManage();
  return actor;
}

const withState = (row: repo.ApiTokenRow, now: Date): ApiTokenView => ({
  ...row,
  state: apiTokenState({ revokedAt: row.revoked_at, expiresAt: row.expires_at }, now),
});

/** Creates a token; the clear token is in the answer and nowhere else. */
export async function createApiToken(ctx: Ctx, actorIn: Principal | null, request: ApiTokenRequest) {
  const actor = requireAdmin(actorIn);
  const now = ctx.clock.now();
  const input = readNewApiToken(request, now);
  const token = `${TOKEN_MARK}${newToken()}`;
  const id = newId();
  const prefix = token.slice(0, PREFIX_LENGTH);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApiTokenRow(trx, {
      id,
      name: input.name,
      tokenHash: hashToken(token),
      prefix,
      scopes: input.scopes,
      createdBy: actor.id,
      createdAt: now,
      expiresAt: input.expiresAt,
    });
    await recordAudit(
      trx,
      {
        actorKind: 'officer',
        actorId: actor.id,
        actorLabel: actor.username,
        action: 'api_token.created',
        objectType: 'api_token',
        objectId: id,
        details: { name: input.name, prefix, scopes: input.scopes, expiresAt: input.expiresAt },
      },
      now,
    );
  });
  const row = await repo.selectApiToken(ctx.db, id);
  if (!row) throw errors.notFound();
  return { token, item: withState(row, now) };
}

const encodeCursor = (row: repo.ApiTokenRow) =>
  Buffer.from(JSON.stringify([row.created_at.toISOString(), row.id])).toString('base64url');
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const createdAt = new Date(String(at));
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && !Number.isNaN(createdAt.getTime()))
      return { createdAt, id };
  } catch {
    // A damaged cursor starts over at the first page.
  }
  return undefined;
}

/** Tokens newest first, a keyset page at a time. */
export async function listApiTokens(ctx: Ctx, actor: Principal | null, after?: string) {
  requireAdmin(actor);
  const now = ctx.clock.now();
  const rows = await repo.selectApiTokenPage(ctx.db, decodeCursor(after), TOKEN_PAGE_SIZE + 1);
  const page = rows.slice(0, TOKEN_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map((r) => withState(r, now)),
    next: rows.length > TOKEN_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}

export async function getApiToken(ctx: Ctx, actor: Principal | null, id: string): Promise<ApiTokenView> {
  requireAdmin(actor);
  const row = await repo.selectApiToken(ctx.db, id);
  if (!row) throw errors.notFound();
  return withState(row, ctx.clock.now());
}

/** Revokes a token for good: 404 when unknown, 409 when already revoked. */
export async function revokeApiToken(ctx: Ctx, actorIn: Principal | null, id: string): Promise<ApiTokenView> {
  const actor = requireAdmin(actorIn);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.revokeApiTokenRow(trx, id, actor.id, now))) {
      throw (await repo.apiTokenExists(trx, id)) ? errors.alreadyRevoked() : errors.notFound();
    }
    const row = await repo.selectApiToken(trx, id);
    await recordAudit(
      trx,
      {
        actorKind: 'officer',
        actorId: actor.id,
        actorLabel: actor.username,
        action: 'api_token.revoked',
        objectType: 'api_token',
        objectId: id,
        details: { name: row?.name, prefix: row?.prefix },
      },
      now,
    );
  });
  return getApiToken(ctx, actor, id);
}
