/**
 * Who makes a change, as a service receives it from the request and the audit log records it. The
 * modules' own history tables keep a one-string form of it ({@link actorKey}).
 */
import type { Principal } from '../http/access.js';
import type { AuditEntry } from './record.js';

export interface AuditActor {
  kind: AuditEntry['actorKind'];
  /** Officer, citizen or token id; null for the system and anonymous callers. */
  id: string | null;
  /** What people recognise: an officer's username, a token's or citizen's name, `system:<job>`. */
  label: string | null;
  ip?: string | null;
}

/** The caller of a request as an actor; `ip` is the request's address. */
export function auditActorOf(principal: Principal | null, ip?: string | null): AuditActor {
  const at = { ip: ip ?? null };
  if (!principal) return { kind: 'anonymous', id: null, label: null, ...at };
  if (principal.kind === 'officer')
    return { kind: 'officer', id: principal.id, label: principal.username, ...at };
  return { kind: principal.kind, id: principal.id, label: principal.name, ...at };
}

/** A change made by motcua itself (a seed, an import): `name` says which, e.g. `demo-seed`. */
export const systemActor = (name: string): AuditActor => ({
  kind: 'system',
  id: null,
  label: `system:${name}`,
});

/** The actor as the history tables store it: an officer's id, `token:<id>`, `citizen:<id>`, `system:<name>`. */
export function actorKey(actor: AuditActor): string {
  if (actor.kind === 'officer' && actor.id) return actor.id;
  if (actor.kind === 'system') return actor.label ?? 'system';
  return actor.id ? `${actor.kind}:${actor.id}` : 'unknown';
}

/** The actor fields of an audit entry. */
export const auditActorFields = (actor: AuditActor) => ({
  actorKind: actor.kind,
  actorId: actor.id,
  actorLabel: actor.label,
  ip: actor.ip ?? null,
});
