/** Editing and removing a day on the calendar's administration pages (no JavaScript, PRG). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../test/page-forms.js';
import { fixedClock } from '../../platform/clock.js';
import { adminUnitsModule } from '../admin-units/index.js';
import { calendarModule } from './calendar.module.js';
import { calendarDayHistory, importOfficialDays, listCalendarDays } from './calendar-days.service.js';

const clock = fixedClock('2026-11-22T02:00:00Z');
const YEAR = '/quan-tri/lich-lam-viec';

describe('editing and removing a calendar day', async () => {
  const { app, ctx } = await buildTestApp({
    modules: [adminUnitsModule, calendarModule],
    clock,
    extraRoutes: csrfProbe,
  });
  const db = ctx.db;
  await importOfficialDays(ctx);
  const agency = await insertAgency(db, { code: 'H22.101.03', name: 'UBND phường Thử' }, clock);
  const login = async (role: 'system_admin' | 'agency_admin' | 'one_stop') => {
    const officer = await insertOfficer(db, { grants: [{ role, agencyId: agency.id }] });
    return { id: officer.id, cookie: await sessionCookie(db, { officerId: officer.id }) };
  };
  const system = await login('system_admin');
  const others = [
    (await login('agency_admin')).cookie,
    (await login('one_stop')).cookie,
    await sessionCookie(db, { citizenId: (await insertCitizen(db)).id }),
  ];
  const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });
  const day = async (date: string) => (await listCalendarDays(db, 2026)).find((d) => d.date === date);
  const dueAt = async (receivedAt: string, value: number) => {
    const q = `agency=H22.101.03&receivedAt=${encodeURIComponent(receivedAt)}&value=${value}&unit=ngay-lam-viec`;
    return ((await app.inject(`/api/v1/calendar/due?${q}`)).json() as { dueAt: string }).dueAt;
  };

  it('lets only system administrators edit or remove a day', async () => {
    for (const url of [`${YEAR}/ngay/2026-05-01`, `${YEAR}/ngay/2026-05-01/xoa`]) {
      assert.equal((await get(url)).statusCode, 302, url);
      assert.equal((await postForm(app, url, '', { reason: 'x', source: 'x' })).statusCode, 401, url);
      for (const cookie of others) {
        assert.equal((await get(url, cookie)).statusCode, 403, url);
        assert.equal((await postForm(app, url, cookie, { reason: 'x', source: 'x' })).statusCode, 403, url);
      }
      assert.equal((await get(url, system.cookie)).statusCode, 200, url);
    }
    assert.equal((await day('2026-05-01'))?.status, 'confirmed');
  });

  it('links each day off and make-up Saturday of the month grids to its edit form', async () => {
    const body = (await get(`${YEAR}?nam=2026`, system.cookie)).body;
    assert.match(
      body,
      /<td class="cal-day cal-off"[^>]*><a class="cal-link" href="\/quan-tri\/lich-lam-viec\/ngay\/2026-01-01">/,
    );
    assert.match(
      body,
      /<td class="cal-day cal-makeup"[^>]*><a class="cal-link" href="\/quan-tri\/lich-lam-viec\/ngay\/2026-01-10">/,
    );
    assert.match(body, /href="\/quan-tri\/lich-lam-viec\/ngay\/2026-01-10\/xoa"/);
    assert.doesNotMatch(body, /href="\/quan-tri\/lich-lam-viec\/ngay\/2026-03-04"/, 'an ordinary day');
    const publicPage = (await get('/lich-lam-viec?nam=2026')).body;
    assert.doesNotMatch(publicPage, /cal-link/, 'the public page links nowhere');
  });

  it('edits a day: the legal source is required, the form keeps what was typed', async () => {
    const url = `${YEAR}/ngay/2026-05-01`;
    const form = (await get(url, system.cookie)).body;
    assert.match(form, /<h1>Sửa ngày Thứ Sáu, 01\/05\/2026<\/h1>/);
    assert.match(form, /<option value="holiday" selected>/);
    const bad = await postForm(app, url, system.cookie, {
      kind: 'holiday',
      name: 'Quốc tế "Lao động"',
      source: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#source"/);
    assert.match(bad.body, /Ghi văn bản, thông báo làm căn cứ/);
    assert.match(bad.body, /id="name" name="name" required type="text" value="Quốc tế &#34;Lao động&#34;"/);
    const before = await day('2026-05-01');
    assert.equal(before?.name.includes('Lao động"'), false);

    const res = await postForm(app, url, system.cookie, {
      kind: 'holiday',
      name: 'Ngày Quốc tế Lao động',
      source: 'Bộ luật Lao động 2019, Điều 112 (đính chính)',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${YEAR}?nam=2026&ok=edited`);
    const after = await day('2026-05-01');
    assert.deepEqual(
      [after?.name, after?.status, after?.confirmedBy],
      ['Ngày Quốc tế Lao động', 'confirmed', system.id],
    );
    const edited = (await calendarDayHistory(db, '2026-05-01')).at(-1)!;
    assert.deepEqual([edited.action, edited.actor], ['edited', system.id]);
    assert.equal((edited.previous as { source: string }).source, before?.source);
    assert.match((await get(`${YEAR}?nam=2026&ok=edited`, system.cookie)).body, /Đã lưu thay đổi của ngày/);
    assert.ok(edited.actor_name);
    const page = (await get(url, system.cookie)).body;
    assert.ok(page.includes(`Sửa</span><span> — người thực hiện: ${edited.actor_name}`), 'who, by name');
  });

  it('removes a day after asking for the reason; it is gone from the grid and from deadlines', async () => {
    const url = `${YEAR}/ngay/2026-01-02/xoa`;
    assert.equal(await dueAt('2025-12-31T14:00:00+07:00', 2), '2026-01-06T14:00:00+07:00');
    const confirm = (await get(url, system.cookie)).body;
    assert.match(confirm, /Xóa ngày Thứ Sáu, 02\/01\/2026 khỏi lịch/);
    assert.match(confirm, /<textarea id="reason" name="reason"/);
    const missing = await postForm(app, url, system.cookie, { reason: '  ' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#reason"/);
    assert.equal((await day('2026-01-02'))?.status, 'confirmed');

    const res = await postForm(app, url, system.cookie, { reason: 'Nhập nhầm (thử nghiệm)' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${YEAR}?nam=2026&ok=removed`);
    assert.equal(await day('2026-01-02'), undefined);
    assert.equal(await dueAt('2025-12-31T14:00:00+07:00', 2), '2026-01-05T14:00:00+07:00');
    const year = (await get(`${YEAR}?nam=2026&ok=removed`, system.cookie)).body;
    assert.match(year, /Đã xóa ngày khỏi lịch/);
    assert.doesNotMatch(year, /href="\/quan-tri\/lich-lam-viec\/ngay\/2026-01-02"/);
    assert.equal((await get(`${YEAR}/ngay/2026-01-02`, system.cookie)).statusCode, 404);
    const removed = (await calendarDayHistory(db, '2026-01-02')).at(-1)!;
    assert.deepEqual(
      [removed.action, removed.actor, removed.reason],
      ['removed', system.id, 'Nhập nhầm (thử nghiệm)'],
    );
  });

  it('makes one day of a double-submitted add form, answering both submissions', async () => {
    const page = (await get(`${YEAR}?nam=2026`, system.cookie)).body;
    const key = /name="form-key" value="([^"]+)"/.exec(page)?.[1];
    assert.ok(key, 'the add form carries a hidden key');
    const fields = {
      'form-key': key,
      'add-date': '2026-12-19',
      'add-kind': 'makeup_workday',
      'add-name': 'Làm bù (thử)',
      'add-source': 'TB thử',
    };
    const [first, second] = await Promise.all([
      postForm(app, `${YEAR}/them-ngay`, system.cookie, fields),
      postForm(app, `${YEAR}/them-ngay`, system.cookie, fields),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode], [303, 303]);
    assert.equal((await calendarDayHistory(db, '2026-12-19')).length, 1);
    const fresh = (await get(`${YEAR}?nam=2026`, system.cookie)).body;
    assert.notEqual(/name="form-key" value="([^"]+)"/.exec(fresh)?.[1], key, 'each page gets a new key');
  });
});
