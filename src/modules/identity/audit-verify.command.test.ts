/** `motcua audit verify` as a person runs it: the real CLI process, its output and its exit code. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { systemClock } from '../../platform/clock.js';
import { createAuditChainLinker } from './audit-chain.service.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const motcua = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('motcua audit verify (CLI)', () => {
  it('lists the command in its usage', () => {
    const r = motcua(['help'], {});
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^ {2}audit verify \[--json\]/m);
  });

  it('exits 0 on an intact chain and 1 once a row was changed, naming its seq', async () => {
    const { db, url } = await createTestDatabase();
    for (let i = 0; i < 5; i++)
      await recordAudit(db, { actorKind: 'system', action: 'test.cli', details: { i } }, new Date());
    await createAuditChainLinker({ db, clock: systemClock }).linkPending();

    const intact = motcua(['audit', 'verify'], { DATABASE_URL: url });
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(intact.stdout, /Kết quả \/ result: NGUYÊN VẸN \/ INTACT/);
    assert.doesNotMatch(intact.stdout, /database is up to date/);

    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`update audit_log set details = '{"i": 99}' where seq = 3`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);

    const broken = motcua(['audit', 'verify'], { DATABASE_URL: url });
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /CHUỖI BỊ PHÁ VỠ \/ CHAIN BROKEN at seq 3/);
    const json = motcua(['audit', 'verify', '--json'], { DATABASE_URL: url, LOG_LEVEL: 'info' });
    assert.equal(json.status, 1);
    const report = JSON.parse(json.stdout) as { intact: boolean; broken: { seq: number; kind: string } };
    assert.equal(report.intact, false);
    assert.deepEqual([report.broken.seq, report.broken.kind], [3, 'content_changed']);
  });

  it('explains a wrong subcommand', () => {
    const r = motcua(['audit', 'check'], {});
    assert.equal(r.status, 1);
    assert.match(r.stderr, /usage: motcua audit verify \[--json\]/);
  });
});
