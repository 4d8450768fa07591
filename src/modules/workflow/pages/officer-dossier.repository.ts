import { sql } from 'kysely';
/**
 * SQL the officer's dossier page needs beyond the dossier itself: its steps (every column), the open
 * pause of the clock, the names of the officers who hold or held a step, and the officers who may be
 * given the current step (its role held at its agency or an agency above it).
 */
import type { Db } from '../../../platform/db/database.js';

export function selectSteps(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_steps')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof selectSteps>>[number];

/** The supplement pause still open (status 5): since when, and why. */
export function selectOpenPause(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_pauses')
    .select(['requested_at', 'reason'])
    .where('dossier_id', '=', dossierId)
    .where('resumed_at', 'is', null)
    .executeTakeFirst();
}

/** The dossier's apology letter: the approved one, else the draft waiting for a leader. */
export function selectApology(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_apologies')
    .select(['reason', 'new_due_at', 'approved_at', 'responsible_agency_id'])
    .where('dossier_id', '=', dossierId)
    .orderBy(sql`approved_at IS NULL`)
    .orderBy('drafted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function selectOfficerNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('officers')
    .select(['id', 'full_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Enabled officers holding `role` at one of `agencyIds`, by name. */
export function selectOfficersHolding(db: Db, role: string, agencyIds: readonly string[]) {
  return db
    .selectFrom('officers as o')
    .innerJoin('officer_roles as r', 'r.officer_id', 'o.id')
    .select(['o.id', 'o.full_name'])
    .distinct()
    .where('r.role', '=', role)
    .where('r.agency_id', 'in', [...agencyIds])
    .where('o.disabled_at', 'is', null)
    .orderBy('o.full_name')
    .orderBy('o.id')
    .limit(200)
    .execute();
}
