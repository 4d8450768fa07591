/**
 * The build on small hand-made sources, one rule per case: the real files have no unreadable row,
 * no duplicate code and no split commune marked "partial" with one successor, and these rules must
 * still hold when a future file does.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ImportAnomaly } from './anomalies.js';
import { buildAdminUnitImport } from './build.js';
import type { SourceTexts } from './sources.js';
import { UnitIndex } from './unit-index.js';

const ward = (Code: string, FullName: string, Name: string, extra: object = {}) => ({
  Code,
  Name,
  FullName,
  ...extra,
});

const preReform = [
  {
    ...ward('22', 'Tỉnh Quảng Ninh', 'Quảng Ninh'),
    District: [
      {
        ...ward('202', 'Huyện Ba Chẽ', 'Ba Chẽ'),
        ProvinceCode: '22',
        Ward: [
          { ...ward('06970', 'Thị trấn Ba Chẽ', 'Ba Chẽ'), DistrictCode: '202' },
          { ...ward('06973', 'Xã Thanh Sơn', 'Thanh Sơn'), DistrictCode: '202' },
          { ...ward('06976', 'Xã Đạp Thanh', 'Đạp Thanh'), DistrictCode: '202' },
          { ...ward('6979', 'Xã Lỗi Mã', 'Lỗi Mã'), DistrictCode: '202' },
          { ...ward('06973', 'Xã Thanh Sơn Trùng', 'Thanh Sơn Trùng'), DistrictCode: '202' },
        ],
      },
      { ...ward('318', 'Huyện Bạch Long Vĩ', 'Bạch Long Vĩ'), ProvinceCode: '22', Ward: null },
    ],
  },
];

const current = (province: [string, string, number], wards: [string, string, number][]) => [
  {
    Type: 'province',
    ...ward(province[0], province[1], province[1].replace(/^(Tỉnh|Thành phố) /, '')),
    AdministrativeUnitId: province[2],
    Wards: wards.map(([code, fullName, id]) => ({
      Type: 'ward',
      ...ward(code, fullName, fullName.replace(/^(Xã|Phường|Đặc khu) /, '')),
      ProvinceCode: province[0],
      AdministrativeUnitId: id,
    })),
  },
];

const reform2025 = [
  ...current(
    ['22', 'Tỉnh Quảng Ninh', 2],
    [
      ['06978', 'Xã Ba Chẽ', 4],
      ['07001', 'Phường Hòa Bình', 3],
      ['11948', 'Đặc khu Bạch Long Vĩ', 5],
    ],
  ),
  ...current(['75', 'Tỉnh Đồng Nai', 2], [['26368', 'Xã Long Thành', 4]]),
];

const update2026 = [
  ...current(
    ['22', 'Tỉnh Quảng Ninh', 2],
    [
      ['06978', 'Xã Ba Chẽ Mới', 4],
      ['07001', 'Phường Hoà Bình', 3],
      ['11948', 'Đặc khu Bạch Long Vĩ', 5],
    ],
  ),
  ...current(['75', 'Thành phố Đồng Nai', 1], [['26368', 'Phường Long Thành', 3]]),
];

const unitTypes = [
  ['municipality', 1],
  ['province', 2],
  ['ward', 3],
  ['commune', 4],
  ['special_administrative_region', 5],
].map(([CodeNameEn, Id]) => ({ Id, CodeNameEn }));

const QN = 'Tỉnh Quảng Ninh (22)';
const crosswalk = [
  'Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,',
  '"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,',
  'TỈNH QUẢNG NINH  ,,,,,,,,',
  `${QN},"Xã Ba Chẽ\n",06970,Thị trấn Ba Chẽ,06970,Nhập toàn bộ,Huyện Ba Chẽ (202),${QN},`,
  `${QN},Xã Ba Chẽ,06970,Xã Thanh Sơn,06973,Nhập toàn bộ,Huyện Ba Chẽ (202),${QN},`,
  `${QN},Phường Hoà Bình,07001,Xã Thanh Sơn,06973,Nhập toàn bộ,Huyện Ba Chẽ (202),${QN},`,
  `${QN},Phường Hoà Bình,07001,Xã Đạp Thanh,06973,Nhâp một phần diện tích,Huyện Ba Chẽ (202),${QN},`,
  `${QN},Phường Hoà Bình,7001,Xã Lỗi Mã,06979,Nhập toàn bộ,Huyện Ba Chẽ (202),${QN},`,
  `${QN},Đặc khu Bạch Long Vĩ,11948,,,Sắp xếp toàn bộ huyện Bạch Long Vĩ thành đặc khu Bạch Long Vĩ,Huyện Bạch Long Vĩ (318),Quảng Ninh (22),`,
  'Tỉnh Đồng Nai (75),Xã Long Thành,26368,Thị trấn Long Thành,26368,Đổi loại hình,Huyện Long Thành (740),Tỉnh Đồng Nai (75),',
].join('\n');

const gsoExport = [
  '\uFEFFMã,Tên,Tên Tiếng Anh,Cấp,Mã QH,Quận Huyện,Mã TP,Tỉnh / Thành Phố',
  '06970,Thị Trấn Ba Chẽ,,Thị trấn,202,Huyện Ba Chẽ,22,Tỉnh Quảng Ninh',
  '06973,Xã Thanh Sơn ,,Xã,202,Huyện  Ba Chẽ,22,Tỉnh Quảng Ninh',
  '06976,Xã Đạp Thanh,,Phường,202,Huyện Ba Chẽ,22,Tỉnh Quảng Ninh',
  '09999,Xã Không Có,,Xã,202,Huyện Ba Chẽ,22,Tỉnh Quảng Ninh',
].join('\n');

const sapnhap = [
  'id,matinh,ma,tentinh,loai,tenhc,cay,dientichkm2,dansonguoi,trungtamhc,kinhdo,vido,truocsapnhap,maxa,khoa',
  '1,3,0001,tỉnh Quảng Ninh,xã,Ba Chẽ,0003.0001,12.5,"30,509",đang cập nhật,107.28,21.27,"Thị trấn Ba Chẽ, Xã Thanh Sơn",1,3Ba Chẽ',
  '2,3,0002,tỉnh Quảng Ninh,phường,Hoà Bình,0003.0002,,653422,"Thôn 1,\nxã Hòa Bình",107.3,21.3,Xã Thanh Sơn,2,3Hoà Bình',
  '3,3,0003,tỉnh Quảng Ninh,đặc khu,Bạch Long Vĩ,0003.0003,3.0,đang cập nhật,Thôn 2,107.72,20.13,Huyện Bạch Long Vĩ,3,3Bạch Long Vĩ',
  '4,3,0004,tỉnh Đồng NAi,phường,Long Thành,0003.0004,30,50000,Khu 1,106.95,10.78,Thị trấn Long Thành,4,3Long Thành',
].join('\n');

const pretty = (value: unknown) => JSON.stringify(value, null, 1);
const texts: SourceTexts = {
  preReform: pretty(preReform),
  reform2025: pretty(reform2025),
  update2026: pretty(update2026),
  unitTypes: pretty(unitTypes),
  crosswalk,
  gsoExport,
  sapnhap,
};

const result = buildAdminUnitImport(texts);
const index = new UnitIndex(result);
const find = (kind: ImportAnomaly['kind']) => result.anomalies.filter((a) => a.kind === kind);
const summary = (a: ImportAnomaly) => [a.source.slice(0, 7), a.row, a.field, a.codes.join(' ')];

describe('build on hand-made sources: catalogues', () => {
  test('reports an unreadable unit and a duplicate code at their lines, and imports neither', () => {
    const line = (code: string) =>
      texts.preReform.split('\n').findIndex((l) => l.includes(`"Code": "${code}"`)) + 1;
    assert.deepEqual(
      find('unparsable_row')
        .filter((a) => a.source.startsWith('2025-03'))
        .map(summary),
      [['2025-03', line('6979'), null, '']],
    );
    const duplicate = texts.preReform.split('\n').findLastIndex((l) => l.includes('"Code": "06973"')) + 1;
    assert.deepEqual(find('duplicate_code').map(summary), [['2025-03', duplicate, null, '06973']]);
    assert.equal(index.unitAt('06973', '2025-01-01')?.fullName, 'Xã Thanh Sơn');
    assert.deepEqual(result.counts.preReform, {
      provinces: 1,
      districts: 2,
      communes: 3,
      communesByType: { township: 1, commune: 2 },
    });
  });

  test('a tone-style rewrite stays in the version; a rename and a type change start new ones', () => {
    const spans = (code: string) =>
      index.versionsOf(code).map((v) => [v.fullName, v.type, v.validFrom, v.validTo]);
    assert.deepEqual(spans('07001'), [['Phường Hòa Bình', 'ward', '2025-07-01', null]]);
    assert.deepEqual(index.versionsOf('07001')[0]?.altNames, ['Phường Hoà Bình']);
    assert.deepEqual(spans('06978'), [
      ['Xã Ba Chẽ', 'commune', '2025-07-01', '2026-04-29'],
      ['Xã Ba Chẽ Mới', 'commune', '2026-04-30', null],
    ]);
    assert.deepEqual(spans('75'), [
      ['Tỉnh Đồng Nai', 'province', '2025-07-01', '2026-04-29'],
      ['Thành phố Đồng Nai', 'municipality', '2026-04-30', null],
    ]);
    assert.deepEqual(spans('26368'), [
      ['Xã Long Thành', 'commune', '2025-07-01', '2026-04-29'],
      ['Phường Long Thành', 'ward', '2026-04-30', null],
    ]);
    assert.deepEqual(
      find('tone_style_variant')
        .filter((a) => a.source.startsWith('2026'))
        .map((a) => a.codes),
      [['07001']],
    );
  });
});

describe('build on hand-made sources: crosswalk', () => {
  test('keeps the catalogue code of a unit the crosswalk codes differently, with an alias', () => {
    assert.deepEqual(
      result.aliases.map((a) => [a.alias, a.code, a.validFrom, a.row]),
      [['06970', '06978', '2025-07-01', 4]],
    );
    assert.deepEqual(find('code_conflict').map(summary), [['BangChu', 4, 'Mã Xã mới', '06978 06970']]);
    assert.equal(index.unitAt('06970', '2025-06-30')?.fullName, 'Thị trấn Ba Chẽ');
    assert.equal(index.unitAt('06970', '2025-07-01')?.code, '06978');
  });

  test('corrects an old code by the name in the same district, keeping the printed code', () => {
    assert.deepEqual(find('wrong_old_code').map(summary), [['BangChu', 8, 'Mã Xã cũ', '06976 06973']]);
    const edge = index.successorsOf('06976')[0];
    assert.deepEqual([edge?.newCode, edge?.sourceOldCode, edge?.kind], ['07001', '06973', 'partial']);
  });

  test('settles whole or partial from the table and reports where the note disagrees', () => {
    assert.deepEqual(
      index.successorsOf('06973').map((e) => [e.newCode, e.kind, e.note]),
      [
        ['06978', 'partial', 'Nhập toàn bộ'],
        ['07001', 'partial', 'Nhập toàn bộ'],
      ],
    );
    assert.deepEqual(find('kind_conflict').map(summary), [
      ['BangChu', 6, 'Ghi chú', '06973 06978'],
      ['BangChu', 7, 'Ghi chú', '06973 07001'],
      ['BangChu', 8, 'Ghi chú', '06976 07001'],
    ]);
    assert.deepEqual(find('note_misspelt').map(summary), [['BangChu', 8, 'Ghi chú', '07001 06973']]);
  });

  test('skips a row with a malformed code, and maps an island district by its own code', () => {
    // Line numbers count the embedded newline in the Ba Chẽ row (lines 4–5).
    assert.deepEqual(
      find('unparsable_row')
        .filter((a) => a.source.startsWith('Bang'))
        .map(summary),
      [['BangChu', 9, null, '7001 06979']],
    );
    assert.deepEqual(
      index.successorsOf('318').map((e) => [e.oldLevel, e.newCode, e.kind, e.change]),
      [['district', '11948', 'whole', 'reorganised']],
    );
    assert.deepEqual(find('missing_old_code').map(summary), [['BangChu', 10, 'Mã Xã cũ', '318 11948']]);
    assert.deepEqual(find('missing_type_prefix').map(summary), [['BangChu', 10, 'Tỉnh cũ', '22']]);
    assert.deepEqual(find('unknown_code').map(summary), [['BangChu', 11, 'Mã Xã cũ', '26368']]);
    assert.deepEqual(
      index.predecessorsOf('26368').map((e) => [e.oldCode, e.kind, e.change]),
      [['26368', 'whole', 'retyped']],
    );
    assert.deepEqual(
      find('text_cleaned')
        .filter((a) => a.source.startsWith('Bang'))
        .map(summary),
      [
        ['BangChu', 3, 'Tỉnh, thành phố', ''],
        ['BangChu', 4, 'Tên Xã mới', '06970 06970'],
      ],
    );
  });
});

describe('build on hand-made sources: second sources', () => {
  test('checks the GSO export by code, name, type and parent', () => {
    assert.deepEqual(
      find('case_variant')
        .filter((a) => a.source.startsWith('danh'))
        .map(summary),
      [['danhmuc', 2, 'Tên', '06970']],
    );
    assert.deepEqual(
      find('type_mismatch')
        .filter((a) => a.source.startsWith('danh'))
        .map(summary),
      [['danhmuc', 4, 'Cấp', '06976']],
    );
    assert.deepEqual(
      find('missing_in_source')
        .filter((a) => a.source.startsWith('danh'))
        .map(summary),
      [['danhmuc', 5, 'Mã', '09999']],
    );
    assert.deepEqual(
      find('text_cleaned')
        .filter((a) => a.source.startsWith('danh'))
        .map(summary),
      [
        ['danhmuc', 3, 'Quận Huyện', '06973'],
        ['danhmuc', 3, 'Tên', '06973'],
      ],
    );
  });

  test('joins sapnhap rows by province and name, and stores unknown figures as null', () => {
    assert.deepEqual(
      result.profiles.map((p) => [p.code, p.areaKm2, p.population, p.adminCentre]),
      [
        ['06978', 12.5, 30509, null],
        ['07001', null, null, 'Thôn 1, xã Hòa Bình'],
        ['11948', 3, null, 'Thôn 2'],
        ['26368', 30, 50000, 'Khu 1'],
      ],
    );
    assert.deepEqual(find('number_format').map(summary), [['sapnhap', 2, 'dansonguoi', '06978']]);
    assert.deepEqual(find('implausible_value').map(summary), [['sapnhap', 3, 'dansonguoi', '07001']]);
    assert.equal(find('missing_value').length, 3);
    assert.deepEqual(find('wrong_province_number').map(summary), [['sapnhap', 6, 'matinh', '75 22']]);
    assert.deepEqual(
      find('case_variant')
        .filter((a) => a.source.startsWith('sap'))
        .map(summary),
      [['sapnhap', 6, 'tentinh', '75']],
    );
    assert.deepEqual(
      find('tone_style_variant')
        .filter((a) => a.source.startsWith('sap'))
        .map(summary),
      [['sapnhap', 3, 'tenhc', '07001']],
    );
    assert.deepEqual(
      find('type_mismatch')
        .filter((a) => a.source.startsWith('sap'))
        .map(summary),
      [['sapnhap', 6, 'loai', '26368']],
    );
  });
});
