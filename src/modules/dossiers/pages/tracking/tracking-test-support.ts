/** Test support for the tracking tests: an online dossier of the intake world, received at the desk. */
import { Readable } from 'node:stream';
import {
  citizenPrincipal,
  type IntakeWorld,
  officerPrincipal,
  onlineBody,
} from '../../../../../test/factories-dossiers.js';
import { newId } from '../../../../platform/ids.js';
import type { AppContext } from '../../../../platform/module.js';
import { storeUpload } from '../../attachments/index.js';
import { receiveDossier } from '../../review.service.js';
import { submitDossier } from '../../submission.service.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The applicant's personal data as onlineBody() sends it: none of it may appear on tracking. */
export const PERSONAL = ['Nguyễn Thị Hường', '022185012345', '0912345678', 'huong@example.vn', 'Số 18, tổ 5'];

export async function receivedOnlineDossier(ctx: AppContext, world: IntakeWorld, key: string) {
  const now = ctx.clock.now();
  const draftId = newId();
  await ctx.db
    .insertInto('dossier_drafts')
    .values({
      id: draftId,
      account_id: world.citizen.id,
      procedure_code: onlineBody().procedureCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const upload = (slot: number, name: string) =>
    storeUpload(ctx, {
      stream: Readable.from([PDF, Buffer.from(`% ${name}\n`)]),
      fileName: name,
      uploader: { kind: 'citizen', id: world.citizen.id },
      target: { draftId, slot },
    });
  const a = await upload(0, 'to-khai.pdf');
  const b = await upload(1, 'giay-chung-sinh.pdf');
  const body = onlineBody({
    draftId,
    components: [
      { position: 0, fileIds: [a.id] },
      { position: 1, fileIds: [b.id] },
    ],
  });
  const d = (await submitDossier(ctx, citizenPrincipal(world.citizen), body as never, key)).dossier;
  return receiveDossier(ctx, officerPrincipal(world.desk), d.code, {
    payment: { amount: 25_000, receiptNumber: `BL-${key.slice(-6)}` },
  });
}
