/** Look-ups and search over the imported catalogue in PostgreSQL (imported once for this file). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import type { AppError } from '../../platform/errors.js';
import {
  getUnitDetail,
  predecessorsOf,
  searchUnits,
  successorsOf,
  type UnitSearchQuery,
  unitAt,
} from './admin-units.service.js';
import { buildAdminUnitImport, type CrosswalkEdge, loadSourceTexts, UnitIndex } from './import/index.js';
import { importUnits } from './units-import.service.js';

const { db } = await createTestDatabase();
const build = buildAdminUnitImport(await loadSourceTexts());
await importUnits(db, build);
const index = new UnitIndex(build);

const pairs = (edges: readonly CrosswalkEdge[]) => edges.map((e) => [e.oldCode, e.newCode, e.kind]);
const nameAt = async (code: string, date: string) => (await unitAt(db, code, date))?.fullName;
const search = async (q: UnitSearchQuery) => (await searchUnits(db, q)).items;
const codes = async (q: UnitSearchQuery) => (await search(q)).map((u) => u.code);

describe('unitAt', () => {
  it('answers what a commune code meant before and after 1 July 2025', async () => {
    const before = await unitAt(db, '00004', '2025-06-30');
    const after = await unitAt(db, '00004', '2025-07-01');
    assert.deepEqual(
      [before?.fullName, before?.parentCode, before?.validTo, before?.edition],
      ['Phường Trúc Bạch', '001', '2025-06-30', 'preReform'],
    );
    assert.deepEqual(
      [after?.fullName, after?.parentCode, after?.validFrom, after?.edition],
      ['Phường Ba Đình', '01', '2025-07-01', 'reform2025'],
    );
    assert.equal(await nameAt('00004', '2001-01-01'), 'Phường Trúc Bạch');
  });

  it('follows a Đồng Nai xã that became a phường on 30 April 2026, and the province that became a city', async () => {
    const types = [];
    for (const d of ['2025-06-30', '2025-07-01', '2026-04-29', '2026-04-30', '2027-01-01']) {
      types.push((await unitAt(db, '26368', d))?.fullName);
    }
    assert.deepEqual(types, [
      'Thị trấn Long Thành',
      'Xã Long Thành',
      'Xã Long Thành',
      'Phường Long Thành',
      'Phường Long Thành',
    ]);
    assert.equal((await unitAt(db, '75', '2026-04-29'))?.type, 'province');
    assert.equal((await unitAt(db, '75', '2026-04-30'))?.type, 'municipality');
  });

  it('resolves Ba Chẽ’s crosswalk code 06970 to 06978 from the reform on', async () => {
    assert.equal(await nameAt('06970', '2025-06-30'), 'Thị trấn Ba Chẽ');
    assert.equal((await unitAt(db, '06970', '2025-07-01'))?.code, '06978');
    assert.equal(await unitAt(db, '06978', '2025-06-30'), undefined);
  });

  it('gives nothing for an unknown code or an abolished district, and refuses a bad date', async () => {
    assert.equal(await unitAt(db, '99999', '2025-07-01'), undefined);
    assert.equal(await unitAt(db, '202', '2025-07-01'), undefined);
    await assert.rejects(unitAt(db, '00004', '2025-02-30'), (err: AppError) => err.fields[0]?.field === 'at');
  });

  it('agrees with the in-memory index of the same build on a sample of codes and dates', async () => {
    const sample = build.versions.filter((_, i) => i % 97 === 0).map((v) => v.code);
    for (const code of sample) {
      for (const d of ['2025-06-30', '2025-07-01', '2026-04-30']) {
        assert.deepEqual(await unitAt(db, code, d), index.unitAt(code, d), `${code} on ${d}`);
      }
    }
  });
});

describe('successorsOf and predecessorsOf', () => {
  it('a commune merged whole has one successor', async () => {
    assert.deepEqual(pairs(await successorsOf(db, '00013')), [['00013', '00004', 'whole']]);
  });

  it('a split commune has several partial successors (Cự Khối, DOMAIN.md §16)', async () => {
    assert.deepEqual(pairs(await successorsOf(db, '00154')), [
      ['00154', '00145', 'partial'],
      ['00154', '00577', 'partial'],
    ]);
  });

  it('Phường Long Biên 00145 took parts of Cự Khối 00154 and Bát Tràng 00583', async () => {
    const edges = await predecessorsOf(db, '00145');
    assert.deepEqual(pairs(edges.filter((e) => e.oldCode === '00154' || e.oldCode === '00583')), [
      ['00154', '00145', 'partial'],
      ['00583', '00145', 'partial'],
    ]);
    assert.deepEqual(edges, [...index.predecessorsOf('00145')]);
  });

  it('finds a new commune’s predecessors under its alias too', async () => {
    assert.deepEqual(await predecessorsOf(db, '06970'), await predecessorsOf(db, '06978'));
    assert.deepEqual(
      (await predecessorsOf(db, '06978')).map((e) => e.oldCode),
      ['06886', '06970', '06973', '06982', '06988'],
    );
  });
});

describe('getUnitDetail', () => {
  it('a new ward: its province, and what it was formed from', async () => {
    const d = await getUnitDetail(db, '00145', '2025-08-01');
    assert.deepEqual(
      d.parents.map((p) => p.fullName),
      ['Thành phố Hà Nội'],
    );
    assert.equal(d.successors.length, 0);
    assert.ok(d.predecessors.some((e) => e.oldCode === '00583' && e.kind === 'partial'));
    assert.equal(d.profile?.code, '00145');
    assert.deepEqual(
      d.versions.map((v) => [v.edition, v.fullName]),
      [
        ['preReform', 'Phường Long Biên'],
        ['reform2025', 'Phường Long Biên'],
      ],
    );
  });

  it('an old ward: its district and province, and where it went', async () => {
    const d = await getUnitDetail(db, '00154', '2025-06-30');
    assert.deepEqual(
      d.parents.map((p) => p.code),
      ['01', '004'],
    );
    assert.deepEqual(pairs(d.successors), [
      ['00154', '00145', 'partial'],
      ['00154', '00577', 'partial'],
    ]);
    assert.deepEqual(d.predecessors, []);
    assert.equal(d.profile, null);
  });

  it('an alias answers with the unit it stands for; an unknown code is not found', async () => {
    const d = await getUnitDetail(db, '06970', '2025-08-01');
    assert.deepEqual([d.requestedCode, d.unit.code], ['06970', '06978']);
    await assert.rejects(getUnitDetail(db, '99999', '2025-08-01'), { code: 'admin_unit.not_found' });
  });
});

describe('searchUnits', () => {
  const after = '2025-08-01';
  const before = '2025-06-01';

  it('finds "dong trieu", "Đông Triều" and the typo "dong treu": the new ward after the reform', async () => {
    for (const q of ['dong trieu', 'Đông Triều', 'dong treu', 'DONG TRIEU']) {
      const [first] = await search({ q, at: after });
      assert.deepEqual([first?.code, first?.fullName], ['07093', 'Phường Đông Triều'], q);
    }
    const [typo] = await search({ q: 'dong treu', at: after });
    assert.equal(typo?.match, 'similar');
    assert.ok((typo?.score ?? 0) > 0.5);
  });

  it('finds the pre-reform city of Đông Triều before 1 July 2025', async () => {
    for (const q of ['dong trieu', 'Đông Triều', 'dong treu']) {
      const [first] = await search({ q, at: before });
      assert.deepEqual([first?.code, first?.fullName], ['205', 'Thành phố Đông Triều'], q);
    }
  });

  it('finds "ba dinh" before and after the reform, and "phường ba đình" first by its full name', async () => {
    const now = await search({ q: 'ba dinh', at: after });
    assert.deepEqual(
      now.slice(0, 3).map((u) => [u.code, u.fullName, u.match]),
      [
        ['00004', 'Phường Ba Đình', 'name'],
        ['16171', 'Xã Ba Đình', 'name'],
        ['21499', 'Xã Ba Dinh', 'name'],
      ],
    );
    assert.equal(now[0]?.parentName, 'Thành phố Hà Nội');
    const then = await codes({ q: 'ba dinh', at: before });
    assert.deepEqual(then.slice(0, 5), ['001', '14776', '14812', '16096', '21499']);
    const ward = await search({ q: 'phường ba đình', at: after });
    assert.deepEqual([ward[0]?.code, ward[0]?.match], ['00004', 'full_name']);
  });

  it('by code, code prefix and alias', async () => {
    const exact = await search({ q: '07093', at: after });
    assert.deepEqual([exact[0]?.code, exact[0]?.match, exact.length], ['07093', 'code', 1]);
    const prefix = await codes({ q: '0709', at: after });
    assert.ok(prefix.length > 1 && prefix.every((c) => c.startsWith('0709')), prefix.join());
    assert.deepEqual(await codes({ q: '06970', at: after }), ['06978']);
    assert.deepEqual(await codes({ q: '06970', at: before }), ['06970']);
  });

  it('by level and parent', async () => {
    assert.deepEqual(await codes({ q: 'ba dinh', level: 'district', at: before }), ['001']);
    assert.equal((await codes({ level: 'province', at: after, limit: 100 })).length, 34);
    assert.equal((await codes({ level: 'province', at: before, limit: 100 })).length, 63);
    assert.equal((await codes({ parent: '22', at: after, limit: 100 })).length, 54);
    assert.deepEqual(await codes({ parent: '202', at: before }), [
      '06970',
      '06973',
      '06976',
      '06979',
      '06982',
      '06985',
      '06988',
    ]);
  });

  it('pages with a keyset cursor through the same order as one long page', async () => {
    for (const query of [
      { parent: '22', at: after },
      { q: 'an', at: after },
      { q: 'thanh', level: 'commune' as const, at: before },
    ]) {
      const whole = await codes({ ...query, limit: 60 });
      const paged: string[] = [];
      let next: string | undefined;
      do {
        const page = await searchUnits(db, { ...query, limit: 7, after: next });
        paged.push(...page.items.map((u) => u.code));
        next = page.next ?? undefined;
      } while (next && paged.length < 60);
      assert.deepEqual(paged.slice(0, 60), whole, JSON.stringify(query));
    }
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    await assert.rejects(
      searchUnits(db, { q: 'an', at: after, after: 'not-a-cursor' }),
      (err: AppError) => err.code === 'admin_unit.invalid_cursor' && err.fields[0]?.field === 'after',
    );
  });
});
