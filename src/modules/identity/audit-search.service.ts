/**
 * Tra cứu nhật ký kiểm tra: inspectors and system administrators search every audit entry, agency
 * administrators those of their agencies (policy.ts auditSearchScope). Filters are checked with a
 * message per field in Vietnamese and English; each search is itself audited (audit.searched).
 */

import { recordAudit } from '../../platform/audit/record.js';
import { AppError, type FieldError, forbidden, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { type AgencyTree, loadAgencyTree } from './agency-tree.repository.js';
import { type AuditSearchRow, selectAuditPage } from './audit-search.repository.js';
import { isUuid } from './officer-input.js';
import { type AuditScope, auditSearchScope } from './policy.js';
import { auditErrors as e } from './views/audit-log.messages.js';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const AUDIT_PAGE_SIZE = 50;

/** The filters as given (query string of the page or the API); every one optional. */
export interface AuditSearchInput {
  person?: string;
  agencyId?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  from?: string;
  to?: string;
  after?: string;
}

export interface AuditFilter {
  person?: string;
  agencyId?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  /** The first instant of the from day and the first instant after the to day, in Vietnam time. */
  from?: Date;
  to?: Date;
  after?: { at: Date; seq: number };
}

const OBJECT_TYPE = /^[a-z][a-z0-9_]{0,39}$/;
const ACTION = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MS = 86_400_000;

/** Midnight starting the day in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving). */
export function vietnamDayStart(text: string): Date | undefined {
  const iso = ISO_DAY.exec(text);
  const vn = iso ? undefined : VN_DAY.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y || !m || !d) return undefined;
  const utc = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const check = new Date(utc);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(m) - 1) return undefined;
  return new Date(utc - 7 * 3_600_000);
}

export const encodeAuditCursor = (row: { at: Date; seq: number }) =>
  Buffer.from(JSON.stringify([row.at.toISOString(), row.seq])).toString('base64url');

function decodeCursor(cursor: string): { at: Date; seq: number } | undefined {
  try {
    const [at, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const when = typeof at === 'string' ? new Date(at) : undefined;
    if (when && !Number.isNaN(when.getTime()) && Number.isSafeInteger(seq) && (seq as number) > 0)
      return { at: when, seq: seq as number };
  } catch {
    // reported below
  }
  return undefined;
}

const clean = (v: string | undefined) => v?.normalize('NFC').trim() || undefined;

/** The filters checked: every problem at once, each on its field. */
export function readAuditFilter(input: AuditSearchInput, agencyChoices: ReadonlySet<string>): AuditFilter {
  const fields: FieldError[] = [];
  const bad = (field: string, message: FieldError['message']) => fields.push({ field, message });
  const f: AuditFilter = {};
  const person = clean(input.person);
  if (person && person.length > 100) bad('person', e.personTooLong);
  else f.person = person;
  const agencyId = clean(input.agencyId)?.toLowerCase();
  if (agencyId && !(isUuid(agencyId) && agencyChoices.has(agencyId))) bad('agencyId', e.agency);
  else f.agencyId = agencyId;
  const objectType = clean(input.objectType);
  if (objectType && !OBJECT_TYPE.test(objectType)) bad('objectType', e.objectType);
  else f.objectType = objectType;
  const objectId = clean(input.objectId);
  if (objectId && objectId.length > 100) bad('objectId', e.objectIdTooLong);
  else if (objectId && !objectType) bad('objectId', e.objectIdWithoutType);
  else f.objectId = objectId;
  const action = clean(input.action);
  if (action && !ACTION.test(action)) bad('action', e.action);
  else f.action = action;
  for (const name of ['from', 'to'] as const) {
    const text = clean(input[name]);
    if (!text) continue;
    const day = vietnamDayStart(text);
    if (!day) bad(name, e.date);
    else f[name] = name === 'to' ? new Date(day.getTime() + DAY_MS) : day;
  }
  if (f.from && f.to && f.to.getTime() <= f.from.getTime()) bad('to', e.dateOrder);
  const after = clean(input.after);
  if (after) {
    f.after = decodeCursor(after);
    if (!f.after) bad('after', e.cursor);
  }
  if (fields.length > 0) throw validationError('audit.invalid_filter', e.invalid, fields);
  return f;
}

/** The agencies the caller may filter by: all of them, or those of its scope. */
export function auditAgencyChoices(scope: AuditScope, tree: AgencyTree) {
  const ids = scope.kind === 'all' ? tree.ids : scope.kind === 'agencies' ? scope.agencyIds : [];
  return ids.map((id) => ({ id, name: tree.nameOf(id) ?? id }));
}

/** An agency with every agency under it. */
function withSubAgencies(tree: AgencyTree, agencyId: string): string[] {
  return tree.ids.filter((id) => id === agencyId || tree.ancestorsOf(id).includes(agencyId));
}

export interface AuditSearchResult {
  items: AuditSearchRow[];
  next: string | null;
  scope: AuditScope;
  tree: AgencyTree;
}

const NOT_ALLOWED = forbidden('auth.forbidden', {
  vi: 'Bạn không có quyền thực hiện thao tác này.',
  en: 'You are not allowed to do this.',
});

/** The scope and the agency tree of a caller (the page needs them to draw the form, even on errors). */
export async function auditSearchContext(ctx: Ctx, actor: Principal | null) {
  const tree = await loadAgencyTree(ctx.db);
  const scope = auditSearchScope(actor, tree.ids, tree.ancestorsOf);
  if (scope.kind === 'none') throw NOT_ALLOWED;
  return { tree, scope };
}

/** One page of the entries the caller may see, newest first; the search is audited. */
export async function searchAudit(
  ctx: Ctx,
  actor: Principal | null,
  input: AuditSearchInput,
  meta: { ip: string | null; via: 'page' | 'api' },
): Promise<AuditSearchResult> {
  const { tree, scope } = await auditSearchContext(ctx, actor);
  const choices = new Set(auditAgencyChoices(scope, tree).map((a) => a.id));
  const filter = readAuditFilter(input, choices);
  const rows = await selectAuditPage(ctx.db, {
    scopeAgencyIds: scope.kind === 'agencies' ? scope.agencyIds : undefined,
    agencyIds: filter.agencyId ? withSubAgencies(tree, filter.agencyId) : undefined,
    person: filter.person,
    objectType: filter.objectType,
    objectId: filter.objectId,
    action: filter.action,
    from: filter.from,
    to: filter.to,
    after: filter.after,
    limit: AUDIT_PAGE_SIZE + 1,
  });
  const items = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = items.at(-1);
  await recordSearch(ctx, actor, input, items.length, meta);
  return { items, next: rows.length > AUDIT_PAGE_SIZE && last ? encodeAuditCursor(last) : null, scope, tree };
}

async function recordSearch(
  ctx: Ctx,
  actor: Principal | null,
  input: AuditSearchInput,
  results: number,
  meta: { ip: string | null; via: 'page' | 'api' },
) {
  if (actor?.kind !== 'officer') throw new AppError('forbidden', 'auth.forbidden', NOT_ALLOWED.text);
  const given = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => k !== 'after' && typeof v === 'string' && v.trim() !== ''),
  );
  await recordAudit(
    ctx.db,
    {
      actorKind: 'officer',
      actorId: actor.id,
      actorLabel: actor.username,
      action: 'audit.searched',
      details: { filters: given, page: input.after ? 'next' : 'first', results, via: meta.via },
      ip: meta.ip,
    },
    ctx.clock.now(),
  );
}
