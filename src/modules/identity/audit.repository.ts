import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { type AuditContent, contentHash } from './audit-hash.js';

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
  const content: AuditContent = {
    id: newId(),
    // Millisecond precision: what PostgreSQL keeps in timestamptz round-trips exactly.
    at: new Date(Math.floor(at.getTime())),
    actorKind: entry.actorKind,
    actorId: entry.actorId ?? null,
    actorLabel: entry.actorLabel ?? null,
    agencyId: entry.agencyId ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
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
