import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendByPost } from './postal.service.js';
import { orderInput, postalTestApp, runProgress } from './postal.test-support.js';
import { signCallback } from './postal-signature.js';

describe('tracking callbacks from the postal sandbox', async () => {
  const t = await postalTestApp();
  const { db } = t.ctx;
  const orderRow = (id: string) =>
    db.selectFrom('postal_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = (orderId: string) =>
    db
      .selectFrom('postal_events')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('received_at')
      .execute();
  const sent = async () => sendByPost(t.ctx, t.officer, orderInput(await t.dossier()));

  /** A callback as the service sends it: signed with the callback secret at `timestamp`. */
  const callback = (body: object, opts: { timestamp?: number; secret?: string; signature?: string } = {}) => {
    const raw = JSON.stringify(body);
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/postal/callback',
      headers: {
        'content-type': 'application/json',
        'x-postal-timestamp': String(timestamp),
        'x-postal-signature':
          opts.signature ?? signCallback(opts.secret ?? t.settings.callbackSecret, timestamp, raw),
      },
      payload: raw,
    });
  };
  const event = (itemCode: string, Status: string, EventId = `${itemCode}:${Status}:${Math.random()}`) => ({
    ItemCode: itemCode,
    EventId,
    Status,
    Time: new Date().toISOString(),
    Location: 'Bưu cục Hạ Long',
  });

  it('the job moves the parcel accepted → in transit → delivered; the callbacks arrive and onDelivered runs once', async () => {
    const order = await sent();
    const before = t.delivered.length;
    await runProgress(t.ctx); // calls back 'accepted'
    assert.deepEqual(
      (await events(order.id)).map((e) => [e.state, e.external_event_id]),
      [['accepted', `${order.itemCode}:accepted`]],
    );
    assert.equal((await orderRow(order.id)).state, 'accepted');
    await runProgress(t.ctx);
    assert.equal((await orderRow(order.id)).state, 'in_transit');
    assert.equal(t.delivered.length, before);
    await runProgress(t.ctx);
    const row = await orderRow(order.id);
    assert.equal(row.state, 'delivered');
    assert.ok(row.delivered_at);
    assert.ok(row.delivered_handled_at);
    assert.deepEqual(
      (await events(order.id)).map((e) => [e.state, e.applied]),
      [
        ['accepted', false],
        ['in_transit', true],
        ['delivered', true],
      ],
    );
    const calls = t.delivered.filter((d) => d.orderId === order.id);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.dossierId, order.dossierId);
    assert.equal(calls[0]?.at.getTime(), row.delivered_at?.getTime());
    const remote = await db
      .selectFrom('postal_sandbox_orders')
      .selectAll()
      .where('item_code', '=', order.itemCode)
      .executeTakeFirstOrThrow();
    assert.equal(remote.status, 'delivered');
    assert.equal(remote.notified_status, 'delivered');

    // Nothing more to do: a further run changes nothing.
    await runProgress(t.ctx);
    assert.equal((await events(order.id)).length, 3);
    assert.equal(t.delivered.filter((d) => d.orderId === order.id).length, 1);

    // The delivered callback again (the service retries it with a fresh signature): a duplicate.
    const last = (await events(order.id))[2];
    const replay = await callback(last?.raw as object);
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(replay.json(), { ok: true, duplicate: true, applied: false, state: 'delivered' });
    assert.equal((await events(order.id)).length, 3);
    assert.equal(t.delivered.filter((d) => d.orderId === order.id).length, 1);
  });

  it('a replayed event id changes nothing', async () => {
    const order = await sent();
    const itemCode = order.itemCode ?? '';
    const first = await callback(event(itemCode, 'in_transit', 'evt-replay-1'));
    assert.deepEqual(first.json(), { ok: true, duplicate: false, applied: true, state: 'in_transit' });
    const updatedAt = (await orderRow(order.id)).updated_at;
    // Same event id, even claiming another status: already received.
    const again = await callback(event(itemCode, 'delivered', 'evt-replay-1'));
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().duplicate, true);
    const row = await orderRow(order.id);
    assert.equal(row.state, 'in_transit');
    assert.equal(row.updated_at.getTime(), updatedAt.getTime());
    assert.equal((await events(order.id)).length, 1);
    assert.equal(t.delivered.filter((d) => d.orderId === order.id).length, 0);
  });

  it('a forged signature is 401 postal.bad_signature and changes nothing', async () => {
    const order = await sent();
    const itemCode = order.itemCode ?? '';
    const wrongKey = await callback(event(itemCode, 'delivered'), {
      secret: 'not-the-callback-secret-at-all',
    });
    assert.equal(wrongKey.statusCode, 401);
    assert.equal(wrongKey.json().code, 'postal.bad_signature');
    const noHeader = await callback(event(itemCode, 'delivered'), { signature: '' });
    assert.equal(noHeader.statusCode, 401);
    // A body changed after signing.
    const ts = Math.floor(Date.now() / 1000);
    const signed = JSON.stringify(event(itemCode, 'in_transit', 'evt-tamper'));
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/postal/callback',
      headers: {
        'content-type': 'application/json',
        'x-postal-timestamp': String(ts),
        'x-postal-signature': signCallback(t.settings.callbackSecret, ts, signed),
      },
      payload: signed.replace('in_transit', 'delivered'),
    });
    assert.equal(tampered.statusCode, 401);
    assert.equal(tampered.json().code, 'postal.bad_signature');
    assert.equal((await orderRow(order.id)).state, 'accepted');
    assert.equal((await events(order.id)).length, 0);
    assert.equal(t.delivered.filter((d) => d.orderId === order.id).length, 0);
  });

  it('an old (or far future) timestamp is 401 postal.bad_timestamp and changes nothing', async () => {
    const order = await sent();
    const itemCode = order.itemCode ?? '';
    const now = Math.floor(Date.now() / 1000);
    const old = await callback(event(itemCode, 'delivered'), { timestamp: now - 11 * 60 });
    assert.equal(old.statusCode, 401);
    assert.equal(old.json().code, 'postal.bad_timestamp');
    const future = await callback(event(itemCode, 'delivered'), { timestamp: now + 6 * 60 });
    assert.equal(future.statusCode, 401);
    const recent = await callback(event(itemCode, 'in_transit'), { timestamp: now - 9 * 60 });
    assert.equal(recent.statusCode, 200);
    assert.equal((await orderRow(order.id)).state, 'in_transit');
    assert.equal((await events(order.id)).length, 1);
  });

  it('never moves backwards: returned to sender after delivered, or accepted after in transit', async () => {
    const order = await sent();
    const itemCode = order.itemCode ?? '';
    assert.equal((await callback(event(itemCode, 'in_transit'))).json().applied, true);
    const late = await callback(event(itemCode, 'accepted'));
    assert.deepEqual(late.json(), { ok: true, duplicate: false, applied: false, state: 'in_transit' });
    assert.equal((await callback(event(itemCode, 'delivered'))).json().state, 'delivered');
    const back = await callback(event(itemCode, 'returned_to_sender'));
    assert.equal(back.statusCode, 200);
    assert.deepEqual(back.json(), { ok: true, duplicate: false, applied: false, state: 'delivered' });
    const row = await orderRow(order.id);
    assert.equal(row.state, 'delivered');
    assert.deepEqual(
      (await events(order.id)).map((e) => [e.state, e.applied]),
      [
        ['in_transit', true],
        ['accepted', false],
        ['delivered', true],
        ['returned_to_sender', false],
      ],
    );
    assert.equal(t.delivered.filter((d) => d.orderId === order.id).length, 1);
  });

  it('refuses an unknown item code (404) and a wrong order number (400), recording nothing', async () => {
    const unknown = await callback(event('EB000000000VN', 'delivered'));
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'postal.unknown_item');
    const order = await sent();
    const mismatch = await callback({
      ...event(order.itemCode ?? '', 'delivered'),
      OrderNumber: 'X-000000-0001',
    });
    assert.equal(mismatch.statusCode, 400);
    assert.equal(mismatch.json().code, 'postal.order_mismatch');
    assert.equal((await orderRow(order.id)).state, 'accepted');
    assert.equal((await events(order.id)).length, 0);
  });
});

describe('the delivered hook failing once', async () => {
  const t = await postalTestApp({ failDeliveredTimes: 1 });

  it('answers 500 so the service retries, and the retried callback runs the hook once', async () => {
    const order = await sendByPost(t.ctx, t.officer, orderInput(await t.dossier()));
    const raw = JSON.stringify({
      ItemCode: order.itemCode,
      EventId: 'evt-delivered-1',
      Status: 'delivered',
      Time: new Date().toISOString(),
    });
    const post = () => {
      const ts = Math.floor(Date.now() / 1000);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/postal/callback',
        headers: {
          'content-type': 'application/json',
          'x-postal-timestamp': String(ts),
          'x-postal-signature': signCallback(t.settings.callbackSecret, ts, raw),
        },
        payload: raw,
      });
    };
    assert.equal((await post()).statusCode, 500);
    const row = await t.ctx.db
      .selectFrom('postal_orders')
      .select(['state', 'delivered_handled_at'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'delivered', delivered_handled_at: null });
    assert.equal(t.delivered.length, 0);
    const retry = await post();
    assert.equal(retry.statusCode, 200);
    assert.equal(retry.json().duplicate, true);
    assert.deepEqual(
      t.delivered.map((d) => d.orderId),
      [order.id],
    );
    assert.equal((await post()).statusCode, 200);
    assert.equal(t.delivered.length, 1);
  });
});
