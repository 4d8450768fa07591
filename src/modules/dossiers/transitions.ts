/**
 * Applying one lifecycle action to a dossier (ARCHITECTURE.md §4.3): check the transition table,
 * update under a guard (status and row version), append history and emit the event, all in one
 * transaction. A dossier changed by someone else in between gives `dossier.changed` (409).
 */
import type { Db } from '../../platform/db/database.js';
import { conflict, forbidden } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import type { Dossier } from './dossier.js';
import * as repo from './dossiers.repository.js';
import { type DossierEventKind, emitDossierEvent } from './events.js';
import { type DossierState, type IntakeAction, type IntakeActor, transition } from './lifecycle.js';

export const dossierChanged = () =>
  conflict('dossier.changed', {
    vi: 'Hồ sơ vừa được người khác thay đổi. Hãy xem lại trạng thái mới rồi thử lại.',
    en: 'The dossier was just changed by someone else. Look at its new state and try again.',
  });

export function notAllowedNow(d: Pick<Dossier, 'code' | 'status'>, action: IntakeAction) {
  return conflict('dossier.action_not_allowed', {
    vi: `Không thể thực hiện thao tác này khi hồ sơ ${d.code} đang ở trạng thái hiện tại.`,
    en: `This action (${action}) is not allowed in the dossier's current status (${d.status}).`,
  });
}

export interface Apply {
  dossier: Dossier;
  action: IntakeAction;
  actor: IntakeActor;
  principal: Principal;
  /** The agency the officer acts for (the receiving centre). */
  agencyId: string | null;
  content: string | null;
  patch?: Parameters<typeof repo.updateGuarded>[2];
  event?: { kind: DossierEventKind; detail: string | null };
  stepDueAt?: Date | null;
}

/** The state the action leads to, or the error saying why not (before anything is written). */
export function nextState(
  d: Pick<Dossier, 'code' | 'status' | 'subState'>,
  action: IntakeAction,
  actor: IntakeActor,
): DossierState {
  const outcome = transition({ status: d.status, subState: d.subState }, action, actor);
  if (outcome.ok) return outcome.next;
  if (outcome.reason === 'actor') {
    throw forbidden('dossier.action_forbidden', {
      vi: 'Bạn không có quyền thực hiện thao tác này với hồ sơ.',
      en: 'You may not do this with the dossier.',
    });
  }
  throw notAllowedNow(d, action);
}

export async function applyTransition(ctx: AppContext, trx: Db, a: Apply): Promise<DossierState> {
  const next = nextState(a.dossier, a.action, a.actor);
  const now = ctx.clock.now();
  const moved = await repo.updateGuarded(
    trx,
    { id: a.dossier.id, status: a.dossier.status, rowVersion: a.dossier.rowVersion },
    { status: next.status, sub_state: next.subState, updated_at: now, ...a.patch },
  );
  if (!moved) throw dossierChanged();
  await repo.insertHistory(trx, {
    id: newId(),
    dossierId: a.dossier.id,
    at: now,
    action: a.action,
    fromStatus: a.dossier.status,
    toStatus: next.status,
    actorKind: a.actor,
    actorId: a.principal.id,
    actorName: a.principal.name,
    actorRole: a.actor === 'officer' ? 'one_stop' : null,
    agencyId: a.agencyId,
    content: a.content,
    stepStartedAt: a.dossier.receivedAt ?? a.dossier.submittedAt,
    stepDueAt: a.stepDueAt ?? a.dossier.dueAt,
  });
  if (a.event) {
    await emitDossierEvent(ctx.jobs, trx, {
      eventId: `${a.dossier.id}:${a.event.kind}:${a.dossier.rowVersion}`,
      kind: a.event.kind,
      dossierId: a.dossier.id,
      code: a.dossier.code,
      procedureName: a.dossier.procedureName,
      accountId: a.dossier.accountId,
      receivingAgencyId: a.dossier.receivingAgency.id,
      at: now.toISOString(),
      detail: a.event.detail,
    });
  }
  return next;
}
