/**
 * A small intake world for dossier tests: the units and agencies of a province (a ward with its
 * People's Committee and service centre, a second ward, the provincial centre and a department),
 * two procedures (a commune-level one offered online with a fee and a reduction, a provincial one
 * offered only at the desk), and desk officers. Each call makes fresh agency codes, so files and
 * tests never share rows.
 */

import { Readable } from 'node:stream';
import type { Agency } from '../src/modules/admin-units/agencies/index.js';
import { importCatalogue } from '../src/modules/catalogue/catalogue-import.service.js';
import { contentHash, type ProcedureContent } from '../src/modules/catalogue/content.js';
import { storeUpload } from '../src/modules/dossiers/attachments/index.js';
import type { Dossier } from '../src/modules/dossiers/dossier.js';
import { submitDossier } from '../src/modules/dossiers/submission.service.js';
import { type Clock, systemClock } from '../src/platform/clock.js';
import type { Db } from '../src/platform/db/database.js';
import type { Principal, Role } from '../src/platform/http/access.js';
import { newId } from '../src/platform/ids.js';
import type { AppContext } from '../src/platform/module.js';
import { insertAgency } from './factories-agencies.js';
import { insertCitizen, insertOfficer } from './factories-identity.js';

export const ONLINE_PROCEDURE = '1.990001';
export const DESK_PROCEDURE = '2.990002';
export const WARD = '06688';
export const OTHER_WARD = '07093';

const base = (over: Partial<ProcedureContent>): ProcedureContent => ({
  name: 'Thủ tục thử nghiệm',
  field: 'Hộ tịch',
  levels: ['commune'],
  procedureType: null,
  stepsText: null,
  conditionsText: null,
  onlineLevel: 'toan_trinh',
  onlineLevelSource: 'import_rule',
  cutOff: null,
  decisionNumber: null,
  decisionDate: null,
  disclosedOn: null,
  source: { url: null, ministryDir: null },
  parseIssues: [],
  agencies: [],
  subjects: [{ kind: 'citizen', label: 'Công dân Việt Nam' }],
  legalBases: [],
  results: [{ name: 'Giấy khai sinh', code: null, codeValid: false }],
  components: [],
  channels: [],
  feeLines: [],
  feeReductions: [],
  workflows: [],
  ...over,
});

const component = (name: string, requirement: 'required' | 'conditional', copies = 1) => ({
  groupTitle: null,
  name,
  templateFile: null,
  templateUrl: null,
  originals: copies,
  certifiedCopies: 0,
  copies: 0,
  requirement,
  conditionText: requirement === 'conditional' ? 'Trường hợp ủy quyền' : null,
  reusableData: false,
});

const channel = (kind: 'direct' | 'online', value: number) => ({
  kind,
  timeValue: value,
  timeUnit: 'ngay-lam-viec' as const,
  timeUnitSource: 'stated' as const,
  timeText: `${value} ngày làm việc`,
  feeStatus: 'charged' as const,
  description: null,
});

/** The name of the liên thông partner in the online procedure's workflow (tests insert it when they process). */
export const TAX_PARTNER = 'Chi cục Thuế khu vực thử nghiệm';

const wfStep = (kind: string, role: string, budgetMinutes: number, agencyName: string | null = null) => ({
  kind: kind as ProcedureContent['workflows'][number]['steps'][number]['kind'],
  role,
  agencyName,
  budgetMinutes,
});

export const onlineContent = base({
  name: 'Đăng ký khai sinh (thử nghiệm)',
  workflows: [
    {
      level: 'commune',
      isDefault: true,
      agencyCode: null,
      onlineTargetMinutes: null,
      steps: [
        wfStep('receive_transfer', 'Bộ phận Một cửa (tiếp nhận, chuyển hồ sơ)', 30),
        wfStep('appraise', 'Công chức tư pháp - hộ tịch (thẩm định)', 480),
        wfStep('lien_thong', 'Chi cục Thuế (xác định nghĩa vụ tài chính)', 480, TAX_PARTNER),
        wfStep('approve_sign', 'Chủ tịch UBND (phê duyệt, ký)', 180),
        wfStep('return_result', 'Bộ phận Một cửa (trả kết quả)', 30),
      ],
    },
  ],
  agencies: [{ role: 'competent', level: 'commune', name: 'Ủy ban nhân dân cấp xã' }],
  components: [
    component('Tờ khai đăng ký khai sinh', 'required'),
    component('Giấy chứng sinh', 'required'),
    component('Văn bản ủy quyền', 'conditional'),
    { ...component('Trường hợp nộp trực tuyến thì không phải nộp bản giấy', 'required'), originals: 0 },
  ],
  channels: [channel('direct', 5), channel('online', 3)],
  feeLines: [
    {
      channelPosition: null,
      kind: 'le_phi',
      amount: 50_000,
      amountMax: null,
      currency: 'VND',
      perUnit: null,
      collected: 'before',
      exemptions: null,
      note: 'Lệ phí đăng ký',
    },
  ],
  feeReductions: [
    {
      channel: 'online',
      percent: 50,
      validFrom: '2025-07-01',
      validTo: '2027-01-01',
      legalBasis: 'Nghị quyết thử nghiệm',
    },
  ],
});

export const deskContent = base({
  name: 'Cấp phiếu lý lịch tư pháp (thử nghiệm)',
  field: 'Lý lịch tư pháp',
  levels: ['province'],
  onlineLevel: 'none',
  agencies: [{ role: 'competent', level: 'province', name: 'Sở Tư pháp' }],
  components: [component('Tờ khai yêu cầu cấp phiếu', 'required')],
  channels: [channel('direct', 10)],
});

async function insertUnits(db: Db) {
  const unit = (
    code: string,
    level: string,
    type: string,
    name: string,
    full: string,
    parent: string | null,
  ) => ({
    code,
    edition: 'reform2025',
    level,
    type,
    name,
    full_name: full,
    parent_code: parent,
    province_code: '22',
    valid_from: new Date('2025-07-01T00:00:00Z'),
  });
  await db
    .insertInto('admin_unit_versions')
    .values([
      unit('22', 'province', 'province', 'Quảng Ninh', 'Tỉnh Quảng Ninh', null),
      unit(WARD, 'commune', 'ward', 'Hạ Long', 'Phường Hạ Long', '22'),
      unit(OTHER_WARD, 'commune', 'ward', 'Đông Triều', 'Phường Đông Triều', '22'),
    ])
    .execute();
}

type Officer = { id: string; username: string; grants: { role: Role; agencyId: string }[] };

export interface IntakeWorld {
  province: Agency;
  provinceCentre: Agency;
  department: Agency;
  ward: Agency;
  wardCentre: Agency;
  otherWard: Agency;
  otherWardCentre: Agency;
  desk: Officer;
  provinceDesk: Officer;
  specialist: Officer;
  citizen: { id: string; accountKey: string };
}

async function agencies(db: Db, clock: Clock) {
  const a = (o: Parameters<typeof insertAgency>[1]) => insertAgency(db, o, clock);
  const province = await a({
    kind: 'provincial_committee',
    name: 'Ủy ban nhân dân tỉnh Quảng Ninh',
    units: ['22'],
  });
  const provinceCentre = await a({
    kind: 'provincial_service_centre',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
    parentId: province.id,
    units: ['22'],
  });
  const department = await a({
    kind: 'department',
    name: 'Sở Tư pháp',
    parentId: province.id,
    units: ['22'],
  });
  const ward = await a({
    kind: 'commune_committee',
    name: 'Ủy ban nhân dân phường Hạ Long',
    parentId: province.id,
    units: [WARD],
  });
  const wardCentre = await a({
    kind: 'commune_service_centre',
    name: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
    parentId: ward.id,
    units: [WARD],
  });
  const otherWard = await a({
    kind: 'commune_committee',
    name: 'Ủy ban nhân dân phường Đông Triều',
    parentId: province.id,
    units: [OTHER_WARD],
  });
  const otherWardCentre = await a({
    kind: 'commune_service_centre',
    name: 'Trung tâm Phục vụ hành chính công phường Đông Triều',
    parentId: otherWard.id,
    units: [OTHER_WARD],
  });
  return { province, provinceCentre, department, ward, wardCentre, otherWard, otherWardCentre };
}

/**
 * The world, once per test database (agencies are looked up by kind and unit, so a second world in
 * the same database would make routing ambiguous).
 */
export async function seedIntakeWorld(db: Db, clock: Clock = systemClock): Promise<IntakeWorld> {
  await insertUnits(db);
  const ag = await agencies(db, clock);
  const at = new Date('2025-07-01T00:00:00Z').toISOString();
  const version = (content: ProcedureContent) => ({
    versionNumber: 1,
    effectiveFrom: at,
    publishedAt: at,
    publishedBy: 'test',
    contentHash: contentHash(content),
    content,
  });
  await importCatalogue(db, {
    text: JSON.stringify({
      format: 'motcua.catalogue',
      formatVersion: 1,
      procedures: [
        { code: ONLINE_PROCEDURE, localCode: null, versions: [version(onlineContent)] },
        { code: DESK_PROCEDURE, localCode: null, versions: [version(deskContent)] },
      ],
    }),
    sourceFile: 'test-world.json',
    now: clock.now(),
  });
  const desk = await insertOfficer(db, { grants: [{ agencyId: ag.wardCentre.id, role: 'one_stop' }] });
  const provinceDesk = await insertOfficer(db, {
    grants: [{ agencyId: ag.provinceCentre.id, role: 'one_stop' }],
  });
  const specialist = await insertOfficer(db, { grants: [{ agencyId: ag.ward.id, role: 'specialist' }] });
  const citizen = await insertCitizen(db, {
    fullName: 'Nguyễn Thị Hường',
    claims: {
      HoVaTen: 'Nguyễn Thị Hường',
      NoiOHienNay: { MaXa: WARD, DiaChiDayDu: 'Số 12, phố Cao Thắng, phường Hạ Long' },
    },
  });
  return { ...ag, desk, provinceDesk, specialist, citizen };
}

/** The principal a service receives for an officer of the world. */
export const officerPrincipal = (o: {
  id: string;
  username: string;
  grants: { role: Role; agencyId: string }[];
}): Principal => ({
  kind: 'officer',
  id: o.id,
  sessionId: 'test-session',
  username: o.username,
  name: `Cán bộ ${o.username}`,
  grants: o.grants,
});

export const citizenPrincipal = (c: { id: string }, name = 'Nguyễn Thị Hường'): Principal => ({
  kind: 'citizen',
  id: c.id,
  sessionId: 'test-session',
  name,
  accountType: 1,
});

/** A valid online submission body for the world's online procedure (no files). */
export const onlineBody = (over: Record<string, unknown> = {}) => ({
  procedureCode: ONLINE_PROCEDURE,
  applicant: {
    name: 'Nguyễn Thị Hường',
    idNumber: '022185012345',
    phone: '0912345678',
    email: 'huong@example.vn',
    address: 'Số 18, tổ 5, khu 3, phường Hạ Long',
    communeCode: WARD,
  },
  owner: { name: 'Trần Minh Khang', birthDate: '2026-11-30' },
  returnMethod: 'online' as const,
  ...over,
});

/** The smallest valid PDF the type check accepts. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * An online dossier of the world's citizen, as the form makes it: both required documents uploaded
 * into a draft, then submitted with the draft's file ids (status 1, channel 2).
 */
export async function submitOnlineDossier(
  ctx: AppContext,
  world: IntakeWorld,
  key: string,
): Promise<Dossier> {
  const now = ctx.clock.now();
  const draftId = newId();
  await ctx.db
    .insertInto('dossier_drafts')
    .values({
      id: draftId,
      account_id: world.citizen.id,
      procedure_code: ONLINE_PROCEDURE,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const upload = (slot: number, name: string) =>
    storeUpload(ctx, {
      stream: Readable.from([TINY_PDF, Buffer.from(`% ${name}\n`)]),
      fileName: name,
      uploader: { kind: 'citizen', id: world.citizen.id },
      target: { draftId, slot },
    });
  const a = await upload(0, 'to-khai.pdf');
  const b = await upload(1, 'giay-chung-sinh.pdf');
  const body = onlineBody({
    draftId,
    components: [
      { position: 0, fileIds: [a.id] },
      { position: 1, fileIds: [b.id] },
    ],
  });
  return (await submitDossier(ctx, citizenPrincipal(world.citizen), body as never, key)).dossier;
}
