/**
 * The citizen's side of intake: sending a completed dossier back after a completion request
 * (online, or by the desk for a citizen who came in person), and asking to withdraw (DOMAIN.md §3.3
 * row 16). A dossier not yet received is withdrawn at once; a received one waits for the desk.
 */
import { forbidden, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import type { Dossier } from './dossier.js';
import { getDossierForCaller, isDeskOf, notAtThisDesk } from './dossier-read.service.js';
import * as repo from './dossiers.repository.js';
import { emitDossierEvent } from './events.js';
import { applyTransition, dossierChanged, notAllowedNow } from './transitions.js';

const text = (v: string | null | undefined) =>
  v?.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 2000) || null;

async function actorFor(ctx: AppContext, principal: Principal, d: Dossier): Promise<'citizen' | 'officer'> {
  if (principal.kind === 'citizen' && d.accountId === principal.id) return 'citizen';
  if (await isDeskOf(ctx.db, principal, d.receivingAgency.id)) return 'officer';
  throw principal.kind === 'citizen'
    ? forbidden('dossier.action_forbidden', {
        vi: 'Đây không phải hồ sơ của bạn.',
        en: 'This is not your dossier.',
      })
    : notAtThisDesk();
}

export async function completeDossier(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: { note?: string | null },
) {
  const d = await getDossierForCaller(ctx.db, principal, idOrCode);
  const actor = await actorFor(ctx, principal, d);
  const note = text(input.note);
  await ctx.db.transaction().execute((trx) =>
    applyTransition(ctx, trx, {
      dossier: d,
      action: 'complete',
      actor,
      principal,
      agencyId: actor === 'officer' ? d.receivingAgency.id : null,
      content: `Đã bổ sung, hoàn thiện hồ sơ.${note ? ` ${note}` : ''}`,
      event: { kind: 'completion_submitted', detail: note },
    }),
  );
  return getDossierForCaller(ctx.db, principal, d.id);
}

export async function withdrawDossier(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: { reason: string },
) {
  const d = await getDossierForCaller(ctx.db, principal, idOrCode);
  const actor = await actorFor(ctx, principal, d);
  const reason = text(input.reason);
  if (!reason) {
    const message = { vi: 'Hãy nêu lý do rút hồ sơ.', en: 'Give the reason for withdrawing.' };
    throw validationError('dossier.reason_required', message, [{ field: 'reason', message }]);
  }
  const now = ctx.clock.now();
  if (actor === 'citizen' && d.status !== 1) {
    if (![2, 4, 5, 6].includes(d.status)) throw notAllowedNow(d, 'withdraw');
    await requestWithdrawal(ctx, principal, d, reason, now);
  } else {
    await ctx.db.transaction().execute((trx) =>
      applyTransition(ctx, trx, {
        dossier: d,
        action: 'withdraw',
        actor,
        principal,
        agencyId: actor === 'officer' ? d.receivingAgency.id : null,
        content: `Rút hồ sơ theo yêu cầu của công dân: ${reason}`,
        patch: { withdraw_reason: reason, withdraw_requested_at: d.withdrawRequestedAt ?? now },
        event: { kind: 'withdrawn', detail: reason },
      }),
    );
  }
  return getDossierForCaller(ctx.db, principal, d.id);
}

/** A received dossier: the request is recorded and the desk confirms it (it may hold papers). */
async function requestWithdrawal(
  ctx: AppContext,
  principal: Principal,
  d: Dossier,
  reason: string,
  now: Date,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await repo.updateGuarded(
      trx,
      { id: d.id, status: d.status, rowVersion: d.rowVersion },
      { withdraw_requested_at: now, withdraw_reason: reason, updated_at: now },
    );
    if (!moved) throw dossierChanged();
    await repo.insertHistory(trx, {
      id: newId(),
      dossierId: d.id,
      at: now,
      action: 'withdraw_request',
      fromStatus: d.status,
      toStatus: d.status,
      actorKind: 'citizen',
      actorId: principal.id,
      actorName: principal.name,
      actorRole: null,
      agencyId: null,
      content: `Công dân đề nghị rút hồ sơ: ${reason}`,
    });
    await emitDossierEvent(ctx.jobs, trx, {
      eventId: `${d.id}:withdrawal_requested:${d.rowVersion}`,
      kind: 'withdrawal_requested',
      dossierId: d.id,
      code: d.code,
      procedureName: d.procedureName,
      accountId: d.accountId,
      receivingAgencyId: d.receivingAgency.id,
      at: now.toISOString(),
      detail: reason,
    });
  });
}
