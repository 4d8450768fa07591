import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../test/page-forms.js';
import { loadAgencyTree } from './agency-tree.repository.js';
import { canSeeDossier, canSeePersonalData } from './policy.js';

describe('officer administration pages', async () => {
  const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
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

  const adminA = await insertOfficer(db, {
    fullName: 'Quản Trị Phường A',
    grants: [{ role: 'agency_admin', agencyId: communeA.id }],
  });
  const adminB = await insertOfficer(db, {
    fullName: 'Quản Trị Xã B',
    grants: [{ role: 'agency_admin', agencyId: communeB.id }],
  });
  const staffA = await insertOfficer(db, {
    fullName: 'Nguyễn Văn Tiếp Nhận A',
    grants: [{ role: 'one_stop', agencyId: centreA.id }],
  });
  const staffB = await insertOfficer(db, {
    fullName: 'Trần Thị Tiếp Nhận B',
    grants: [{ role: 'one_stop', agencyId: communeB.id }],
  });
  const inspector = await insertOfficer(db, { grants: [{ role: 'inspector', agencyId: province.id }] });
  const sysadmin = await insertOfficer(db, { grants: [{ role: 'system_admin', agencyId: province.id }] });
  const cookieA = await sessionCookie(db, { officerId: adminA.id });
  const cookieB = await sessionCookie(db, { officerId: adminB.id });

  const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });
  const auditOf = (objectId: string) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('object_id', '=', objectId)
      .orderBy('seq')
      .execute();

  it('shows an agency admin the officers of the agencies it covers, and only those', async () => {
    const res = await get('/quan-tri/can-bo', cookieA);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Nguyễn Văn Tiếp Nhận A/);
    assert.match(res.body, /Quản Trị Phường A/);
    assert.doesNotMatch(res.body, /Trần Thị Tiếp Nhận B|Quản Trị Xã B/);
    const other = await get('/quan-tri/can-bo', cookieB);
    assert.match(other.body, /Trần Thị Tiếp Nhận B/);
    assert.doesNotMatch(other.body, /Nguyễn Văn Tiếp Nhận A/);
  });

  it('filters by name without accents, by agency and by role', async () => {
    const cookie = await sessionCookie(db, { officerId: sysadmin.id });
    const byName = await get('/quan-tri/can-bo?q=tiep+nhan+b', cookie);
    assert.match(byName.body, /Trần Thị Tiếp Nhận B/);
    assert.doesNotMatch(byName.body, /Nguyễn Văn Tiếp Nhận A/);
    const byAgency = await get(`/quan-tri/can-bo?agencyId=${centreA.id}`, cookie);
    assert.match(byAgency.body, /Nguyễn Văn Tiếp Nhận A/);
    assert.doesNotMatch(byAgency.body, /Quản Trị Phường A/);
    const byRole = await get('/quan-tri/can-bo?role=agency_admin', cookie);
    assert.match(byRole.body, /Quản Trị Phường A/);
    assert.match(byRole.body, /Quản Trị Xã B/);
    assert.doesNotMatch(byRole.body, /Tiếp Nhận/);
  });

  it('pages through officers by keyset, and speaks English', async () => {
    const cookie = await sessionCookie(db, { officerId: sysadmin.id });
    for (let i = 0; i < 52; i++) {
      const n = String(i).padStart(2, '0');
      await insertOfficer(db, {
        fullName: `Phân Trang Số ${n}`,
        grants: [{ role: 'clerk', agencyId: communeB.id }],
      });
    }
    const first = await get('/quan-tri/can-bo?q=phan+trang', cookie);
    assert.equal(first.body.match(/Phân Trang Số \d\d/g)?.length, 50);
    const next = /<a href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(next, 'a next page');
    const second = await get(next, cookie);
    assert.deepEqual(second.body.match(/Phân Trang Số \d\d/g), ['Phân Trang Số 50', 'Phân Trang Số 51']);
    assert.doesNotMatch(second.body, /rel="next"/);
    const english = await get('/quan-tri/can-bo?lang=en&q=phan+trang', cookie);
    assert.match(english.body, /Officer administration/);
    assert.match(english.body, /Clerk · Ủy ban nhân dân xã Ba Chẽ/);
  });

  it('refuses commune A’s admin the officers of commune B (not found, nothing changed)', async () => {
    assert.equal((await get(`/quan-tri/can-bo/${staffB.id}`, cookieA)).statusCode, 404);
    const disable = await postForm(app, `/quan-tri/can-bo/${staffB.id}/khoa`, cookieA);
    assert.equal(disable.statusCode, 404);
    const reset = await postForm(app, `/quan-tri/can-bo/${staffB.id}/mat-khau`, cookieA);
    assert.equal(reset.statusCode, 404);
    const row = await db
      .selectFrom('officers')
      .select(['disabled_at', 'must_change_password'])
      .where('id', '=', staffB.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.disabled_at, null);
    assert.equal(row.must_change_password, false);
  });

  it('refuses grants outside the admin’s agencies and province-wide roles', async () => {
    const elsewhere = await postForm(app, `/quan-tri/can-bo/${staffA.id}/vai-tro`, cookieA, {
      agencyId: communeB.id,
      role: 'clerk',
    });
    assert.equal(elsewhere.statusCode, 403);
    assert.match(elsewhere.body, /không được cấp hoặc thu hồi vai trò này/);
    const wide = await postForm(app, `/quan-tri/can-bo/${staffA.id}/vai-tro`, cookieA, {
      agencyId: communeA.id,
      role: 'system_admin',
    });
    assert.equal(wide.statusCode, 403);
    const grants = await db
      .selectFrom('officer_roles')
      .select('role')
      .where('officer_id', '=', staffA.id)
      .execute();
    assert.deepEqual(
      grants.map((g) => g.role),
      ['one_stop'],
    );
  });

  it('creates an officer and shows the temporary password once', async () => {
    const form = await get('/quan-tri/can-bo/moi', cookieA);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(centreA.id));
    assert.doesNotMatch(form.body, new RegExp(communeB.id), 'only its own agencies are offered');
    const res = await postForm(app, '/quan-tri/can-bo', cookieA, {
      username: 'le.thi.moi',
      fullName: 'Lê Thị Mới',
      email: 'moi@example.vn',
      phone: '0912345678',
      jobTitle: 'Chuyên viên',
      agencyId: centreA.id,
      role: 'one_stop',
    });
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    const once = res.cookies.find((c) => c.name === 'motcua_once');
    assert.ok(once, 'the password travels in a one-time cookie');
    assert.doesNotMatch(location, /mat-khau|password/i);
    const shown = await get(location, `${cookieA}; motcua_once=${once.value}`);
    const password = /data-testid="temporary-password">([^<]+)</.exec(shown.body)?.[1];
    assert.match(password ?? '', /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    assert.ok(
      shown.cookies.some((c) => c.name === 'motcua_once' && c.value === ''),
      'cookie spent',
    );
    const again = await get(location, cookieA);
    assert.doesNotMatch(again.body, /temporary-password/);
    const row = await db
      .selectFrom('officers')
      .selectAll()
      .where('username', '=', 'le.thi.moi')
      .executeTakeFirstOrThrow();
    assert.equal(row.must_change_password, true);
    assert.ok(!row.password_hash.includes(password ?? '?'));
    const actions = (await auditOf(row.id)).map((a) => a.action);
    assert.deepEqual(actions, ['officer.created', 'officer.role_granted']);
  });

  it('re-renders the form with field errors, and refuses a taken username', async () => {
    const bad = await postForm(app, '/quan-tri/can-bo', cookieA, {
      username: 'Có Dấu',
      fullName: '',
      agencyId: '',
      role: 'x',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#username"/);
    assert.match(bad.body, /href="#fullName"/);
    assert.match(bad.body, /value="Có Dấu"/);
    const taken = await postForm(app, '/quan-tri/can-bo', cookieA, {
      username: staffA.username,
      fullName: 'Ai Đó',
      agencyId: centreA.id,
      role: 'clerk',
    });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /Tên đăng nhập này đã có người dùng/);
  });

  it('grants and revokes a role, audited', async () => {
    const granted = await postForm(app, `/quan-tri/can-bo/${staffA.id}/vai-tro`, cookieA, {
      agencyId: communeA.id,
      role: 'specialist',
    });
    assert.equal(granted.statusCode, 303);
    const twice = await postForm(app, `/quan-tri/can-bo/${staffA.id}/vai-tro`, cookieA, {
      agencyId: communeA.id,
      role: 'specialist',
    });
    assert.equal(twice.statusCode, 409);
    const revoked = await postForm(app, `/quan-tri/can-bo/${staffA.id}/vai-tro/thu-hoi`, cookieA, {
      agencyId: communeA.id,
      role: 'specialist',
    });
    assert.equal(revoked.statusCode, 303);
    const actions = (await auditOf(staffA.id)).map((a) => a.action);
    assert.deepEqual(actions, ['officer.role_granted', 'officer.role_revoked']);
  });

  it('resets the password: shown once, lockout lifted, sessions ended', async () => {
    const target = await insertOfficer(db, { grants: [{ role: 'clerk', agencyId: communeA.id }] });
    await db
      .updateTable('officers')
      .set({ failed_logins: 7, locked_until: new Date(Date.now() + 3_600_000) })
      .where('id', '=', target.id)
      .execute();
    const theirs = await sessionCookie(db, { officerId: target.id });
    const res = await postForm(app, `/quan-tri/can-bo/${target.id}/mat-khau`, cookieA);
    assert.equal(res.statusCode, 303);
    assert.ok(res.cookies.some((c) => c.name === 'motcua_once' && c.value));
    const row = await db
      .selectFrom('officers')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.failed_logins, 0);
    assert.equal(row.locked_until, null);
    assert.equal(row.must_change_password, true);
    const live = await db
      .selectFrom('sessions')
      .select('id')
      .where('officer_id', '=', target.id)
      .where('ended_at', 'is', null)
      .execute();
    assert.equal(live.length, 0);
    assert.equal(
      (await get('/can-bo/doi-mat-khau', theirs)).statusCode,
      302,
      'their old cookie no longer works',
    );
  });

  it('resets the TOTP enrolment', async () => {
    const target = await insertOfficer(db, {
      grants: [{ role: 'agency_leader', agencyId: communeA.id }],
      totpSecretEnc: 'v1.x.y.z',
    });
    const res = await postForm(app, `/quan-tri/can-bo/${target.id}/totp`, cookieA);
    assert.equal(res.statusCode, 303);
    const row = await db
      .selectFrom('officers')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.totp_secret_enc, null);
    assert.equal(row.totp_enabled_at, null);
    assert.deepEqual(
      (await auditOf(target.id)).map((a) => a.action),
      ['officer.totp_reset'],
    );
  });

  it('disables (ending sessions) and enables an officer; never oneself', async () => {
    const target = await insertOfficer(db, { grants: [{ role: 'clerk', agencyId: centreA.id }] });
    const theirs = await sessionCookie(db, { officerId: target.id });
    assert.equal((await postForm(app, `/quan-tri/can-bo/${target.id}/khoa`, cookieA)).statusCode, 303);
    assert.equal((await postForm(app, `/quan-tri/can-bo/${target.id}/khoa`, cookieA)).statusCode, 409);
    const live = await db
      .selectFrom('sessions')
      .select('id')
      .where('officer_id', '=', target.id)
      .where('ended_at', 'is', null)
      .execute();
    assert.equal(live.length, 0);
    assert.equal((await get('/can-bo/doi-mat-khau', theirs)).statusCode, 302);
    const page = await get(`/quan-tri/can-bo/${target.id}?xong=disabled`, cookieA);
    assert.match(page.body, /Đã khóa tài khoản/);
    assert.equal((await postForm(app, `/quan-tri/can-bo/${target.id}/mo-khoa`, cookieA)).statusCode, 303);
    assert.deepEqual(
      (await auditOf(target.id)).map((a) => a.action),
      ['officer.disabled', 'officer.enabled'],
    );
    const self = await postForm(app, `/quan-tri/can-bo/${adminA.id}/khoa`, cookieA);
    assert.equal(self.statusCode, 409);
  });

  it('lets an inspector read and nothing else', async () => {
    const cookie = await sessionCookie(db, { officerId: inspector.id });
    const list = await get('/quan-tri/can-bo?q=tiep+nhan', cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Trần Thị Tiếp Nhận B/);
    const detail = await get(`/quan-tri/can-bo/${staffB.id}`, cookie);
    assert.equal(detail.statusCode, 200);
    const main = detail.body.slice(detail.body.indexOf('<main'));
    assert.doesNotMatch(main, /method="post"/, 'no form to change anything');
    assert.equal((await postForm(app, `/quan-tri/can-bo/${staffB.id}/khoa`, cookie)).statusCode, 403);
  });

  it('refuses commune B’s dossier shape to commune A’s officers (policy over the real tree)', async () => {
    const tree = await loadAgencyTree(db);
    const dossierOfB = { receivingAgencyId: communeB.id, competentAgencyId: communeB.id, stepAgencyIds: [] };
    const officerA = {
      kind: 'officer' as const,
      id: 'x',
      sessionId: 'y',
      username: 'a',
      name: 'A',
      grants: [{ role: 'one_stop' as const, agencyId: centreA.id }],
    };
    const leaderA = { ...officerA, grants: [{ role: 'agency_leader' as const, agencyId: communeA.id }] };
    const provincial = { ...officerA, grants: [{ role: 'agency_leader' as const, agencyId: province.id }] };
    assert.equal(canSeeDossier(officerA, dossierOfB, tree.ancestorsOf), false);
    assert.equal(canSeeDossier(leaderA, dossierOfB, tree.ancestorsOf), false);
    assert.equal(canSeePersonalData(leaderA, dossierOfB, tree.ancestorsOf), false);
    assert.equal(
      canSeeDossier(provincial, dossierOfB, tree.ancestorsOf),
      true,
      'the province covers its communes',
    );
    const linked = { ...dossierOfB, stepAgencyIds: [centreA.id] };
    assert.equal(
      canSeeDossier(officerA, linked, tree.ancestorsOf),
      true,
      'a step in A makes it visible to A',
    );
  });
});
