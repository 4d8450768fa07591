/** What the intake form offers: the applicant from the login claims, the communes, the centres, reusable documents. */
import type { Db } from '../../../../platform/db/database.js';
import { listAgencies, searchUnits, vietnamDate } from '../../../admin-units/index.js';
import { isPreparationNote, type ProcedureVersion } from '../../../catalogue/index.js';
import { listDocuments } from '../../data-store.service.js';
import * as repo from '../../dossiers.repository.js';
import type { DraftContent } from '../../drafts/draft.js';
import { nameKey } from '../../person-input.js';
import type { SlotView } from './intake.view.js';

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

type AccountRow = NonNullable<Awaited<ReturnType<typeof repo.selectAccount>>>;

/** Người nộp from a citizen account's VNeID claims (HoVaTen, SoDinhDanh, NoiOHienNay or ThuongTru …). */
export function applicantFromAccountRow(a: AccountRow): DraftContent['applicant'] {
  const c = obj(a.claims);
  const home = Object.keys(obj(c.NoiOHienNay)).length > 0 ? obj(c.NoiOHienNay) : obj(c.ThuongTru);
  const birth = a.birth_date as unknown;
  const birthDate =
    birth instanceof Date ? birth.toISOString().slice(0, 10) : str(birth).slice(0, 10) || str(c.NgaySinh);
  const filled = {
    name: str(c.HoVaTen) || a.full_name,
    idNumber: str(c.SoDinhDanh) || (a.account_type === 1 ? a.account_key : ''),
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : '',
    phone: a.notify_phone ?? str(c.SoDienThoai),
    email: a.notify_email ?? str(c.ThuDienTu),
    address: str(home.DiaChiDayDu) || str(c.NoiOHienNay) || str(c.ThuongTru),
    communeCode: str(home.MaXa),
  };
  return Object.fromEntries(Object.entries(filled).filter(([, v]) => v !== ''));
}

/** Người nộp prefilled from the logged-in citizen's account. */
export async function applicantFromAccount(db: Db, accountId: string): Promise<DraftContent['applicant']> {
  const a = await repo.selectAccount(db, accountId);
  return a ? applicantFromAccountRow(a) : {};
}

/** The communes of the provinces whose service centres are in the system, by name. */
export async function communesOffered(db: Db, now: Date) {
  const centres = await listAgencies(db, { kind: 'provincial_service_centre', limit: 50, at: now });
  const provinces = [...new Set(centres.items.flatMap((a) => a.units.filter((u) => /^\d{2}$/.test(u))))];
  const out: { code: string; name: string }[] = [];
  for (const province of provinces) {
    let after: string | undefined;
    do {
      const page = await searchUnits(db, {
        level: 'commune',
        parent: province,
        at: vietnamDate(now),
        limit: 100,
        after,
      });
      out.push(...page.items.map((u) => ({ code: u.code, name: u.fullName })));
      after = page.next ?? undefined;
    } while (after && out.length < 2000);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The province's service centres (provincial first), for the receiving-centre select. */
export async function centresOffered(db: Db, now: Date) {
  const [prov, communes] = await Promise.all([
    listAgencies(db, { kind: 'provincial_service_centre', limit: 50, at: now }),
    listAgencies(db, { kind: 'commune_service_centre', limit: 200, at: now }),
  ]);
  return [...prov.items, ...communes.items].map((a) => ({ id: a.id, name: a.name }));
}

/**
 * The case a document is needed in, when it says more than the document's name. The national
 * catalogue often repeats the name as the condition, sometimes cut off mid-word ("… về giấy tờ ch"):
 * shown twice, a long name becomes a wall of text on a phone.
 */
export function conditionBeyondName(name: string, condition: string | null): string | null {
  if (!condition?.trim()) return null;
  const key = (s: string) =>
    nameKey(s)
      .replace(/[^\p{L}\p{N} ]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const n = key(name);
  const c = key(condition);
  if (c === '' || n.includes(c)) return null;
  return condition.trim();
}

/** One slot per document a person brings; each with the data-store documents of the same name. */
export async function slotsOf(db: Db, version: ProcedureVersion, accountId: string): Promise<SlotView[]> {
  const docs = await listDocuments(db, accountId);
  return version.content.components
    .map((c, position) => ({ c, position }))
    .filter(({ c }) => !isPreparationNote(c))
    .map(({ c, position }) => ({
      position,
      name: c.name,
      requirement: c.requirement,
      conditionText: conditionBeyondName(c.name, c.conditionText),
      documents: docs
        .filter((d) => nameKey(d.name).startsWith(nameKey(c.name)))
        .map((d) => ({ id: d.id, name: d.name, code: d.code })),
    }));
}
