import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { type AuditContent, contentHash } from './hash.js';

/*
 * The append side of the audit log (nhật ký kiểm tra), in the platform so that every module, the
 * earliest tiers included, records its state changes through this one function. The identity module
 * owns the table (its migration), the linker that chains entries, `motcua audit verify` and the search.
 */

export interface AuditEntry {
  actorKind: 'officer' | 'citizen' | 'token' | 'anonymous' | 'system';
  actorId?: string | null;
  actorLabel?: string | null;
  agencyId?: string | null;
  /** Dotted, lower-case: `auth.login`, `auth.login_failed`, `dossier.viewed`, ... */
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends an audit entry (nhật ký kiểm tra). Cheap and lock-free: no chain work here; the linker
 * job chains entries in seq order. Call it inside the transaction of the change it records.
 */
export async function recordAudit(executor: Db, entry: AuditEntry, at: Date): Promise<string> {
  const ip = await canonicalIp(executor, entry.ip ?? null);
  const content: AuditContent = {
    id: newId(),
    // Millisecond precision: what PostgreSQL keeps in timestamptz round-trips exactly.
    at: new Date(Math.floor(at.getTime())),
    actorKind: entry.actorKind,
    actorId: entry.actorId ?? null,
    actorLabel: entry.actorLabel ?? null,
    // As the uuid column prints it back (lower case), for the same reason as the address below.
    agencyId: entry.agencyId?.toLowerCase() ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    // What jsonb will give back: JSON's own conversions (toJSON, undefined, NaN) applied first.
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as unknown,
    ip,
  };
  await executor
    .insertInto('audit_log')
    .values({
      id: content.id,
      at: content.at,
      actor_kind: content.actorKind,
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      agency_id: content.agencyId,
      action: content.action,
      object_type: content.objectType,
      object_id: content.objectId,
      details: JSON.stringify(content.details),
      ip: content.ip,
      content_hash: contentHash(content),
    })
    .execute();
  return content.id;
}

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The address as PostgreSQL's inet prints it back, so that `motcua audit verify` recomputes the same
 * content hash from the stored row. IPv4 (also IPv4-mapped IPv6, as Node reports IPv4 clients on a
 * dual-stack socket) is normalised here; other IPv6 forms are rare and PostgreSQL formats them.
 * Anything that is not an address is dropped rather than failing the change being audited.
 */
export async function canonicalIp(executor: Db, raw: string | null): Promise<string | null> {
  if (!raw) return null;
  const v4 = MAPPED_V4.exec(raw)?.[1] ?? raw;
  if (isIPv4(v4))
    return v4
      .split('.')
      .map((n) => String(Number(n)))
      .join('.');
  if (!isIPv6(raw)) return null;
  const r = await sql<{ ip: string }>`select ${raw}::inet as ip`.execute(executor);
  return r.rows[0]?.ip ?? null;
}
