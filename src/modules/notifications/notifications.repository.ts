/** In-app messages (thông báo): one row per event and recipient. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';

export interface Recipient {
  kind: 'citizen' | 'officer';
  id: string;
}

export interface NewMessage {
  eventKey: string;
  title: string;
  body: string;
  link: string | null;
}

/** Idempotent: a redelivered event adds nothing (unique event key per recipient). */
export async function insertMessages(
  db: Db,
  recipients: Recipient[],
  m: NewMessage,
  at: Date,
): Promise<number> {
  if (recipients.length === 0) return 0;
  const r = await db
    .insertInto('notifications')
    .values(
      recipients.map((to) => ({
        id: newId(),
        recipient_kind: to.kind,
        recipient_id: to.id,
        event_key: m.eventKey,
        title: m.title,
        body: m.body,
        link: m.link,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['event_key', 'recipient_kind', 'recipient_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export function selectMessages(db: Db, to: Recipient, limit: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_kind', '=', to.kind)
    .where('recipient_id', '=', to.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Db, to: Recipient): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<string>`count(*)`.as('n'))
    .where('recipient_kind', '=', to.kind)
    .where('recipient_id', '=', to.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markAllRead(db: Db, to: Recipient, at: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('recipient_kind', '=', to.kind)
    .where('recipient_id', '=', to.id)
    .where('read_at', 'is', null)
    .execute();
}

/** The one-stop officers of an agency and of the agencies above it (who work its desk). */
export const deskOfficers = (db: Db, agencyId: string) => roleOfficers(db, agencyId, 'one_stop');

/** The active officers holding a role at an agency or at an agency above it (a grant covers sub-agencies). */
export async function roleOfficers(db: Db, agencyId: string, role: string): Promise<string[]> {
  const rows = await sql<{ officer_id: string }>`
    WITH RECURSIVE line AS (
      SELECT id, parent_id FROM agencies WHERE id = ${agencyId}
      UNION ALL
      SELECT a.id, a.parent_id FROM agencies a JOIN line ON a.id = line.parent_id
    )
    SELECT DISTINCT r.officer_id
    FROM officer_roles r JOIN officers o ON o.id = r.officer_id
    WHERE r.role = ${role} AND o.disabled_at IS NULL AND r.agency_id IN (SELECT id FROM line)`.execute(db);
  return rows.rows.map((r) => r.officer_id);
}
