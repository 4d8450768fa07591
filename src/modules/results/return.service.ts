/**
 * Trả kết quả (DOMAIN.md §8, issue points 7–9): the one-stop desk hands the signed result over —
 * at the desk to the applicant or a person they authorised (name and ID number recorded against the
 * receipt slip), online (the citizen downloads it from their account and data store), or by post
 * when the postal service reports the delivery. Each way ends in status 10, and only then does the
 * citizen see the result (§9). The workflow's "returned" job releases it too, whatever path moved
 * the dossier to 10, so the rule holds even for a return made through the bare workflow action.
 */
import type { Db } from '../../platform/db/database.js';
import { conflict, validationError } from '../../platform/errors.js';
import type { Principal, Role } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { getDossier, releaseResultDocument } from '../dossiers/index.js';
import { applyProcessingAction } from '../workflow/index.js';
import * as repo from './results.repository.js';
import { type ResultRow, resultNotFound } from './results.service.js';

export type ReturnMethod = 'desk' | 'online' | 'post';

export interface ReturnInput {
  method: ReturnMethod;
  /** At the desk: the applicant themself, or a person they authorised. */
  pickedUpBy?: 'applicant' | 'authorised' | undefined;
  recipientName?: string | undefined;
  recipientIdNumber?: string | undefined;
  /** The authorisation's reference (giấy ủy quyền số …), for an authorised person. */
  authorisationNote?: string | undefined;
  note?: string | undefined;
}

const field = (code: string, name: string, vi: string, en: string) =>
  validationError(code, { vi, en }, [{ field: name, message: { vi, en } }]);

const ID_NUMBER = /^(\d{9}|\d{12})$/;

/** The return's record: who picked it up, checked. */
function pickup(input: ReturnInput, applicant: { name: string; idNumber: string | null }) {
  if (input.method !== 'desk') return { picked_up_by: null, recipient_name: null, recipient_id_number: null };
  if (input.pickedUpBy !== 'applicant' && input.pickedUpBy !== 'authorised')
    throw field(
      'results.pickup_required',
      'pickedUpBy',
      'Hãy chọn ai nhận kết quả: người nộp hồ sơ hay người được ủy quyền.',
      'Say who picks the result up: the applicant or an authorised person.',
    );
  const name = input.recipientName?.trim() || (input.pickedUpBy === 'applicant' ? applicant.name : '');
  if (!name)
    throw field(
      'results.recipient_name_required',
      'recipientName',
      'Hãy ghi họ tên người nhận.',
      'Give the name of the person picking it up.',
    );
  const id = (input.recipientIdNumber ?? '').replace(/\s/g, '');
  if (!ID_NUMBER.test(id))
    throw field(
      'results.recipient_id_invalid',
      'recipientIdNumber',
      'Số định danh (CCCD) của người nhận phải có 12 chữ số (hoặc CMND 9 chữ số).',
      'The recipient’s ID number must have 12 digits (or 9 for an old identity card).',
    );
  if (input.pickedUpBy === 'applicant' && applicant.idNumber && applicant.idNumber !== id)
    throw field(
      'results.recipient_not_applicant',
      'recipientIdNumber',
      'Số định danh không khớp với người nộp hồ sơ: nếu là người được ủy quyền, hãy chọn "Người được ủy quyền".',
      'The ID number is not the applicant’s: for an authorised person, choose "authorised person".',
    );
  return { picked_up_by: input.pickedUpBy, recipient_name: name, recipient_id_number: id };
}

/** In the return's transaction: the return recorded once, the result visible to its citizen. */
export async function releaseResult(
  trx: Db,
  result: Pick<ResultRow, 'id' | 'dossier_id'>,
  at: Date,
  record: {
    method: ReturnMethod;
    picked_up_by?: string | null;
    recipient_name?: string | null;
    recipient_id_number?: string | null;
    authorisation_note?: string | null;
    recorded_by?: string | null;
  },
): Promise<boolean> {
  const released = await trx
    .updateTable('results')
    .set({ returned_at: at, updated_at: at })
    .where('id', '=', result.id)
    .where('state', '=', 'signed')
    .where('returned_at', 'is', null)
    .executeTakeFirst();
  if (Number(released.numUpdatedRows) === 0) return false;
  await trx
    .insertInto('result_returns')
    .values({
      id: newId(),
      result_id: result.id,
      dossier_id: result.dossier_id,
      method: record.method,
      picked_up_by: record.picked_up_by ?? null,
      recipient_name: record.recipient_name ?? null,
      recipient_id_number: record.recipient_id_number ?? null,
      authorisation_note: record.authorisation_note ?? null,
      recorded_by: record.recorded_by ?? null,
      returned_at: at,
    })
    .onConflict((oc) => oc.column('result_id').doNothing())
    .execute();
  await releaseResultDocument(trx, result.id);
  return true;
}

const notSigned = () =>
  conflict('results.not_signed', {
    vi: 'Hồ sơ chưa có kết quả đã ký số để trả.',
    en: 'The dossier has no signed result to return.',
  });

/** The desk returns the signed result (status 10) and records how. */
export async function returnResult(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: ReturnInput,
): Promise<ResultRow> {
  const d = await getDossier(ctx.db, idOrCode);
  const result = await repo.selectLiveResult(ctx.db, d.id);
  if (result?.state !== 'signed') throw notSigned();
  const record = {
    method: input.method,
    ...pickup(input, d.applicant),
    authorisation_note: input.pickedUpBy === 'authorised' ? input.authorisationNote?.trim() || null : null,
    recorded_by: principal.kind === 'officer' ? principal.id : null,
  };
  const how = {
    desk: `Trả kết quả tại Bộ phận Một cửa cho ${record.recipient_name ?? ''} (số định danh ${record.recipient_id_number ?? ''})`,
    online: 'Trả kết quả điện tử vào tài khoản và kho dữ liệu của công dân',
    post: 'Trả kết quả qua dịch vụ bưu chính công ích: đã phát thành công',
  }[input.method];
  await applyProcessingAction(ctx, principal, d.id, 'return_result', {
    note: [how, input.note?.trim()].filter(Boolean).join(' — '),
    alongside: async (trx, applied) => {
      await releaseResult(trx, result, applied.at, record);
    },
  });
  return (await repo.selectResult(ctx.db, result.id))!;
}

/**
 * The postal service reported the delivery: the return is recorded for the officer who sent the
 * order (the desk's act, completed by the post), with that officer's grants.
 */
export async function returnedByPost(ctx: AppContext, a: { dossierId: string; officerId: string }) {
  const acting = await repo.selectOfficerActing(ctx.db, a.officerId);
  if (!acting) throw resultNotFound();
  const principal: Principal = {
    kind: 'officer',
    id: acting.officer.id,
    sessionId: 'postal-delivery',
    username: acting.officer.username,
    name: acting.officer.full_name,
    grants: acting.grants.map((g) => ({ agencyId: g.agency_id, role: g.role as Role })),
  };
  const d = await getDossier(ctx.db, a.dossierId);
  if (d.status === 10) return;
  await returnResult(ctx, principal, a.dossierId, { method: 'post' });
}

/** The workflow's "returned" job: release the result if the return did not already (idempotent). */
export async function releaseOnReturned(ctx: AppContext, dossierId: string): Promise<boolean> {
  const result = await repo.selectLiveResult(ctx.db, dossierId);
  if (result?.state !== 'signed' || result.returned_at) return false;
  const d = await getDossier(ctx.db, dossierId);
  return ctx.db
    .transaction()
    .execute((trx) => releaseResult(trx, result, ctx.clock.now(), { method: d.returnMethod }));
}
