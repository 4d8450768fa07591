import { createHash } from 'node:crypto';

/**
 * The hash chain of the audit log (nhật ký kiểm tra). An entry's content hash covers its own fields
 * in a canonical form; the linker then sets entry_hash = sha256(prev_hash ‖ content_hash), so
 * changing, removing or reordering any linked entry breaks every link after it.
 */
export interface AuditContent {
  id: string;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  agencyId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: unknown;
  ip: string | null;
}

/** JSON with object keys sorted at every depth: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function contentHash(entry: AuditContent): Buffer {
  const at = new Date(Math.floor(entry.at.getTime())).toISOString();
  return createHash('sha256')
    .update(canonicalJson({ ...entry, at }))
    .digest();
}

/** The link of an entry: its content hash chained to the previous entry's link (none for the first). */
export function entryHash(prev: Buffer | null, content: Buffer): Buffer {
  return createHash('sha256')
    .update(prev ?? Buffer.alloc(0))
    .update(content)
    .digest();
}
