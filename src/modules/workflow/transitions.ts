/**
 * The processing part of the dossier lifecycle (DOMAIN.md §3.3, rows 8–18): which action is allowed
 * in which status and step, to whom, and where it leads. Pure: the workflow services apply it under
 * the dossier's guard (status + row_version) in the transaction that appends the history row.
 *
 * A dossier in processing (status 4) has one current step, snapshotted from its procedure version's
 * workflow at receipt. A step belongs to an agency and a role; it is claimed by one officer of that
 * role (or assigned by the head of the agency), and only its claimant moves the dossier on. A step at
 * another agency (liên thông) is handed over: the giving officer transfers, an officer of the
 * receiving agency receives it, and that receipt starts the step's clock (a Mẫu 05 row).
 */
import type { Role } from '../../platform/http/access.js';
import type { DossierStatus } from '../dossiers/index.js';

export const WORKFLOW_ACTIONS = [
  'start',
  'claim',
  'assign',
  'forward',
  'transfer',
  'receive_handover',
  'return_step',
  'request_supplement',
  'supplement_received',
  'request_payment',
  'record_payment',
  'extend',
  'stop',
  'complete',
  'return_result',
  'withdraw',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface StepView {
  position: number;
  kind: string;
  role: Role;
  agencyId: string;
  claimedBy: string | null;
  /** Transferred to this step's agency, not yet received there (the hand-over is open). */
  awaitingHandover: boolean;
}

export interface WorkflowState {
  status: DossierStatus;
  /** The current step while processing (status 4, 5, 6); null before the first and after the last. */
  step: StepView | null;
  /** The step after the current one, null when the current one is the last. */
  next: Pick<StepView, 'position' | 'role' | 'agencyId' | 'kind'> | null;
  /** Supplement requests already made during processing (DOMAIN.md §3.4 rule 5). */
  supplementRequests: number;
  /** The appointment was moved once by an approved apology letter (§3.4 rule 7). */
  extended: boolean;
  receivingAgencyId: string;
  competentAgencyId: string;
}

/** The caller: an officer with the roles they hold at an agency (sub-agencies already resolved), or the dossier's citizen. */
export type WorkflowActor =
  | { kind: 'officer'; id: string; rolesAt: (agencyId: string) => ReadonlySet<Role> }
  | { kind: 'citizen'; id: string };

export interface WorkflowOutcome {
  to: DossierStatus;
  /** What the action must carry: a reason (refusal-like actions), a target step, an assignee. */
  needs: readonly ('reason' | 'targetStep' | 'assignee' | 'receiptNumber' | 'newDueAt')[];
  /** A second supplement request during processing: allowed with a written reason, flagged late in the 766 index. */
  flaggedLate?: boolean;
}

export class WorkflowRefusal extends Error {
  constructor(
    readonly code:
      | 'workflow.action_not_allowed'
      | 'workflow.forbidden'
      | 'workflow.not_your_step'
      | 'workflow.step_taken'
      | 'workflow.already_extended',
    readonly text: { vi: string; en: string },
  ) {
    super(text.en);
  }
}

const refuse = (vi: string, en: string) => new WorkflowRefusal('workflow.action_not_allowed', { vi, en });

const has = (actor: WorkflowActor, agencyId: string, ...roles: Role[]) =>
  actor.kind === 'officer' && roles.some((r) => actor.rolesAt(agencyId).has(r));

const isDesk = (s: WorkflowState, actor: WorkflowActor) => has(actor, s.receivingAgencyId, 'one_stop');

/** The current step's claimant, with the step received at its agency. */
function mustHoldStep(s: WorkflowState, actor: WorkflowActor): StepView {
  const step = s.step;
  if (!step) throw refuse('Hồ sơ không có bước đang xử lý.', 'The dossier has no current step.');
  if (step.awaitingHandover)
    throw refuse(
      'Bước này chưa được cơ quan tiếp nhận bàn giao.',
      'The step has not been received at its agency yet.',
    );
  if (actor.kind !== 'officer' || step.claimedBy !== actor.id)
    throw new WorkflowRefusal('workflow.not_your_step', {
      vi: 'Bạn không phải người đang xử lý bước này: hãy nhận xử lý trước.',
      en: 'You do not hold this step: claim it first.',
    });
  return step;
}

const STATUS_WORD: Record<number, string> = {
  2: 'Được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  9: 'Đã xử lý xong',
};

function mustBeIn(s: WorkflowState, ...statuses: DossierStatus[]) {
  if (!statuses.includes(s.status)) {
    const want = statuses.map((x) => STATUS_WORD[x] ?? String(x)).join(', ');
    throw refuse(
      `Chỉ làm được khi hồ sơ ở trạng thái: ${want}.`,
      `Allowed only when the dossier is in status ${statuses.join(', ')} (it is ${s.status}).`,
    );
  }
}

const notAllowed = () =>
  new WorkflowRefusal('workflow.forbidden', {
    vi: 'Bạn không có quyền thực hiện thao tác này trên hồ sơ.',
    en: 'Your role may not do this on the dossier.',
  });

/**
 * Decides an action: the outcome when allowed, a WorkflowRefusal naming why not otherwise. The
 * caller checks what `needs` lists (reason present, target step earlier, assignee of the step's role).
 */
export function decide(s: WorkflowState, action: WorkflowAction, actor: WorkflowActor): WorkflowOutcome {
  switch (action) {
    // Row 8: the desk forwards a received dossier to the competent body; the first step begins.
    case 'start':
      mustBeIn(s, 2);
      if (!isDesk(s, actor)) throw notAllowed();
      return { to: 4, needs: [] };
    case 'claim': {
      mustBeIn(s, 4);
      const step = s.step;
      if (!step || step.awaitingHandover)
        throw refuse('Không có bước nào chờ nhận xử lý.', 'No step is waiting to be claimed.');
      if (!has(actor, step.agencyId, step.role)) throw notAllowed();
      if (step.claimedBy !== null)
        throw new WorkflowRefusal('workflow.step_taken', {
          vi: 'Bước này đã có người nhận xử lý.',
          en: 'Someone already holds this step.',
        });
      return { to: 4, needs: [] };
    }
    // The head of the step's agency gives the step to an officer of its role (or takes it back).
    case 'assign': {
      mustBeIn(s, 4);
      const step = s.step;
      if (!step || step.awaitingHandover)
        throw refuse('Không có bước nào để phân công.', 'No step to assign.');
      if (!has(actor, step.agencyId, 'department_head', 'agency_leader')) throw notAllowed();
      return { to: 4, needs: ['assignee'] };
    }
    // Row 9 within one agency: the claimant finishes the step, the next one begins.
    case 'forward': {
      mustBeIn(s, 4);
      const step = mustHoldStep(s, actor);
      if (!s.next || s.next.kind === 'return_result')
        throw refuse(
          'Đây là bước cuối: hãy hoàn thành hồ sơ.',
          'This is the last step: complete the dossier instead.',
        );
      if (s.next.agencyId !== step.agencyId)
        throw refuse(
          'Bước sau thuộc cơ quan khác: hãy chuyển liên thông.',
          'The next step is at another agency: transfer it.',
        );
      return { to: 4, needs: [] };
    }
    // Row 9 between agencies (liên thông, or back to the competent body).
    case 'transfer': {
      mustBeIn(s, 4);
      const step = mustHoldStep(s, actor);
      if (s.next?.kind === 'return_result')
        throw refuse(
          'Đây là bước xử lý cuối: hãy hoàn thành hồ sơ để trả kết quả.',
          'This is the last processing step: complete the dossier to return the result.',
        );
      if (!s.next || s.next.agencyId === step.agencyId)
        throw refuse(
          'Bước sau không thuộc cơ quan khác: hãy chuyển bước.',
          'The next step is not at another agency: forward it.',
        );
      return { to: 4, needs: [] };
    }
    case 'receive_handover': {
      mustBeIn(s, 4);
      const step = s.step;
      if (!step?.awaitingHandover)
        throw refuse('Không có hồ sơ nào chờ tiếp nhận bàn giao.', 'Nothing is waiting to be received.');
      if (!has(actor, step.agencyId, step.role, 'one_stop', 'clerk', 'department_head', 'agency_leader'))
        throw notAllowed();
      return { to: 4, needs: [] };
    }
    case 'return_step': {
      mustBeIn(s, 4);
      const step = mustHoldStep(s, actor);
      if (step.position === 0)
        throw refuse(
          'Đây là bước đầu tiên: không có bước trước.',
          'This is the first step: there is none before it.',
        );
      return { to: 4, needs: ['reason', 'targetStep'] };
    }
    // Row 10: pauses the clock. A second request needs a written reason and counts the dossier late.
    case 'request_supplement':
      mustBeIn(s, 4);
      mustHoldStep(s, actor);
      return s.supplementRequests >= 1
        ? { to: 5, needs: ['reason'], flaggedLate: true }
        : { to: 5, needs: ['reason'] };
    // Row 11: the citizen supplies online, or the desk records the papers brought in.
    case 'supplement_received':
      mustBeIn(s, 5);
      if (actor.kind !== 'citizen' && !isDesk(s, actor)) throw notAllowed();
      return { to: 4, needs: [] };
    // Row 12: the financial obligation (fees, taxes) the citizen must pay before the result.
    case 'request_payment':
      mustBeIn(s, 4);
      mustHoldStep(s, actor);
      return { to: 6, needs: ['reason'] };
    // Row 13: until online payment lands, an officer records the payment and its receipt number.
    case 'record_payment':
      mustBeIn(s, 6);
      if (!isDesk(s, actor) && !(s.step && actor.kind === 'officer' && s.step.claimedBy === actor.id))
        throw notAllowed();
      return { to: 4, needs: ['receiptNumber'] };
    // Row 14: the apology letter approved by a leader of the competent body moves the appointment, once.
    case 'extend':
      mustBeIn(s, 4);
      if (!has(actor, s.competentAgencyId, 'agency_leader')) throw notAllowed();
      if (s.extended)
        throw new WorkflowRefusal('workflow.already_extended', {
          vi: 'Hồ sơ đã được gia hạn một lần: không được gia hạn lần thứ hai.',
          en: 'The appointment was already moved once: a second extension is not allowed.',
        });
      return { to: 4, needs: ['reason', 'newDueAt'] };
    // Row 15: stop or refuse to decide, written reason.
    case 'stop':
      mustBeIn(s, 4, 5);
      if (s.status === 4) mustHoldStep(s, actor);
      else if (!has(actor, s.competentAgencyId, 'department_head', 'agency_leader')) throw notAllowed();
      return { to: 8, needs: ['reason'] };
    // Row 17: the last processing step's claimant decides (the results issue makes it approve-and-sign).
    case 'complete': {
      mustBeIn(s, 4);
      mustHoldStep(s, actor);
      if (s.next && s.next.kind !== 'return_result')
        throw refuse(
          'Hồ sơ còn bước xử lý phía sau: hãy chuyển bước.',
          'Steps remain after this one: forward the dossier.',
        );
      return { to: 9, needs: [] };
    }
    // Row 18: the desk hands the result over (at the desk, online or by post).
    case 'return_result':
      mustBeIn(s, 9);
      if (!isDesk(s, actor)) throw notAllowed();
      return { to: 10, needs: [] };
    // Row 16 after receipt: the desk records the citizen's withdrawal request.
    case 'withdraw':
      mustBeIn(s, 2, 4, 5, 6);
      if (!isDesk(s, actor)) throw notAllowed();
      return { to: 7, needs: ['reason'] };
  }
}

/** The actions the caller may take now, for the dossier page's buttons and the API's listing. */
export function actionsAvailable(s: WorkflowState, actor: WorkflowActor): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => {
    try {
      decide(s, a, actor);
      return true;
    } catch (e) {
      if (e instanceof WorkflowRefusal) return false;
      throw e;
    }
  });
}
