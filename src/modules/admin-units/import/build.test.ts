/** The build on the real shipped files: counts against the sources, the anomaly report, determinism. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { countAnomalies, type ImportAnomaly } from './anomalies.js';
import { buildAdminUnitImport } from './build.js';
import { DEFAULT_DATASET_DIR, loadSourceTexts } from './load.js';
import { SOURCE_FILES, type SourceTexts } from './sources.js';
import type { AdminUnitImport } from './types.js';

let texts: SourceTexts;
let result: AdminUnitImport;
before(async () => {
  texts = await loadSourceTexts();
  result = buildAdminUnitImport(texts);
});

const of = (kind: ImportAnomaly['kind'], source?: string) =>
  result.anomalies.filter((a) => a.kind === kind && (source === undefined || a.source === source));

describe('shipped files', () => {
  test('are the bytes as published (sha-256 recorded in datasets/admin-units/README.md)', async () => {
    const expected: Record<string, string> = {
      [SOURCE_FILES.preReform]: '86c1e097b1b8b63cf5f8b7aa71d90e3bd97f2e75412af67d5dede4d9c0e91899',
      [SOURCE_FILES.reform2025]: '2bee0ae9132c2a3148f0ee0c1aaacdf8b52bb801df975a2e1ed39d85e0db3b81',
      [SOURCE_FILES.update2026]: 'e691c923dd5df61b1ab08a1d20c6d73f48a947b7a961ca2eca2cad26f7301ca2',
      [SOURCE_FILES.unitTypes]: '930f4f68937ee3bf3e0115c94c1b280d8fd3219b5c01123793988ad73a4a4100',
      [SOURCE_FILES.crosswalk]: '21da94f59a498d03deda1f0882e71f65cd3b7c855bbd6c760ba72f6b6a94ee46',
      [SOURCE_FILES.gsoExport]: 'bad8474f99dd8476f07a11117154f1e587741a210f20e33c4b50d9d3fe6954a9',
      [SOURCE_FILES.sapnhap]: '2810278e621aa2dbb08706f2f9ca47f773a1e8779bc41be321a08155db70dc39',
    };
    for (const [file, sha] of Object.entries(expected)) {
      const bytes = await readFile(path.join(DEFAULT_DATASET_DIR, file));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), sha, file);
    }
  });
});

describe('counts match the sources', () => {
  test('before the reform: 63 provinces, 696 districts, 10,035 communes', () => {
    assert.deepEqual(result.counts.preReform, {
      provinces: 63,
      districts: 696,
      communes: 10035,
      communesByType: { ward: 1726, township: 617, commune: 7692 },
    });
    assert.equal(result.counts.gsoExportRows, 10035);
  });

  test('from 1 July 2025: 34 provinces, 3,321 communes (2,621 xã, 687 phường, 13 đặc khu)', () => {
    assert.deepEqual(result.counts.reform2025, {
      provinces: 34,
      districts: 0,
      communes: 3321,
      communesByType: { ward: 687, commune: 2621, special_zone: 13 },
    });
  });

  test('from 30 April 2026: the same 3,321 codes, 2,611 xã and 697 phường', () => {
    assert.deepEqual(result.counts.update2026, {
      provinces: 34,
      districts: 0,
      communes: 3321,
      communesByType: { ward: 697, commune: 2611, special_zone: 13 },
    });
  });

  test('crosswalk: 10,571 mapping rows in 10,607 records; every old and new commune mapped', () => {
    assert.deepEqual(result.counts.crosswalk, {
      records: 10607,
      mappingRows: 10571,
      headingRows: 34,
      // 10,035 communes (after correcting the three wrong codes) and the 5 island districts.
      oldCodes: 10040,
      newCodes: 3321,
    });
    assert.deepEqual(result.counts.edges, { whole: 9601, partial: 970 });
    assert.equal(result.edges.length, 10571);
    assert.deepEqual(of('unmapped_unit'), []);
  });

  test('sapnhap: every one of its 3,321 rows joins one catalogue commune', () => {
    assert.deepEqual(result.counts.sapnhap, { rows: 3321, matched: 3321 });
    assert.equal(new Set(result.profiles.map((p) => p.code)).size, 3321);
  });

  test('versions: one per pre-reform unit, one per post-reform unit, and 12 started in 2026', () => {
    assert.equal(result.counts.versions, 63 + 696 + 10035 + 34 + 3321 + 12);
    const started2026 = result.versions
      .filter((v) => v.edition === 'update2026')
      .map((v) => `${v.code} ${v.fullName}`);
    assert.deepEqual(started2026, [
      '00745 Xã Phố Bảng',
      '25270 Phường Lộc Ninh',
      '25357 Phường Tân Khai',
      '25363 Phường Đồng Phú',
      '26116 Phường Tân Phú',
      '26170 Phường Trị An',
      '26248 Phường Trảng Bom',
      '26326 Phường Dầu Giây',
      '26368 Phường Long Thành',
      '26425 Phường Xuân Lộc',
      '26485 Phường Nhơn Trạch',
      '75 Thành phố Đồng Nai',
    ]);
  });
});

describe('anomaly report', () => {
  test('Ba Chẽ: the crosswalk code 06970 is an alias of the statistics office code 06978', () => {
    assert.deepEqual(
      of('code_conflict').map((a) => [a.row, a.codes]),
      [[2688, ['06978', '06970']]],
    );
    assert.match(of('code_conflict')[0]?.messageVi ?? '', /giữ mã 06978, ghi 06970 là mã bí danh/);
    assert.deepEqual(
      result.aliases.map((a) => [a.alias, a.code, a.validFrom, a.validTo]),
      [['06970', '06978', '2025-07-01', null]],
    );
  });

  test('the three wrong old codes of the crosswalk are corrected by name and reported', () => {
    assert.deepEqual(
      of('wrong_old_code').map((a) => [a.row, a.codes]),
      [
        [426, ['00556', '00553']],
        [912, ['01651', '01615']],
        [1260, ['02482', '02485']],
      ],
    );
  });

  test('cleaned cells are counted as the data README counts them', () => {
    const crosswalk = of('text_cleaned', SOURCE_FILES.crosswalk);
    assert.equal(crosswalk.filter((a) => a.messageEn.includes('not in Unicode NFC')).length, 91);
    assert.equal(crosswalk.filter((a) => a.messageEn.includes('line break')).length, 875);
    const sapnhap = of('text_cleaned', SOURCE_FILES.sapnhap);
    assert.equal(sapnhap.filter((a) => a.messageEn.includes('not in Unicode NFC')).length, 438);
  });

  test('tone-style rewrites of the 2026 file are reported, not versioned', () => {
    assert.equal(of('tone_style_variant', SOURCE_FILES.update2026).length, 192);
    const thanhHoa = of('tone_style_variant', SOURCE_FILES.update2026).find((a) => a.codes[0] === '38');
    assert.match(thanhHoa?.messageEn ?? '', /"Tỉnh Thanh Hoá" and "Tỉnh Thanh Hóa"/);
  });

  test('other known defects each appear once, where the files have them', () => {
    const at = (kind: ImportAnomaly['kind']) =>
      of(kind).map((a) => [a.source.slice(0, 10), a.row, a.codes.join(' ')]);
    assert.deepEqual(at('note_misspelt'), [['BangChuyen', 3804, '10999 11041']]);
    assert.deepEqual(at('missing_type_prefix'), [['BangChuyen', 6212, '45']]);
    assert.deepEqual(at('kind_conflict'), [['BangChuyen', 5767, '18796 18823']]);
    assert.deepEqual(at('wrong_province_number'), [['sapnhap.ba', 1221, '15 11']]);
    assert.deepEqual(at('doubled_type_prefix'), [
      ['2025-03_v2', 56204, '19780'],
      ['danhmuchan', 5796, '19780'],
    ]);
    assert.equal(of('missing_old_code').length, 6);
    assert.equal(of('number_format').length, 4);
  });

  test('has no error: every row of the real files is readable and imported', () => {
    assert.deepEqual(
      result.anomalies.filter((a) => a.severity === 'error'),
      [],
    );
    assert.equal(result.counts.anomalies, result.anomalies.length);
    const counts = countAnomalies(result.anomalies);
    assert.equal(
      Object.values(counts).reduce((a, b) => a + b, 0),
      result.anomalies.length,
    );
  });
});

describe('determinism', () => {
  test('building twice from the same files gives the same output', () => {
    const again = buildAdminUnitImport(texts);
    assert.deepEqual(again, result);
    assert.equal(JSON.stringify(again), JSON.stringify(result));
  });
});
