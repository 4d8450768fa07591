/**
 * Moving a received dossier through its steps (issue 7, first part): start (the desk forwards it to
 * the competent body, its steps snapshotted from the procedure version's workflow), claim, forward
 * within an agency, transfer to another agency and receive the hand-over there, complete (status 9)
 * and return the result (status 10). Each action is decided by the transition table, applied under
 * the dossier's guard (status + row_version) with its steps and a history row in one transaction.
 */
import type { Db } from '../../platform/db/database.js';
import { AppError, conflict, forbidden, notFound, validationError } from '../../platform/errors.js';
import type { Grant, Principal, Role } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { findAgencyByCode, listAgencies } from '../admin-units/index.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { versionAt } from '../catalogue/index.js';
import {
  appendDossierHistory,
  attachWorkingFiles,
  type DossierStatus,
  dossierChanged,
  findDossier,
  getDossier,
  updateDossierGuarded,
} from '../dossiers/index.js';
import { coversAgency, loadAgencyTree } from '../identity/index.js';
import { emitWorkflowEvent, emitWorkflowReturned } from './events.js';
import {
  describeMoney,
  eventOf,
  extensionInput,
  obligationAmount,
  paymentInput,
  pendingApology,
} from './processing-inputs.js';
import { signApologyLetter } from './registers/documents.service.js';
import { dueTimesAfterPause, lateCause, stepDueAt } from './step-deadlines.js';
import { chooseWorkflow, PlanError, type PlannedStep, planSteps } from './step-plan.js';
import {
  actionsAvailable,
  decide,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowActor,
  WorkflowRefusal,
  type WorkflowState,
} from './transitions.js';

/** Every action of the transition table is applied here. */
export const APPLIED_ACTIONS = WORKFLOW_ACTIONS;
export type AppliedAction = WorkflowAction;

interface StepRow {
  id: string;
  position: number;
  kind: string;
  name: string;
  role: string;
  agency_id: string;
  budget_minutes: number | null;
  state: string;
  claimed_by: string | null;
  started_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
}

const loadSteps = (db: Db, dossierId: string) =>
  db
    .selectFrom('dossier_steps')
    .select([
      'id',
      'position',
      'kind',
      'name',
      'role',
      'agency_id',
      'budget_minutes',
      'state',
      'claimed_by',
      'started_at',
      'due_at',
      'finished_at',
    ])
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute() as Promise<StepRow[]>;

const loadHead = (db: Db, id: string) =>
  db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'status',
      'row_version',
      'procedure_code',
      'received_at',
      'due_at',
      'receiving_agency_id',
      'competent_agency_id',
      'competent_agency_code',
      'step_id',
      'step_agency_id',
      'step_role',
      'step_assignee',
      'step_due_at',
      'supplement_requests',
      'original_due_at',
      'account_id',
      'procedure_name',
      'return_method',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
type Head = NonNullable<Awaited<ReturnType<typeof loadHead>>>;

async function actorOf(db: Db, principal: Principal): Promise<WorkflowActor> {
  if (principal.kind === 'citizen') return { kind: 'citizen', id: principal.id };
  if (principal.kind !== 'officer') {
    throw forbidden('workflow.officers_only', {
      vi: 'Chỉ cán bộ mới xử lý được hồ sơ.',
      en: 'Only officers process dossiers.',
    });
  }
  const tree = await loadAgencyTree(db);
  return {
    kind: 'officer',
    id: principal.id,
    rolesAt: (agencyId) =>
      new Set(
        principal.grants
          .map((g) => g.role)
          .filter((role) => coversAgency(principal.grants, agencyId, tree.ancestorsOf, [role])),
      ),
  };
}

function stateOf(head: Head, steps: StepRow[]): WorkflowState {
  const current = steps.find((s) => s.id === head.step_id) ?? null;
  const next = current ? (steps.find((s) => s.position === current.position + 1) ?? null) : null;
  return {
    status: head.status as DossierStatus,
    step: current && {
      position: current.position,
      kind: current.kind,
      role: current.role as Role,
      agencyId: current.agency_id,
      claimedBy: current.claimed_by,
      awaitingHandover: current.state === 'handover',
    },
    next: next && {
      position: next.position,
      kind: next.kind,
      role: next.role as Role,
      agencyId: next.agency_id,
    },
    supplementRequests: head.supplement_requests,
    extended: head.original_due_at !== null,
    receivingAgencyId: head.receiving_agency_id,
    competentAgencyId: head.competent_agency_id,
  };
}

/** A role that may not act: 403; an action the dossier's state does not allow now: 409. */
const refusalError = (e: WorkflowRefusal) =>
  e.code === 'workflow.forbidden' || e.code === 'workflow.not_your_step'
    ? forbidden(e.code, e.text)
    : conflict(e.code, e.text);

/** The chain of steps for the dossier, from the version it bound to at receipt. */
async function planFor(ctx: AppContext, head: Head) {
  const at = head.received_at ?? ctx.clock.now();
  const version = await versionAt(ctx.db, head.procedure_code, at);
  const competent = await findAgencyByCode(ctx.db, head.competent_agency_code, at);
  const level = competent?.kind.startsWith('commune') ? 'commune' : 'province';
  const workflow = chooseWorkflow(version.content.workflows, { code: head.competent_agency_code, level });
  const key = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const partners = new Map<string, string>();
  for (const name of new Set((workflow?.steps ?? []).flatMap((s) => (s.agencyName ? [s.agencyName] : [])))) {
    const page = await listAgencies(ctx.db, { q: name, limit: 10, at });
    const hit = page.items.find((a) => key(a.name) === key(name));
    if (hit) partners.set(key(name), hit.id);
  }
  try {
    return planSteps(workflow, {
      receivingId: head.receiving_agency_id,
      competentId: head.competent_agency_id,
      partner: (name) => partners.get(key(name)) ?? null,
    });
  } catch (e) {
    if (e instanceof PlanError) throw new AppError('conflict', e.code, e.text);
    throw e;
  }
}

/**
 * Inserts the planned chain as pending steps unless it is already there (the snapshot at receipt and
 * the desk's start may race: the unique (dossier, position) keeps one copy). Returns the step ids in order.
 */
async function insertPlannedSteps(trx: Db, dossierId: string, plan: PlannedStep[]): Promise<string[]> {
  if (plan.length > 0) {
    await trx
      .insertInto('dossier_steps')
      .values(
        plan.map((p) => ({
          id: newId(),
          dossier_id: dossierId,
          position: p.position,
          kind: p.kind,
          name: p.name,
          role: p.role,
          agency_id: p.agencyId,
          budget_minutes: p.budgetMinutes,
          state: 'pending',
        })),
      )
      .onConflict((oc) => oc.columns(['dossier_id', 'position']).doNothing())
      .execute();
  }
  const rows = await trx
    .selectFrom('dossier_steps')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * At receipt (job dossiers.received): the chain of steps of the dossier's procedure version and
 * competent agency, copied onto the dossier while it waits at the desk. A dossier whose procedure
 * has no workflow for its agency keeps none: the desk's start then says what is missing.
 */
export async function snapshotSteps(ctx: AppContext, dossierId: string): Promise<number> {
  const head = await loadHead(ctx.db, dossierId);
  if (head?.status !== 2 || head.step_id) return 0;
  let plan: PlannedStep[];
  try {
    plan = await planFor(ctx, head);
  } catch (e) {
    if (e instanceof AppError) {
      ctx.log.warn({ dossier: head.code, code: e.code }, 'no workflow to snapshot at receipt');
      return 0;
    }
    throw e;
  }
  return (await insertPlannedSteps(ctx.db, head.id, plan)).length;
}

async function dueFrom(ctx: AppContext, agencyId: string, start: Date, minutes: number | null) {
  return stepDueAt(start, minutes, await loadWorkingCalendar(ctx.db, agencyId, start));
}

/** The dossier's copy of its current step when no step is current (decided, stopped, returned). */
const NO_CURRENT_STEP = {
  step_id: null,
  step_agency_id: null,
  step_role: null,
  step_assignee: null,
  step_due_at: null,
} as const;

export interface ActionInput {
  note?: string | undefined;
  /** Required by supplement requests, returns to an earlier step, stops and withdrawals (DOMAIN.md §3.4 rule 6). */
  reason?: string | undefined;
  /** assign: the officer who is to hold the step. */
  assignee?: string | undefined;
  /** return_step: the position of the earlier step the dossier goes back to. */
  targetStep?: number | undefined;
  /** record_payment: the receipt (biên lai) number; request_payment / record_payment: the amount in đồng. */
  receiptNumber?: string | undefined;
  amount?: number | undefined;
  /** record_payment: cash at the desk or a bank transfer. */
  method?: 'cash' | 'transfer' | undefined;
  /** extend: the new appointment (ISO date-time); defaults to the drafted letter's. */
  newDueAt?: string | undefined;
  /**
   * Working documents (tài liệu xử lý) the action carries: ids of files the officer uploaded to the
   * dossier beforehand (POST /api/v1/dossiers/{id}/working-files), tied to this action's history entry.
   */
  fileIds?: string[] | undefined;
  /**
   * For later modules only (never from a request): work done in the action's own transaction, after
   * the dossier moved (e.g. the results module marks the signed result and the return).
   */
  alongside?: ((trx: Db, applied: { historyId: string; at: Date }) => Promise<void>) | undefined;
}

const fieldError = (code: string, field: string, vi: string, en: string) =>
  validationError(code, { vi, en }, [{ field, message: { vi, en } }]);

/** The officer may hold a step of this role at this agency (a role covers sub-agencies). */
async function mayHold(db: Db, officerId: string, agencyId: string, role: string): Promise<boolean> {
  const grants = await db
    .selectFrom('officer_roles')
    .select(['agency_id as agencyId', 'role'])
    .where('officer_id', '=', officerId)
    .execute();
  const tree = await loadAgencyTree(db);
  return coversAgency(grants as Grant[], agencyId, tree.ancestorsOf, [role as Role]);
}

const reasonRequired = () =>
  validationError('workflow.reason_required', { vi: 'Hãy ghi rõ lý do.', en: 'Give the reason.' }, [
    { field: 'reason', message: { vi: 'Hãy ghi rõ lý do.', en: 'Give the reason.' } },
  ]);

/**
 * What an officer (or the dossier's citizen) sees of processing: the dossier's head, its steps, the
 * decided state and the actions the caller may take now, each with what it must carry.
 */
export async function processingState(ctx: AppContext, principal: Principal, idOrCode: string) {
  const found = await findDossier(ctx.db, idOrCode);
  const head = found ? await loadHead(ctx.db, found.id) : undefined;
  if (!head) throw notFound('dossier.not_found', { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' });
  const steps = await loadSteps(ctx.db, head.id);
  const actor = await actorOf(ctx.db, principal);
  const state = stateOf(head, steps);
  const actions = actionsAvailable(state, actor)
    .filter((a): a is AppliedAction => (APPLIED_ACTIONS as readonly string[]).includes(a))
    .map((action) => ({ action, needs: decide(state, action, actor).needs }));
  return { head, steps, state, actor, actions };
}
export type ProcessingState = Awaited<ReturnType<typeof processingState>>;

/** Signs the apology letter as approved now (Mẫu 04), with the responsible agency's certificate. */
async function signLetter(
  ctx: AppContext,
  principal: Principal,
  head: Head,
  current: StepRow | null,
  draft: Awaited<ReturnType<typeof pendingApology>>,
  reason: string,
  newDueAt: Date,
  now: Date,
): Promise<string> {
  try {
    return await signApologyLetter(ctx, await getDossier(ctx.db, head.id), {
      reason,
      oldDueAt: head.due_at!,
      newDueAt,
      responsibleAgencyId: draft?.responsible_agency_id ?? current?.agency_id ?? head.competent_agency_id,
      approvedAt: now,
      approverName: principal.name,
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    ctx.log.error({ err: e, dossier: head.code }, 'signing the apology letter failed');
    throw new AppError('unavailable', 'workflow.apology_signing_failed', {
      vi: 'Ký số phiếu xin lỗi không thành công; chưa có gì thay đổi. Hãy thử lại.',
      en: 'Signing the apology letter failed; nothing changed. Try again.',
    });
  }
}

/** Applies one action; returns the dossier's head after it. */
export async function applyProcessingAction(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  action: AppliedAction,
  input: ActionInput = {},
) {
  const { head, steps, state, actor } = await processingState(ctx, principal, idOrCode);
  let outcome: ReturnType<typeof decide>;
  try {
    outcome = decide(state, action, actor);
  } catch (e) {
    if (e instanceof WorkflowRefusal) throw refusalError(e);
    throw e;
  }
  const now = ctx.clock.now();
  // extend approves the drafted letter: its reason and new date stand unless the leader changes them.
  const draft = action === 'extend' ? await pendingApology(ctx.db, head.id) : undefined;
  const reason = input.reason?.trim() || draft?.reason || null;
  if (outcome.needs.includes('reason') && !reason) throw reasonRequired();
  const extension =
    action === 'extend' ? extensionInput(input.newDueAt, draft?.new_due_at ?? null, head.due_at, now) : null;
  const obligation =
    action === 'request_payment' ? await obligationAmount(ctx.db, head.id, input.amount) : null;
  const current = steps.find((s) => s.id === head.step_id) ?? null;
  // The approved letter is signed before anything is recorded: a failed signature changes nothing.
  const signedLetter = extension
    ? await signLetter(ctx, principal, head, current, draft, reason!, extension, now)
    : null;
  if (action === 'assign') {
    const who = input.assignee?.trim() ?? '';
    if (
      !/^[0-9a-f-]{36}$/i.test(who) ||
      !current ||
      !(await mayHold(ctx.db, who, current.agency_id, current.role))
    ) {
      throw fieldError(
        'workflow.invalid_assignee',
        'assignee',
        'Hãy chọn một cán bộ có vai trò của bước này tại cơ quan xử lý.',
        'Choose an officer who holds this step’s role at its agency.',
      );
    }
  }
  const target = action === 'return_step' ? steps.find((s) => s.position === input.targetStep) : undefined;
  if (action === 'return_step' && (!target || !current || target.position >= current.position)) {
    throw fieldError(
      'workflow.invalid_target_step',
      'targetStep',
      'Hãy chọn một bước trước bước hiện tại.',
      'Choose a step before the current one.',
    );
  }
  const targetDue =
    target && target.budget_minutes !== null
      ? await dueFrom(ctx, target.agency_id, now, target.budget_minutes)
      : null;
  // A supplement received or the obligation paid: the clock resumes, the due times move by the
  // paused working time (§6.6).
  const pauseKind =
    action === 'supplement_received' ? 'supplement' : action === 'record_payment' ? 'payment' : null;
  const pause = pauseKind
    ? await ctx.db
        .selectFrom('dossier_pauses')
        .select(['id', 'requested_at', 'amount'])
        .where('dossier_id', '=', head.id)
        .where('kind', '=', pauseKind)
        .where('resumed_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  const payment = action === 'record_payment' ? paymentInput(input, pause?.amount ?? null) : null;
  const resumed = pause
    ? dueTimesAfterPause(
        { dossierDueAt: head.due_at, stepDueAt: head.step_due_at },
        { from: pause.requested_at, to: now },
        {
          dossier: await loadWorkingCalendar(ctx.db, head.competent_agency_id, now),
          step: await loadWorkingCalendar(ctx.db, current?.agency_id ?? head.competent_agency_id, now),
        },
      )
    : null;
  // A dossier decided after its appointment records the step (so its agency and officer) that made it late.
  const late =
    (action === 'complete' || action === 'stop') && head.due_at && now > head.due_at
      ? lateCause(steps, current?.id ?? null, now)
      : null;
  const next = current ? (steps.find((s) => s.position === current.position + 1) ?? null) : null;
  const plan = action === 'start' ? await planFor(ctx, head) : [];
  const firstDue =
    action === 'start' && plan[0] ? await dueFrom(ctx, plan[0].agencyId, now, plan[0].budgetMinutes) : null;
  const nextDue =
    next && action === 'forward' ? await dueFrom(ctx, next.agency_id, now, next.budget_minutes) : null;
  const receivedDue =
    current && action === 'receive_handover'
      ? await dueFrom(ctx, current.agency_id, now, current.budget_minutes)
      : null;

  await ctx.db
    .transaction()
    .execute(async (trx) => {
      let patch: Record<string, unknown> = {};
      // The step the action is about (the QuaTrinhXuLy step start and due): the one finished, or the one begun.
      let stepStart: Date | null = current?.started_at ?? null;
      let stepDue: Date | null = current?.due_at ?? null;
      const finish = async (s: StepRow) =>
        trx
          .updateTable('dossier_steps')
          .set({ state: 'done', finished_at: now })
          .where('id', '=', s.id)
          .execute();
      switch (action) {
        case 'start': {
          // The chain was snapshotted at receipt (the dossiers.received job); if that job has not
          // run yet, the same plan is inserted here. Either way the first step begins now.
          const ids = await insertPlannedSteps(trx, head.id, plan);
          const first = plan[0]!;
          const claimed = first.role === 'one_stop' ? principal.id : null;
          await trx
            .updateTable('dossier_steps')
            .set({ state: 'active', claimed_by: claimed, started_at: now, due_at: firstDue })
            .where('id', '=', ids[0]!)
            .execute();
          patch = {
            step_id: ids[0],
            step_agency_id: first.agencyId,
            step_role: first.role,
            step_assignee: claimed,
            step_due_at: firstDue,
          };
          stepStart = now;
          stepDue = firstDue;
          break;
        }
        case 'claim':
          await trx
            .updateTable('dossier_steps')
            .set({ claimed_by: principal.id })
            .where('id', '=', current!.id)
            .where('claimed_by', 'is', null)
            .execute();
          patch = { step_assignee: principal.id };
          break;
        case 'forward':
        case 'transfer': {
          await finish(current!);
          const handover = action === 'transfer';
          await trx
            .updateTable('dossier_steps')
            .set({
              state: handover ? 'handover' : 'active',
              started_at: handover ? null : now,
              due_at: handover ? null : nextDue,
              handed_over_at: now,
              handed_over_by: principal.id,
              received_by: handover ? null : principal.id,
            })
            .where('id', '=', next!.id)
            .execute();
          patch = {
            step_id: next!.id,
            step_agency_id: next!.agency_id,
            step_role: next!.role,
            step_assignee: null,
            step_due_at: handover ? null : nextDue,
          };
          // The history row is the finished step's: its start and due time stay.
          break;
        }
        case 'receive_handover':
          await trx
            .updateTable('dossier_steps')
            .set({ state: 'active', started_at: now, due_at: receivedDue, received_by: principal.id })
            .where('id', '=', current!.id)
            .execute();
          patch = { step_due_at: receivedDue };
          stepStart = now;
          stepDue = receivedDue;
          break;
        case 'complete': {
          await finish(current!);
          // The return step, at the receiving centre, waits for the desk to hand the result over.
          if (next) {
            await trx
              .updateTable('dossier_steps')
              .set({ state: 'active', started_at: now, handed_over_at: now, handed_over_by: principal.id })
              .where('id', '=', next.id)
              .execute();
          }
          patch = {
            step_id: next?.id ?? null,
            step_agency_id: next?.agency_id ?? null,
            step_role: next?.role ?? null,
            step_assignee: null,
            step_due_at: null,
            finished_at: now,
            late_step_id: late,
          };
          break;
        }
        case 'return_result':
          if (current) await finish(current);
          patch = NO_CURRENT_STEP;
          break;
        case 'assign':
          await trx
            .updateTable('dossier_steps')
            .set({ claimed_by: input.assignee! })
            .where('id', '=', current!.id)
            .execute();
          patch = { step_assignee: input.assignee! };
          break;
        // Back to an earlier step, with the reason: the steps in between wait again; the earlier step
        // starts anew with its own budget, held by whoever held it before.
        case 'return_step': {
          await trx
            .updateTable('dossier_steps')
            .set({ state: 'pending', claimed_by: null, started_at: null, due_at: null, finished_at: null })
            .where('dossier_id', '=', head.id)
            .where('position', '>', target!.position)
            .where('position', '<=', current!.position)
            .execute();
          await trx
            .updateTable('dossier_steps')
            .set({ state: 'active', started_at: now, due_at: targetDue, finished_at: null })
            .where('id', '=', target!.id)
            .execute();
          patch = {
            step_id: target!.id,
            step_agency_id: target!.agency_id,
            step_role: target!.role,
            step_assignee: target!.claimed_by,
            step_due_at: targetDue,
          };
          break;
        }
        case 'request_supplement':
          await trx
            .insertInto('dossier_pauses')
            .values({
              id: newId(),
              dossier_id: head.id,
              step_id: current?.id ?? null,
              requested_at: now,
              requested_by: principal.kind === 'officer' ? principal.id : null,
              reason: reason!,
              flagged: outcome.flaggedLate === true,
            })
            .execute();
          patch = { supplement_requests: head.supplement_requests + 1 };
          break;
        case 'request_payment':
          await trx
            .insertInto('dossier_pauses')
            .values({
              id: newId(),
              dossier_id: head.id,
              step_id: current?.id ?? null,
              requested_at: now,
              requested_by: principal.id,
              reason: reason!,
              kind: 'payment',
              amount: obligation!,
            })
            .execute();
          break;
        case 'extend': {
          const fields = {
            reason: reason!,
            new_due_at: extension!,
            approved_by: principal.id,
            approved_at: now,
            sent_at: now,
            signed_sha256: signedLetter,
            signed_at: signedLetter ? now : null,
          };
          if (draft) {
            await trx.updateTable('dossier_apologies').set(fields).where('id', '=', draft.id).execute();
          } else {
            await trx
              .insertInto('dossier_apologies')
              .values({
                id: newId(),
                dossier_id: head.id,
                drafted_at: now,
                drafted_by: principal.id,
                step_id: current?.id ?? null,
                responsible_agency_id: current?.agency_id ?? head.competent_agency_id,
                old_due_at: head.due_at!,
                ...fields,
              })
              .execute();
          }
          patch = { due_at: extension, original_due_at: head.due_at };
          break;
        }
        case 'supplement_received':
        case 'record_payment':
          if (pause) {
            const paymentId = payment ? newId() : null;
            if (payment) {
              await trx
                .insertInto('dossier_payments')
                .values({
                  id: paymentId!,
                  dossier_id: head.id,
                  amount: payment.amount,
                  method: payment.method,
                  receipt_number: payment.receiptNumber,
                  recorded_by: principal.id,
                  recorded_at: now,
                })
                .execute();
            }
            await trx
              .updateTable('dossier_pauses')
              .set({ resumed_at: now, payment_id: paymentId })
              .where('id', '=', pause.id)
              .execute();
          }
          if (resumed) {
            if (current && resumed.stepDueAt) {
              await trx
                .updateTable('dossier_steps')
                .set({ due_at: resumed.stepDueAt })
                .where('id', '=', current.id)
                .execute();
            }
            patch = { due_at: resumed.dossierDueAt, step_due_at: resumed.stepDueAt };
            stepDue = resumed.stepDueAt;
          }
          break;
        case 'stop':
        case 'withdraw':
          if (current) await finish(current);
          patch = {
            ...NO_CURRENT_STEP,
            finished_at: now,
            late_step_id: late,
            ...(action === 'withdraw' ? { withdraw_reason: reason } : { refusal_reason: reason }),
          };
          break;
      }
      const moved = await updateDossierGuarded(
        trx,
        { id: head.id, status: head.status, rowVersion: head.row_version },
        { status: outcome.to, updated_at: now, ...patch },
      );
      if (!moved) throw dossierChanged();
      const where = action === 'start' ? plan[0]?.agencyId : (current?.agency_id ?? head.competent_agency_id);
      const historyId = newId();
      await appendDossierHistory(trx, {
        id: historyId,
        dossierId: head.id,
        at: now,
        // The citizen's completion of a dossier is "complete" in the dossiers module: a decision is "decide".
        action: action === 'complete' ? 'decide' : action,
        fromStatus: head.status,
        toStatus: outcome.to,
        actorKind: principal.kind === 'citizen' ? 'citizen' : 'officer',
        actorId: principal.id,
        actorName: principal.name,
        actorRole: current?.role ?? (action === 'start' ? 'one_stop' : null),
        agencyId: where ?? null,
        content:
          [reason, describeMoney(action, obligation, payment, extension), input.note?.trim()]
            .filter(Boolean)
            .join(' — ') || null,
        stepStartedAt: stepStart,
        stepDueAt: stepDue,
      });
      if (input.fileIds?.length) {
        await attachWorkingFiles(trx, {
          dossierId: head.id,
          uploadedById: principal.id,
          fileIds: input.fileIds,
          historyId,
          at: now,
        });
      }
      if (action === 'return_result') await emitWorkflowReturned(ctx.jobs, trx, head.id);
      if (input.alongside) await input.alongside(trx, { historyId, at: now });
      const event = eventOf(action, {
        head,
        current,
        next,
        target: target ?? null,
        assignee: input.assignee ?? null,
        reason,
        extension,
        obligation,
        at: now,
      });
      if (event) await emitWorkflowEvent(ctx.jobs, trx, event);
    })
    .catch((e: { code?: string; constraint?: string }) => {
      if (e?.code === '23505' && e.constraint === 'dossier_payments_dossier_id_receipt_number_key') {
        throw fieldError(
          'workflow.duplicate_receipt',
          'receiptNumber',
          'Số biên lai này đã được ghi cho hồ sơ.',
          'This receipt number is already recorded for the dossier.',
        );
      }
      throw e;
    });
  return (await loadHead(ctx.db, head.id))!;
}
