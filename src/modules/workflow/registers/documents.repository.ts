/** SQL of the processing documents: the apology letter to print, the steps with names, the form set. */
import type { Db } from '../../../platform/db/database.js';
import type { StepRecord } from './handovers.js';

/** The approved letter, else the latest draft; with the responsible agency's and the approver's names. */
export function selectApologyToPrint(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_apologies as a')
    .innerJoin('agencies as g', 'g.id', 'a.responsible_agency_id')
    .leftJoin('officers as o', 'o.id', 'a.approved_by')
    .select([
      'a.reason',
      'a.old_due_at',
      'a.new_due_at',
      'a.approved_at',
      'a.drafted_at',
      'a.responsible_agency_id',
      'a.signed_sha256',
      'g.name as agency_name',
      'o.full_name as approver_name',
    ])
    .where('a.dossier_id', '=', dossierId)
    .orderBy((eb) => eb('a.approved_at', 'is', null), 'asc')
    .orderBy('a.drafted_at', 'desc')
    .executeTakeFirst();
}

export async function selectStepRecords(db: Db, dossierId: string): Promise<StepRecord[]> {
  const rows = await db
    .selectFrom('dossier_steps as s')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .leftJoin('officers as giver', 'giver.id', 's.handed_over_by')
    .leftJoin('officers as receiver', 'receiver.id', 's.received_by')
    .select([
      's.position',
      's.kind',
      's.state',
      'g.name as agency_name',
      's.due_at',
      's.finished_at',
      's.handed_over_at',
      'giver.full_name as giver_name',
      'receiver.full_name as receiver_name',
    ])
    .where('s.dossier_id', '=', dossierId)
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({
    position: r.position,
    kind: r.kind,
    state: r.state,
    agencyName: r.agency_name,
    dueAt: r.due_at,
    finishedAt: r.finished_at,
    handedOverAt: r.handed_over_at,
    handedOverBy: r.giver_name,
    receivedBy: r.receiver_name,
  }));
}

export async function selectFormSetName(db: Db, code: string | null): Promise<string | null> {
  if (!code) return null;
  const row = await db.selectFrom('form_sets').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}
