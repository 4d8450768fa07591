import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../../test/build-test-app.js';
import { postForm } from '../../../../../test/page-forms.js';
import { sendByPost } from '../postal.service.js';
import { orderInput, postalTestApp } from '../postal.test-support.js';
import { postalJobs, registerPostalSandbox } from './sandbox.js';

describe('the postal sandbox demo page and API', async () => {
  const t = await postalTestApp();
  const order = await sendByPost(t.ctx, t.officer, orderInput(await t.dossier()));
  const itemCode = order.itemCode ?? '';

  it('lists the orders in Vietnamese, with the button to move one on', async () => {
    const res = await t.app.inject({ url: '/postal-sandbox' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /lang="vi"/);
    assert.match(res.body, /Bưu chính thử nghiệm/);
    assert.ok(res.body.includes(itemCode));
    assert.ok(res.body.includes(order.orderNumber));
    assert.match(res.body, /Chuyển trạng thái tiếp theo/);
    assert.match(res.body, /name="_csrf"/);
    assert.ok(!res.body.includes('0912345678'), 'the phone number is masked on a public page');
  });

  it('refuses the button without a CSRF token, changing nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/postal-sandbox/buu-gui/${itemCode}/chuyen-trang-thai`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: '',
    });
    assert.equal(res.statusCode, 403);
    const remote = await t.ctx.db
      .selectFrom('postal_sandbox_orders')
      .select('status')
      .where('item_code', '=', itemCode)
      .executeTakeFirstOrThrow();
    assert.equal(remote.status, 'accepted');
  });

  it('moves the parcel on at once (post-redirect-get), and the signed callback reaches motcua', async () => {
    const res = await postForm(t.app, `/postal-sandbox/buu-gui/${itemCode}/chuyen-trang-thai`, '');
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location ?? '', /^\/postal-sandbox\?buu_gui=/);
    const remote = await t.ctx.db
      .selectFrom('postal_sandbox_orders')
      .select(['status', 'notified_status'])
      .where('item_code', '=', itemCode)
      .executeTakeFirstOrThrow();
    assert.deepEqual(remote, { status: 'in_transit', notified_status: 'in_transit' });
    const ours = await t.ctx.db
      .selectFrom('postal_orders')
      .select('state')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    assert.equal(ours.state, 'in_transit');
    const page = await t.app.inject({ url: res.headers.location as string });
    assert.match(page.body, /Đã chuyển bưu gửi .* sang: Đang vận chuyển/);

    assert.equal(
      (await postForm(t.app, `/postal-sandbox/buu-gui/${itemCode}/chuyen-trang-thai`, '')).statusCode,
      303,
    );
    assert.deepEqual(
      t.delivered.map((d) => d.orderId),
      [order.id],
    );
    const done = await postForm(t.app, `/postal-sandbox/buu-gui/${itemCode}/chuyen-trang-thai`, '');
    const after = await t.app.inject({ url: done.headers.location as string });
    assert.match(after.body, /không chuyển được trạng thái/);
    assert.deepEqual(
      t.delivered.map((d) => d.orderId),
      [order.id],
    );
  });

  it('speaks VNPost-style errors: bad credentials, no token, a foreign item', async () => {
    const post = (url: string, body: object, token?: string) =>
      t.app.inject({
        method: 'POST',
        url: `/postal-sandbox${url}`,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        payload: JSON.stringify(body),
      });
    const bad = await post('/api/token', { CustomerCode: t.settings.customerCode, Secret: 'wrong' });
    assert.equal(bad.statusCode, 401);
    assert.deepEqual(bad.json(), {
      Status: 'error',
      Code: 'INVALID_CREDENTIALS',
      Message: 'Mã khách hàng hoặc mật khẩu không đúng',
    });
    const anonymous = await post('/api/orders', { CustomerCode: t.settings.customerCode });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().Code, 'UNAUTHORIZED');
    const login = await post('/api/token', {
      CustomerCode: t.settings.customerCode,
      Secret: t.settings.secret,
    });
    assert.equal(login.statusCode, 200);
    const token = login.json().AccessToken as string;
    const missing = await post('/api/orders/EB000000000VN/cancel', {}, token);
    assert.equal(missing.statusCode, 404);
    const invalid = await post(
      '/api/orders',
      { CustomerCode: t.settings.customerCode, OrderNumber: 'X' },
      token,
    );
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.json().Message, /Receiver\.Name: Tên người nhận không được để trống/);
  });
});

describe('outside demo mode', async () => {
  const { app, ctx } = await buildTestApp({
    env: { DEMO: 'false' },
    modules: [{ name: 'postal-test', jobs: postalJobs, routes: registerPostalSandbox }],
  });

  it('there is no postal sandbox and no sandbox job', async () => {
    assert.equal((await app.inject({ url: '/postal-sandbox' })).statusCode, 404);
    const token = await app.inject({
      method: 'POST',
      url: '/postal-sandbox/api/token',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    // No such route: refused (the CSRF check of non-API posts answers before the 404).
    assert.ok(token.statusCode === 403 || token.statusCode === 404, String(token.statusCode));
    assert.ok(!token.body.includes('AccessToken'));
    assert.deepEqual(postalJobs(ctx), []);
  });
});
