/** `motcua units import`: what it prints, the report it writes, and a second run that changes nothing. */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import { fixedClock } from '../../platform/clock.js';
import { runUnitsImportCommand } from './units-import.command.js';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-05-01T03:00:00Z');
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-units-'));
after(() => fs.rm(dir, { recursive: true, force: true }));

describe('motcua units import', () => {
  const printed: string[] = [];
  const reportFile = path.join(dir, 'out', 'report.json');

  it('prints the counts per edition and the anomalies by kind, and writes the full report', async () => {
    const result = await runUnitsImportCommand(
      { db, clock },
      { report: reportFile, print: (l) => printed.push(l) },
    );
    const text = printed.join('\n');
    assert.match(
      text,
      /pre-reform\s+63 tỉnh \/ 696 huyện \/ 10,035 xã \(ward 1,726, township 617, commune 7,692\)/,
    );
    assert.match(text, /reform 2025\s+34 tỉnh \/ 3,321 xã \(ward 687, commune 2,621, special_zone 13\)/);
    assert.match(text, /update 2026\s+34 tỉnh \/ 3,321 xã \(ward 697, commune 2,611, special_zone 13\)/);
    assert.match(text, /10,571 edges \(9,601 whole, 970 partial\), 1 alias/);
    assert.match(text, /inserted 28,054, updated 0, deleted 0, unchanged 0; import [0-9a-f-]{36}/);
    assert.match(text, /code_conflict\s+1\n/);
    assert.match(text, /wrong_old_code\s+3\n/);
    assert.match(text, /Bất thường \/ anomalies: 3,497 \(error 0, /);
    assert.equal(result.reportPath, reportFile);
    const report = JSON.parse(await fs.readFile(reportFile, 'utf8'));
    assert.equal(report.anomalies.length, 3497);
    assert.equal(report.anomalyCounts.byKind.code_conflict, 1);
    assert.deepEqual(report.counts.preReform.communes, 10035);
    console.log(`first import: ${JSON.stringify(result.timings)}`);
  });

  it('a second run changes nothing and records nothing', async () => {
    const lines: string[] = [];
    const result = await runUnitsImportCommand({ db, clock }, { print: (l) => lines.push(l) });
    assert.deepEqual(result.outcome.totals, { inserted: 0, updated: 0, deleted: 0, unchanged: 28054 });
    assert.equal(result.outcome.recorded, false);
    assert.match(lines.join('\n'), /nothing to change, nothing recorded/);
    const runs = await db.selectFrom('admin_unit_imports').select('id').execute();
    assert.equal(runs.length, 1);
    console.log(`second import: ${JSON.stringify(result.timings)}`);
  });

  it('fails clearly on a folder without the source files', async () => {
    await assert.rejects(runUnitsImportCommand({ db, clock }, { dir, print: () => {} }), /ENOENT/);
  });
});
