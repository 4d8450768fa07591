/**
 * SQL of an officer's inbox (hộp việc) and of the dossier page, sized for a million dossiers
 * (issue 7 item 7: inbox p95 < 100 ms, dossier page p95 < 50 ms; bench/inbox.bench.ts).
 *
 * The inbox reads only the current-step columns copied onto `dossiers` (0017_workflow.sql):
 * - mine: my claimed steps, status 4/5/6, on dossiers_inbox_mine_idx (step_assignee, step_due_at, id);
 * - unclaimed: status 4 steps of my agencies and roles nobody claimed, on dossiers_inbox_unclaimed_idx
 *   (step_agency_id, step_role, step_due_at, id);
 * - due-soon / overdue: mine or unclaimed with the due time in a range, on the same two indexes;
 * - supplement / payment: my agencies' dossiers waiting for the citizen (status 5) or for a payment
 *   (status 6), on dossiers_inbox_agency_due_idx (step_agency_id, step_due_at, id) WHERE status IN (4, 5, 6).
 *
 * Optional filters (procedure code, field, status, channel, received-date range) narrow every branch;
 * they filter rows inside the branch's index range, so the keyset order and the limits stay the same.
 *
 * Rows are sorted by (step_due_at NULLS LAST, id), keyset-paginated. Every view is a UNION ALL of
 * branches that are each one ascending range of one index (ORDER BY … LIMIT n each), merged by an
 * outer ORDER BY … LIMIT n: no branch reads more than n index entries past the cursor. A cursor on a
 * non-null due time splits a branch in two (the rest of the dated rows, then the undated ones), so
 * that the NULLS LAST tail never turns the range into a filter.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { selectDossierComponents } from '../dossiers/index.js';

export const INBOX_VIEWS = ['mine', 'unclaimed', 'due-soon', 'overdue', 'supplement', 'payment'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** Filters on top of a view; each is optional. */
export interface InboxNarrowing {
  procedureCode?: string | undefined;
  /** Lĩnh vực of the procedure version the dossier was received under. */
  field?: string | undefined;
  status?: number | undefined;
  channel?: number | undefined;
  /** Received at or after (inclusive) / before (exclusive). */
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
}

export interface InboxCursor {
  dueAt: Date | null;
  id: string;
}

export interface InboxFilter {
  officerId: string;
  agencyIds: readonly string[];
  roles: readonly string[];
  view: InboxView;
  now: Date;
  /** Upper bound (exclusive) of 'due-soon'. */
  dueSoonBefore: Date;
  narrow?: InboxNarrowing | undefined;
}

export interface InboxPageQuery extends InboxFilter {
  after?: InboxCursor | null;
  limit: number;
}

export interface InboxRow {
  id: string;
  code: string;
  procedure_code: string;
  procedure_name: string;
  status: number;
  channel: number;
  applicant_name: string | null;
  received_at: Date | null;
  due_at: Date | null;
  step_role: string | null;
  step_due_at: Date | null;
  step_assignee: string | null;
}

/** "More than 500": inboxCount returns this when the count reaches it. */
export const INBOX_COUNT_CAP = 501;

interface Branch {
  /** The index prefix of the branch (who), as a WHERE on dossiers. */
  base: 'mine' | 'unclaimed' | 'agency';
  /** The status of an 'agency' branch. */
  status?: 5 | 6;
  /** Due-time bounds of the view. */
  dueFrom?: Date;
  dueBefore?: Date;
  /** Whether rows with no due time belong to the view. */
  undated: boolean;
}

function branchesOf(f: InboxFilter): Branch[] {
  switch (f.view) {
    case 'mine':
      return [{ base: 'mine', undated: true }];
    case 'unclaimed':
      return f.agencyIds.length > 0 && f.roles.length > 0 ? [{ base: 'unclaimed', undated: true }] : [];
    case 'due-soon':
    case 'overdue': {
      const range =
        f.view === 'due-soon' ? { dueFrom: f.now, dueBefore: f.dueSoonBefore } : { dueBefore: f.now };
      const bases: Branch['base'][] =
        f.agencyIds.length > 0 && f.roles.length > 0 ? ['mine', 'unclaimed'] : ['mine'];
      return bases.map((base) => ({ base, ...range, undated: false }));
    }
    case 'supplement':
    case 'payment':
      return f.agencyIds.length > 0
        ? [{ base: 'agency', status: f.view === 'supplement' ? 5 : 6, undated: true }]
        : [];
  }
}

const COLUMNS = [
  'id',
  'code',
  'procedure_code',
  'procedure_name',
  'status',
  'channel',
  sql<string | null>`applicant->>'name'`.as('applicant_name'),
  'received_at',
  'due_at',
  'step_role',
  'step_due_at',
  'step_assignee',
] as const;

const baseSelect = (db: Db) => db.selectFrom('dossiers').select([...COLUMNS]);
type DossierSelect = ReturnType<typeof baseSelect>;

/** The optional filters, as WHEREs inside a branch. */
function narrowed(q: DossierSelect, n: InboxNarrowing | undefined): DossierSelect {
  if (!n) return q;
  if (n.procedureCode) q = q.where('procedure_code', '=', n.procedureCode);
  if (n.status !== undefined) q = q.where('status', '=', n.status);
  if (n.channel !== undefined) q = q.where('channel', '=', n.channel);
  if (n.receivedFrom) q = q.where('received_at', '>=', n.receivedFrom);
  if (n.receivedBefore) q = q.where('received_at', '<', n.receivedBefore);
  const field = n.field;
  if (field) {
    q = q.where('procedure_version_id', 'in', (eb) =>
      eb.selectFrom('catalogue_procedure_versions').select('id').where('field', '=', field),
    );
  }
  return q;
}

/** One branch, restricted to dated rows after the cursor (`part: 'dated'`) or to undated rows. */
function branchQuery(
  db: Db,
  f: InboxFilter,
  b: Branch,
  part: 'dated' | 'undated',
  after: InboxCursor | null,
) {
  let q = narrowed(baseSelect(db), f.narrow);
  if (b.base === 'mine') {
    q = q.where('step_assignee', '=', f.officerId).where('status', 'in', [4, 5, 6]);
  } else if (b.base === 'agency') {
    q = q
      .where('status', 'in', [4, 5, 6])
      .where('status', '=', b.status ?? 5)
      .where('step_agency_id', '=', sql<string>`any(${[...f.agencyIds]}::uuid[])`);
  } else {
    q = q
      .where('status', '=', 4)
      .where('step_assignee', 'is', null)
      .where('step_agency_id', '=', sql<string>`any(${[...f.agencyIds]}::uuid[])`)
      .where('step_role', '=', sql<string>`any(${[...f.roles]}::text[])`);
  }
  if (part === 'undated') {
    q = q.where('step_due_at', 'is', null);
    if (after) q = q.where('id', '>', after.id);
    return q.orderBy('id');
  }
  if (b.dueFrom) q = q.where('step_due_at', '>=', b.dueFrom);
  if (b.dueBefore) q = q.where('step_due_at', '<', b.dueBefore);
  if (!b.dueFrom && !b.dueBefore) q = q.where('step_due_at', 'is not', null);
  if (after?.dueAt) {
    const cursor: Expression<SqlBool> = sql<SqlBool>`(step_due_at, id) > (${after.dueAt}, ${after.id}::uuid)`;
    q = q.where(cursor);
  }
  return q.orderBy('step_due_at').orderBy('id');
}

/** The index ranges a page (or a count) reads, each already limited. */
function parts(db: Db, f: InboxFilter, after: InboxCursor | null, limit: number) {
  const out = [];
  for (const b of branchesOf(f)) {
    // A cursor in the undated tail: only undated rows remain.
    if (!(after && after.dueAt === null)) out.push(branchQuery(db, f, b, 'dated', after).limit(limit));
    if (b.undated)
      out.push(branchQuery(db, f, b, 'undated', after?.dueAt === null ? after : null).limit(limit));
  }
  return out;
}

/** A union of limited branches, as a derived table (each branch keeps its ORDER BY … LIMIT). */
function unionOf(db: Db, f: InboxFilter, after: InboxCursor | null, limit: number) {
  const [first, ...rest] = parts(db, f, after, limit).map((q, i) => db.selectFrom(q.as(`b${i}`)).selectAll());
  if (!first) return undefined;
  return rest.reduce((acc, q) => acc.unionAll(q), first);
}

/** One page of the inbox, sorted by (step_due_at NULLS LAST, id). */
export async function inboxPage(db: Db, q: InboxPageQuery): Promise<InboxRow[]> {
  const union = unionOf(db, q, q.after ?? null, q.limit);
  if (!union) return [];
  const rows = await union
    .orderBy('step_due_at', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .limit(q.limit)
    .execute();
  return rows as InboxRow[];
}

/** The cursor of the row after which the next page starts. */
export const inboxCursor = (row: Pick<InboxRow, 'id' | 'step_due_at'>): InboxCursor => ({
  dueAt: row.step_due_at,
  id: row.id,
});

/** How many dossiers the view holds, counted up to INBOX_COUNT_CAP (501: "more than 500"). */
export async function inboxCount(db: Db, f: InboxFilter): Promise<number> {
  const union = unionOf(db, f, null, INBOX_COUNT_CAP);
  if (!union) return 0;
  const row = await db
    .selectFrom(union.limit(INBOX_COUNT_CAP).as('s'))
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DOSSIER_PAGE_HISTORY = 50;

function dossierBy(db: Db, idOrCode: string) {
  const q = db.selectFrom('dossiers').selectAll();
  return (
    UUID.test(idOrCode) ? q.where('id', '=', idOrCode) : q.where('code', '=', idOrCode)
  ).executeTakeFirst();
}

function stepsOf(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_steps')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute();
}

/** The last DOSSIER_PAGE_HISTORY rows (dossier_history_dossier_idx backwards), oldest first. */
async function historyOf(db: Db, dossierId: string) {
  const rows = await db
    .selectFrom('dossier_history')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(DOSSIER_PAGE_HISTORY)
    .execute();
  return rows.reverse();
}

export type DossierPageData = NonNullable<Awaited<ReturnType<typeof loadDossierPageData>>>;

async function loadDossierPageData(db: Db, idOrCode: string) {
  if (UUID.test(idOrCode)) {
    // By id the four reads do not depend on each other: sent together (on a pool, in parallel).
    const [dossier, components, steps, history] = await Promise.all([
      dossierBy(db, idOrCode),
      selectDossierComponents(db, idOrCode),
      stepsOf(db, idOrCode),
      historyOf(db, idOrCode),
    ]);
    return dossier ? { dossier, components, steps, history } : undefined;
  }
  const dossier = await dossierBy(db, idOrCode);
  if (!dossier) return undefined;
  const [components, steps, history] = await Promise.all([
    selectDossierComponents(db, dossier.id),
    stepsOf(db, dossier.id),
    historyOf(db, dossier.id),
  ]);
  return { dossier, components, steps, history };
}

/**
 * What the dossier page shows: the dossier (by id or by code), its components and its steps in
 * order, and its last 50 history rows (oldest first). Undefined when there is no such dossier.
 */
export function dossierPageData(db: Db, idOrCode: string) {
  return loadDossierPageData(db, idOrCode);
}
