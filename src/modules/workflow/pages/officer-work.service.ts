/**
 * The officer's work list and search, shared by the JSON API (inbox.api.ts) and the pages: who the
 * officer is in the agency tree (the agencies their processing grants cover, sub-agencies included,
 * and the roles they hold), what a query asks (view, keyset cursor, filters), and the page of rows.
 */
import type { Db } from '../../../platform/db/database.js';
import { validationError } from '../../../platform/errors.js';
import type { Access, Principal, Role } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/module.js';
import { readDossierSearch } from '../../dossiers/index.js';
import { coversAgency, loadAgencyTree } from '../../identity/index.js';
import {
  INBOX_COUNT_CAP,
  INBOX_VIEWS,
  type InboxCursor,
  type InboxNarrowing,
  type InboxRow,
  type InboxView,
  inboxCount,
  inboxCursor,
  inboxPage,
} from '../inbox.repository.js';
import { type SearchRow, searchDossiers } from '../search.repository.js';

/** Roles that process dossiers (xử lý hồ sơ): every inbox route and page allows these. */
export const PROCESSING_ROLES = [
  'one_stop',
  'specialist',
  'department_head',
  'agency_leader',
  'clerk',
] as const satisfies readonly Role[];
export const PROCESSORS: Access = { officer: PROCESSING_ROLES };

const PROVINCE_WIDE: readonly Role[] = ['system_admin', 'inspector', 'provincial_monitor'];
export const INBOX_PAGE_SIZE = 30;
export const SEARCH_LIMIT = 30;
/** "Sắp đến hạn": due within about two working days (calendar hours here: no per-agency calendar on the hot path). */
export const DUE_SOON_MS = 48 * 3_600_000;

export interface OfficerScope {
  officerId: string;
  /** Agencies the officer's processing grants cover, sub-agencies included. */
  agencyIds: string[];
  roles: Role[];
  provinceWide: boolean;
}

export async function officerScope(db: Db, principal: Principal): Promise<OfficerScope> {
  if (principal.kind !== 'officer') return { officerId: '', agencyIds: [], roles: [], provinceWide: false };
  const tree = await loadAgencyTree(db);
  const roles = [
    ...new Set(
      principal.grants.map((g) => g.role).filter((r) => (PROCESSING_ROLES as readonly Role[]).includes(r)),
    ),
  ];
  return {
    officerId: principal.id,
    agencyIds: tree.ids.filter((id) => coversAgency(principal.grants, id, tree.ancestorsOf, roles)),
    roles,
    provinceWide: principal.grants.some((g) => PROVINCE_WIDE.includes(g.role)),
  };
}

/** A work-list query as it arrives (query string), every value a string ('' when absent). */
export interface InboxQueryText {
  view: string;
  cursor: string;
  procedure: string;
  field: string;
  status: string;
  channel: string;
  from: string;
  to: string;
}

export interface InboxQuery {
  view: InboxView;
  after: InboxCursor | null;
  narrow: InboxNarrowing;
}

const bad = (code: string, field: string, vi: string, en: string) =>
  validationError(code, { vi, en }, [{ field, message: { vi, en } }]);

export function encodeInboxCursor(row: Pick<InboxRow, 'id' | 'step_due_at'>): string {
  const c = inboxCursor(row);
  return Buffer.from(JSON.stringify([c.dueAt?.toISOString() ?? null, c.id])).toString('base64url');
}

function decodeInboxCursor(text: string): InboxCursor | null {
  if (text === '') return null;
  const refuse = () =>
    bad(
      'inbox.invalid_cursor',
      'cursor',
      'Liên kết trang sau không hợp lệ; hãy mở lại danh sách.',
      'The next-page link is not valid; open the list again.',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refuse();
  const [due, id] = parsed as [unknown, unknown];
  const dueAt = typeof due === 'string' ? new Date(due) : null;
  if (
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(id) ||
    (due !== null && (dueAt === null || Number.isNaN(dueAt.getTime())))
  )
    throw refuse();
  return { dueAt, id };
}

/** Midnight in Viet Nam (UTC+7, no daylight saving) of a YYYY-MM-DD day, plus `days`. */
function vietnamMidnight(text: string, field: string, days: number): Date | undefined {
  if (text === '') return undefined;
  const utc = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  // 2026-02-30 parses as 2026-03-02: only a day that reads back the same is a day.
  if (!utc || Number.isNaN(utc.getTime()) || utc.toISOString().slice(0, 10) !== text)
    throw bad(
      'inbox.invalid_date',
      field,
      'Ngày không hợp lệ: hãy nhập theo dạng năm-tháng-ngày (ví dụ 2026-03-02).',
      'Invalid date: use year-month-day (for example 2026-03-02).',
    );
  return new Date(utc.getTime() - 7 * 3_600_000 + days * 86_400_000);
}

const intIn = (text: string, lo: number, hi: number, field: string) => {
  if (text === '') return undefined;
  const n = Number(text);
  if (Number.isInteger(n) && n >= lo && n <= hi) return n;
  throw bad('inbox.invalid_filter', field, 'Giá trị lọc không hợp lệ.', 'Invalid filter value.');
};

export function readInboxQuery(t: InboxQueryText): InboxQuery {
  const view = (t.view || 'mine') as InboxView;
  if (!(INBOX_VIEWS as readonly string[]).includes(view))
    throw bad('inbox.invalid_view', 'view', 'Không có danh sách này.', 'There is no such list.');
  const receivedFrom = vietnamMidnight(t.from.trim(), 'from', 0);
  const receivedBefore = vietnamMidnight(t.to.trim(), 'to', 1);
  return {
    view,
    after: decodeInboxCursor(t.cursor.trim()),
    narrow: {
      procedureCode: t.procedure.trim() || undefined,
      field: t.field.normalize('NFC').trim() || undefined,
      status: intIn(t.status.trim(), 1, 10, 'status'),
      channel: intIn(t.channel.trim(), 1, 3, 'channel'),
      receivedFrom,
      receivedBefore,
    },
  };
}

export interface InboxResult {
  items: InboxRow[];
  next: string | null;
  /** Counted up to INBOX_COUNT_CAP: `more` when the view holds more than 500. */
  count: number;
  more: boolean;
}

const filterOf = (scope: OfficerScope, now: Date, view: InboxView, narrow: InboxNarrowing) => ({
  officerId: scope.officerId,
  agencyIds: scope.agencyIds,
  roles: scope.roles,
  view,
  now,
  dueSoonBefore: new Date(now.getTime() + DUE_SOON_MS),
  narrow,
});

export async function loadInbox(ctx: AppContext, scope: OfficerScope, q: InboxQuery): Promise<InboxResult> {
  const filter = filterOf(scope, ctx.clock.now(), q.view, q.narrow);
  const [rows, n] = await Promise.all([
    inboxPage(ctx.db, { ...filter, after: q.after, limit: INBOX_PAGE_SIZE + 1 }),
    inboxCount(ctx.db, filter),
  ]);
  const items = rows.slice(0, INBOX_PAGE_SIZE);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > INBOX_PAGE_SIZE && last ? encodeInboxCursor(last) : null,
    count: Math.min(n, INBOX_COUNT_CAP - 1),
    more: n >= INBOX_COUNT_CAP,
  };
}

/** The count of every view (up to INBOX_COUNT_CAP), for the page's tabs. */
export async function inboxCounts(ctx: AppContext, scope: OfficerScope, narrow: InboxNarrowing) {
  const now = ctx.clock.now();
  const counts = await Promise.all(
    INBOX_VIEWS.map((view) => inboxCount(ctx.db, filterOf(scope, now, view, narrow))),
  );
  return Object.fromEntries(INBOX_VIEWS.map((v, i) => [v, counts[i] ?? 0])) as Record<InboxView, number>;
}

/** Dossiers the officer may see that match the search box; null when the text is not a search key. */
export async function searchForOfficer(
  ctx: AppContext,
  scope: OfficerScope,
  text: string,
): Promise<SearchRow[] | null> {
  const key = readDossierSearch(text);
  if (!key) return null;
  return searchDossiers(ctx.db, {
    key,
    agencyIds: scope.provinceWide ? 'all' : scope.agencyIds,
    limit: SEARCH_LIMIT,
  });
}

/**
 * The approve-and-sign steps a leader may sign now, due first: the ones they hold and their
 * agencies' unclaimed ones (signing claims an unclaimed step first). For the batch signing page.
 */
export async function leaderSigningQueue(
  ctx: AppContext,
  principal: Principal,
  limit = 100,
): Promise<InboxRow[]> {
  const scope = await officerScope(ctx.db, principal);
  if (!scope.roles.includes('agency_leader')) return [];
  const leader = { ...scope, roles: ['agency_leader' as Role] };
  const now = ctx.clock.now();
  const pages = await Promise.all(
    (['mine', 'unclaimed'] as const).map((view) =>
      inboxPage(ctx.db, { ...filterOf(leader, now, view, { status: 4 }), after: null, limit }),
    ),
  );
  const seen = new Set<string>();
  return pages
    .flat()
    .filter((r) => r.step_role === 'agency_leader' && !seen.has(r.id) && seen.add(r.id))
    .sort((a, b) => (a.step_due_at?.getTime() ?? Infinity) - (b.step_due_at?.getTime() ?? Infinity))
    .slice(0, limit);
}
