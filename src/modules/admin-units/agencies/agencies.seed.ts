/**
 * Demo agencies of Quảng Ninh (province code 22) as they stand after the 2025 reorganisation: the
 * provincial People's Committee, a few departments (Sở Nông nghiệp và Môi trường took over the former
 * Sở Tài nguyên và Môi trường), the provincial Public Administration Service Centre, the tax office,
 * the land registration office and a branch, the provincial police, and the People's Committees and
 * service centres of some of the communes and wards created on 1/7/2025 (codes from the 2025 unit
 * catalogue, e.g. Phường Đông Triều 07093, Phường Hạ Long 06688, Xã Ba Chẽ 06978).
 *
 * THE IDENTIFIER CODES BELOW ARE DEMO VALUES, NOT OFFICIAL ONES: they follow the shapes in use
 * (`000.00.xx.H22` for provincial bodies, `H22.xxx` for communes and `H22.xxx.01` for their centres,
 * DOMAIN.md §5.2) but were not taken from the official catalogue. Addresses name the building each
 * unit's catalogue entry gives as its administrative seat; phone numbers and e-mails are left empty.
 */
import { systemActor } from '../../../platform/audit/actor.js';
import type { DemoAccount } from '../../../platform/module.js';
import { createAgency } from './agencies.service.js';
import { type AgencyDeps, findAgencyByCode } from './agency-lookup.service.js';
import type { AgencyKind } from './agency-rules.js';

interface SeedAgency {
  code: string;
  kind: AgencyKind;
  name: string;
  parent?: string;
  units: string[];
  address?: string;
}

const PROVINCE = '22';
const UBND_TINH = '000.00.00.H22';
const SO_NNMT = '000.00.11.H22';
const VPDKDD = '000.01.11.H22';
const SEAT = 'Trung tâm Chính trị – Hành chính tỉnh, phường Hạ Long, tỉnh Quảng Ninh';

const provincial: SeedAgency[] = [
  {
    code: UBND_TINH,
    kind: 'provincial_committee',
    name: 'Ủy ban nhân dân tỉnh Quảng Ninh',
    units: [PROVINCE],
    address: SEAT,
  },
  {
    code: '000.00.01.H22',
    kind: 'provincial_service_centre',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
    parent: UBND_TINH,
    units: [PROVINCE],
    address: SEAT,
  },
  {
    code: SO_NNMT,
    kind: 'department',
    name: 'Sở Nông nghiệp và Môi trường',
    parent: UBND_TINH,
    units: [PROVINCE],
    address: SEAT,
  },
  {
    code: '000.00.12.H22',
    kind: 'department',
    name: 'Sở Tư pháp',
    parent: UBND_TINH,
    units: [PROVINCE],
    address: SEAT,
  },
  {
    code: '000.00.13.H22',
    kind: 'department',
    name: 'Sở Xây dựng',
    parent: UBND_TINH,
    units: [PROVINCE],
    address: SEAT,
  },
  {
    code: VPDKDD,
    kind: 'land_registration',
    name: 'Văn phòng Đăng ký đất đai tỉnh Quảng Ninh',
    parent: SO_NNMT,
    units: [PROVINCE],
  },
  {
    code: '001.01.11.H22',
    kind: 'land_registration',
    name: 'Chi nhánh Văn phòng Đăng ký đất đai khu vực Hạ Long',
    parent: VPDKDD,
    units: ['06688', '06685', '06673'],
  },
  { code: '000.00.30.H22', kind: 'tax', name: 'Thuế tỉnh Quảng Ninh', units: [PROVINCE] },
  { code: '000.00.40.H22', kind: 'police', name: 'Công an tỉnh Quảng Ninh', units: [PROVINCE] },
];

/** [commune code, "phường"/"xã", name, demo number, administrative seat from the unit catalogue] */
const communes: [string, 'phường' | 'xã', string, string, string][] = [
  ['07093', 'phường', 'Đông Triều', '101', 'Trụ sở HĐND, UBND thành phố Đông Triều (cũ)'],
  ['06688', 'phường', 'Hạ Long', '102', 'Trụ sở Đảng ủy, HĐND, UBND phường Hồng Hải (cũ)'],
  ['06673', 'phường', 'Bãi Cháy', '103', 'Trụ sở Đảng ủy, HĐND, UBND phường Bãi Cháy'],
  ['06685', 'phường', 'Hồng Gai', '104', 'Trụ sở Đảng ủy, HĐND, UBND phường Trần Hưng Đạo (cũ)'],
  ['06793', 'phường', 'Cẩm Phả', '105', 'Trụ sở HĐND, UBND thành phố Cẩm Phả (cũ)'],
  ['06712', 'phường', 'Móng Cái 1', '106', 'Trụ sở HĐND, UBND thành phố Móng Cái (cũ)'],
  ['06978', 'xã', 'Ba Chẽ', '107', 'Trụ sở Huyện ủy Ba Chẽ (cũ)'],
  ['06838', 'xã', 'Bình Liêu', '108', 'Trụ sở HĐND, UBND huyện Bình Liêu (cũ)'],
];

function communeAgencies(): SeedAgency[] {
  return communes.flatMap(([unit, level, name, number, seat]) => {
    const code = `H22.${number}`;
    const address = `${seat}, ${level} ${name}, tỉnh Quảng Ninh`;
    return [
      {
        code,
        kind: 'commune_committee' as const,
        name: `Ủy ban nhân dân ${level} ${name}`,
        parent: UBND_TINH,
        units: [unit],
        address,
      },
      {
        code: `${code}.01`,
        kind: 'commune_service_centre' as const,
        name: `Trung tâm Phục vụ hành chính công ${level} ${name}`,
        parent: code,
        units: [unit],
        address,
      },
    ];
  });
}

export const DEMO_AGENCIES: readonly SeedAgency[] = [...provincial, ...communeAgencies()];

/** The units (2025 two-level reform) all demo codes start from. */
const VALID_FROM = '2025-07-01';

/** Idempotent: an agency whose code is already taken is left as it is. Makes no accounts. */
export async function seedDemoAgencies(deps: AgencyDeps): Promise<DemoAccount[]> {
  const ids = new Map<string, string>();
  for (const seed of DEMO_AGENCIES) {
    const existing = await findAgencyByCode(deps.db, seed.code, deps.clock.now());
    if (existing) {
      ids.set(seed.code, existing.id);
      continue;
    }
    const created = await createAgency(
      deps,
      {
        code: seed.code,
        codeValidFrom: VALID_FROM,
        codeSource: 'Dữ liệu minh họa (không phải mã chính thức) / demo value, not an official code',
        kind: seed.kind,
        name: seed.name,
        parentId: seed.parent ? (ids.get(seed.parent) ?? null) : null,
        units: seed.units,
        address: seed.address ?? null,
      },
      systemActor('demo-seed'),
    );
    ids.set(seed.code, created.id);
  }
  return [];
}
