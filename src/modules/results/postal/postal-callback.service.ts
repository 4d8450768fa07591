/**
 * Tracking callbacks from the postal service (at least once, in any order): each event is recorded
 * once under the service's own event id (a replay changes nothing), moves the order forward only
 * (delivered stays delivered), and when the order becomes delivered the delivered hook runs, which
 * moves the dossier to status 10. The hook runs after the commit; if it fails, the claim is given
 * back and the next callback for the order (the service's retry) runs it again.
 */
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import {
  claimDeliveredHook,
  insertEvent,
  lockOrderByItem,
  moveOrder,
  releaseDeliveredHook,
} from './postal.repository.js';
import { orderMismatch, unknownItem } from './postal-errors.js';
import { nextPostalState, type PostalOrderState, type TrackingState } from './postal-states.js';

export interface TrackingEvent {
  itemCode: string;
  orderNumber?: string;
  eventId: string;
  status: TrackingState;
  time: Date;
  location?: string;
  note?: string;
  raw: unknown;
}

export interface PostalHooks {
  /** The result reached the citizen: the results module moves the dossier to status 10. Idempotent. */
  onDelivered(ctx: AppContext, delivered: { dossierId: string; orderId: string; at: Date }): Promise<void>;
}

export interface TrackingOutcome {
  duplicate: boolean;
  /** The event moved the order (false: replay, stale or out-of-order event). */
  applied: boolean;
  state: PostalOrderState;
}

export async function receiveTrackingEvent(
  ctx: AppContext,
  hooks: PostalHooks,
  e: TrackingEvent,
): Promise<TrackingOutcome> {
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const order = await lockOrderByItem(trx, e.itemCode);
    if (!order) throw unknownItem(e.itemCode);
    if (e.orderNumber && e.orderNumber !== order.orderNumber) throw orderMismatch();
    const next = nextPostalState(order.state, e.status);
    const recorded = await insertEvent(trx, {
      id: newId(),
      orderId: order.id,
      externalEventId: e.eventId,
      state: e.status,
      at: e.time,
      location: e.location ?? null,
      note: e.note ?? null,
      applied: next !== undefined,
      receivedAt: now,
      raw: e.raw,
    });
    if (!recorded) return { order, result: { duplicate: true, applied: false, state: order.state } };
    if (!next) return { order, result: { duplicate: false, applied: false, state: order.state } };
    const moved = await moveOrder(trx, order.id, order.state, {
      state: next,
      at: now,
      ...(next === 'delivered' ? { deliveredAt: e.time } : {}),
    });
    const state = moved?.state ?? order.state;
    return { order: moved ?? order, result: { duplicate: false, applied: moved !== undefined, state } };
  });
  if (outcome.order.state === 'delivered') await runDeliveredHook(ctx, hooks, outcome.order);
  return outcome.result;
}

async function runDeliveredHook(
  ctx: AppContext,
  hooks: PostalHooks,
  order: { id: string; dossierId: string; deliveredAt: Date | null },
) {
  if (!(await claimDeliveredHook(ctx.db, order.id, ctx.clock.now()))) return;
  try {
    await hooks.onDelivered(ctx, {
      dossierId: order.dossierId,
      orderId: order.id,
      at: order.deliveredAt ?? ctx.clock.now(),
    });
  } catch (err) {
    await releaseDeliveredHook(ctx.db, order.id);
    throw err;
  }
}
