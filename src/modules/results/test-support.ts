/** Test support: a world whose dossiers can be taken to the leader's approve-and-sign step. */
import { insertAgency } from '../../../test/factories-agencies.js';
import {
  type IntakeWorld,
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
  TAX_PARTNER,
} from '../../../test/factories-dossiers.js';
import { insertOfficer } from '../../../test/factories-identity.js';
import type { Clock } from '../../platform/clock.js';
import type { AppContext } from '../../platform/module.js';
import { type Dossier, receiveDossier } from '../dossiers/index.js';
import { applyProcessingAction } from '../workflow/index.js';

export async function seedResultsWorld(ctx: AppContext, clock?: Clock) {
  const world: IntakeWorld = await seedIntakeWorld(ctx.db, clock);
  const tax = await insertAgency(ctx.db, {
    kind: 'tax',
    name: TAX_PARTNER,
    parentId: world.province.id,
    units: ['22'],
  });
  const leaderRow = await insertOfficer(ctx.db, {
    fullName: 'Phạm Văn Lãnh',
    grants: [{ agencyId: world.ward.id, role: 'agency_leader' }],
  });
  const taxRow = await insertOfficer(ctx.db, { grants: [{ agencyId: tax.id, role: 'specialist' }] });
  const desk = officerPrincipal(world.desk);
  const specialist = officerPrincipal(world.specialist);
  const taxOfficer = officerPrincipal(taxRow);
  const leader = { ...officerPrincipal(leaderRow), name: 'Phạm Văn Lãnh' };

  /** An online dossier handed from the desk through the ward and the tax office to the leader's step. */
  async function atLeaderStep(key: string, o: { receiveAtLeader?: boolean } = {}): Promise<Dossier> {
    const d = await submitOnlineDossier(ctx, world, key);
    await receiveDossier(ctx, desk, d.code, {});
    await applyProcessingAction(ctx, desk, d.code, 'start');
    await applyProcessingAction(ctx, desk, d.code, 'transfer');
    await applyProcessingAction(ctx, specialist, d.code, 'receive_handover');
    await applyProcessingAction(ctx, specialist, d.code, 'claim');
    await applyProcessingAction(ctx, specialist, d.code, 'transfer');
    await applyProcessingAction(ctx, taxOfficer, d.code, 'receive_handover');
    await applyProcessingAction(ctx, taxOfficer, d.code, 'claim');
    await applyProcessingAction(ctx, taxOfficer, d.code, 'transfer');
    if (o.receiveAtLeader !== false) await applyProcessingAction(ctx, leader, d.code, 'receive_handover');
    return d;
  }

  return { world, tax, desk, specialist, taxOfficer, leader, leaderRow, atLeaderStep };
}
