/**
 * Officer administration (quản trị tài khoản cán bộ): list, create, edit, grant and revoke roles,
 * disable and enable, reset the password or the TOTP enrolment. Every use case asks the policy
 * (policy.ts) with the agency tree read once, changes rows in one transaction and audits the change
 * in it. Temporary passwords are returned once and never stored in clear.
 */

import { recordAudit } from '../../platform/audit/record.js';
import type { Grant, Principal, Role } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { type AgencyTree, loadAgencyTree } from './agency-tree.repository.js';
import {
  errors,
  type OfficerForm,
  readGrant,
  readNewOfficer,
  readProfile,
  temporaryPassword,
} from './officer-input.js';
import * as repo from './officers-admin.repository.js';
import { hashPassword } from './passwords.js';
import { administeredAgencies, canGrantRole, canManageOfficer, canViewOfficer } from './policy.js';
import { endSessionsOf } from './sessions.repository.js';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type Db = AppContext['db'];
type Officer = Principal & { kind: 'officer' };

export const PAGE_SIZE = 50;

export interface OfficerListQuery {
  q?: string;
  agencyId?: string;
  role?: Role;
  /** Opaque cursor of the next page (from the previous page's `next`). */
  after?: string;
}

export interface OfficerSummary extends repo.OfficerRow {
  grants: Grant[];
}

const encodeCursor = (key: string, id: string) =>
  Buffer.from(JSON.stringify([key, id])).toString('base64url');
function decodeCursor(cursor: string | undefined): { key: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  } catch {
    // A damaged cursor starts over at the first page.
  }
  return undefined;
}

/** The agencies the caller may pick from (grant forms, filters): all for system admins and inspectors. */
export function agencyChoices(actor: Principal, tree: AgencyTree) {
  const ids = administeredAgencies(actor, tree.ids, tree.ancestorsOf) ?? tree.ids;
  return ids.map((id) => ({ id, name: tree.nameOf(id) ?? id }));
}

/** The agencies the caller may name in a new officer's first role. */
export async function grantableAgencies(ctx: Ctx, actor: Principal) {
  return agencyChoices(actor, await loadAgencyTree(ctx.db));
}

export const notFoundError = errors.notFound;

/** Officers the caller may see, in name order, a keyset page at a time. */
export async function listOfficers(ctx: Ctx, actor: Principal, query: OfficerListQuery) {
  const tree = await loadAgencyTree(ctx.db);
  const within = administeredAgencies(actor, tree.ids, tree.ancestorsOf);
  const rows = await repo.selectOfficerPage(ctx.db, {
    q: query.q?.trim().slice(0, 100) || undefined,
    agencyId: query.agencyId,
    role: query.role,
    withinAgencies: within,
    after: decodeCursor(query.after),
    limit: PAGE_SIZE,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const grants = await repo.selectGrants(
    ctx.db,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map(({ sort_key: _, ...r }) => ({ ...r, grants: grants.get(r.id) ?? [] })),
    next: rows.length > PAGE_SIZE && last ? encodeCursor(last.sort_key, last.id) : null,
    tree,
  };
}

/** One officer as the caller may see it, with what the caller may do to it. */
export async function getOfficerForAdmin(ctx: Ctx, actor: Principal, id: string) {
  const tree = await loadAgencyTree(ctx.db);
  const row = await repo.selectOfficer(ctx.db, id);
  const grants = row ? ((await repo.selectGrants(ctx.db, [id])).get(id) ?? []) : [];
  if (!row || !canViewOfficer(actor, grants, tree.ancestorsOf)) throw errors.notFound();
  const canManage = canManageOfficer(actor, grants, tree.ancestorsOf);
  return { officer: { ...row, grants }, canManage, isSelf: actor.id === id, tree };
}

function requireOfficer(actor: Principal): Officer {
  if (actor.kind !== 'officer') throw errors.cannotManage();
  return actor;
}

const audit = (
  db: Db,
  actor: Officer,
  action: string,
  target: string,
  at: Date,
  details = {},
  agencyId?: string,
) =>
  recordAudit(
    db,
    {
      actorKind: 'officer',
      actorId: actor.id,
      actorLabel: actor.username,
      agencyId: agencyId ?? null,
      action,
      objectType: 'officer',
      objectId: target,
      details,
    },
    at,
  );

/**
 * Locks the officer and checks the caller manages it; the callback runs in the same transaction.
 * An officer the caller may not even see is "not found".
 */
async function manage<T>(
  ctx: Ctx,
  actorIn: Principal,
  id: string,
  work: (
    trx: Db,
    actor: Officer,
    target: repo.OfficerRow,
    grants: Grant[],
    tree: AgencyTree,
    now: Date,
  ) => Promise<T>,
): Promise<T> {
  const actor = requireOfficer(actorIn);
  const tree = await loadAgencyTree(ctx.db);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const target = await repo.lockOfficer(trx, id);
    const grants = target ? ((await repo.selectGrants(trx, [id])).get(id) ?? []) : [];
    if (!target || !canViewOfficer(actor, grants, tree.ancestorsOf)) throw errors.notFound();
    if (!canManageOfficer(actor, grants, tree.ancestorsOf)) throw errors.cannotManage();
    return work(trx, actor, target, grants, tree, now);
  });
}

/** Creates an officer with a first role and a temporary password (to change at first login). */
export async function createOfficer(
  ctx: Ctx,
  actorIn: Principal,
  form: OfficerForm & { agencyId?: string; role?: string },
): Promise<{ id: string; temporaryPassword: string }> {
  const actor = requireOfficer(actorIn);
  const input = readNewOfficer(form);
  const tree = await loadAgencyTree(ctx.db);
  if (!tree.nameOf(input.grant.agencyId)) throw errors.unknownAgency();
  if (!canGrantRole(actor, input.grant, tree.ancestorsOf)) throw errors.cannotGrant();
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (await repo.selectOfficerByUsername(trx, input.username)) throw errors.usernameTaken();
      await repo.insertOfficerRow(
        trx,
        { id, username: input.username, ...input.profile, passwordHash, mustChangePassword: true },
        now,
      );
      await repo.insertGrant(trx, id, input.grant, actor.id, now);
      await audit(trx, actor, 'officer.created', id, now, { username: input.username }, input.grant.agencyId);
      await audit(trx, actor, 'officer.role_granted', id, now, { ...input.grant }, input.grant.agencyId);
    })
    .catch((err: unknown) => {
      // Two administrators creating the same username at once: the unique index decides.
      if ((err as { code?: string }).code === '23505') throw errors.usernameTaken();
      throw err;
    });
  return { id, temporaryPassword: password };
}

export function updateOfficerProfile(ctx: Ctx, actor: Principal, id: string, form: OfficerForm) {
  const profile = readProfile(form);
  return manage(ctx, actor, id, async (trx, a, target, grants, _tree, now) => {
    await repo.updateOfficerProfile(trx, id, profile, now);
    const before = {
      fullName: target.full_name,
      email: target.email,
      phone: target.phone,
      jobTitle: target.job_title,
    };
    await audit(trx, a, 'officer.updated', id, now, { before, after: profile }, grants[0]?.agencyId);
  });
}

export function grantRole(
  ctx: Ctx,
  actor: Principal,
  id: string,
  form: { agencyId?: string; role?: string },
) {
  const grant = readGrant(form);
  return manage(ctx, actor, id, async (trx, a, _target, _grants, tree, now) => {
    if (!tree.nameOf(grant.agencyId)) throw errors.unknownAgency();
    if (!canGrantRole(a, grant, tree.ancestorsOf)) throw errors.cannotGrant();
    if (!(await repo.insertGrant(trx, id, grant, a.id, now))) throw errors.roleHeld();
    await audit(trx, a, 'officer.role_granted', id, now, { ...grant }, grant.agencyId);
  });
}

export function revokeRole(
  ctx: Ctx,
  actor: Principal,
  id: string,
  form: { agencyId?: string; role?: string },
) {
  const grant = readGrant(form);
  return manage(ctx, actor, id, async (trx, a, _target, _grants, tree, now) => {
    if (a.id === id) throw errors.self();
    if (!canGrantRole(a, grant, tree.ancestorsOf)) throw errors.cannotGrant();
    if (!(await repo.deleteGrant(trx, id, grant))) throw errors.roleNotHeld();
    await audit(trx, a, 'officer.role_revoked', id, now, { ...grant }, grant.agencyId);
  });
}

/** Disables the account and ends its sessions at once. */
export function disableOfficer(ctx: Ctx, actor: Principal, id: string) {
  return manage(ctx, actor, id, async (trx, a, target, g, _t, now) => {
    if (a.id === id) throw errors.self();
    if (target.disabled_at) throw errors.alreadyDisabled();
    await repo.setOfficerDisabled(trx, id, now, now);
    const ended = await endSessionsOf(trx, { officerId: id }, now, 'disabled');
    await audit(trx, a, 'officer.disabled', id, now, { sessionsEnded: ended }, g[0]?.agencyId);
  });
}

export function enableOfficer(ctx: Ctx, actor: Principal, id: string) {
  return manage(ctx, actor, id, async (trx, a, target, g, _t, now) => {
    if (!target.disabled_at) throw errors.alreadyEnabled();
    await repo.setOfficerDisabled(trx, id, null, now);
    await audit(trx, a, 'officer.enabled', id, now, {}, g[0]?.agencyId);
  });
}

/** A new temporary password (returned once), the lockout lifted, every session ended. */
export async function resetOfficerPassword(ctx: Ctx, actor: Principal, id: string): Promise<string> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await manage(ctx, actor, id, async (trx, a, _target, g, _t, now) => {
    if (a.id === id) throw errors.self();
    await repo.setTemporaryPassword(trx, id, passwordHash, now);
    const ended = await endSessionsOf(trx, { officerId: id }, now, 'password_reset');
    await audit(trx, a, 'officer.password_reset', id, now, { sessionsEnded: ended }, g[0]?.agencyId);
  });
  return password;
}

/** Forgets the TOTP enrolment (lost phone): the officer enrols again at next login. */
export function resetOfficerTotp(ctx: Ctx, actor: Principal, id: string) {
  return manage(ctx, actor, id, async (trx, a, _target, g, _t, now) => {
    if (a.id === id) throw errors.self();
    await repo.clearTotp(trx, id, now);
    const ended = await endSessionsOf(trx, { officerId: id }, now, 'totp_reset');
    await audit(trx, a, 'officer.totp_reset', id, now, { sessionsEnded: ended }, g[0]?.agencyId);
  });
}
