/**
 * The workflow module's demo data (idempotent): a few walk-in dossiers taken in at the demo centre of
 * phường Hạ Long and moved along their steps, so that the demo officers' inboxes show work — some
 * handed over to the ward and not yet received, one received and waiting for someone to take it,
 * one held by the demo specialist, one waiting for the citizen's supplement, one received at the desk
 * and not yet sent for processing. Each dossier is submitted under a fixed idempotency key and only
 * moved while it is still at the desk (status 1 or 2), so a second run changes nothing.
 */
import type { Principal, Role } from '../../platform/http/access.js';
import type { AppContext, DemoAccount } from '../../platform/module.js';
import { findDossier, receiveDossier, submitDossier } from '../dossiers/index.js';
import { type AppliedAction, applyProcessingAction } from './processing.service.js';

/** Thủ tục đăng ký khai sinh (commune level, default workflow of the demo catalogue). */
const PROCEDURE = '1.001193';
const HA_LONG = '06688';

type Actor = 'desk' | 'specialist';
interface DemoDossier {
  applicant: string;
  idNumber: string;
  child: string;
  script: [Actor, AppliedAction, string?][];
}

const HANDED_OVER: DemoDossier['script'] = [
  ['desk', 'start'],
  ['desk', 'transfer', 'Chuyển công chức tư pháp - hộ tịch thẩm định'],
];
const RECEIVED: DemoDossier['script'] = [...HANDED_OVER, ['specialist', 'receive_handover']];

const DOSSIERS: DemoDossier[] = [
  { applicant: 'Vũ Thị Lan', idNumber: '022190000101', child: 'Vũ Minh An', script: HANDED_OVER },
  { applicant: 'Đinh Văn Hải', idNumber: '022188000102', child: 'Đinh Gia Bảo', script: HANDED_OVER },
  { applicant: 'Lương Thị Ngọc', idNumber: '022192000103', child: 'Lương Khánh Linh', script: HANDED_OVER },
  { applicant: 'Trịnh Quốc Việt', idNumber: '022187000104', child: 'Trịnh Bảo Ngọc', script: RECEIVED },
  {
    applicant: 'Mai Thu Trang',
    idNumber: '022191000105',
    child: 'Mai Đức Huy',
    script: [...RECEIVED, ['specialist', 'claim']],
  },
  {
    applicant: 'Hà Văn Sơn',
    idNumber: '022186000106',
    child: 'Hà Tuệ Nhi',
    script: [
      ...RECEIVED,
      ['specialist', 'claim'],
      ['specialist', 'request_supplement', 'Bổ sung bản sao giấy chứng nhận kết hôn của cha mẹ.'],
    ],
  },
  { applicant: 'Cao Thị Yến', idNumber: '022193000107', child: 'Cao Nhật Minh', script: [] },
];

/** A demo officer as a principal with their grants (the demo seeds act through the services). */
export async function demoOfficer(ctx: AppContext, username: string): Promise<Principal | undefined> {
  const o = await ctx.db
    .selectFrom('officers')
    .select(['id', 'full_name'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!o) return undefined;
  const grants = await ctx.db
    .selectFrom('officer_roles')
    .select(['agency_id as agencyId', 'role'])
    .where('officer_id', '=', o.id)
    .execute();
  return {
    kind: 'officer',
    id: o.id,
    sessionId: 'demo-seed',
    username,
    name: o.full_name,
    grants: grants.map((g) => ({ agencyId: g.agencyId, role: g.role as Role })),
  };
}

export interface DemoWalkIn {
  applicant: string;
  idNumber: string;
  child: string;
  phone: string;
  address: string;
  childBirthDate: string;
}

/**
 * A walk-in birth registration (thủ tục 1.001193) the demo desk of phường Hạ Long takes in and
 * receives, under a fixed idempotency key: a second run finds the same dossier.
 */
export async function demoWalkIn(ctx: AppContext, desk: Principal, d: DemoWalkIn, key: string) {
  const out = await submitDossier(
    ctx,
    desk,
    {
      procedureCode: PROCEDURE,
      applicant: {
        name: d.applicant,
        idNumber: d.idNumber,
        phone: d.phone,
        address: d.address,
        communeCode: HA_LONG,
      },
      owner: { name: d.child, birthDate: d.childBirthDate },
      channel: 1,
      returnMethod: 'desk',
    },
    key,
  );
  if (out.dossier.status === 1) await receiveDossier(ctx, desk, out.dossier.code, {});
  return out.dossier;
}

/** Seeds the demo dossiers in processing; returns no account (the officers are identity's). */
export async function seedWorkflowDemo(ctx: AppContext): Promise<DemoAccount[]> {
  if (ctx.config.production) return [];
  const desk = await demoOfficer(ctx, 'motcua.tiepnhan');
  const specialist = await demoOfficer(ctx, 'motcua.chuyenvien');
  if (!desk || !specialist) return [];
  const actors = { desk, specialist };
  for (const [i, d] of DOSSIERS.entries()) {
    const { code } = await demoWalkIn(
      ctx,
      desk,
      {
        ...d,
        phone: `09120001${String(i).padStart(2, '0')}`,
        address: `Số ${i + 3}, tổ 2, khu 5, phường Hạ Long`,
        childBirthDate: '2026-11-20',
      },
      `demo-workflow-${i + 1}`,
    );
    // Moved once only: a dossier already sent for processing is left as the demo's users left it.
    if ((await findDossier(ctx.db, code))?.status !== 2) continue;
    for (const [who, action, text] of d.script) {
      const input = action === 'request_supplement' ? { reason: text } : { note: text };
      await applyProcessingAction(ctx, actors[who], code, action, input);
    }
  }
  return [];
}
