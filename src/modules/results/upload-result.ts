/** The officer's upload of a result document, for the API and the result page alike. */
import type { FastifyRequest } from 'fastify';
import { validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { getDossierForCaller, readWorkingParts } from '../dossiers/index.js';
import { useUploadedResult } from './results.service.js';

/** Reads the one PDF part as a working document of the dossier and makes it the result's source. */
export async function uploadResult(
  ctx: AppContext,
  req: FastifyRequest,
  principal: Principal,
  idOrCode: string,
) {
  const d = await getDossierForCaller(ctx.db, principal, idOrCode);
  const { files } = await readWorkingParts(ctx, req, principal, d.id);
  const file = files[0];
  if (!file) throw noFile();
  return useUploadedResult(ctx, principal, d.id, file);
}

const noFile = () => {
  const message = { vi: 'Hãy chọn tệp PDF của kết quả.', en: 'Choose the result’s PDF file.' };
  return validationError('attachment.no_file', message, [{ field: 'file', message }]);
};
