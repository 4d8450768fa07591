/** Test support for the tracking tests: an online dossier of the intake world, received at the desk. */
import {
  type IntakeWorld,
  officerPrincipal,
  submitOnlineDossier,
} from '../../../../../test/factories-dossiers.js';
import type { AppContext } from '../../../../platform/module.js';
import { receiveDossier } from '../../review.service.js';

/** The applicant's personal data as onlineBody() sends it: none of it may appear on tracking. */
export const PERSONAL = ['Nguyễn Thị Hường', '022185012345', '0912345678', 'huong@example.vn', 'Số 18, tổ 5'];

export async function receivedOnlineDossier(ctx: AppContext, world: IntakeWorld, key: string) {
  const d = await submitOnlineDossier(ctx, world, key);
  return receiveDossier(ctx, officerPrincipal(world.desk), d.code, {
    payment: { amount: 25_000, receiptNumber: `BL-${key.slice(-6)}` },
  });
}
