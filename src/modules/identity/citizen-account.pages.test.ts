/** /tai-khoan: the notification phone and e-mail, validated, with nothing lost on error. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertCitizen, sessionCookie } from '../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../test/page-forms.js';

describe('/tai-khoan notification contact', async () => {
  const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
  const db = ctx.db;

  const cases: {
    phone: string;
    email: string;
    saved?: { phone: string | null; email: string | null };
    errors?: ('phone' | 'email')[];
  }[] = [
    {
      phone: '0912 345 678',
      email: 'An.Nguyen@Gmail.COM',
      saved: { phone: '0912345678', email: 'An.Nguyen@gmail.com' },
    },
    { phone: '+84 912.345.678', email: '', saved: { phone: '0912345678', email: null } },
    {
      phone: '(0203) 3845 678',
      email: 'x@ubnd.quangninh.gov.vn',
      saved: { phone: '02033845678', email: 'x@ubnd.quangninh.gov.vn' },
    },
    { phone: '+81 90 1234 5678', email: 'a.b@c.jp', saved: { phone: '+819012345678', email: 'a.b@c.jp' } },
    { phone: '', email: '', saved: { phone: null, email: null } },
    { phone: '091234567', email: 'ok@vidu.vn', errors: ['phone'] },
    { phone: '0112345678', email: 'ok@vidu.vn', errors: ['phone'] },
    { phone: '+84 12', email: 'ok@vidu.vn', errors: ['phone'] },
    { phone: 'không có', email: 'ok@vidu.vn', errors: ['phone'] },
    { phone: '0912345678', email: 'an@localhost', errors: ['email'] },
    { phone: '0912345678', email: 'an..b@vidu.vn', errors: ['email'] },
    { phone: '0912345678', email: 'nguyễn@vidu.vn', errors: ['email'] },
    { phone: '12', email: '@vidu.vn', errors: ['phone', 'email'] },
  ];

  for (const c of cases) {
    it(`${JSON.stringify(c.phone)} / ${JSON.stringify(c.email)} → ${c.errors ? `error in ${c.errors.join(', ')}` : 'saved'}`, async () => {
      const citizen = await insertCitizen(db);
      await db
        .updateTable('citizen_accounts')
        .set({ notify_phone: '0987654321', notify_email: 'cu@vidu.vn' })
        .where('id', '=', citizen.id)
        .execute();
      const cookie = await sessionCookie(db, { citizenId: citizen.id });
      const res = await postForm(app, '/tai-khoan', cookie, { phone: c.phone, email: c.email });
      const row = await db
        .selectFrom('citizen_accounts')
        .select(['notify_phone', 'notify_email'])
        .where('id', '=', citizen.id)
        .executeTakeFirstOrThrow();
      if (c.saved) {
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, '/tai-khoan?da-luu=1');
        assert.deepEqual({ phone: row.notify_phone, email: row.notify_email }, c.saved);
        return;
      }
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        { phone: row.notify_phone, email: row.notify_email },
        { phone: '0987654321', email: 'cu@vidu.vn' },
        'nothing saved',
      );
      assert.match(res.body, /class="error-summary"/);
      for (const field of ['phone', 'email'] as const) {
        const flagged = c.errors?.includes(field) ?? false;
        assert.equal(res.body.includes(`id="${field}-error"`), flagged, `${field} flagged: ${flagged}`);
      }
      if (c.errors?.includes('phone')) {
        assert.match(res.body, /Số điện thoại không hợp lệ/);
        assert.match(res.body, /href="#phone"/);
      }
      if (c.errors?.includes('email')) assert.match(res.body, /Địa chỉ thư điện tử không hợp lệ/);
      // What the person typed is shown again, escaped.
      assert.ok(res.body.includes(`value="${c.phone.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`));
      assert.ok(res.body.includes(`value="${c.email}"`));
    });
  }

  it('explains errors in English when the page is in English', async () => {
    const citizen = await insertCitizen(db);
    const cookie = `${await sessionCookie(db, { citizenId: citizen.id })}; lang=en`;
    const res = await postForm(app, '/tai-khoan', cookie, { phone: '123', email: 'x' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /The phone number is not valid/);
    assert.match(res.body, /The e-mail address is not valid/);
  });

  it('shows the saved contact and a confirmation after saving, and audits the change', async () => {
    const citizen = await insertCitizen(db, { fullName: 'Lê Thị Mai' });
    const cookie = await sessionCookie(db, { citizenId: citizen.id });
    await postForm(app, '/tai-khoan', cookie, { phone: '0356 789 012', email: 'mai@vidu.vn' });
    const page = await app.inject({ url: '/tai-khoan?da-luu=1', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Đã lưu thông tin nhận thông báo/);
    assert.match(page.body, /value="0356789012"/);
    assert.match(page.body, /value="mai@vidu.vn"/);
    assert.match(page.body, />Lê Thị Mai</);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', citizen.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['account.contact_changed'],
    );
  });

  it('refuses a post without a CSRF token', async () => {
    const citizen = await insertCitizen(db);
    const cookie = await sessionCookie(db, { citizenId: citizen.id });
    const res = await app.inject({
      method: 'POST',
      url: '/tai-khoan',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'phone=0912345678&email=',
    });
    assert.equal(res.statusCode, 403);
    const row = await db
      .selectFrom('citizen_accounts')
      .select('notify_phone')
      .where('id', '=', citizen.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.notify_phone, null);
  });

  it('sends a visitor who is not logged in to the citizen login page', async () => {
    const res = await app.inject({ url: '/tai-khoan', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/dang-nhap?next=%2Ftai-khoan');
  });
});
