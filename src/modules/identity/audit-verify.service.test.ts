/**
 * `motcua audit verify` against the real database: an intact chain (with content that must survive
 * the round trip through timestamptz, jsonb and inet), a row changed and a row deleted behind the
 * append-only trigger's back (as the database owner), a forged link, and an entry left unlinked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { fixedClock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { createAuditChainLinker } from './audit-chain.service.js';
import {
  formatVerifyReport,
  rowContentHash,
  runAuditVerifyCommand,
  verifyAuditChain,
} from './audit-verify.service.js';

const AGENCY = '0192F0A1-7C2B-7D3E-8F40-123456789ABC';

/** Ten entries whose content exercises every conversion the database does on the way back. */
async function writeChain(db: Db, clock: ReturnType<typeof fixedClock>) {
  const ids: string[] = [];
  const entries = [
    { actorKind: 'officer' as const, actorId: 'o-1', actorLabel: 'motcua.thanhtra', action: 'auth.login' },
    {
      actorKind: 'anonymous' as const,
      actorLabel: 'khong.ton.tai',
      action: 'auth.login_failed',
      details: { reason: 'unknown_user' },
      ip: '::ffff:203.113.7.9',
    },
    {
      actorKind: 'officer' as const,
      action: 'officer.updated',
      agencyId: AGENCY,
      objectType: 'officer',
      objectId: 'o-2',
      details: {
        z: 1,
        a: [1, 2.5, -0, 1e21, null, 'Phạm Văn Quang'],
        nested: { when: new Date('2026-11-02T09:30:00.123Z'), none: undefined, empty: {} },
        'khóa có dấu': 'Ủy ban nhân dân phường Hạ Long',
      },
      ip: '2001:DB8:0:0:0:0:0:1',
    },
    { actorKind: 'system' as const, action: 'audit.searched', ip: '010.001.002.003' },
  ];
  for (let i = 0; i < 10; i++) {
    const e = entries[i % entries.length]!;
    // Sub-millisecond parts are dropped as PostgreSQL keeps them.
    ids.push(await recordAudit(db, e, new Date(clock.now().getTime() + i * 1001 + 0.6)));
  }
  await createAuditChainLinker({ db, clock }).linkPending();
  return ids;
}

async function tamper(db: Db, change: (db: Db) => Promise<unknown>) {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  try {
    await change(db);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
  }
}

describe('motcua audit verify', () => {
  it('passes an intact chain, walking it a keyset page at a time', async () => {
    const { db } = await createTestDatabase();
    const clock = fixedClock('2026-11-02T02:00:00Z');
    await writeChain(db, clock);
    const report = await verifyAuditChain({ db, clock }, { pageSize: 3 });
    assert.equal(report.intact, true, JSON.stringify(report.broken));
    assert.equal(report.checked, 10);
    assert.deepEqual([report.firstSeq, report.lastSeq], [1, 10]);
    assert.match(report.headHash ?? '', /^[0-9a-f]{64}$/);
    const lines: string[] = [];
    const { exitCode } = await runAuditVerifyCommand({ db, clock }, { print: (l) => lines.push(l) });
    assert.equal(exitCode, 0);
    const text = lines.join('\n');
    assert.match(text, /Đã kiểm tra \/ checked: 10 bản ghi đã liên kết \/ linked entries \(seq 1–10\)/);
    assert.match(text, /Chuỗi nguyên vẹn \/ chain intact/);
    assert.match(text, /Kết quả \/ result: NGUYÊN VẸN \/ INTACT$/);
  });

  it('an empty log is intact', async () => {
    const { db } = await createTestDatabase();
    const report = await verifyAuditChain({ db, clock: fixedClock('2026-11-02T02:00:00Z') });
    assert.equal(report.intact, true);
    assert.equal(report.checked, 0);
  });

  it('finds a row whose details were changed, at its seq', async () => {
    const { db } = await createTestDatabase();
    const clock = fixedClock('2026-11-02T02:00:00Z');
    const ids = await writeChain(db, clock);
    await tamper(db, (d) =>
      d
        .updateTable('audit_log')
        .set({ details: JSON.stringify({ reason: 'wrong_password' }) })
        .where('id', '=', ids[5]!)
        .execute(),
    );
    const lines: string[] = [];
    const { report, exitCode } = await runAuditVerifyCommand({ db, clock }, { print: (l) => lines.push(l) });
    assert.equal(exitCode, 1);
    assert.deepEqual(report.broken, { kind: 'content_changed', seq: 6, id: ids[5], previousSeq: 5 });
    assert.equal(report.checked, 6, 'stops at the first break');
    const text = lines.join('\n');
    assert.match(text, new RegExp(`CHUỖI BỊ PHÁ VỠ / CHAIN BROKEN at seq 6 \\(id ${ids[5]}\\)`));
    assert.match(text, /nội dung bản ghi đã bị sửa \/ content changed/);
    assert.match(text, /Kết quả \/ result: BỊ PHÁ VỠ \/ BROKEN/);
  });

  it('finds a deleted row: the next entry chains to an entry that is gone', async () => {
    const { db } = await createTestDatabase();
    const clock = fixedClock('2026-11-02T02:00:00Z');
    const ids = await writeChain(db, clock);
    await tamper(db, (d) => d.deleteFrom('audit_log').where('seq', '=', 4).execute());
    const report = await verifyAuditChain({ db, clock });
    assert.deepEqual(report.broken, { kind: 'entry_missing', seq: 5, id: ids[4], previousSeq: 3 });
    assert.match(formatVerifyReport(report).join('\n'), /thiếu bản ghi \/ entry missing/);
  });

  it('finds the first entry deleted', async () => {
    const { db } = await createTestDatabase();
    const clock = fixedClock('2026-11-02T02:00:00Z');
    const ids = await writeChain(db, clock);
    await tamper(db, (d) => d.deleteFrom('audit_log').where('seq', '=', 1).execute());
    const report = await verifyAuditChain({ db, clock });
    assert.deepEqual(report.broken, { kind: 'entry_missing', seq: 2, id: ids[1], previousSeq: null });
  });

  it('finds a content change whose content hash was recomputed to match', async () => {
    const { db } = await createTestDatabase();
    const clock = fixedClock('2026-11-02T02:00:00Z');
    await writeChain(db, clock);
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const forged = { ...row, details: { reason: 'đã sửa' } };
    await tamper(db, (d) =>
      d
        .updateTable('audit_log')
        .set({ details: JSON.stringify(forged.details), content_hash: rowContentHash(forged) })
        .where('seq', '=', 3)
        .execute(),
    );
    const report = await verifyAuditChain({ db, clock });
    assert.deepEqual(report.broken, { kind: 'link_broken', seq: 3, id: row.id, previousSeq: 2 });
  });

  it('finds a forged link', async () => {
    const { db } = await createTestDatabase();
    const clock = fixedClock('2026-11-02T02:00:00Z');
    await writeChain(db, clock);
    await tamper(db, (d) =>
      d
        .updateTable('audit_log')
        .set({ entry_hash: Buffer.alloc(32, 7) })
        .where('seq', '=', 8)
        .execute(),
    );
    const report = await verifyAuditChain({ db, clock });
    assert.equal(report.broken?.kind, 'link_broken');
    assert.equal(report.broken?.seq, 8);
  });

  it('reports entries left unlinked for more than a minute, and only those', async () => {
    const { db } = await createTestDatabase();
    const clock = fixedClock('2026-11-02T02:00:00Z');
    await writeChain(db, clock);
    const old = await recordAudit(db, { actorKind: 'system', action: 'test.stuck' }, clock.now());
    clock.advance(90_000);
    await recordAudit(db, { actorKind: 'system', action: 'test.recent' }, clock.now());
    const lines: string[] = [];
    const { report, exitCode } = await runAuditVerifyCommand({ db, clock }, { print: (l) => lines.push(l) });
    assert.equal(report.broken, null, 'the linked part is intact');
    assert.equal(exitCode, 1);
    assert.equal(report.unlinkedTotal, 1);
    assert.deepEqual(
      report.unlinked.map((u) => [u.id, u.seq, u.action]),
      [[old, 11, 'test.stuck']],
    );
    const text = lines.join('\n');
    assert.match(text, /1 bản ghi chưa liên kết sau hơn 1 phút \/ entries unlinked for more than a minute/);
    assert.match(text, /seq 11 {2}2026-11-02 09:00:00 \(\+07\) {2}test\.stuck/);
    assert.match(text, /CHƯA LIÊN KẾT ĐỦ \/ NOT FULLY LINKED/);

    const json: string[] = [];
    await runAuditVerifyCommand({ db, clock }, { json: true, print: (l) => json.push(l) });
    const parsed = JSON.parse(json.join('\n'));
    assert.equal(parsed.intact, false);
    assert.equal(parsed.unlinked[0].at, '2026-11-02T02:00:00.000Z');
  });
});
