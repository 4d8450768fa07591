import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProcedureContent } from '../catalogue/index.js';
import { kindOfName, type RoutableAgency, routeDossier, splitBodyNames } from './routing.js';

const ag = (
  id: string,
  kind: string,
  name: string,
  units: string[],
  parentId: string | null = null,
): RoutableAgency => ({
  id,
  code: id.toUpperCase(),
  kind,
  name,
  parentId,
  units,
});
const AGENCIES = [
  ag('tinh', 'provincial_committee', 'Ủy ban nhân dân tỉnh Quảng Ninh', ['22']),
  ag('ttt', 'provincial_service_centre', 'Trung tâm Phục vụ hành chính công tỉnh', ['22'], 'tinh'),
  ag('stp', 'department', 'Sở Tư pháp', ['22'], 'tinh'),
  ag('ca', 'police', 'Công an tỉnh Quảng Ninh', ['22']),
  ag('hl', 'commune_committee', 'Ủy ban nhân dân phường Hạ Long', ['06688'], 'tinh'),
  ag('hlc', 'commune_service_centre', 'Trung tâm Phục vụ hành chính công phường Hạ Long', ['06688'], 'hl'),
  ag('bc', 'commune_committee', 'Ủy ban nhân dân xã Ba Chẽ', ['06978'], 'tinh'),
];
type Agencies = ProcedureContent['agencies'];
const route = (
  levels: ProcedureContent['levels'],
  agencies: Agencies,
  communeCode: string | null = '06688',
) =>
  routeDossier({
    content: { levels, agencies },
    communeCode,
    communeName: 'Phường Hạ Long',
    provinceCode: '22',
    agencies: AGENCIES,
  });

describe('routing to the competent body (DOMAIN.md §3.4)', () => {
  const table: [string, ReturnType<typeof route>, string | null, string | null][] = [
    [
      'UBND cấp xã → the committee of the applicant’s ward, with its centre',
      route(['commune'], [{ role: 'competent', level: 'commune', name: 'Ủy ban nhân dân cấp xã' }]),
      'hl',
      'hlc',
    ],
    [
      'the same kind in another commune',
      route(['commune'], [{ role: 'competent', level: 'commune', name: 'Chủ tịch UBND cấp xã' }], '06978'),
      'bc',
      'ttt',
    ],
    ['no body named: the level’s committee', route(['commune'], []), 'hl', 'hlc'],
    [
      'a department by name',
      route(['province'], [{ role: 'competent', level: 'province', name: 'Sở Tư pháp' }]),
      'stp',
      'ttt',
    ],
    [
      'the provincial committee',
      route(['province'], [{ role: 'competent', level: 'province', name: 'Ủy ban nhân dân cấp tỉnh' }]),
      'tinh',
      'ttt',
    ],
    [
      'a cell listing several bodies tries the one of the level',
      route(
        ['commune'],
        [
          {
            role: 'competent',
            level: 'commune',
            name: 'Công an tỉnh, Ủy ban Nhân dân xã, phường, thị trấn.',
          },
        ],
      ),
      'hl',
      'hlc',
    ],
  ];
  for (const [name, out, competent, centre] of table) {
    it(name, () => {
      assert.ok(out.ok, JSON.stringify(out));
      assert.equal(out.competent.id, competent);
      assert.equal(out.receivingCentre?.id ?? null, centre);
    });
  }

  it('names what is missing: no commune police in the demo province', () => {
    const out = route(['commune'], [{ role: 'competent', level: 'commune', name: 'Công an cấp Xã' }]);
    assert.deepEqual(out, {
      ok: false,
      code: 'dossier.no_competent_agency',
      missing: 'Công an cấp Xã phục vụ Phường Hạ Long',
    });
  });

  it('asks for the commune of a commune-level procedure', () => {
    const out = route(['commune'], [], null);
    assert.equal(out.ok, false);
    assert.equal(!out.ok && out.code, 'dossier.commune_required');
  });

  it('splits a cell of body names without breaking "xã, phường, thị trấn"', () => {
    assert.deepEqual(splitBodyNames('Công an tỉnh, Cục cảnh sát giao thông, Công an cấp Xã'), [
      'Công an tỉnh',
      'Cục cảnh sát giao thông',
      'Công an cấp Xã',
    ]);
    assert.deepEqual(splitBodyNames('Ủy ban Nhân dân xã, phường, thị trấn.'), [
      'Ủy ban Nhân dân xã, phường, thị trấn',
    ]);
  });

  it('reads the kind of body from its name', () => {
    const kinds: [string, ProcedureContent['levels'][number], string][] = [
      ['Công an cấp Xã', 'commune', 'police'],
      ['Chủ tịch Ủy ban nhân dân xã', 'commune', 'commune_committee'],
      ['UBND cấp tỉnh', 'province', 'provincial_committee'],
      ['Sở Nông nghiệp và Môi trường', 'province', 'department'],
      ['Chi nhánh Văn phòng đăng ký đất đai', 'province', 'land_registration'],
      ['Chi cục Thuế khu vực', 'province', 'tax'],
    ];
    for (const [name, level, kind] of kinds) assert.equal(kindOfName(name, level), kind, name);
  });
});
