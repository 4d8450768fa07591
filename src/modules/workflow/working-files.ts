/**
 * Who may add working documents (tài liệu xử lý) to a dossier: an officer who can act on it now —
 * the holder of its current step, or whoever the transition table lets take an action at this
 * moment. Anyone else gets the same refusal as an action out of turn.
 */
import { forbidden, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { processingState } from './processing.service.js';

/** Actions that only the one handling the current step may take: having one means holding it. */
const STEP_WORK = new Set([
  'claim',
  'receive_handover',
  'forward',
  'transfer',
  'return_step',
  'complete',
  'return_result',
]);

/** The caller handles the dossier's current step now (not only a side action such as a withdrawal). */
export const holdsCurrentStep = (state: { actions: { action: string }[] }) =>
  state.actions.some((a) => STEP_WORK.has(a.action));

export async function assertHoldsDossier(ctx: AppContext, principal: Principal, idOrCode: string) {
  const state = await processingState(ctx, principal, idOrCode);
  const { head } = state;
  if (!holdsCurrentStep(state)) {
    throw forbidden('workflow.not_your_step', {
      vi: 'Bạn không xử lý hồ sơ này ở bước hiện tại nên không thể đính kèm tài liệu.',
      en: 'You do not handle this dossier at its current step, so you cannot attach documents.',
    });
  }
  return head;
}

export const noWorkingFile = () => {
  const message = { vi: 'Hãy chọn ít nhất một tệp.', en: 'Choose at least one file.' };
  return validationError('attachment.no_file', message, [{ field: 'file', message }]);
};
