/**
 * `motcua audit verify` (kiểm tra chuỗi nhật ký): walks the linked audit entries in seq order, a
 * keyset page at a time, recomputes each entry's content hash from its stored fields and its link
 * from the previous one, and stops at the first break. Separately it lists the entries still unlinked
 * a minute after they were written (the linker is down, or a transaction committed after the linker
 * had stepped over its seq). What it cannot see: entries removed from the end of the chain, or a
 * chain rewritten from some entry on; compare the head it prints with one noted earlier for that.
 */

import { contentHash, entryHash } from '../../platform/audit/hash.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import {
  type AuditRow,
  countUnlinkedBefore,
  findLinkedPage,
  findUnlinkedBefore,
} from './audit-chain.repository.js';

/** What is wrong at the first broken link. */
export type BreakKind =
  /** The entry's fields no longer give its content hash: someone changed the entry. */
  | 'content_changed'
  /** The entry's link does not follow from its own prev_hash and content hash, or does not chain to the entry before it. */
  | 'link_broken'
  /** The entry chains to an entry that is no longer there: one or more entries before it were removed. */
  | 'entry_missing';

export interface ChainBreak {
  kind: BreakKind;
  seq: number;
  id: string;
  /** The linked entry before it, if any. */
  previousSeq: number | null;
}

export interface UnlinkedEntry {
  seq: number;
  id: string;
  at: Date;
  action: string;
}

export interface VerifyReport {
  intact: boolean;
  /** Linked entries checked (up to and including the broken one). */
  checked: number;
  firstSeq: number | null;
  /** The last entry checked: the chain's head when intact. */
  lastSeq: number | null;
  headHash: string | null;
  broken: ChainBreak | null;
  /** Entries unlinked for longer than the allowance (the first few of them), and how many there are. */
  unlinked: UnlinkedEntry[];
  unlinkedTotal: number;
  checkedAt: Date;
}

export interface VerifyOptions {
  pageSize?: number;
  /** How long an entry may wait for the linker before it is reported (one minute). */
  unlinkedAfterMs?: number;
  /** How many unlinked entries to list (all are counted). */
  unlinkedListed?: number;
}

export const UNLINKED_AFTER_MS = 60_000;

/** The content hash the entry would have had when recordAudit wrote it, from its stored row. */
export function rowContentHash(row: AuditRow): Buffer {
  return contentHash({
    id: row.id,
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    agencyId: row.agency_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    details: row.details,
    ip: row.ip,
  });
}

const same = (a: Buffer | null, b: Buffer | null) => (a === null || b === null ? a === b : a.equals(b));

/** The first thing wrong with one linked entry, given the entry linked before it. */
export function checkEntry(
  row: AuditRow,
  previous: { seq: number; entryHash: Buffer } | null,
): BreakKind | null {
  if (!rowContentHash(row).equals(row.content_hash)) return 'content_changed';
  if (!row.entry_hash || !entryHash(row.prev_hash, row.content_hash).equals(row.entry_hash))
    return 'link_broken';
  if (same(row.prev_hash, previous?.entryHash ?? null)) return null;
  // It chains to something else: an entry in the seq gap before it was there once and is gone.
  const gapBefore = previous ? row.seq > previous.seq + 1 : row.seq > 1;
  return gapBefore ? 'entry_missing' : 'link_broken';
}

export async function verifyAuditChain(
  ctx: { db: Db; clock: Clock },
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const pageSize = opts.pageSize ?? 1000;
  const checkedAt = ctx.clock.now();
  let previous: { seq: number; entryHash: Buffer } | null = null;
  let checked = 0;
  let firstSeq: number | null = null;
  let broken: ChainBreak | null = null;
  walk: for (;;) {
    const rows = await findLinkedPage(ctx.db, previous?.seq ?? 0, pageSize);
    for (const row of rows) {
      checked += 1;
      firstSeq ??= row.seq;
      const kind = checkEntry(row, previous);
      if (kind) {
        broken = { kind, seq: row.seq, id: row.id, previousSeq: previous?.seq ?? null };
        break walk;
      }
      previous = { seq: row.seq, entryHash: row.entry_hash as Buffer };
    }
    if (rows.length < pageSize) break;
  }
  const before = new Date(checkedAt.getTime() - (opts.unlinkedAfterMs ?? UNLINKED_AFTER_MS));
  const unlinked = await findUnlinkedBefore(ctx.db, before, opts.unlinkedListed ?? 20);
  const unlinkedTotal = unlinked.length > 0 ? await countUnlinkedBefore(ctx.db, before) : 0;
  return {
    intact: broken === null && unlinkedTotal === 0,
    checked,
    firstSeq,
    lastSeq: broken ? broken.seq : (previous?.seq ?? null),
    headHash: broken ? null : (previous?.entryHash.toString('hex') ?? null),
    broken,
    unlinked,
    unlinkedTotal,
    checkedAt,
  };
}

const BREAK_TEXT: Record<BreakKind, string> = {
  content_changed:
    'nội dung bản ghi đã bị sửa / content changed: the stored fields no longer give the entry’s content hash',
  link_broken: 'mắt xích bị phá / link broken: the entry’s link does not follow from the entry before it',
  entry_missing:
    'thiếu bản ghi / entry missing: the entry chains to an earlier entry that is no longer there',
};

const n = (x: number) => x.toLocaleString('en-US');
const vnTime = (d: Date) =>
  `${new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(d)} (+07)`;

/** The report as a person at a terminal reads it, Vietnamese and English on each line. */
export function formatVerifyReport(r: VerifyReport): string[] {
  const lines = [`Kiểm tra chuỗi nhật ký / audit chain verification, ${vnTime(r.checkedAt)}`];
  const range = r.firstSeq === null ? '' : ` (seq ${r.firstSeq}–${r.lastSeq})`;
  lines.push(`  Đã kiểm tra / checked: ${n(r.checked)} bản ghi đã liên kết / linked entries${range}`);
  if (r.broken) {
    const b = r.broken;
    lines.push(`  ✗ CHUỖI BỊ PHÁ VỠ / CHAIN BROKEN at seq ${b.seq} (id ${b.id})`);
    lines.push(`    ${BREAK_TEXT[b.kind]}`);
    if (b.previousSeq !== null)
      lines.push(`    bản ghi liên kết trước đó / previous linked entry: seq ${b.previousSeq}`);
  } else {
    lines.push('  ✓ Chuỗi nguyên vẹn / chain intact');
    if (r.headHash) lines.push(`    đầu chuỗi / head: seq ${r.lastSeq} ${r.headHash}`);
  }
  if (r.unlinkedTotal === 0) {
    lines.push('  ✓ Không có bản ghi chờ liên kết quá 1 phút / no entry unlinked for more than a minute');
  } else {
    lines.push(
      `  ✗ ${n(r.unlinkedTotal)} bản ghi chưa liên kết sau hơn 1 phút / entries unlinked for more than a minute:`,
    );
    for (const u of r.unlinked) lines.push(`    seq ${u.seq}  ${vnTime(u.at)}  ${u.action}  ${u.id}`);
    if (r.unlinkedTotal > r.unlinked.length)
      lines.push(`    … và ${n(r.unlinkedTotal - r.unlinked.length)} bản ghi khác / and more`);
  }
  lines.push(
    r.intact
      ? 'Kết quả / result: NGUYÊN VẸN / INTACT'
      : `Kết quả / result: ${r.broken ? 'BỊ PHÁ VỠ / BROKEN' : 'CHƯA LIÊN KẾT ĐỦ / NOT FULLY LINKED'}`,
  );
  return lines;
}

/** The report as JSON (`--json`): hashes in hex, times in ISO 8601. */
export function verifyReportJson(r: VerifyReport) {
  return {
    intact: r.intact,
    checked: r.checked,
    firstSeq: r.firstSeq,
    lastSeq: r.lastSeq,
    headHash: r.headHash,
    broken: r.broken,
    unlinked: r.unlinked.map((u) => ({ ...u, at: u.at.toISOString() })),
    unlinkedTotal: r.unlinkedTotal,
    checkedAt: r.checkedAt.toISOString(),
  };
}

/** The command: prints the report and says whether the chain is intact (exit code 0) or not (1). */
export async function runAuditVerifyCommand(
  ctx: { db: Db; clock: Clock },
  opts: { json?: boolean; print?: (line: string) => void } = {},
): Promise<{ report: VerifyReport; exitCode: 0 | 1 }> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const report = await verifyAuditChain(ctx);
  if (opts.json) print(JSON.stringify(verifyReportJson(report), null, 2));
  else for (const line of formatVerifyReport(report)) print(line);
  return { report, exitCode: report.intact ? 0 : 1 };
}
