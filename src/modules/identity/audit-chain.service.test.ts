/**
 * The audit chain linker against the real database: seq order, rolled-back gaps stepped over after
 * the timeout, a transaction that commits late, two linkers at once, appends that never wait for the
 * linker, and the job that the worker runs.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { createTestDatabase } from '../../../test/database.js';
import { entryHash } from '../../platform/audit/hash.js';
import { recordAudit } from '../../platform/audit/record.js';
import { fixedClock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { findChainHead, findUnlinkedAfter, tryLockLinker, writeLinks } from './audit-chain.repository.js';
import { AUDIT_CHAIN_JOB, createAuditChainLinker } from './audit-chain.service.js';
import { identityModule } from './index.js';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-02T02:00:00Z');

const append = (executor: Db, action = 'test.appended', details: Record<string, unknown> = {}) =>
  recordAudit(executor, { actorKind: 'system', action, details }, clock.now());

const rows = () =>
  db
    .selectFrom('audit_log')
    .select(['seq', 'id', 'content_hash', 'prev_hash', 'entry_hash', 'linked_at'])
    .orderBy('seq')
    .execute();

/** Every linked entry chains to the linked entry before it; returns the linked seqs. */
async function assertChained(): Promise<number[]> {
  let prev: Buffer | null = null;
  const seqs: number[] = [];
  for (const r of await rows()) {
    if (!r.entry_hash) continue;
    assert.deepEqual(r.prev_hash, prev, `prev_hash of seq ${r.seq}`);
    const expected: Buffer = createHash('sha256')
      .update(prev ?? Buffer.alloc(0))
      .update(r.content_hash)
      .digest();
    assert.deepEqual(r.entry_hash, expected, `entry_hash of seq ${r.seq}`);
    prev = r.entry_hash;
    seqs.push(r.seq);
  }
  return seqs;
}

/** A transaction held open until release() is called; resolves `ready` once `work` has run in it. */
function openTransaction<T>(work: (trx: Db) => Promise<T>) {
  let release!: (commit: boolean) => void;
  const decided = new Promise<boolean>((r) => {
    release = r;
  });
  let ready!: (v: T) => void;
  const readyP = new Promise<T>((r) => {
    ready = r;
  });
  const done = db
    .transaction()
    .execute(async (trx) => {
      ready(await work(trx));
      if (!(await decided)) throw new Error('rolled back on purpose');
    })
    .catch((err: Error) => {
      if (err.message !== 'rolled back on purpose') throw err;
    });
  return { ready: readyP, release, done };
}

describe('audit chain linker', () => {
  it('links entries in seq order, entry_hash = sha256(prev ‖ content)', async () => {
    for (let i = 0; i < 7; i++) await append(db, 'test.ordered', { i, tên: 'Nguyễn Thị Thu Hà' });
    const linker = createAuditChainLinker({ db, clock }, { batchSize: 3 });
    const r = await linker.linkPending();
    assert.deepEqual(r, { linked: 7, busy: false, waitingFor: null });
    const seqs = await assertChained();
    assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6, 7]);
    const first = (await rows())[0]!;
    assert.equal(first.prev_hash, null, 'the first entry chains to nothing');
    assert.equal(first.linked_at?.getTime(), clock.now().getTime());
    assert.deepEqual((await linker.linkPending()).linked, 0, 'nothing left to link');
  });

  it('waits at the gap of a rolled-back transaction, then steps over it after the timeout', async () => {
    await append(db, 'test.before_gap');
    const rolledBack = openTransaction((trx) => append(trx, 'test.rolled_back'));
    await rolledBack.ready;
    rolledBack.release(false);
    await rolledBack.done;
    const afterId = await append(db, 'test.after_gap');
    const linker = createAuditChainLinker({ db, clock }, { gapTimeoutMs: 5_000 });

    const first = await linker.linkPending();
    assert.equal(first.linked, 1, 'the entry before the gap');
    assert.notEqual(first.waitingFor, null);
    const gapSeq = first.waitingFor as number;
    const after = await db
      .selectFrom('audit_log')
      .select(['seq', 'entry_hash'])
      .where('id', '=', afterId)
      .executeTakeFirstOrThrow();
    assert.equal(after.seq, gapSeq + 1);
    assert.equal(after.entry_hash, null, 'not linked while the gap may still fill');

    clock.advance(4_000);
    assert.deepEqual(await linker.linkPending(), { linked: 0, busy: false, waitingFor: gapSeq });
    clock.advance(1_000);
    assert.deepEqual(await linker.linkPending(), { linked: 1, busy: false, waitingFor: null });
    const seqs = await assertChained();
    assert.ok(!seqs.includes(gapSeq));
    assert.ok(seqs.includes(after.seq));
  });

  it('links a concurrent writer’s entry when its transaction commits after a later one', async () => {
    const slow = openTransaction((trx) => append(trx, 'test.slow_writer'));
    const slowId = await slow.ready;
    const fastId = await append(db, 'test.fast_writer');
    const linker = createAuditChainLinker({ db, clock }, { gapTimeoutMs: 60_000 });
    const waiting = await linker.linkPending();
    assert.equal(waiting.linked, 0);
    assert.notEqual(waiting.waitingFor, null, 'stops at the open transaction’s seq');

    slow.release(true);
    await slow.done;
    assert.deepEqual(await linker.linkPending(), { linked: 2, busy: false, waitingFor: null });
    const linked = await db
      .selectFrom('audit_log')
      .select(['id', 'seq'])
      .where('id', 'in', [slowId, fastId])
      .where('entry_hash', 'is not', null)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      linked.map((r) => r.id),
      [slowId, fastId],
      'linked in seq order, the slow one first',
    );
    await assertChained();
  });

  it('does nothing while another linker holds the lock', async () => {
    await append(db, 'test.locked_out');
    const holder = openTransaction((trx) => tryLockLinker(trx));
    assert.equal(await holder.ready, true);
    const r = await createAuditChainLinker({ db, clock }).linkPending();
    assert.deepEqual(r, { linked: 0, busy: true, waitingFor: null });
    holder.release(true);
    await holder.done;
    assert.equal((await createAuditChainLinker({ db, clock }).linkPending()).linked, 1);
  });

  it('never double-links when two linkers run at once', async () => {
    const before = (await assertChained()).length;
    for (let i = 0; i < 120; i++) await append(db, 'test.concurrent', { i });
    const a = createAuditChainLinker({ db, clock }, { batchSize: 7 });
    const b = createAuditChainLinker({ db, clock }, { batchSize: 5 });
    let linked = 0;
    for (let round = 0; round < 60 && linked < 120; round++) {
      const [ra, rb] = await Promise.all([a.linkPending(), b.linkPending()]);
      linked += ra.linked + rb.linked;
    }
    assert.equal(linked, 120, 'each entry linked exactly once');
    assert.equal((await assertChained()).length, before + 120);
  });

  it('never makes an append wait for the linker', async () => {
    // A linker in the middle of a batch: lock held, links written to the rows, transaction open.
    for (let i = 0; i < 3; i++) await append(db, 'test.mid_batch');
    const linking = openTransaction(async (trx) => {
      assert.equal(await tryLockLinker(trx), true);
      const head = await findChainHead(trx);
      const pending = await findUnlinkedAfter(trx, head?.seq ?? 0, 100);
      let prev = head?.entry_hash ?? null;
      const links = pending.map((r) => {
        const link = { seq: r.seq, prevHash: prev, entryHash: entryHash(prev, r.content_hash) };
        prev = link.entryHash;
        return link;
      });
      await writeLinks(trx, links, clock.now());
      return links.length;
    });
    assert.equal(await linking.ready, 3);
    const started = Date.now();
    const id = await append(db, 'test.while_linking');
    const took = Date.now() - started;
    linking.release(true);
    await linking.done;
    assert.ok(took < 1_000, `append took ${took} ms while the linker held its lock`);
    assert.ok(await db.selectFrom('audit_log').select('seq').where('id', '=', id).executeTakeFirst());
    assert.equal((await createAuditChainLinker({ db, clock }).linkPending()).linked, 1);
    await assertChained();
  });
});

describe('the linker job', () => {
  it('is one of identity’s jobs, runs at worker start and links within seconds', async () => {
    const { ctx } = await buildTestApp({ worker: true });
    const defs = identityModule.jobs?.(ctx) ?? [];
    const job = defs.find((d) => d.name === AUDIT_CHAIN_JOB);
    assert.ok(job, 'identity defines the linker job');
    assert.equal(job.cron, '* * * * *');
    assert.equal(job.runAtStart, true);

    const id = await recordAudit(ctx.db, { actorKind: 'system', action: 'test.job_linked' }, new Date());
    const deadline = Date.now() + 15_000;
    let linkedAt: Date | null = null;
    while (Date.now() < deadline && !linkedAt) {
      await new Promise((r) => setTimeout(r, 250));
      const row = await ctx.db
        .selectFrom('audit_log')
        .select('linked_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      linkedAt = row.linked_at;
    }
    assert.ok(linkedAt, 'linked by the worker within 15 s');
  });
});
