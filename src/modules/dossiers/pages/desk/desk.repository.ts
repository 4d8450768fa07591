/**
 * SQL of the desk's work list (danh sách hồ sơ tại bộ phận một cửa): dossiers received at the
 * officer's centres, new ones (status 1) first, then the others, most recent first. Keyset pages on
 * (group, submitted_at, id); served by dossiers_receiving_idx, the search keys by their own indexes.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database.js';

export interface DeskFilter {
  agencyIds: readonly string[];
  status?: number;
  channel?: number;
  procedureCode?: string;
  search?: { code: string } | { digits: string } | { nameKey: string };
}

export interface DeskCursor {
  /** 0: new (status 1), 1: the others. */
  group: 0 | 1;
  submittedAt: Date;
  id: string;
}

export interface DeskRow {
  id: string;
  code: string;
  procedure_code: string;
  procedure_name: string;
  status: number;
  sub_state: string | null;
  channel: number;
  applicant_name: string;
  submitted_at: Date;
  due_at: Date | null;
  withdraw_requested_at: Date | null;
  grp: number;
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Db, f: DeskFilter) {
  let q = db
    .selectFrom('dossiers')
    .where('receiving_agency_id', 'in', f.agencyIds.length > 0 ? [...f.agencyIds] : ['']);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.procedureCode) q = q.where('procedure_code', '=', f.procedureCode);
  const s = f.search;
  if (s && 'code' in s) q = q.where('code', '=', s.code);
  if (s && 'digits' in s)
    q = q.where((eb) =>
      eb.or([eb('applicant_id_number', '=', s.digits), eb('applicant_phone', '=', s.digits)]),
    );
  if (s && 'nameKey' in s) q = q.where('applicant_name_key', 'like', likePattern(s.nameKey));
  return q;
}

const GROUP = sql<number>`(CASE WHEN status = 1 THEN 0 ELSE 1 END)`;

export async function selectDeskPage(db: Db, f: DeskFilter, after: DeskCursor | null, limit: number) {
  let q = filtered(db, f)
    .select([
      'id',
      'code',
      'procedure_code',
      'procedure_name',
      'status',
      'sub_state',
      'channel',
      sql<string>`applicant->>'name'`.as('applicant_name'),
      'submitted_at',
      'due_at',
      'withdraw_requested_at',
      GROUP.as('grp'),
    ])
    .orderBy(GROUP)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (after) {
    q = q.where(
      sql<boolean>`(${GROUP} > ${after.group} OR (${GROUP} = ${after.group} AND (submitted_at, id) < (${after.submittedAt}, ${after.id}::uuid)))`,
    );
  }
  return (await q.execute()) as DeskRow[];
}

/** How many dossiers match, counted up to cap + 1 (never a full COUNT over the table). */
export async function countDesk(db: Db, f: DeskFilter, cap: number): Promise<number> {
  const inner = filtered(db, f)
    .select(sql`1`.as('one'))
    .limit(cap + 1);
  const row = await db
    .selectFrom(inner.as('s'))
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
