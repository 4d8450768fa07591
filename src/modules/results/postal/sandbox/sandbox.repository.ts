/** SQL of the postal sandbox's orders (postal_sandbox_orders). The first parameter is always the executor. */
import type { Db } from '../../../../platform/db/database.js';

export type SandboxStatus = 'accepted' | 'in_transit' | 'delivered' | 'cancelled';

export interface SandboxOrder {
  itemCode: string;
  customerCode: string;
  orderNumber: string;
  status: SandboxStatus;
  statusAt: Date;
  notifiedStatus: SandboxStatus | null;
  codAmount: number | null;
  sender: Record<string, string>;
  receiver: Record<string, string>;
  description: string | null;
  createdAt: Date;
  lastCallbackError: string | null;
}

const COLUMNS = [
  'item_code',
  'customer_code',
  'order_number',
  'status',
  'status_at',
  'notified_status',
  'cod_amount',
  'sender',
  'receiver',
  'description',
  'created_at',
  'last_callback_error',
] as const;

const toOrder = (r: {
  item_code: string;
  customer_code: string;
  order_number: string;
  status: string;
  status_at: Date;
  notified_status: string | null;
  cod_amount: number | null;
  sender: unknown;
  receiver: unknown;
  description: string | null;
  created_at: Date;
  last_callback_error: string | null;
}): SandboxOrder => ({
  itemCode: r.item_code,
  customerCode: r.customer_code,
  orderNumber: r.order_number,
  status: r.status as SandboxStatus,
  statusAt: r.status_at,
  notifiedStatus: r.notified_status as SandboxStatus | null,
  codAmount: r.cod_amount,
  sender: r.sender as Record<string, string>,
  receiver: r.receiver as Record<string, string>,
  description: r.description,
  createdAt: r.created_at,
  lastCallbackError: r.last_callback_error,
});

export interface NewSandboxOrder {
  itemCode: string;
  customerCode: string;
  orderNumber: string;
  codAmount: number | null;
  sender: Record<string, string>;
  receiver: Record<string, string>;
  description: string | null;
  flagConfig: string | null;
  at: Date;
}

/**
 * Accepts an order; when the customer already has a live order of this number, that one is given
 * back (a retried create). Throws on an item code collision (the caller draws another).
 */
export async function insertSandboxOrder(db: Db, o: NewSandboxOrder): Promise<SandboxOrder> {
  const inserted = await db
    .insertInto('postal_sandbox_orders')
    .values({
      item_code: o.itemCode,
      customer_code: o.customerCode,
      order_number: o.orderNumber,
      status: 'accepted',
      status_at: o.at,
      cod_amount: o.codAmount,
      sender: JSON.stringify(o.sender),
      receiver: JSON.stringify(o.receiver),
      description: o.description,
      flag_config: o.flagConfig,
      created_at: o.at,
    })
    .onConflict((oc) =>
      oc.columns(['customer_code', 'order_number']).where('status', '<>', 'cancelled').doNothing(),
    )
    .returning(COLUMNS)
    .executeTakeFirst();
  if (inserted) return toOrder(inserted);
  const live = await db
    .selectFrom('postal_sandbox_orders')
    .select(COLUMNS)
    .where('customer_code', '=', o.customerCode)
    .where('order_number', '=', o.orderNumber)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return toOrder(live);
}

export async function findSandboxOrder(db: Db, itemCode: string): Promise<SandboxOrder | undefined> {
  const r = await db
    .selectFrom('postal_sandbox_orders')
    .select(COLUMNS)
    .where('item_code', '=', itemCode)
    .executeTakeFirst();
  return r && toOrder(r);
}

export async function listSandboxOrders(db: Db, limit: number): Promise<SandboxOrder[]> {
  const rows = await db
    .selectFrom('postal_sandbox_orders')
    .select(COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('item_code')
    .limit(limit)
    .execute();
  return rows.map(toOrder);
}

/** Orders whose last status has not been called back yet. */
export async function listUnnotified(db: Db, limit: number): Promise<SandboxOrder[]> {
  const rows = await db
    .selectFrom('postal_sandbox_orders')
    .select(COLUMNS)
    .where('status', '<>', 'cancelled')
    .where((eb) => eb.or([eb('notified_status', 'is', null), eb('notified_status', '<>', eb.ref('status'))]))
    .orderBy('status_at')
    .limit(limit)
    .execute();
  return rows.map(toOrder);
}

/** Orders called back up to date and due for their next status. */
export async function listDue(db: Db, before: Date, limit: number): Promise<SandboxOrder[]> {
  const rows = await db
    .selectFrom('postal_sandbox_orders')
    .select(COLUMNS)
    .where('status', 'in', ['accepted', 'in_transit'])
    .where((eb) => eb('notified_status', '=', eb.ref('status')))
    .where('status_at', '<=', before)
    .orderBy('status_at')
    .limit(limit)
    .execute();
  return rows.map(toOrder);
}

/** Moves an order on (guarded by its current status); undefined when it was not in `from`. */
export async function moveSandboxOrder(
  db: Db,
  itemCode: string,
  from: SandboxStatus,
  to: SandboxStatus,
  at: Date,
): Promise<SandboxOrder | undefined> {
  const r = await db
    .updateTable('postal_sandbox_orders')
    .set({ status: to, status_at: at })
    .where('item_code', '=', itemCode)
    .where('status', '=', from)
    .returning(COLUMNS)
    .executeTakeFirst();
  return r && toOrder(r);
}

/** Records the outcome of a callback of `status` (only if the order is still at that status). */
export async function recordCallback(db: Db, itemCode: string, status: SandboxStatus, error: string | null) {
  await db
    .updateTable('postal_sandbox_orders')
    .set(
      error === null
        ? { notified_status: status, last_callback_error: null }
        : { last_callback_error: error },
    )
    .where('item_code', '=', itemCode)
    .where('status', '=', status)
    .execute();
}
