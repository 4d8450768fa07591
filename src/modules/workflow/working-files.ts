/**
 * Who may add working documents (tài liệu xử lý) to a dossier: an officer who can act on it now —
 * the holder of its current step, or whoever the transition table lets take an action at this
 * moment. Anyone else gets the same refusal as an action out of turn.
 */
import { forbidden, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { processingState } from './processing.service.js';

export async function assertHoldsDossier(ctx: AppContext, principal: Principal, idOrCode: string) {
  const { head, actions } = await processingState(ctx, principal, idOrCode);
  if (actions.length === 0) {
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
