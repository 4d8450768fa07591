/** SQL of the tracking book: dossiers received in a period at or for a set of agencies, with their dates. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

export async function selectTrackingDossiers(db: Db, agencyIds: readonly string[], from: Date, to: Date) {
  const rows = await sql<{
    code: string;
    procedure_name: string;
    status: number;
    applicant: { name?: string; address?: string | null; phone?: string | null };
    lead_body: string;
    received_at: Date | null;
    due_at: Date | null;
    finished_at: Date | null;
    refusal_reason: string | null;
    forwarded_at: Date | null;
    supplement_at: Date | null;
    returned_at: Date | null;
  }>`
    SELECT d.code, d.procedure_name, d.status, d.applicant, c.name AS lead_body, d.received_at, d.due_at,
      d.finished_at, d.refusal_reason,
      (SELECT min(h.at) FROM dossier_history h WHERE h.dossier_id = d.id AND h.action = 'start') AS forwarded_at,
      (SELECT min(h.at) FROM dossier_history h WHERE h.dossier_id = d.id AND h.action = 'request_supplement') AS supplement_at,
      (SELECT max(h.at) FROM dossier_history h WHERE h.dossier_id = d.id AND h.action = 'return_result') AS returned_at
    FROM dossiers d JOIN agencies c ON c.id = d.competent_agency_id
    WHERE d.received_at >= ${from} AND d.received_at < ${to}
      AND (d.receiving_agency_id = ANY(${agencyIds}::uuid[]) OR d.competent_agency_id = ANY(${agencyIds}::uuid[]))
    ORDER BY d.received_at, d.id`.execute(db);
  return rows.rows;
}

export async function selectFormSetAt(db: Db, day: string) {
  return db
    .selectFrom('form_sets')
    .select(['code', 'name'])
    .where(sql<boolean>`valid_from <= ${day}::date AND (valid_to IS NULL OR valid_to > ${day}::date)`)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}
