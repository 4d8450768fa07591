/** Look-ups over the real import: what a code meant on a date, successors and predecessors. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { buildAdminUnitImport } from './build.js';
import { loadSourceTexts } from './load.js';
import type { CrosswalkEdge } from './types.js';
import { UnitIndex } from './unit-index.js';

let index: UnitIndex;
before(async () => {
  index = new UnitIndex(buildAdminUnitImport(await loadSourceTexts()));
});

const nameAt = (code: string, date: string) => index.unitAt(code, date)?.fullName;
const pairs = (edges: readonly CrosswalkEdge[]) => edges.map((e) => [e.oldCode, e.newCode, e.kind]);

describe('unitAt', () => {
  test('a commune code before and after 1 July 2025', () => {
    const before = index.unitAt('00004', '2025-06-30');
    const after = index.unitAt('00004', '2025-07-01');
    assert.deepEqual(
      [before?.fullName, before?.parentCode, before?.validTo],
      ['Phường Trúc Bạch', '001', '2025-06-30'],
    );
    assert.deepEqual(
      [after?.fullName, after?.parentCode, after?.validFrom],
      ['Phường Ba Đình', '01', '2025-07-01'],
    );
    assert.equal(nameAt('00004', '2020-01-01'), 'Phường Trúc Bạch');
  });

  test('a province across the reform, and a district that the reform abolished', () => {
    assert.deepEqual(index.unitAt('22', '2025-06-30')?.edition, 'preReform');
    assert.deepEqual(index.unitAt('22', '2025-07-01')?.edition, 'reform2025');
    assert.equal(nameAt('202', '2025-06-30'), 'Huyện Ba Chẽ');
    assert.equal(index.unitAt('202', '2025-07-01'), undefined);
  });

  test('Đồng Nai becomes a city, and its xã Long Thành a phường, on 30 April 2026', () => {
    assert.deepEqual(
      ['2026-04-29', '2026-04-30'].map((d) => [index.unitAt('75', d)?.fullName, index.unitAt('75', d)?.type]),
      [
        ['Tỉnh Đồng Nai', 'province'],
        ['Thành phố Đồng Nai', 'municipality'],
      ],
    );
    assert.deepEqual(
      ['2025-06-30', '2025-07-01', '2026-04-29', '2026-04-30'].map((d) => index.unitAt('26368', d)?.type),
      ['township', 'commune', 'commune', 'ward'],
    );
  });

  test('a code reused for another commune, then renamed', () => {
    assert.equal(nameAt('00745', '2025-06-30'), 'Xã Phố Cáo');
    assert.equal(nameAt('00745', '2025-07-01'), 'Xã Phó Bảng');
    assert.equal(nameAt('00745', '2026-04-30'), 'Xã Phố Bảng');
  });

  test('a tone-style rewrite is the same version, with the other spelling kept', () => {
    const v = index.versionsOf('38').filter((x) => x.validFrom !== null);
    assert.equal(v.length, 1);
    assert.deepEqual(
      [v[0]?.fullName, v[0]?.validTo, v[0]?.altNames],
      ['Tỉnh Thanh Hóa', null, ['Tỉnh Thanh Hoá']],
    );
    assert.equal(index.unitAt('38', '2026-05-01'), v[0]);
  });

  test('Ba Chẽ: 06970 is the township before the reform and an alias of 06978 after it', () => {
    assert.equal(nameAt('06970', '2025-06-30'), 'Thị trấn Ba Chẽ');
    assert.equal(index.unitAt('06970', '2025-07-01')?.code, '06978');
    assert.equal(index.resolveCode('06970', '2025-07-01'), '06978');
    assert.equal(index.unitAt('06978', '2025-06-30'), undefined);
    assert.equal(nameAt('06978', '2026-07-01'), 'Xã Ba Chẽ');
  });

  test('rejects a date that is not YYYY-MM-DD', () => {
    assert.throws(() => index.unitAt('00004', '2025-13-01'), RangeError);
    assert.throws(() => index.unitAt('00004', '1/7/2025'), RangeError);
  });

  test('children of a province before and after the reform', () => {
    assert.equal(index.childrenAt('22', '2025-06-30').length, 13);
    assert.equal(index.childrenAt('22', '2025-07-01').length, 54);
    assert.deepEqual(
      index.childrenAt('202', '2025-06-30').map((v) => v.code),
      ['06970', '06973', '06976', '06979', '06982', '06985', '06988'],
    );
  });
});

describe('successorsOf', () => {
  test('a commune merged whole', () => {
    assert.deepEqual(pairs(index.successorsOf('00013')), [['00013', '00004', 'whole']]);
  });

  test('a commune split across several new ones (DOMAIN.md §16: Cự Khối, Bát Tràng)', () => {
    assert.deepEqual(pairs(index.successorsOf('00154')), [
      ['00154', '00145', 'partial'],
      ['00154', '00577', 'partial'],
    ]);
    assert.deepEqual(pairs(index.successorsOf('00553')), [
      ['00553', '00136', 'partial'],
      ['00553', '00541', 'partial'],
      ['00553', '00565', 'partial'],
    ]);
  });

  test('a wrongly coded commune is found under its real code only', () => {
    const myHung = index.successorsOf('01651');
    assert.deepEqual(pairs(myHung), [['01651', '01648', 'whole']]);
    assert.equal(myHung[0]?.sourceOldCode, '01615');
    assert.deepEqual(pairs(index.successorsOf('01615')), [['01615', '01636', 'whole']]);
    assert.deepEqual(pairs(index.successorsOf('00556')), [
      ['00556', '00541', 'partial'],
      ['00556', '00562', 'partial'],
    ]);
  });

  test('an island district with no communes became a special zone', () => {
    const edges = index.successorsOf('318');
    assert.deepEqual(
      edges.map((e) => [e.oldLevel, e.newCode, e.kind, e.change]),
      [['district', '11948', 'whole', 'reorganised']],
    );
  });
});

describe('predecessorsOf', () => {
  test('a new ward formed from whole and partial old wards', () => {
    assert.deepEqual(
      index.predecessorsOf('00004').map((e) => `${e.oldCode} ${e.kind}`),
      [
        '00004 whole',
        '00013 whole',
        '00016 partial',
        '00019 partial',
        '00022 partial',
        '00028 partial',
        '00040 partial',
        '00055 partial',
        '00073 partial',
        '00112 partial',
      ],
    );
  });

  test('a new commune under its catalogue code or the crosswalk alias', () => {
    const olds = index.predecessorsOf('06978').map((e) => e.oldCode);
    assert.deepEqual(olds, ['06886', '06970', '06973', '06982', '06988']);
    assert.deepEqual(index.predecessorsOf('06970'), index.predecessorsOf('06978'));
  });

  test('keeps a predecessor that has no code (the Kim Sơn coastal flats)', () => {
    assert.deepEqual(
      index.predecessorsOf('14698').map((e) => [e.oldCode, e.oldName]),
      [
        [null, 'Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý'],
        ['14695', 'Xã Kim Trung'],
        ['14698', 'Xã Kim Đông'],
      ],
    );
  });
});
