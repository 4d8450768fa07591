/**
 * Return of a result by public post (bưu chính công ích): the use cases around a postal order. The
 * order row is written first ('created'), the postal service is called outside any transaction, and
 * its answer is committed in a short update: 'accepted' with the item code, or 'failed' with the
 * error, after which a new attempt may be made. One live order per dossier: asking again while one
 * is live gives that one back.
 */
import type { Principal } from '../../../platform/http/access.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import {
  findLiveOrder,
  findOrder,
  insertOrder,
  listDossierOrders,
  moveOrder,
  type PostalOrder,
} from './postal.repository.js';
import { notCancellable, postalNotConfigured, postalOrderNotFound } from './postal-errors.js';
import { HttpPostalService } from './postal-http-client.js';
import type { PostalReceiver, PostalSender, PostalService } from './postal-service.js';
import { postalSettings } from './postal-settings.js';

export interface SendByPostInput {
  dossierId: string;
  /** Mã hồ sơ: the order number at the postal service. */
  dossierCode: string;
  sender: PostalSender;
  receiver: PostalReceiver;
  /** Thu hộ (COD), integer VND. */
  codAmount?: number | null;
  description?: string | null;
}

/**
 * A 'created' order older than this is taken as an attempt that died half-way (the process stopped
 * while calling the service) and is sent again: the service gives back the same item code for the
 * same order number.
 */
const STALE_CREATED_MS = 2 * 60_000;

const clients = new WeakMap<AppContext, PostalService>();

/** The postal service of this app (one client per app, so its tokens are reused). */
export function postalServiceOf(ctx: AppContext): PostalService {
  let client = clients.get(ctx);
  if (!client) {
    const settings = postalSettings(ctx.config, ctx.serverSecret);
    if (!settings) throw postalNotConfigured();
    client = new HttpPostalService({
      url: settings.url,
      customerCode: settings.customerCode,
      secret: settings.secret,
      clock: ctx.clock,
    });
    clients.set(ctx, client);
  }
  return client;
}

/** Gửi kết quả qua bưu chính công ích: creates (or gives back) the dossier's live postal order. */
export async function sendByPost(
  ctx: AppContext,
  principal: Principal,
  input: SendByPostInput,
): Promise<PostalOrder> {
  const service = postalServiceOf(ctx);
  let order = await findLiveOrder(ctx.db, input.dossierId);
  if (!order) {
    const inserted = await insertOrder(ctx.db, {
      id: newId(),
      dossierId: input.dossierId,
      orderNumber: input.dossierCode,
      codAmount: input.codAmount ?? null,
      sender: input.sender,
      receiver: input.receiver,
      description: input.description ?? null,
      createdBy: principal.id,
      createdAt: ctx.clock.now(),
    });
    // Lost a race with a concurrent request: that one's order is the answer.
    if (!inserted) return (await findLiveOrder(ctx.db, input.dossierId)) ?? sendByPost(ctx, principal, input);
    order = inserted;
  } else {
    if (order.state !== 'created') return order;
    const stale = ctx.clock.now().getTime() - order.updatedAt.getTime() > STALE_CREATED_MS;
    if (!stale) return order;
    const claimed = await moveOrder(ctx.db, order.id, 'created', {
      state: 'created',
      at: ctx.clock.now(),
      updatedAtWas: order.updatedAt,
    });
    if (!claimed) return (await findOrder(ctx.db, order.id)) ?? order;
    order = claimed;
  }
  return submit(ctx, service, order);
}

async function submit(ctx: AppContext, service: PostalService, order: PostalOrder): Promise<PostalOrder> {
  let itemCode: string;
  try {
    ({ itemCode } = await service.createOrder({
      orderNumber: order.orderNumber,
      codAmount: order.codAmount,
      sender: order.sender,
      receiver: order.receiver,
      description: order.description,
    }));
  } catch (err) {
    await moveOrder(ctx.db, order.id, 'created', {
      state: 'failed',
      at: ctx.clock.now(),
      lastError: (err as Error).message.slice(0, 2000),
    });
    throw err;
  }
  const accepted = await moveOrder(ctx.db, order.id, 'created', {
    state: 'accepted',
    at: ctx.clock.now(),
    itemCode,
    lastError: null,
  });
  // A tracking callback may have moved it on already: the row as it is now.
  return accepted ?? (await findOrder(ctx.db, order.id)) ?? order;
}

/** Thu hồi / hủy đơn gửi: recalls an order the post has not delivered yet. */
export async function cancelPostalOrder(
  ctx: AppContext,
  _principal: Principal,
  orderId: string,
): Promise<PostalOrder> {
  const order = await findOrder(ctx.db, orderId);
  if (!order) throw postalOrderNotFound();
  if (order.state === 'cancelled') return order;
  if ((order.state !== 'accepted' && order.state !== 'in_transit') || !order.itemCode) {
    throw notCancellable(order.state);
  }
  await postalServiceOf(ctx).cancelOrder(order.itemCode);
  const cancelled = await moveOrder(ctx.db, order.id, order.state, {
    state: 'cancelled',
    at: ctx.clock.now(),
  });
  if (!cancelled) throw notCancellable((await findOrder(ctx.db, order.id))?.state ?? order.state);
  return cancelled;
}

/** The dossier's live postal order, if any. */
export const findLivePostalOrder = (ctx: AppContext, dossierId: string) => findLiveOrder(ctx.db, dossierId);

/** Every postal order of a dossier, failed and cancelled attempts included, oldest first. */
export const listPostalOrders = (ctx: AppContext, dossierId: string) => listDossierOrders(ctx.db, dossierId);
