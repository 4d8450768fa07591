/**
 * The audit chain linker (liên kết chuỗi nhật ký). recordAudit only inserts, so requests never queue
 * behind one another; this links the entries into the hash chain afterwards, in seq order:
 * entry_hash = sha256(previous entry_hash ‖ content_hash).
 *
 * seq comes from an identity column, taken at insert but visible only at commit, so seq 10 may be
 * visible while seq 9's transaction is still open. The linker therefore links only a contiguous run
 * after the chain's head and stops at a gap. A gap still open after GAP_TIMEOUT_MS is taken for a
 * rolled-back transaction (identity values are not given back on rollback) and stepped over: nothing
 * is recorded for it. Should that seq commit later all the same, its entry stays unlinked, and
 * `motcua audit verify` lists it among the entries left unlinked.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { entryHash } from '../../platform/audit/hash.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { defineJob } from '../../platform/jobs.js';
import {
  findChainHead,
  findUnlinkedAfter,
  type Link,
  tryLockLinker,
  writeLinks,
} from './audit-chain.repository.js';

export const AUDIT_CHAIN_JOB = 'identity.audit_chain';
export const GAP_TIMEOUT_MS = 30_000;
const BATCH = 500;

export interface LinkerOptions {
  gapTimeoutMs?: number;
  batchSize?: number;
}

export interface LinkerJobOptions extends LinkerOptions {
  /** How often to link within one run (LINK_EVERY_MS). */
  everyMs?: number;
  /** How long one run lasts (just under the cron's minute). */
  runForMs?: number;
}

export interface LinkResult {
  linked: number;
  /** Another linker held the lock: nothing was done. */
  busy: boolean;
  /** The first missing seq the linker is waiting for, if it stopped at a gap. */
  waitingFor: number | null;
}

export type AuditChainLinker = ReturnType<typeof createAuditChainLinker>;

export function createAuditChainLinker(ctx: { db: Db; clock: Clock }, opts: LinkerOptions = {}) {
  const gapTimeoutMs = opts.gapTimeoutMs ?? GAP_TIMEOUT_MS;
  const batchSize = opts.batchSize ?? BATCH;
  /** When this process first saw each gap (by its first missing seq). */
  const gapSeenAt = new Map<number, number>();

  /** Whether the gap that starts at `missing` is old enough to be a rolled-back seq. */
  const gapExpired = (missing: number, now: number): boolean => {
    const seen = gapSeenAt.get(missing);
    if (seen === undefined) {
      gapSeenAt.set(missing, now);
      return false;
    }
    return now - seen >= gapTimeoutMs;
  };

  /** One batch in one transaction under the advisory lock. */
  const linkBatch = (): Promise<LinkResult & { full: boolean }> =>
    ctx.db.transaction().execute(async (trx) => {
      if (!(await tryLockLinker(trx))) return { linked: 0, busy: true, waitingFor: null, full: false };
      const head = await findChainHead(trx);
      const rows = await findUnlinkedAfter(trx, head?.seq ?? 0, batchSize);
      const now = ctx.clock.now();
      let prev = head?.entry_hash ?? null;
      let expected = (head?.seq ?? 0) + 1;
      let waitingFor: number | null = null;
      const links: Link[] = [];
      for (const row of rows) {
        if (row.seq !== expected && !gapExpired(expected, now.getTime())) {
          waitingFor = expected;
          break;
        }
        const link = entryHash(prev, row.content_hash);
        links.push({ seq: row.seq, prevHash: prev, entryHash: link });
        prev = link;
        expected = row.seq + 1;
      }
      await writeLinks(trx, links, now);
      for (const seq of gapSeenAt.keys()) if (seq < expected) gapSeenAt.delete(seq);
      return {
        linked: links.length,
        busy: false,
        waitingFor,
        full: rows.length === batchSize && !waitingFor,
      };
    });

  return {
    /** Links everything linkable now, batch after batch. */
    async linkPending(): Promise<LinkResult> {
      let linked = 0;
      for (;;) {
        const r = await linkBatch();
        linked += r.linked;
        if (!r.full) return { linked, busy: r.busy, waitingFor: r.waitingFor };
      }
    },
  };
}

/** How often the linker runs within a minute, and how long one cron run lasts. */
export const LINK_EVERY_MS = 2_000;
const RUN_FOR_MS = 55_000;

/**
 * pg-boss cron fires at most once a minute, so the job fires each minute and then links every
 * LINK_EVERY_MS until just before the next run (a worker-side timer would need a hook in every
 * worker process; the job already runs only where jobs are worked, and pg-boss gives each minute's
 * run to one worker). It also runs once when a worker starts, so linking does not wait for the first
 * tick. It ends early when the job system stops (shutdown, end of a test). Overlapping
 * runs are harmless: each batch takes the advisory lock.
 */
export function auditChainJob(ctx: { db: Db; clock: Clock }, opts: LinkerJobOptions = {}) {
  const linker = createAuditChainLinker(ctx, opts);
  return defineJob<Record<string, never>>({
    name: AUDIT_CHAIN_JOB,
    cron: '* * * * *',
    runAtStart: true,
    retryLimit: 0,
    handler: async (_data, { log, signal }) => {
      const until = Date.now() + (opts.runForMs ?? RUN_FOR_MS);
      while (!signal.aborted && Date.now() < until) {
        // A failed round (database restarting, say) must not end the minute's run: try again shortly.
        try {
          const r = await linker.linkPending();
          if (r.linked > 0) log.debug({ linked: r.linked }, 'audit entries linked');
        } catch (err) {
          log.error({ err }, 'audit chain linking failed');
        }
        await sleep(opts.everyMs ?? LINK_EVERY_MS, undefined, { signal }).catch(() => undefined);
      }
    },
  });
}
