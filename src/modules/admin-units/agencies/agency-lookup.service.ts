/**
 * Looking agencies up (cơ quan): by id, by identifier code at a date (old codes stay findable at the
 * dates they were valid), their children and code history, and keyset-paginated lists.
 */
import type { AuditActor } from '../../../platform/audit/actor.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, validationError } from '../../../platform/errors.js';
import * as repo from './agencies.repository.js';
import { selectCodeHistory, selectCodeHolder } from './agency-codes.repository.js';
import { type AgencyCursor, decodeAgencyCursor, encodeAgencyCursor } from './agency-cursor.js';
import {
  type AgencyKind,
  isIsoDate,
  normaliseAgencyCode,
  parseAgencyCode,
  vietnamDate,
} from './agency-rules.js';

export interface AgencyDeps {
  db: Db;
  clock: Clock;
}

/** Who acts: the officer of the request, or `systemActor(…)` for imports and the demo seed. */
export type Actor = AuditActor;

/** An agency as other modules and the API see it. */
export interface Agency {
  id: string;
  /** The identifier code valid on the date asked (today by default), else its latest one. */
  code: string;
  kind: AgencyKind;
  name: string;
  parentId: string | null;
  /** Province (2 digits) and commune (5 digits) codes it serves. */
  units: string[];
  address: string | null;
  phone: string | null;
  email: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AgencyCodePeriod {
  code: string;
  validFrom: string;
  /** First day it is no longer valid; null while it is open. */
  validTo: string | null;
  source: string | null;
}

export const agencyNotFound = (what: string) =>
  notFound('agency.not_found', {
    vi: `Không tìm thấy cơ quan ${what}.`,
    en: `No agency ${what}.`,
  });

/** A date (YYYY-MM-DD) or an instant, as a Vietnam local date. */
export function localDateOf(at: Date | string): string {
  if (typeof at !== 'string') return vietnamDate(at);
  if (!isIsoDate(at)) {
    const message = {
      vi: `Ngày không hợp lệ: "${at}" (YYYY-MM-DD).`,
      en: `Invalid date: "${at}" (YYYY-MM-DD).`,
    };
    throw validationError('agency.invalid_date', message, [{ field: 'at', message }]);
  }
  return at;
}

export async function toAgencies(db: Db, records: repo.AgencyRecord[]): Promise<Agency[]> {
  const units = await repo.selectUnits(
    db,
    records.map((r) => r.id),
  );
  const missingCode = records.filter((r) => r.code === null);
  const latest = new Map<string, string>();
  for (const r of missingCode) {
    const history = await selectCodeHistory(db, r.id);
    const last = history[history.length - 1];
    if (last) latest.set(r.id, last.code);
  }
  return records.map((r) => ({
    id: r.id,
    code: r.code ?? latest.get(r.id) ?? '',
    kind: r.kind,
    name: r.name,
    parentId: r.parentId,
    units: units.get(r.id) ?? [],
    address: r.address,
    phone: r.phone,
    email: r.email,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/** The agency with this id, its code as on `at` (default today); undefined when there is none. */
export async function findAgency(
  db: Db,
  id: string,
  at: Date | string = new Date(),
): Promise<Agency | undefined> {
  const record = await repo.selectAgencyById(db, id, localDateOf(at));
  return record ? (await toAgencies(db, [record]))[0] : undefined;
}

/** As {@link findAgency}, or `agency.not_found`. */
export async function getAgency(db: Db, id: string, at: Date | string = new Date()): Promise<Agency> {
  const agency = await findAgency(db, id, at);
  if (!agency) throw agencyNotFound(id);
  return agency;
}

/**
 * The agency that held `code` on `at` (a local date or an instant; default now). An old code stays
 * findable at the dates it was valid. Throws `agency.invalid_code` for a code of the wrong shape.
 */
export async function findAgencyByCode(
  db: Db,
  code: string,
  at: Date | string = new Date(),
): Promise<Agency | undefined> {
  const date = localDateOf(at);
  const holder = await selectCodeHolder(db, parseAgencyCode(code), date);
  return holder ? findAgency(db, holder.agencyId, date) : undefined;
}

/** As {@link findAgencyByCode}, or `agency.not_found`. */
export async function getAgencyByCode(db: Db, code: string, at: Date | string = new Date()): Promise<Agency> {
  const agency = await findAgencyByCode(db, code, at);
  if (!agency) throw agencyNotFound(normaliseAgencyCode(code));
  return agency;
}

export async function agencyCodeHistory(db: Db, agencyId: string): Promise<AgencyCodePeriod[]> {
  const periods = await selectCodeHistory(db, agencyId);
  return periods.map(({ code, validFrom, validTo, source }) => ({ code, validFrom, validTo, source }));
}

/** The agencies directly under this one, with their codes as on `at`. */
export async function childAgencies(db: Db, id: string, at: Date | string = new Date()): Promise<Agency[]> {
  return toAgencies(db, await repo.selectChildren(db, id, localDateOf(at)));
}

export interface AgencyPage {
  items: Agency[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

export interface ListOptions {
  kind?: AgencyKind | undefined;
  unit?: string | undefined;
  /** Identifier code of the parent: only the agencies directly under it. */
  parent?: string | undefined;
  q?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
  at?: Date | string | undefined;
}

export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;

/** Agencies holding a code on `at` (default today), by name, keyset-paginated. */
export async function listAgencies(db: Db, options: ListOptions = {}): Promise<AgencyPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
  const after: AgencyCursor | undefined = options.after ? decodeAgencyCursor(options.after) : undefined;
  const q = options.q?.normalize('NFC').replace(/\s+/gu, ' ').trim() || undefined;
  const date = localDateOf(options.at ?? new Date());
  let parentId: string | undefined;
  if (options.parent) {
    const holder = await selectCodeHolder(db, parseAgencyCode(options.parent, 'parent'), date);
    // A parent code nobody held on that date has no children then.
    if (!holder) return { items: [], next: null };
    parentId = holder.agencyId;
  }
  const records = await repo.selectAgencyPage(
    db,
    { kind: options.kind, unit: options.unit, parentId, q },
    date,
    after,
    limit + 1,
  );
  const page = records.slice(0, limit);
  const last = page[page.length - 1];
  const next =
    records.length > limit && last ? encodeAgencyCursor({ sortKey: last.sortKey, id: last.id }) : null;
  return { items: await toAgencies(db, page), next };
}
