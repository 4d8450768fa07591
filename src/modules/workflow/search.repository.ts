/**
 * SQL of the officers' dossier search (tìm hồ sơ): one search key (a dossier code typed or scanned,
 * an ID or phone number, or a name without diacritics), limited to the dossiers the officer may see —
 * received, decided or currently at a step in one of the agencies their grants cover — unless they
 * hold a province-wide role. Each key has its own index (the code's unique index, the ID number and
 * phone indexes, the trigram index of the name key); the agency test filters the few rows found.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export type SearchKey = { code: string } | { digits: string } | { nameKey: string };

export interface DossierSearch {
  key: SearchKey;
  /** The agencies whose dossiers the officer may see; 'all' for province-wide roles. */
  agencyIds: readonly string[] | 'all';
  limit: number;
}

export interface SearchRow {
  id: string;
  code: string;
  procedure_code: string;
  procedure_name: string;
  status: number;
  channel: number;
  applicant_name: string | null;
  submitted_at: Date;
  due_at: Date | null;
  step_role: string | null;
  step_due_at: Date | null;
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The dossiers matching the key that the officer may see, most recently submitted first. */
export async function searchDossiers(db: Db, s: DossierSearch): Promise<SearchRow[]> {
  if (s.agencyIds !== 'all' && s.agencyIds.length === 0) return [];
  let q = db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_code',
      'procedure_name',
      'status',
      'channel',
      sql<string | null>`applicant->>'name'`.as('applicant_name'),
      'submitted_at',
      'due_at',
      'step_role',
      'step_due_at',
    ]);
  const k = s.key;
  if ('code' in k) q = q.where('code', '=', k.code);
  else if ('digits' in k)
    q = q.where((eb) =>
      eb.or([eb('applicant_id_number', '=', k.digits), eb('applicant_phone', '=', k.digits)]),
    );
  else q = q.where('applicant_name_key', 'like', likePattern(k.nameKey));
  if (s.agencyIds !== 'all') {
    const ids = sql<string>`any(${[...s.agencyIds]}::uuid[])`;
    q = q.where((eb) =>
      eb.or([
        eb('receiving_agency_id', '=', ids),
        eb('competent_agency_id', '=', ids),
        eb('step_agency_id', '=', ids),
      ]),
    );
  }
  const rows = await q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(s.limit).execute();
  return rows as SearchRow[];
}
