import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors.js';
import { cancelPostalOrder, listPostalOrders, sendByPost } from './postal.service.js';
import { freePort, orderInput, postalTestApp } from './postal.test-support.js';
import { PostalRefusedError } from './postal-errors.js';

const ITEM = /^[A-Z]{2}\d{9}VN$/;

describe('sendByPost against the postal sandbox over HTTP', async () => {
  const clock = fixedClock(new Date());
  const t = await postalTestApp({ clock });
  const sandboxRows = (orderNumber: string) =>
    t.ctx.db
      .selectFrom('postal_sandbox_orders')
      .selectAll()
      .where('order_number', '=', orderNumber)
      .execute();

  it('creates the order: the service accepts it and gives an S10 item code', async () => {
    const d = await t.dossier();
    const order = await sendByPost(t.ctx, t.officer, orderInput(d, { codAmount: 30_000 }));
    assert.equal(order.state, 'accepted');
    assert.match(order.itemCode ?? '', ITEM);
    assert.equal(order.orderNumber, d.code);
    assert.equal(order.createdBy, t.officer.id);
    const rows = await sandboxRows(d.code);
    assert.equal(rows.length, 1);
    const remote = rows[0] as (typeof rows)[number];
    assert.equal(remote.item_code, order.itemCode);
    assert.equal(remote.cod_amount, 30_000);
    assert.equal((remote.receiver as Record<string, string>).Tel, '0912345678');
    assert.equal((remote.sender as Record<string, string>).Name, 'UBND phường Hạ Long');
  });

  it('gives back the live order when asked again (one order, one parcel)', async () => {
    const d = await t.dossier();
    const first = await sendByPost(t.ctx, t.officer, orderInput(d));
    const again = await sendByPost(t.ctx, t.officer, orderInput(d, { description: 'khác' }));
    assert.equal(again.id, first.id);
    assert.equal(again.itemCode, first.itemCode);
    assert.equal((await listPostalOrders(t.ctx, d.id)).length, 1);
    assert.equal((await sandboxRows(d.code)).length, 1);
  });

  it('a refusal (receiver phone missing) is a clear 502, leaves a failed row, and a retry works', async () => {
    const d = await t.dossier();
    const bad = orderInput(d);
    bad.receiver = { ...bad.receiver, tel: '' };
    await assert.rejects(sendByPost(t.ctx, t.officer, bad), (err: unknown) => {
      assert.ok(err instanceof PostalRefusedError);
      assert.equal(err.code, 'postal.refused');
      assert.equal(err.status, 502);
      assert.match(err.text.vi, /Receiver\.Tel: Số điện thoại người nhận không được để trống/);
      assert.match(err.text.en, /refused/);
      return true;
    });
    const [failed] = await listPostalOrders(t.ctx, d.id);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.itemCode, null);
    assert.match(failed?.lastError ?? '', /Receiver\.Tel/);
    assert.equal((await sandboxRows(d.code)).length, 0);

    const retried = await sendByPost(t.ctx, t.officer, orderInput(d));
    assert.equal(retried.state, 'accepted');
    assert.match(retried.itemCode ?? '', ITEM);
    const all = await listPostalOrders(t.ctx, d.id);
    assert.deepEqual(
      all.map((o) => o.state),
      ['failed', 'accepted'],
    );
  });

  it('renews an expired access token by itself', async () => {
    await sendByPost(t.ctx, t.officer, orderInput(await t.dossier()));
    clock.advance(31 * 60_000);
    const d = await t.dossier();
    const order = await sendByPost(t.ctx, t.officer, orderInput(d));
    assert.equal(order.state, 'accepted');
    assert.equal((await sandboxRows(d.code)).length, 1);
    // Past the refresh token too: a new login.
    clock.advance(8 * 24 * 3600_000);
    const later = await sendByPost(t.ctx, t.officer, orderInput(await t.dossier()));
    assert.equal(later.state, 'accepted');
  });

  it('recalls an order: cancelled here and at the service, and a new order can be made', async () => {
    const d = await t.dossier();
    const order = await sendByPost(t.ctx, t.officer, orderInput(d));
    const cancelled = await cancelPostalOrder(t.ctx, t.officer, order.id);
    assert.equal(cancelled.state, 'cancelled');
    const [remote] = await sandboxRows(d.code);
    assert.equal(remote?.status, 'cancelled');
    const again = await sendByPost(t.ctx, t.officer, orderInput(d));
    assert.notEqual(again.id, order.id);
    assert.notEqual(again.itemCode, order.itemCode);
    assert.equal(again.state, 'accepted');
  });
});

describe('sendByPost when the postal service cannot be reached', async () => {
  const closed = await freePort();
  const t = await postalTestApp({ env: { POSTAL_URL: `http://127.0.0.1:${closed}` } });

  it('is a 503 postal.unavailable, with the order row failed, and nothing live', async () => {
    const d = await t.dossier();
    await assert.rejects(sendByPost(t.ctx, t.officer, orderInput(d)), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'postal.unavailable');
      assert.equal(err.status, 503);
      assert.match(err.text.vi, /Không kết nối được dịch vụ bưu chính/);
      return true;
    });
    const rows = await listPostalOrders(t.ctx, d.id);
    assert.deepEqual(
      rows.map((o) => [o.state, o.itemCode]),
      [['failed', null]],
    );
    assert.match(rows[0]?.lastError ?? '', /postal\.unavailable/);
  });
});
