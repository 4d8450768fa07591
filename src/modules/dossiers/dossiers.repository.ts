/** SQL of the dossiers module (first parameter: the executor, the database or a transaction). */

import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Dossiers } from '../../platform/db/schema.js';

export type DossierRow = Selectable<Dossiers>;

/** The next number of the agency's daily counter, drawn in the caller's transaction (DOMAIN.md §5.1). */
export async function nextSequence(trx: Db, agencyCode: string, day: string): Promise<number> {
  const row = await trx
    .insertInto('dossier_counters')
    .values({ agency_code: agencyCode, day, last_seq: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_code', 'day']).doUpdateSet({ last_seq: sql`dossier_counters.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export async function insertDossier(trx: Db, row: Insertable<Dossiers>): Promise<void> {
  await trx.insertInto('dossiers').values(row).execute();
}

export function selectDossier(db: Db, key: { id: string } | { code: string }) {
  const q = db.selectFrom('dossiers').selectAll();
  return ('id' in key ? q.where('id', '=', key.id) : q.where('code', '=', key.code)).executeTakeFirst();
}

export function selectComponents(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_components')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute();
}

export function selectFiles(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_files')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function selectHistory(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_history as h')
    .leftJoin('agencies as a', 'a.id', 'h.agency_id')
    .selectAll('h')
    .select('a.name as agency_name')
    .where('h.dossier_id', '=', dossierId)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
}

export function selectFeeLines(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_fee_lines')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute();
}

export function selectPayments(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_payments')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('recorded_at')
    .execute();
}

export function selectSlips(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_slips')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
}

export interface HistoryInsert {
  id: string;
  dossierId: string;
  at: Date;
  action: string;
  fromStatus: number | null;
  toStatus: number;
  actorKind: 'citizen' | 'officer' | 'system';
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  agencyId: string | null;
  content: string | null;
  stepStartedAt?: Date | null;
  stepDueAt?: Date | null;
}

/** Quá trình xử lý: append-only. */
export async function insertHistory(trx: Db, h: HistoryInsert): Promise<void> {
  await trx
    .insertInto('dossier_history')
    .values({
      id: h.id,
      dossier_id: h.dossierId,
      at: h.at,
      action: h.action,
      from_status: h.fromStatus,
      to_status: h.toStatus,
      actor_kind: h.actorKind,
      actor_id: h.actorId,
      actor_name: h.actorName,
      actor_role: h.actorRole,
      agency_id: h.agencyId,
      content: h.content,
      step_started_at: h.stepStartedAt ?? null,
      step_due_at: h.stepDueAt ?? null,
    })
    .execute();
}

/**
 * Moves the dossier only if it is still in the state the caller read (status and row version): zero
 * rows means someone else changed it first.
 */
export async function updateGuarded(
  trx: Db,
  guard: { id: string; status: number; rowVersion: number },
  patch: Partial<Insertable<Dossiers>>,
): Promise<boolean> {
  const r = await trx
    .updateTable('dossiers')
    .set({ ...patch, row_version: guard.rowVersion + 1 })
    .where('id', '=', guard.id)
    .where('status', '=', guard.status)
    .where('row_version', '=', guard.rowVersion)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export function findSubmission(db: Db, caller: string, key: string) {
  return db
    .selectFrom('dossier_submissions')
    .selectAll()
    .where('caller', '=', caller)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The form set in force on a local date (DOMAIN.md §4). */
export function selectFormSetAt(db: Db, day: string) {
  return db
    .selectFrom('form_sets')
    .selectAll()
    .where(sql<boolean>`valid_from <= ${day}::date AND (valid_to IS NULL OR valid_to > ${day}::date)`)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

export function selectFormSet(db: Db, code: string) {
  return db.selectFrom('form_sets').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A citizen account by its key (số định danh, mã số thuế), for the desk's look-up. */
export function selectAccountByKey(db: Db, key: string) {
  return db
    .selectFrom('citizen_accounts')
    .select([
      'id',
      'account_type',
      'account_key',
      'full_name',
      'birth_date',
      'claims',
      'notify_phone',
      'notify_email',
    ])
    .where('account_key', '=', key)
    .orderBy('account_type')
    .executeTakeFirst();
}

export function selectAccount(db: Db, id: string) {
  return db
    .selectFrom('citizen_accounts')
    .select([
      'id',
      'account_type',
      'account_key',
      'full_name',
      'birth_date',
      'claims',
      'notify_phone',
      'notify_email',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
