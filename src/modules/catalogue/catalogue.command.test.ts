/** The CLI's import and export, and the demo seed (imports once, then only checks). */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.js';
import { fixedClock } from '../../platform/clock.js';
import type { AppContext } from '../../platform/module.js';
import { runCatalogueImport } from './catalogue.command.js';
import { catalogueModule } from './index.js';

const { db } = await createTestDatabase();
const clock = fixedClock(new Date('2026-08-01T02:00:00Z'));

describe('motcua catalogue import', () => {
  it('prints a summary that adds up and writes the report of every failed or partly parsed record', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalogue-'));
    const file = path.join(dir, 'two.json');
    const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
    await fs.writeFile(
      file,
      JSON.stringify([
        {
          ma_thu_tuc: '1.000001',
          ten_thu_tuc: 'Thủ tục thử',
          cap_thuc_hien: 'Cấp xã',
          cach_thuc_thuc_hien: `${H}Trực tiếp1Miễn phí`,
        },
        { ma_thu_tuc: 'x', ten_thu_tuc: 'Sai mã' },
      ]),
    );
    const lines: string[] = [];
    const out = await runCatalogueImport(
      { db, clock },
      { file, report: path.join(dir, 'r.json'), print: (l) => lines.push(l) },
    );
    assert.deepEqual([out.summary.imported, out.summary.failed, out.summary.partlyParsed], [1, 1, 1]);
    assert.ok(lines.some((l) => l.includes('= 1 + 0 + 0 + 1 = 2')));
    const report = JSON.parse(await fs.readFile(path.join(dir, 'r.json'), 'utf8'));
    assert.deepEqual(
      report.records.map((r: { code: string; outcome: string }) => [r.code, r.outcome]),
      [
        ['1.000001', 'imported'],
        ['x', 'failed'],
      ],
    );
    await assert.rejects(
      runCatalogueImport({ db, clock }, { file: path.join(dir, 'missing.json'), print: () => {} }),
      /Không đọc được tệp \/ cannot read the file/,
    );
  });
});

describe('demo seed', () => {
  it('imports the shipped records into an empty catalogue, and only checks on later starts', async () => {
    const fresh = await createTestDatabase();
    const ctx = { db: fresh.db, clock, log: { info: () => {} } } as unknown as AppContext;
    await catalogueModule.demoSeed?.(ctx);
    const n =
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalogue_procedures`.execute(fresh.db))
        .rows[0]?.n ?? 0;
    assert.ok(n > 500, `${n} procedures`);
    const t0 = performance.now();
    await catalogueModule.demoSeed?.(ctx);
    assert.ok(performance.now() - t0 < 1000);
    assert.equal(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalogue_procedures`.execute(fresh.db))
        .rows[0]?.n,
      n,
    );
  });
});
