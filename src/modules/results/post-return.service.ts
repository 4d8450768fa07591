/**
 * Trả kết quả qua bưu chính công ích (issue point 9): the desk sends the signed result's paper copy
 * by public post — a postal order through the postal-service adapter, order number = dossier code,
 * sender the receiving centre, receiver the citizen at the address given at intake — and the return
 * (status 10) is recorded when the postal service's signed callback reports the delivery.
 */
import { conflict, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { getAgency } from '../admin-units/index.js';
import { getDossier } from '../dossiers/index.js';
import { processingState } from '../workflow/index.js';
import { listPostalOrders, type PostalHooks, type PostalOrder, sendByPost } from './postal/index.js';
import { selectLiveResult } from './results.repository.js';
import { returnedByPost } from './return.service.js';

const notSigned = () =>
  conflict('results.not_signed', {
    vi: 'Hồ sơ chưa có kết quả đã ký số để gửi.',
    en: 'The dossier has no signed result to send.',
  });

const field = (code: string, name: string, vi: string, en: string) =>
  validationError(code, { vi, en }, [{ field: name, message: { vi, en } }]);

/** The desk sends the result by post; answers the live order (a second call returns the same one). */
export async function sendResultByPost(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: { address?: string | undefined; phone?: string | undefined } = {},
): Promise<PostalOrder> {
  const state = await processingState(ctx, principal, idOrCode);
  if (!state.actions.some((a) => a.action === 'return_result'))
    throw conflict('workflow.action_not_allowed', {
      vi: 'Chỉ Bộ phận Một cửa đang giữ bước trả kết quả mới gửi được kết quả qua bưu chính.',
      en: 'Only the desk holding the return step may send the result by post.',
    });
  const d = await getDossier(ctx.db, state.head.id);
  const result = await selectLiveResult(ctx.db, d.id);
  if (result?.state !== 'signed') throw notSigned();
  const address = input.address?.trim() || d.returnAddress || d.applicant.address || '';
  if (!address)
    throw field(
      'results.post_address_required',
      'address',
      'Hãy ghi địa chỉ nhận kết quả qua bưu chính.',
      'Give the address to send the result to.',
    );
  const phone = (input.phone?.trim() || d.applicant.phone || '').replace(/\s/g, '');
  if (!/^\+?\d{9,12}$/.test(phone))
    throw field(
      'results.post_phone_required',
      'phone',
      'Hãy ghi số điện thoại người nhận để bưu tá liên hệ.',
      'Give the recipient’s phone number for the postman.',
    );
  const centre = await getAgency(ctx.db, d.receivingAgency.id);
  const province = centre.parentId ? await getAgency(ctx.db, centre.parentId) : null;
  return sendByPost(ctx, principal, {
    dossierId: d.id,
    dossierCode: d.code,
    sender: {
      name: centre.name,
      address: centre.address ?? centre.name,
      tel: centre.phone ?? '',
      email: centre.email ?? undefined,
      province: province?.name ?? '',
      district: '',
      desc: `Kết quả giải quyết hồ sơ ${d.code}`,
    },
    receiver: {
      name: d.applicant.name,
      address,
      tel: phone,
      email: d.applicant.email ?? undefined,
    },
    codAmount: null,
    description: `${result.name} số ${result.number_symbol} — hồ sơ ${d.code}`,
  });
}

/** The postal service's "delivered": the return recorded for the officer who sent the order. */
export const postalHooks: PostalHooks = {
  async onDelivered(ctx, { dossierId, orderId }) {
    const order = (await listPostalOrders(ctx, dossierId)).find((o) => o.id === orderId);
    if (!order?.createdBy) return;
    await returnedByPost(ctx, { dossierId, officerId: order.createdBy });
  },
};
