/**
 * JSON API of processing (path kept stable): POST /api/v1/dossiers/{id}/actions/{action}. The actions
 * applied so far are listed in OpenAPI; the rest of the transition table follows.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import { readWorkingParts } from '../dossiers/index.js';
import { APPLIED_ACTIONS, type AppliedAction, applyProcessingAction } from './processing.service.js';
import { assertHoldsDossier, noWorkingFile } from './working-files.js';

const PROCESSORS = {
  officer: ['one_stop', 'specialist', 'department_head', 'agency_leader', 'clerk'],
} as const;

const HeadJson = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
  rowVersion: Type.Integer(),
  step: Type.Union([
    Type.Null(),
    Type.Object({
      id: Type.String(),
      agencyId: Type.Union([Type.String(), Type.Null()]),
      role: Type.Union([Type.String(), Type.Null()]),
      assignee: Type.Union([Type.String(), Type.Null()]),
      dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ]),
});

export function registerWorkflowApi(app: App, ctx: AppContext) {
  app.post<{
    Params: { id: string; action: AppliedAction };
    Body:
      | {
          note?: string;
          reason?: string;
          assignee?: string;
          targetStep?: number;
          receiptNumber?: string;
          amount?: number;
          method?: 'cash' | 'transfer';
          newDueAt?: string;
          fileIds?: string[];
        }
      | undefined;
  }>(
    '/api/v1/dossiers/:id/actions/:action',
    {
      config: { access: PROCESSORS },
      schema: {
        tags: ['workflow'],
        summary: 'Xử lý hồ sơ: một thao tác / Process a dossier: one action',
        description:
          'start (the desk forwards a received dossier; its steps are snapshotted), claim, assign ' +
          '(the head of the step’s agency gives it to an officer of its role), return_step (back to an ' +
          'earlier step, with a reason), forward ' +
          '(next step at the same agency), transfer (next step at another agency: liên thông) and ' +
          'receive_handover (at that agency; its clock starts), complete (status 9), return_result ' +
          '(status 10), request_supplement (status 5: the clock stops; a second request is flagged late; ' +
          'reason required), supplement_received (back to 4: the appointment and the step due time move ' +
          'by the paused working time), request_payment (status 6: the financial obligation, reason = its ' +
          'content, amount defaults to the fee lines collected afterwards; the clock stops), record_payment ' +
          '(back to 4: receiptNumber required, amount, method cash|transfer; the due times move by the paused ' +
          'working time), extend (a leader of the competent body approves the drafted apology letter Mẫu 04: ' +
          'the appointment moves to newDueAt, once; a second extension is workflow.already_extended), ' +
          'stop (status 8) and withdraw (status 7), both with a reason. ' +
          'Errors: workflow.reason_required, workflow.invalid_assignee, workflow.invalid_target_step, ' +
          'workflow.invalid_amount, workflow.amount_required, workflow.receipt_number_required, ' +
          'workflow.invalid_method, workflow.invalid_new_due_at, workflow.files_not_found (400), workflow.forbidden and workflow.not_your_step (403), ' +
          'workflow.action_not_allowed, workflow.step_taken, workflow.no_workflow, ' +
          'workflow.partner_unknown and dossier.changed (409), dossier.not_found (404).',
        params: Type.Object({
          id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }),
          action: Type.Union(APPLIED_ACTIONS.map((a) => Type.Literal(a))),
        }),
        body: Type.Optional(
          Type.Object({
            note: Type.Optional(Type.String({ maxLength: 2000 })),
            reason: Type.Optional(
              Type.String({
                maxLength: 2000,
                description: 'request_supplement, return_step, stop, withdraw: required',
              }),
            ),
            assignee: Type.Optional(Type.String({ description: 'assign: the officer id' })),
            targetStep: Type.Optional(
              Type.Integer({ minimum: 0, description: 'return_step: the earlier step’s position' }),
            ),
            receiptNumber: Type.Optional(
              Type.String({ maxLength: 50, description: 'record_payment: số biên lai (required)' }),
            ),
            amount: Type.Optional(
              Type.Integer({ minimum: 1, description: 'request_payment / record_payment: đồng' }),
            ),
            method: Type.Optional(Type.Union([Type.Literal('cash'), Type.Literal('transfer')])),
            newDueAt: Type.Optional(
              Type.String({ format: 'date-time', description: 'extend: the new appointment' }),
            ),
            fileIds: Type.Optional(
              Type.Array(Type.String({ format: 'uuid' }), {
                maxItems: 20,
                description:
                  'Working documents (tài liệu xử lý) the action carries, uploaded first with ' +
                  'POST /api/v1/dossiers/{id}/working-files (any action; e.g. forward with the draft decision)',
              }),
            ),
          }),
        ),
        response: { 200: HeadJson },
      },
    },
    async (req) => {
      const h = await applyProcessingAction(ctx, req.principal!, req.params.id, req.params.action, {
        note: req.body?.note,
        reason: req.body?.reason,
        assignee: req.body?.assignee,
        targetStep: req.body?.targetStep,
        receiptNumber: req.body?.receiptNumber,
        amount: req.body?.amount,
        method: req.body?.method,
        newDueAt: req.body?.newDueAt,
        fileIds: req.body?.fileIds,
      });
      return {
        id: h.id,
        code: h.code,
        status: h.status,
        rowVersion: h.row_version,
        step: h.step_id
          ? {
              id: h.step_id,
              agencyId: h.step_agency_id,
              role: h.step_role,
              assignee: h.step_assignee,
              dueAt: h.step_due_at?.toISOString() ?? null,
            }
          : null,
      };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/dossiers/:id/working-files',
    {
      config: { access: PROCESSORS },
      schema: {
        tags: ['workflow'],
        summary: 'Tải lên tài liệu xử lý / Upload working documents',
        description:
          'multipart/form-data with one or more file parts (same types and limits as attachments). The ' +
          'caller must be able to act on the dossier now (hold its current step). The files wait, ' +
          'attached to nothing, until an action names them in fileIds (POST …/actions/{action}); the ' +
          'nightly clean-up removes those no action carried after UPLOAD_ORPHAN_HOURS. Citizens never ' +
          'see working documents. Idempotency-Key header required (a retry stores nothing again). Errors: ' +
          'attachment.* (see the attachments upload), attachment.no_file (400), workflow.not_your_step ' +
          '(403), dossier.not_found (404).',
        consumes: ['multipart/form-data'],
        params: Type.Object({ id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }) }),
        response: {
          201: Type.Object({
            files: Type.Array(
              Type.Object({
                id: Type.String(),
                fileName: Type.String(),
                mediaType: Type.String(),
                size: Type.Number(),
                sha256: Type.String(),
                scanStatus: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      const head = await assertHoldsDossier(ctx, req.principal!, req.params.id);
      const { files } = await readWorkingParts(ctx, req, req.principal!, head.id);
      if (files.length === 0) throw noWorkingFile();
      if (files.every((f) => f.replayed)) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ files: files.map(({ replayed: _, ...f }) => f) });
    },
  );
}
