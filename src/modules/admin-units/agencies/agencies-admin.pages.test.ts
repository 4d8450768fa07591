import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { insertAgency, uniqueAgencyCode } from '../../../../test/factories-agencies.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../../test/page-forms.js';
import { fixedClock } from '../../../platform/clock.js';
import { adminUnitsModule } from '../index.js';
import { agencyCodeHistory, getAgency } from './agency-lookup.service.js';

const clock = fixedClock('2026-03-02T03:00:00Z');

describe('agency administration pages', async () => {
  const { app, ctx } = await buildTestApp({ modules: [adminUnitsModule], clock, extraRoutes: csrfProbe });
  const db = ctx.db;
  const province = await insertAgency(db, { kind: 'provincial_committee', name: 'UBND tỉnh', units: ['22'] });
  const communeA = await insertAgency(db, { parentId: province.id, name: 'UBND phường A' });
  const communeB = await insertAgency(db, { parentId: province.id, name: 'UBND phường B' });
  const login = async (grants: NonNullable<Parameters<typeof insertOfficer>[1]>['grants']) => {
    const officer = await insertOfficer(db, { grants });
    return { id: officer.id, cookie: await sessionCookie(db, { officerId: officer.id }) };
  };
  const system = await login([{ role: 'system_admin', agencyId: province.id }]);
  const adminA = await login([{ role: 'agency_admin', agencyId: communeA.id }]);
  const provinceAdmin = await login([{ role: 'agency_admin', agencyId: province.id }]);
  const clerk = await login([{ role: 'one_stop', agencyId: communeA.id }]);
  const citizen = await insertCitizen(db);
  const citizenCookie = await sessionCookie(db, { citizenId: citizen.id });
  const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });
  const pageOf = (code: string) => `/quan-tri/co-quan/${encodeURIComponent(code)}`;

  it('sends anonymous visitors to the officer login and refuses citizens and other roles', async () => {
    for (const url of ['/quan-tri/co-quan', '/quan-tri/co-quan/moi', pageOf(communeA.code)]) {
      const anonymous = await get(url);
      assert.equal(anonymous.statusCode, 302, url);
      assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
      assert.equal((await get(url, citizenCookie)).statusCode, 403, url);
      assert.equal((await get(url, clerk.cookie)).statusCode, 403, url);
      assert.equal((await get(url, system.cookie)).statusCode, 200, url);
    }
    for (const url of ['/quan-tri/co-quan', pageOf(communeA.code), `${pageOf(communeA.code)}/ma-dinh-danh`]) {
      const res = await postForm(app, url, '', { name: 'x' });
      assert.equal(res.statusCode, 401, url);
      assert.equal((await postForm(app, url, citizenCookie, { name: 'x' })).statusCode, 403, url);
      assert.equal((await postForm(app, url, clerk.cookie, { name: 'x' })).statusCode, 403, url);
    }
  });

  it('lets an agency administrator see the list and its own agency, not create one', async () => {
    assert.equal((await get('/quan-tri/co-quan', adminA.cookie)).statusCode, 200);
    assert.equal((await get(pageOf(communeA.code), adminA.cookie)).statusCode, 200);
    assert.equal((await get('/quan-tri/co-quan/moi', adminA.cookie)).statusCode, 403);
    const post = await postForm(app, '/quan-tri/co-quan', adminA.cookie, { name: 'x' });
    assert.equal(post.statusCode, 403);
  });

  it('keeps an agency administrator of commune A out of commune B', async () => {
    assert.equal((await get(pageOf(communeB.code), adminA.cookie)).statusCode, 403);
    const res = await postForm(app, pageOf(communeB.code), adminA.cookie, {
      name: 'Đổi tên trái phép',
      kind: 'commune_committee',
      units: '07093',
      parentCode: province.code,
    });
    assert.equal(res.statusCode, 403);
    assert.equal((await getAgency(db, communeB.id)).name, 'UBND phường B');
    const code = await postForm(app, `${pageOf(communeB.code)}/ma-dinh-danh`, adminA.cookie, {
      newCode: uniqueAgencyCode(),
      effectiveFrom: '2026-03-02',
    });
    assert.equal(code.statusCode, 403);
  });

  it('searches agencies by name', async () => {
    const res = await get(`/quan-tri/co-quan?q=${encodeURIComponent('phường B')}`, system.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /UBND phường B/);
    assert.doesNotMatch(res.body, /UBND phường A/);
    assert.match(res.body, /href="\/quan-tri\/co-quan\/moi"/);
  });

  it('shows the agencies as a tree of nested lists, children under their parent', async () => {
    const res = await get('/quan-tri/co-quan', adminA.cookie);
    assert.equal(res.statusCode, 200);
    const tree = /<nav class="qt-tree"[^>]*>([\s\S]*?)<\/nav>/.exec(res.body)?.[1] ?? '';
    const link = (a: { code: string; name: string }) =>
      `<a href="/quan-tri/co-quan/${encodeURIComponent(a.code)}" lang="vi">${a.name}</a>`;
    const nested = new RegExp(
      `<li>${link(province)}<span class="qt-tree-meta">[^<]*</span><ul><li>${link(communeA)}.*?</li><li>${link(communeB)}`,
    );
    assert.match(tree, nested);
    assert.doesNotMatch(res.body, /<table class="qt-table">/, 'no flat list without a search');
  });

  it('creates one agency from a double-submitted form, answering both submissions with it', async () => {
    const form = (await get('/quan-tri/co-quan/moi', system.cookie)).body;
    const key = /name="form-key" value="([^"]+)"/.exec(form)?.[1];
    assert.ok(key, 'the create form carries a hidden key');
    const fields = {
      'form-key': key,
      code: uniqueAgencyCode(),
      codeValidFrom: '2026-03-02',
      name: 'Ủy ban nhân dân xã Nhấp Đúp',
      kind: 'commune_committee',
      parentCode: province.code,
      units: '07093',
    };
    const [first, second] = await Promise.all([
      postForm(app, '/quan-tri/co-quan', system.cookie, fields),
      postForm(app, '/quan-tri/co-quan', system.cookie, fields),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode], [303, 303]);
    assert.equal(first.headers.location, second.headers.location);
    const again = await postForm(app, '/quan-tri/co-quan', system.cookie, fields);
    assert.equal(again.headers.location, first.headers.location, 'a later resend too');
    const found = await db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', 'Ủy ban nhân dân xã Nhấp Đúp')
      .execute();
    assert.equal(found.length, 1);
  });

  it('creates an agency (system administrator), recording who did it', async () => {
    const code = uniqueAgencyCode();
    const res = await postForm(app, '/quan-tri/co-quan', system.cookie, {
      code,
      codeValidFrom: '2026-03-01',
      codeSource: 'Quyết định 12/QĐ-UBND',
      name: 'Trung tâm Phục vụ hành chính công phường C',
      kind: 'commune_service_centre',
      parentCode: province.code,
      units: '07093, 07094',
      address: 'Số 1 <b>đường</b> Trần Hưng Đạo',
      phone: '0203 3812 345',
      email: 'tthcc@example.vn',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${pageOf(code)}?ok=created`);
    const row = await db
      .selectFrom('agencies')
      .selectAll()
      .where('name', '=', 'Trung tâm Phục vụ hành chính công phường C')
      .executeTakeFirstOrThrow();
    assert.equal(row.parent_id, province.id);
    const agency = await getAgency(db, row.id);
    assert.deepEqual(agency.units, ['07093', '07094']);
    assert.equal(agency.code, code);
    const history = await db
      .selectFrom('agency_history')
      .selectAll()
      .where('agency_id', '=', row.id)
      .execute();
    assert.deepEqual(
      history.map((h) => [h.action, h.actor]),
      [['created', system.id]],
    );
    const page = await get(String(res.headers.location), system.cookie);
    assert.match(page.body, /Đã tạo cơ quan/);
    assert.match(
      page.body,
      /Số 1 &lt;b>đường&lt;\/b> Trần Hưng Đạo|Số 1 &lt;b&gt;đường&lt;\/b&gt; Trần Hưng Đạo/,
    );
  });

  it('shows the create form again with a message next to each bad field', async () => {
    const before = await db.selectFrom('agencies').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await postForm(app, '/quan-tri/co-quan', system.cookie, {
      code: 'bad code!',
      name: '',
      kind: 'commune_committee',
      parentCode: 'NO.SUCH.1',
      units: '123',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /href="#parentCode"/);
    assert.match(res.body, /Không tìm thấy cơ quan cấp trên có mã này/);
    const res2 = await postForm(app, '/quan-tri/co-quan', system.cookie, {
      code: 'bad code!',
      name: '',
      kind: 'commune_committee',
      units: '123',
    });
    assert.equal(res2.statusCode, 400);
    for (const field of ['code', 'name', 'units']) {
      assert.match(res2.body, new RegExp(`href="#${field}"`), field);
      assert.match(res2.body, new RegExp(`id="${field}-error"`), field);
    }
    assert.match(res2.body, /Chưa nhập tên cơ quan/);
    assert.match(res2.body, /value="bad code!"/, 'what was typed is kept');
    const english = await postForm(app, '/quan-tri/co-quan?lang=en', system.cookie, {
      name: '',
      kind: 'x',
      units: '',
    });
    assert.match(english.body, /The name is missing/);
    const after = await db.selectFrom('agencies').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  it('lets the administrator of an agency above edit a commune, recording the officer', async () => {
    const res = await postForm(app, pageOf(communeA.code), provinceAdmin.cookie, {
      name: 'UBND phường A mới',
      kind: 'commune_committee',
      parentCode: province.code,
      units: '07093',
      phone: '0203 3999 999',
    });
    assert.equal(res.statusCode, 303);
    const agency = await getAgency(db, communeA.id);
    assert.equal(agency.name, 'UBND phường A mới');
    assert.equal(agency.phone, '0203 3999 999');
    const history = await db
      .selectFrom('agency_history')
      .selectAll()
      .where('agency_id', '=', communeA.id)
      .where('action', '=', 'updated')
      .execute();
    assert.equal(history.length, 1);
    assert.equal(history[0]!.actor, provinceAdmin.id);
  });

  it('refuses to move an agency out of the administrator’s reach', async () => {
    const res = await postForm(app, pageOf(communeA.code), adminA.cookie, {
      name: 'UBND phường A',
      kind: 'commune_committee',
      parentCode: '',
      units: '07093',
    });
    assert.equal(res.statusCode, 403);
    assert.equal((await getAgency(db, communeA.id)).parentId, province.id);
  });

  it('shows edit errors next to the fields', async () => {
    const res = await postForm(app, pageOf(communeA.code), adminA.cookie, {
      name: 'UBND phường A',
      kind: 'commune_committee',
      parentCode: province.code,
      units: '07093',
      email: 'not-an-email',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#email"/);
    assert.match(res.body, /Địa chỉ thư điện tử không hợp lệ/);
  });

  it('changes the identifier code from a date, keeping the old one in the history', async () => {
    const old = communeA.code;
    const next = uniqueAgencyCode();
    const res = await postForm(app, `${pageOf(old)}/ma-dinh-danh`, adminA.cookie, {
      newCode: next,
      effectiveFrom: '2026-03-02',
      source: 'Quyết định 99/QĐ-UBND',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${pageOf(next)}?ok=code`);
    const periods = await agencyCodeHistory(db, communeA.id);
    assert.deepEqual(
      periods.map((p) => [p.code, p.validFrom, p.validTo]),
      [
        [old, '2025-07-01', '2026-03-02'],
        [next, '2026-03-02', null],
      ],
    );
    const history = await db
      .selectFrom('agency_history')
      .selectAll()
      .where('agency_id', '=', communeA.id)
      .where('action', '=', 'code_changed')
      .execute();
    assert.equal(history[0]!.actor, adminA.id);
    const page = await get(pageOf(next), adminA.cookie);
    assert.match(page.body, new RegExp(old.replaceAll('.', '\\.')));
    assert.match(page.body, /Quyết định 99\/QĐ-UBND/);
  });

  it('shows a bad code change next to its field', async () => {
    const agency = await getAgency(db, communeA.id);
    const res = await postForm(app, `${pageOf(agency.code)}/ma-dinh-danh`, adminA.cookie, {
      newCode: 'sai mã',
      effectiveFrom: '2026-03-05',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#newCode"/);
    assert.match(res.body, /id="newCode-error"/);
    const taken = await postForm(app, `${pageOf(agency.code)}/ma-dinh-danh`, adminA.cookie, {
      newCode: communeB.code,
      effectiveFrom: '2026-03-05',
    });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /đang được dùng cho một cơ quan khác/);
  });
});
