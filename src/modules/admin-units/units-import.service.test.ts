/** The import written to PostgreSQL: counts as the sources have them, the stored report, idempotence. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.js';
import { fixedClock } from '../../platform/clock.js';
import type { AdminUnitImport } from './import/index.js';
import { buildAdminUnitImport, loadSourceTexts, type SourceTexts } from './import/index.js';
import { selectAnomalies, selectLatestRun } from './units-import.repository.js';
import {
  datasetChecksum,
  importShippedUnits,
  importUnits,
  type UnitsImportOutcome,
} from './units-import.service.js';

const { db } = await createTestDatabase();
let texts: SourceTexts;
let build: AdminUnitImport;
let first: UnitsImportOutcome;
let firstMs: number;

before(async () => {
  texts = await loadSourceTexts();
  build = buildAdminUnitImport(texts);
  const t0 = performance.now();
  first = await importUnits(db, build, {
    datasetSha256: datasetChecksum(texts),
    now: new Date('2026-05-01T02:00:00Z'),
  });
  firstMs = performance.now() - t0;
});

const countWhere = async (where: ReturnType<typeof sql>) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM admin_unit_versions WHERE ${where}`.execute(db))
    .rows[0]?.n;

describe('first import', () => {
  it('stores every version, edge, alias and profile of the build, in a few seconds', () => {
    assert.deepEqual(first.changes.versions, { inserted: 14161, updated: 0, deleted: 0, unchanged: 0 });
    assert.deepEqual(first.changes.mappings, { inserted: 10571, updated: 0, deleted: 0, unchanged: 0 });
    assert.deepEqual(first.changes.aliases, { inserted: 1, updated: 0, deleted: 0, unchanged: 0 });
    assert.deepEqual(first.changes.profiles, { inserted: 3321, updated: 0, deleted: 0, unchanged: 0 });
    assert.equal(first.recorded, true);
    assert.ok(firstMs < 10_000, `import took ${Math.round(firstMs)} ms`);
  });

  it('holds 63 provinces / 696 districts / 10,035 communes before 1 July 2025', async () => {
    const on = '2025-06-30';
    assert.equal(await countWhere(sql`level = 'province' AND validity @> ${on}::date`), 63);
    assert.equal(await countWhere(sql`level = 'district' AND validity @> ${on}::date`), 696);
    assert.equal(await countWhere(sql`level = 'commune' AND validity @> ${on}::date`), 10035);
  });

  it('holds 34 provinces / 3,321 communes on 1 July 2025 and after 30 April 2026', async () => {
    for (const on of ['2025-07-01', '2026-04-30']) {
      assert.equal(await countWhere(sql`level = 'province' AND validity @> ${on}::date`), 34, on);
      assert.equal(await countWhere(sql`level = 'district' AND validity @> ${on}::date`), 0, on);
      assert.equal(await countWhere(sql`level = 'commune' AND validity @> ${on}::date`), 3321, on);
    }
    const wards = async (on: string) => countWhere(sql`type = 'ward' AND validity @> ${on}::date`);
    assert.deepEqual([await wards('2026-04-29'), await wards('2026-04-30')], [687, 697]);
  });

  it('keeps codes as text with their leading zeros', async () => {
    const row = await db
      .selectFrom('admin_unit_versions')
      .select(['code', 'parent_code', 'province_code'])
      .where('code', '=', '00004')
      .where('edition', '=', 'preReform')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { code: '00004', parent_code: '001', province_code: '01' });
  });

  it('stores the anomaly report with Ba Chẽ and the three wrong old codes', async () => {
    const run = await selectLatestRun(db);
    assert.equal(run?.id, first.importId);
    assert.equal(run?.anomalyTotal, build.anomalies.length);
    assert.equal(run?.anomalyCounts.code_conflict, 1);
    assert.equal(run?.anomalyCounts.wrong_old_code, 3);
    assert.deepEqual((run?.counts as AdminUnitImport['counts'] | undefined)?.reform2025.communes, 3321);
    const conflict = await selectAnomalies(db, {
      importId: first.importId,
      kind: 'code_conflict',
      limit: 10,
    });
    assert.deepEqual(
      conflict.map((a) => [a.row, a.codes, a.severity]),
      [[2688, ['06978', '06970'], 'warning']],
    );
    assert.match(conflict[0]?.messageVi ?? '', /06978/);
    const wrong = await selectAnomalies(db, { importId: first.importId, kind: 'wrong_old_code', limit: 10 });
    assert.deepEqual(
      wrong.map((a) => a.codes),
      [
        ['00556', '00553'],
        ['01651', '01615'],
        ['02482', '02485'],
      ],
    );
    const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM admin_unit_import_anomalies`.execute(
      db,
    );
    assert.equal(all.rows[0]?.n, build.anomalies.length);
    const aboutBaChe = await selectAnomalies(db, { importId: first.importId, code: '06970', limit: 50 });
    assert.ok(aboutBaChe.some((a) => a.kind === 'code_conflict'));
  });
});

describe('importing again', () => {
  it('changes nothing and records nothing', async () => {
    const snapshot = async () =>
      (
        await sql<{ v: string }>`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS v FROM (
          SELECT v::text AS t FROM admin_unit_versions v UNION ALL SELECT m::text FROM admin_unit_mappings m
          UNION ALL SELECT a::text FROM admin_unit_aliases a UNION ALL SELECT p::text FROM admin_unit_profiles p
          UNION ALL SELECT i::text FROM admin_unit_imports i) x`.execute(db)
      ).rows[0]?.v;
    const before = await snapshot();
    const t0 = performance.now();
    const again = await importUnits(db, build, { datasetSha256: datasetChecksum(texts) });
    const ms = performance.now() - t0;
    assert.deepEqual(again.totals, {
      inserted: 0,
      updated: 0,
      deleted: 0,
      unchanged: 14161 + 10571 + 1 + 3321,
    });
    assert.equal(again.recorded, false);
    assert.equal(again.importId, first.importId);
    assert.equal(await snapshot(), before);
    assert.ok(ms < 10_000, `second import took ${Math.round(ms)} ms`);
  });

  it('repairs a changed row and removes a row the build does not have, reporting each', async () => {
    await db.updateTable('admin_unit_versions').set({ name: 'Sai' }).where('code', '=', '00004').execute();
    await db
      .insertInto('admin_unit_aliases')
      .values({
        alias: '99999',
        code: '00004',
        source: 'test',
        valid_from: null,
        valid_to: null,
        source_row: null,
      })
      .execute();
    const fixed = await importUnits(db, build);
    assert.equal(fixed.changes.versions.updated, 2);
    assert.equal(fixed.changes.aliases.deleted, 1);
    assert.equal(fixed.recorded, true);
    const names = await db
      .selectFrom('admin_unit_versions')
      .select('name')
      .where('code', '=', '00004')
      .execute();
    assert.deepEqual(names.map((r) => r.name).sort(), ['Ba Đình', 'Trúc Bạch']);
  });

  it('start-up skips files already imported, and imports them when the store is empty', async () => {
    const clock = fixedClock(new Date(Date.now() + 60_000));
    const skipped = await importShippedUnits({ db, clock });
    assert.equal(skipped.datasetSha256, datasetChecksum(texts));
    // The last run above was given no checksum, so this run stores it; the next one skips.
    assert.equal((await importShippedUnits({ db, clock })).skipped, true);
    const empty = await createTestDatabase();
    const fresh = await importShippedUnits({ db: empty.db, clock });
    assert.equal(fresh.skipped, false);
    assert.equal(fresh.outcome?.changes.versions.inserted, 14161);
    assert.equal((await importShippedUnits({ db: empty.db, clock })).skipped, true);
  });
});
