/**
 * The desk's work list: which centres the officer's one_stop grants cover (an agency and those under
 * it), what the one search box means (a dossier code typed or scanned from the slip's barcode, an ID
 * or phone number, or a name typed without diacritics), and the keyset page.
 */
import type { Db } from '../../../../platform/db/database.js';
import type { Principal } from '../../../../platform/http/access.js';
import { coversAgency, loadAgencyTree } from '../../../identity/index.js';
import { isDossierCode } from '../../dossier-code.js';
import { nameKey } from '../../person-input.js';
import {
  countDesk,
  type DeskCursor,
  type DeskFilter,
  type DeskRow,
  selectDeskPage,
} from './desk.repository.js';

export const PAGE_SIZE = 50;
export const COUNT_CAP = 500;

export interface DeskQuery {
  q: string;
  status: string;
  channel: string;
  procedureCode: string;
  after: string;
}

export interface DeskPage {
  rows: DeskRow[];
  next: string | null;
  /** Matches counted up to COUNT_CAP + 1: more than COUNT_CAP shows "hơn 500". */
  count: number;
  agencyNames: string[];
}

/** The agencies whose desk the officer staffs: one_stop grants and every agency under them. */
export async function deskAgencies(db: Db, principal: Principal) {
  const tree = await loadAgencyTree(db);
  const grants = principal.kind === 'officer' ? principal.grants : [];
  const ids = tree.ids.filter((id) => coversAgency(grants, id, tree.ancestorsOf, ['one_stop']));
  const names = grants.filter((g) => g.role === 'one_stop').map((g) => tree.nameOf(g.agencyId) ?? g.agencyId);
  return { ids, names };
}

/** What the search box holds: a code, digits (ID or phone number), or a name. */
export function readSearch(raw: string): DeskFilter['search'] {
  const q = raw.normalize('NFC').trim();
  if (q === '') return undefined;
  if (isDossierCode(q.toUpperCase())) return { code: q.toUpperCase() };
  const digits = q.replace(/[\s.()-]/g, '');
  if (/^\+?\d{6,15}$/.test(digits)) return { digits: digits.replace(/^\+84/, '0') };
  const key = nameKey(q);
  return key.length >= 2 ? { nameKey: key } : undefined;
}

const intIn = (v: string, lo: number, hi: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= lo && n <= hi ? n : undefined;
};

export function encodeCursor(r: DeskRow): string {
  return Buffer.from(JSON.stringify([r.grp, r.submitted_at.toISOString(), r.id])).toString('base64url');
}

function decodeCursor(s: string): DeskCursor | null {
  if (!s) return null;
  try {
    const [g, at, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [number, string, string];
    const when = new Date(at);
    if ((g !== 0 && g !== 1) || Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { group: g, submittedAt: when, id };
  } catch {
    return null;
  }
}

export function deskFilter(agencyIds: readonly string[], query: DeskQuery): DeskFilter {
  const code = query.procedureCode.trim();
  return {
    agencyIds,
    status: intIn(query.status, 1, 10),
    channel: intIn(query.channel, 1, 3),
    procedureCode: code || undefined,
    search: readSearch(query.q),
  };
}

export async function listDesk(db: Db, principal: Principal, query: DeskQuery): Promise<DeskPage> {
  const desk = await deskAgencies(db, principal);
  const filter = deskFilter(desk.ids, query);
  const [rows, count] = await Promise.all([
    selectDeskPage(db, filter, decodeCursor(query.after), PAGE_SIZE + 1),
    countDesk(db, filter, COUNT_CAP),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null,
    count,
    agencyNames: desk.names,
  };
}
