/**
 * The audit log search, page and API, per role: who sees which entries (agency administrators only
 * their agencies'), every filter, keyset pages, bilingual errors, and the search itself audited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { recordAudit } from '../../platform/audit/record.js';
import { createAuditChainLinker } from './audit-chain.service.js';

describe('audit log search', async () => {
  const { app, ctx } = await buildTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
  const db = ctx.db;
  const province = await insertAgency(db, {
    kind: 'provincial_committee',
    name: 'Ủy ban nhân dân tỉnh Thử nghiệm',
    units: ['22'],
  });
  const communeA = await insertAgency(db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân phường Đông Triều',
  });
  const centreA = await insertAgency(db, {
    parentId: communeA.id,
    kind: 'commune_service_centre',
    name: 'Trung tâm Phục vụ hành chính công phường Đông Triều',
  });
  const communeB = await insertAgency(db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân xã Ba Chẽ',
    units: ['06978'],
  });
  const inspector = await insertOfficer(db, {
    username: 'thanhtra.tinh',
    fullName: 'Đỗ Thanh Tra',
    grants: [{ role: 'inspector', agencyId: province.id }],
  });
  const sysadmin = await insertOfficer(db, { grants: [{ role: 'system_admin', agencyId: province.id }] });
  const adminA = await insertOfficer(db, { grants: [{ role: 'agency_admin', agencyId: communeA.id }] });
  const staffA = await insertOfficer(db, {
    username: 'tiepnhan.dongtrieu',
    fullName: 'Nguyễn Văn Tiếp Nhận',
    grants: [{ role: 'one_stop', agencyId: centreA.id }],
  });
  const staffB = await insertOfficer(db, {
    username: 'tiepnhan.bache',
    fullName: 'Trần Thị Bình',
    grants: [{ role: 'one_stop', agencyId: communeB.id }],
  });
  const monitor = await insertOfficer(db, {
    grants: [{ role: 'provincial_monitor', agencyId: province.id }],
  });
  const citizen = await insertCitizen(db);

  const at = (iso: string) => new Date(iso);
  const login = (o: { id: string; username: string }, when: string, ip = '203.113.7.9') =>
    recordAudit(
      db,
      { actorKind: 'officer', actorId: o.id, actorLabel: o.username, action: 'auth.login', ip },
      at(when),
    );
  // 1 November 2026, Vietnam time: A's officer logs in at 08:00, B's at 08:05; an administrator of
  // the province changes A's officer (an entry of centre A) on 2 November; B's officer fails to log in
  // on 3 November at 06:30 Vietnam time (2 November 23:30 UTC).
  const loginA = await login(staffA, '2026-11-01T01:00:00Z');
  const loginB = await login(staffB, '2026-11-01T01:05:00Z', '::ffff:14.160.2.7');
  const changeA = await recordAudit(
    db,
    {
      actorKind: 'officer',
      actorId: sysadmin.id,
      actorLabel: sysadmin.username,
      agencyId: centreA.id,
      action: 'officer.role_granted',
      objectType: 'officer',
      objectId: staffA.id,
      details: { role: 'one_stop' },
    },
    at('2026-11-02T03:00:00Z'),
  );
  const failedB = await recordAudit(
    db,
    {
      actorKind: 'anonymous',
      actorId: staffB.id,
      actorLabel: staffB.username,
      action: 'auth.login_failed',
      details: { reason: 'wrong_password' },
    },
    at('2026-11-02T23:30:00Z'),
  );
  await createAuditChainLinker(ctx).linkPending();
  const pendingA = await recordAudit(
    db,
    { actorKind: 'officer', actorId: staffA.id, actorLabel: staffA.username, action: 'auth.logout' },
    at('2026-11-03T02:00:00Z'),
  );

  const cookies = new Map<string, string>();
  const cookieOf = async (id: string) => {
    if (!cookies.has(id)) cookies.set(id, await sessionCookie(db, { officerId: id }));
    return cookies.get(id)!;
  };
  const page = async (who: { id: string }, query = '') =>
    app.inject({ url: `/quan-tri/nhat-ky${query}`, headers: { cookie: await cookieOf(who.id) } });
  const api = async (who: { id: string }, query = '') =>
    app.inject({
      url: `/api/v1/audit${query}`,
      headers: { cookie: await cookieOf(who.id), accept: 'application/json' },
    });
  const ids = async (who: { id: string }, query = '') => {
    const res = await api(who, query);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: { id: string; action: string }[] }).items
      .filter((i) => i.action !== 'audit.searched' && i.action !== 'auth.permission_denied')
      .map((i) => i.id);
  };

  it('shows an inspector every entry, newest first, in Vietnam time with the link status', async () => {
    const res = await page(inspector);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Nhật ký kiểm tra<\/h1>/);
    assert.match(res.body, /01\/11\/2026 08:00:00/);
    assert.match(res.body, /03\/11\/2026 06:30:00/, 'a UTC evening is the next morning in Vietnam');
    assert.match(res.body, /Nguyễn Văn Tiếp Nhận/);
    assert.match(res.body, /Trần Thị Bình/);
    assert.match(res.body, /Đăng nhập không thành công/);
    assert.match(res.body, /Cấp vai trò/);
    assert.match(res.body, /Trung tâm Phục vụ hành chính công phường Đông Triều/);
    assert.match(res.body, /14\.160\.2\.7/);
    assert.match(res.body, /Đã liên kết/);
    assert.match(res.body, /Chờ liên kết/);
    const mine = [pendingA, failedB, changeA, loginB, loginA];
    assert.deepEqual(
      (await ids(inspector)).filter((id) => mine.includes(id)),
      mine,
    );
  });

  it('lets a system administrator see everything, in English too', async () => {
    const res = await page(sysadmin, '?lang=en');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Audit log<\/h1>/);
    assert.match(res.body, /Failed login/);
    assert.deepEqual((await ids(sysadmin)).length >= 5, true);
  });

  it('shows an agency administrator the entries of its agencies and logins of its officers only', async () => {
    const seen = await ids(adminA);
    assert.ok(seen.includes(loginA), 'login of an officer of the centre under the commune');
    assert.ok(seen.includes(changeA), 'an entry of the centre');
    assert.ok(seen.includes(pendingA));
    assert.ok(!seen.includes(loginB), 'not another commune’s officer');
    assert.ok(!seen.includes(failedB));
    const res = await page(adminA);
    assert.match(res.body, /các cơ quan bạn quản trị/);
    assert.doesNotMatch(
      res.body,
      /Trần Thị Bình|Ủy ban nhân dân xã Ba Chẽ/,
      'nor the other commune in the list',
    );
    const other = await page(adminA, `?agencyId=${communeB.id}`);
    assert.equal(other.statusCode, 400, 'cannot filter on an agency outside its scope');
    assert.match(other.body, /Cơ quan không có trong danh sách bạn được xem/);
  });

  it('refuses other officers and citizens', async () => {
    for (const who of [staffA, monitor]) {
      assert.equal((await page(who)).statusCode, 403);
      assert.equal((await api(who)).statusCode, 403);
    }
    const cookie = await sessionCookie(db, { citizenId: citizen.id });
    assert.equal((await app.inject({ url: '/quan-tri/nhat-ky', headers: { cookie } })).statusCode, 403);
    const anonymous = await app.inject({ url: '/quan-tri/nhat-ky?person=x' });
    assert.equal(anonymous.statusCode, 302);
    assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
    assert.equal((await app.inject({ url: '/api/v1/audit' })).statusCode, 401);
  });

  it('filters by person: username, name without accents, id', async () => {
    assert.deepEqual(await ids(inspector, '?person=tiepnhan.bache'), [failedB, loginB]);
    assert.deepEqual(await ids(inspector, '?person=TIEPNHAN.BACHE'), [failedB, loginB]);
    assert.deepEqual(await ids(inspector, `?person=${encodeURIComponent('tran thi binh')}`), [
      failedB,
      loginB,
    ]);
    assert.deepEqual(await ids(inspector, `?person=${staffA.id}`), [pendingA, loginA]);
    assert.deepEqual(await ids(inspector, '?person=100%25'), [], 'LIKE wildcards are plain characters');
  });

  it('filters by agency (with its sub-agencies), object, action and days in Vietnam time', async () => {
    // The agencies' own creation (agency.created, by the factory at the real time) is newest.
    const created = async (agencyIds: string[]) =>
      (
        await db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'agency.created')
          .where('agency_id', 'in', agencyIds)
          .orderBy('at', 'desc')
          .orderBy('seq', 'desc')
          .execute()
      ).map((r) => r.id);
    assert.deepEqual(await ids(inspector, `?agencyId=${communeA.id}`), [
      ...(await created([communeA.id, centreA.id])),
      pendingA,
      changeA,
      loginA,
    ]);
    assert.deepEqual(await ids(inspector, `?agencyId=${communeB.id}`), [
      ...(await created([communeB.id])),
      failedB,
      loginB,
    ]);
    assert.deepEqual(await ids(inspector, `?objectType=officer&objectId=${staffA.id}`), [changeA]);
    assert.deepEqual(await ids(inspector, '?action=auth.login&person=tiepnhan.dongtrieu'), [loginA]);
    assert.deepEqual(await ids(inspector, '?from=2026-11-02&to=2026-11-02'), [changeA]);
    assert.deepEqual(await ids(inspector, '?from=03/11/2026&to=30/11/2026'), [pendingA, failedB]);
    const onPage = await page(inspector, '?person=tiepnhan.bache&from=2026-11-01&to=2026-11-03');
    assert.equal(onPage.statusCode, 200);
    assert.match(onPage.body, /Trần Thị Bình/);
    assert.doesNotMatch(onPage.body, /Nguyễn Văn Tiếp Nhận/);
    assert.match(
      onPage.body,
      /name="person"[^>]*value="tiepnhan.bache"|value="tiepnhan.bache"[^>]*name="person"/,
    );
  });

  it('explains wrong filters on each field, in Vietnamese and English', async () => {
    const res = await page(inspector, '?from=31/02/2026&to=2026-13-01&action=Đăng+nhập&objectId=abc');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Có lỗi cần sửa/);
    assert.match(res.body, /href="#from"[^>]*>Ngày không hợp lệ/);
    assert.match(res.body, /href="#action"[^>]*>Hành động không hợp lệ/);
    assert.match(res.body, /Chọn loại đối tượng khi tìm theo mã đối tượng/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.doesNotMatch(
      res.body,
      /Không có bản ghi nào khớp/,
      'no search was run, so no empty result either',
    );
    const order = await page(inspector, '?from=2026-11-05&to=2026-11-01&lang=en');
    assert.equal(order.statusCode, 400);
    assert.match(order.body, /The end date must be on or after the start date/);
    const json = await api(inspector, '?from=hôm+qua&after=xyz');
    assert.equal(json.statusCode, 400);
    const problem = json.json() as {
      code: string;
      errors: { field: string; messages: { vi: string; en: string } }[];
    };
    assert.equal(problem.code, 'audit.invalid_filter');
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      ['from', 'after'],
    );
    assert.match(problem.errors[0]!.messages.en, /Invalid date/);
  });

  it('pages through many entries newest first, without overlap or gap', async () => {
    const officer = await insertOfficer(db, {
      username: 'nhieu.ban.ghi',
      grants: [{ role: 'clerk', agencyId: communeB.id }],
    });
    const written: string[] = [];
    for (let i = 0; i < 57; i++) written.push(await login(officer, `2026-10-01T0${i % 3}:00:00Z`));
    const first = await api(inspector, '?person=nhieu.ban.ghi');
    const body1 = first.json() as { items: { id: string; at: string }[]; next: string | null };
    assert.equal(body1.items.length, 50);
    assert.ok(body1.next);
    const second = await api(inspector, `?person=nhieu.ban.ghi&after=${body1.next}`);
    const body2 = second.json() as { items: { id: string; at: string }[]; next: string | null };
    assert.equal(body2.items.length, 7);
    assert.equal(body2.next, null);
    const all = [...body1.items, ...body2.items];
    assert.equal(new Set(all.map((i) => i.id)).size, 57);
    const times = all.map((i) => i.at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    const html = await page(inspector, '?person=nhieu.ban.ghi');
    const next = /href="(\/quan-tri\/nhat-ky\?person=nhieu.ban.ghi&(?:amp;)?sau=[^"]+)" rel="next"/.exec(
      html.body,
    );
    assert.ok(next, `a link to the older page in ${/<nav class="pager".*?<\/nav>/s.exec(html.body)?.[0]}`);
    const older = await page(inspector, next[1]!.replace('/quan-tri/nhat-ky', '').replaceAll('&amp;', '&'));
    assert.equal(older.statusCode, 200);
    assert.match(older.body, /« Mới nhất/);
  });

  it('records each search in the audit log', async () => {
    await page(inspector, '?person=tiepnhan.bache&action=auth.login');
    await api(adminA, '?from=2026-11-01');
    const searches = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_label', 'details'])
      .where('action', '=', 'audit.searched')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    assert.equal(searches[1]?.actor_id, inspector.id);
    assert.deepEqual(searches[1]?.details, {
      filters: { person: 'tiepnhan.bache', action: 'auth.login' },
      page: 'first',
      results: 1,
      via: 'page',
    });
    assert.equal(searches[0]?.actor_id, adminA.id);
    assert.equal((searches[0]!.details as { via: string }).via, 'api');
  });

  it('links the audit log from the officer home page for the roles that may use it', async () => {
    const home = await app.inject({ url: '/can-bo', headers: { cookie: await cookieOf(inspector.id) } });
    assert.match(home.body, /href="\/quan-tri\/nhat-ky"[^>]*>Nhật ký kiểm tra/);
    const admin = await app.inject({ url: '/can-bo', headers: { cookie: await cookieOf(adminA.id) } });
    assert.match(admin.body, /href="\/quan-tri\/nhat-ky"/);
    const staff = await app.inject({ url: '/can-bo', headers: { cookie: await cookieOf(staffA.id) } });
    assert.equal(staff.statusCode, 200);
    assert.doesNotMatch(staff.body, /\/quan-tri\/nhat-ky/);
  });
});
