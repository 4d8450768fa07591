/** SQL of postal orders and their tracking events. The first parameter is always the executor. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { PostalReceiver, PostalSender } from './postal-service.js';
import type { PostalOrderState, TrackingState } from './postal-states.js';

export interface PostalOrder {
  id: string;
  dossierId: string;
  orderNumber: string;
  itemCode: string | null;
  state: PostalOrderState;
  codAmount: number | null;
  sender: PostalSender;
  receiver: PostalReceiver;
  description: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
}

const COLUMNS = [
  'id',
  'dossier_id',
  'order_number',
  'item_code',
  'state',
  'cod_amount',
  'sender',
  'receiver',
  'description',
  'created_by',
  'created_at',
  'updated_at',
  'delivered_at',
  'last_error',
] as const;

type Row = {
  id: string;
  dossier_id: string;
  order_number: string;
  item_code: string | null;
  state: string;
  cod_amount: number | null;
  sender: unknown;
  receiver: unknown;
  description: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
};

const toOrder = (r: Row): PostalOrder => ({
  id: r.id,
  dossierId: r.dossier_id,
  orderNumber: r.order_number,
  itemCode: r.item_code,
  state: r.state as PostalOrderState,
  codAmount: r.cod_amount === null ? null : Number(r.cod_amount),
  sender: r.sender as PostalSender,
  receiver: r.receiver as PostalReceiver,
  description: r.description,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deliveredAt: r.delivered_at,
  lastError: r.last_error,
});

export async function findLiveOrder(db: Db, dossierId: string): Promise<PostalOrder | undefined> {
  const r = await db
    .selectFrom('postal_orders')
    .select(COLUMNS)
    .where('dossier_id', '=', dossierId)
    .where('state', 'not in', ['cancelled', 'failed'])
    .executeTakeFirst();
  return r && toOrder(r);
}

export async function findOrder(db: Db, id: string): Promise<PostalOrder | undefined> {
  const r = await db.selectFrom('postal_orders').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && toOrder(r);
}

/** Every order of a dossier, oldest first (failed and cancelled attempts included). */
export async function listDossierOrders(db: Db, dossierId: string): Promise<PostalOrder[]> {
  const rows = await db
    .selectFrom('postal_orders')
    .select(COLUMNS)
    .where('dossier_id', '=', dossierId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toOrder);
}

/** The order of this item code, locked until the transaction ends. */
export async function lockOrderByItem(db: Db, itemCode: string): Promise<PostalOrder | undefined> {
  const r = await db
    .selectFrom('postal_orders')
    .select(COLUMNS)
    .where('item_code', '=', itemCode)
    .forUpdate()
    .executeTakeFirst();
  return r && toOrder(r);
}

/** Inserts a 'created' order; undefined when the dossier already has a live one (unique index). */
export async function insertOrder(
  db: Db,
  o: Omit<PostalOrder, 'itemCode' | 'state' | 'deliveredAt' | 'lastError' | 'updatedAt'>,
): Promise<PostalOrder | undefined> {
  const r = await db
    .insertInto('postal_orders')
    .values({
      id: o.id,
      dossier_id: o.dossierId,
      order_number: o.orderNumber,
      state: 'created',
      cod_amount: o.codAmount,
      sender: JSON.stringify(o.sender),
      receiver: JSON.stringify(o.receiver),
      description: o.description,
      created_by: o.createdBy,
      created_at: o.createdAt,
      updated_at: o.createdAt,
    })
    .onConflict((oc) =>
      oc.column('dossier_id').where(sql<boolean>`state NOT IN ('cancelled', 'failed')`).doNothing(),
    )
    .returning(COLUMNS)
    .executeTakeFirst();
  return r && toOrder(r);
}

/** Moves an order from one state to another (guarded); undefined when it was not in `from`. */
export async function moveOrder(
  db: Db,
  id: string,
  from: PostalOrderState,
  set: {
    state: PostalOrderState;
    at: Date;
    itemCode?: string;
    lastError?: string | null;
    deliveredAt?: Date;
    updatedAtWas?: Date;
  },
): Promise<PostalOrder | undefined> {
  let q = db
    .updateTable('postal_orders')
    .set({
      state: set.state,
      updated_at: set.at,
      ...(set.itemCode !== undefined ? { item_code: set.itemCode } : {}),
      ...(set.lastError !== undefined ? { last_error: set.lastError } : {}),
      ...(set.deliveredAt !== undefined ? { delivered_at: set.deliveredAt } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', from);
  if (set.updatedAtWas) q = q.where('updated_at', '=', set.updatedAtWas);
  const r = await q.returning(COLUMNS).executeTakeFirst();
  return r && toOrder(r);
}

export interface NewEvent {
  id: string;
  orderId: string;
  externalEventId: string;
  state: TrackingState;
  at: Date;
  location: string | null;
  note: string | null;
  applied: boolean;
  receivedAt: Date;
  raw: unknown;
}

/** Records a tracking event; false when its external id was recorded before (a replay). */
export async function insertEvent(db: Db, e: NewEvent): Promise<boolean> {
  const r = await db
    .insertInto('postal_events')
    .values({
      id: e.id,
      order_id: e.orderId,
      external_event_id: e.externalEventId,
      state: e.state,
      at: e.at,
      location: e.location,
      note: e.note,
      applied: e.applied,
      received_at: e.receivedAt,
      raw: JSON.stringify(e.raw),
    })
    .onConflict((oc) => oc.column('external_event_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export function listOrderEvents(db: Db, orderId: string) {
  return db
    .selectFrom('postal_events')
    .select(['external_event_id', 'state', 'at', 'location', 'note', 'applied', 'received_at'])
    .where('order_id', '=', orderId)
    .orderBy('at')
    .orderBy('received_at')
    .execute();
}

/**
 * Claims the delivered hook of a delivered order (at most one caller runs it at a time); false when
 * it ran already or another caller holds it.
 */
export async function claimDeliveredHook(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('postal_orders')
    .set({ delivered_handled_at: at })
    .where('id', '=', id)
    .where('state', '=', 'delivered')
    .where('delivered_handled_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Gives the claim back after the hook failed, so that the next callback runs it again. */
export async function releaseDeliveredHook(db: Db, id: string) {
  await db.updateTable('postal_orders').set({ delivered_handled_at: null }).where('id', '=', id).execute();
}
