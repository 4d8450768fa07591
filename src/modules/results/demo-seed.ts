/**
 * The results module's demo data (idempotent): three birth-registration dossiers taken in at the
 * demo centre of phường Hạ Long and walked along the ward's workflow (desk → specialist appraises →
 * department head reviews → leader approves and signs → desk returns), each action taken through the
 * workflow services as the demo officer whose role the step needs. Two wait at the leader's
 * approve-and-sign step for motcua.lanhdao (the result page's form and the batch page /can-bo/ky-so);
 * the third is signed by motcua.lanhdao and waits at the desk of motcua.tiepnhan to be returned.
 *
 * They are the results seed's own dossiers, not the workflow seed's: those stay where that seed left
 * them for the specialist's inbox. Each dossier is submitted under a fixed idempotency key and only
 * moved forward along its planned steps up to its target, so a second run finds it there and changes
 * nothing; a dossier the demo's users sent back, paused or took over is left as they left it.
 */
import type { Principal, Role } from '../../platform/http/access.js';
import type { AppContext, DemoAccount } from '../../platform/module.js';
import { findDossier } from '../dossiers/index.js';
import {
  type AppliedAction,
  applyProcessingAction,
  demoOfficer,
  demoWalkIn,
  processingState,
} from '../workflow/index.js';
import { signDossierResult } from './results.service.js';

/** The demo officer acting for each role of the ward's workflow (docs/demo.md). */
const OFFICERS: Partial<Record<Role, string>> = {
  one_stop: 'motcua.tiepnhan',
  specialist: 'motcua.chuyenvien',
  department_head: 'motcua.truongphong',
  agency_leader: 'motcua.lanhdao',
};

/** Where a dossier stops: at the leader's step, or signed and waiting for the desk. */
type Target = 'at_leader' | 'signed';

interface DemoDossier {
  applicant: string;
  idNumber: string;
  child: string;
  target: Target;
}

const DOSSIERS: DemoDossier[] = [
  { applicant: 'Phan Văn Thành', idNumber: '022189000108', child: 'Phan Gia Hân', target: 'at_leader' },
  { applicant: 'Tô Thị Thu Hà', idNumber: '022194000109', child: 'Tô Minh Khôi', target: 'at_leader' },
  { applicant: 'Ngô Thị Mai', idNumber: '022190000110', child: 'Ngô Bảo Anh', target: 'signed' },
];

/** Notes written in the history, as the officers would write them. */
const NOTES: Partial<Record<AppliedAction, Partial<Record<Role, string>>>> = {
  transfer: { one_stop: 'Chuyển công chức tư pháp - hộ tịch thẩm định' },
  forward: {
    specialist: 'Đã thẩm định: đủ điều kiện đăng ký khai sinh',
    department_head: 'Đồng ý, trình lãnh đạo phê duyệt',
  },
};

/** Someone steered the dossier off the plan: the seed leaves it alone. */
const STEERED = ['return_step', 'request_supplement', 'request_payment', 'stop', 'withdraw'];

/**
 * The next action on the way to the leader's step, and who takes it; null once the dossier is at
 * the leader's step, decided, or off the plan.
 */
async function nextMove(
  ctx: AppContext,
  actors: Map<Role, Principal>,
  desk: Principal,
  code: string,
): Promise<{ actor: Principal; action: AppliedAction; role: Role } | null> {
  const { head, state } = await processingState(ctx, desk, code);
  if (head.status === 2) return { actor: desk, action: 'start', role: 'one_stop' };
  const step = state.step;
  if (head.status !== 4 || !step || step.role === 'agency_leader') return null;
  const actor = actors.get(step.role);
  if (!actor) return null;
  if (step.awaitingHandover) return { actor, action: 'receive_handover', role: step.role };
  if (step.claimedBy === null) return { actor, action: 'claim', role: step.role };
  if (step.claimedBy !== actor.id || !state.next || state.next.kind === 'return_result') return null;
  const action = state.next.agencyId === step.agencyId ? 'forward' : 'transfer';
  return { actor, action, role: step.role };
}

/** Walks the dossier to the leader's approve-and-sign step (a bounded number of moves). */
async function walkToLeader(ctx: AppContext, actors: Map<Role, Principal>, desk: Principal, code: string) {
  for (let moves = 0; moves < 12; moves++) {
    const move = await nextMove(ctx, actors, desk, code);
    if (!move) return;
    await applyProcessingAction(ctx, move.actor, code, move.action, {
      note: NOTES[move.action]?.[move.role],
    });
  }
}

async function steered(ctx: AppContext, dossierId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('dossier_history')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .where('action', 'in', STEERED)
    .executeTakeFirst();
  return row !== undefined;
}

const submitted = (ctx: AppContext, desk: Principal, d: DemoDossier, i: number) =>
  demoWalkIn(
    ctx,
    desk,
    {
      ...d,
      phone: `09120002${String(i).padStart(2, '0')}`,
      address: `Số ${i + 12}, tổ 4, khu 2, phường Hạ Long`,
      childBirthDate: '2026-11-18',
    },
    `demo-results-${i + 1}`,
  );

/** Seeds the dossiers waiting for the leader's signature and one waiting for return; makes no account. */
export async function seedResultsDemo(ctx: AppContext): Promise<DemoAccount[]> {
  if (ctx.config.production) return [];
  const actors = new Map<Role, Principal>();
  for (const [role, username] of Object.entries(OFFICERS) as [Role, string][]) {
    const principal = await demoOfficer(ctx, username);
    if (!principal) return [];
    actors.set(role, principal);
  }
  const desk = actors.get('one_stop')!;
  const leader = actors.get('agency_leader')!;
  for (const [i, d] of DOSSIERS.entries()) {
    const dossier = await submitted(ctx, desk, d, i);
    if (await steered(ctx, dossier.id)) continue;
    await walkToLeader(ctx, actors, desk, dossier.code);
    const now = await findDossier(ctx.db, dossier.code);
    if (d.target === 'signed' && now?.status === 4) {
      const { state } = await processingState(ctx, leader, dossier.code);
      if (state.step?.role === 'agency_leader' && [null, leader.id].includes(state.step.claimedBy))
        await signDossierResult(ctx, leader, dossier.code);
    }
  }
  return [];
}
