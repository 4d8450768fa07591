import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../test/page-forms.js';
import { fixedClock } from '../../platform/clock.js';
import { adminUnitsModule } from '../admin-units/index.js';
import { listOfficeHours } from './agency-office-hours.service.js';
import { calendarModule } from './calendar.module.js';
import {
  calendarDayHistory,
  importOfficialDays,
  listCalendarDays,
  proposeYear,
} from './calendar-days.service.js';

const clock = fixedClock('2026-11-22T02:00:00Z');

describe('calendar administration pages', async () => {
  const { app, ctx } = await buildTestApp({
    modules: [adminUnitsModule, calendarModule],
    clock,
    extraRoutes: csrfProbe,
  });
  const db = ctx.db;
  await importOfficialDays(ctx);
  await proposeYear(ctx, 2027, 'system:test');
  const province = await insertAgency(db, { kind: 'provincial_committee', name: 'UBND tỉnh', units: ['22'] });
  const communeA = await insertAgency(db, { parentId: province.id, name: 'UBND phường A' });
  const communeB = await insertAgency(db, { parentId: province.id, name: 'UBND phường B' });
  const login = async (role: 'system_admin' | 'agency_admin' | 'one_stop', agencyId: string) => {
    const officer = await insertOfficer(db, { grants: [{ role, agencyId }] });
    return { id: officer.id, cookie: await sessionCookie(db, { officerId: officer.id }) };
  };
  const system = await login('system_admin', province.id);
  const adminA = await login('agency_admin', communeA.id);
  const clerk = await login('one_stop', communeA.id);
  const citizenCookie = await sessionCookie(db, { citizenId: (await insertCitizen(db)).id });
  const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });
  const hoursOf = (code: string) => `/quan-tri/co-quan/${encodeURIComponent(code)}/gio-lam-viec`;

  it('lets only system administrators at the calendar', async () => {
    const url = '/quan-tri/lich-lam-viec?nam=2027';
    const anonymous = await get(url);
    assert.equal(anonymous.statusCode, 302);
    assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
    for (const cookie of [citizenCookie, clerk.cookie, adminA.cookie]) {
      assert.equal((await get(url, cookie)).statusCode, 403);
    }
    assert.equal((await get(url, system.cookie)).statusCode, 200);
    for (const post of ['/quan-tri/lich-lam-viec/ngay', '/quan-tri/lich-lam-viec/nam']) {
      assert.equal((await postForm(app, post, '', { year: '2027' })).statusCode, 401, post);
      for (const cookie of [citizenCookie, clerk.cookie, adminA.cookie]) {
        assert.equal((await postForm(app, post, cookie, { year: '2027' })).statusCode, 403, post);
      }
    }
  });

  it('shows the year as month grids with the proposed days marked and a form for each', async () => {
    const res = await get('/quan-tri/lich-lam-viec?nam=2027', system.cookie);
    assert.equal(res.body.match(/<table class="cal-month">/g)?.length, 12);
    assert.match(res.body, /Quản trị lịch làm việc năm 2027/);
    assert.match(res.body, /cal-unconfirmed/);
    assert.match(res.body, /action="\/quan-tri\/lich-lam-viec\/nam"/);
    assert.match(res.body, /id="source-2027-01-01"/);
  });

  it('confirms one day against its notice, recording the officer', async () => {
    const res = await postForm(app, '/quan-tri/lich-lam-viec/ngay', system.cookie, {
      date: '2027-01-01',
      'source-2027-01-01': 'Thông báo 1/TB-BNV ngày 01/12/2026',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/quan-tri/lich-lam-viec?nam=2027&ok=day');
    const day = (await listCalendarDays(db, 2027)).find((d) => d.date === '2027-01-01')!;
    assert.equal(day.status, 'confirmed');
    assert.equal(day.confirmedBy, system.id);
    assert.match(day.source, /Thông báo 1\/TB-BNV/);
    const events = await calendarDayHistory(db, '2027-01-01');
    assert.equal(events.at(-1)?.actor, system.id);
    const again = await postForm(app, '/quan-tri/lich-lam-viec/ngay', system.cookie, {
      date: '2027-01-01',
      'source-2027-01-01': 'x',
    });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /đã được xác nhận/);
  });

  it('asks for the notice before confirming the year, then confirms every proposal', async () => {
    const missing = await postForm(app, '/quan-tri/lich-lam-viec/nam', system.cookie, {
      year: '2027',
      source: '',
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#source"/);
    assert.match(missing.body, /id="source-error"/);
    assert.ok((await listCalendarDays(db, 2027)).some((d) => d.status === 'proposed'));
    const res = await postForm(app, '/quan-tri/lich-lam-viec/nam', system.cookie, {
      year: '2027',
      source: 'Thông báo 5000/TB-BNV ngày 10/12/2026',
    });
    assert.equal(res.statusCode, 303);
    const days = await listCalendarDays(db, 2027);
    assert.ok(days.every((d) => d.status === 'confirmed'));
    assert.ok(days.filter((d) => d.date !== '2027-01-01').every((d) => d.source.includes('5000/TB-BNV')));
    const publicPage = await get('/lich-lam-viec?nam=2027');
    assert.match(publicPage.body, /5000\/TB-BNV/);
    assert.doesNotMatch(publicPage.body, /class="cal-day cal-unconfirmed/);
  });

  it('adds a make-up Saturday with its source, confirmed on entry', async () => {
    for (const cookie of [citizenCookie, clerk.cookie, adminA.cookie]) {
      assert.equal((await postForm(app, '/quan-tri/lich-lam-viec/them-ngay', cookie, {})).statusCode, 403);
    }
    assert.equal((await postForm(app, '/quan-tri/lich-lam-viec/them-ngay', '', {})).statusCode, 401);
    const res = await postForm(app, '/quan-tri/lich-lam-viec/them-ngay', system.cookie, {
      'add-date': '2027-01-09',
      'add-kind': 'makeup_workday',
      'add-name': 'Làm bù <b>thứ Sáu</b>',
      'add-source': 'Công văn 12/BNV',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/quan-tri/lich-lam-viec?nam=2027&ok=added');
    const day = (await listCalendarDays(db, 2027)).find((d) => d.date === '2027-01-09')!;
    assert.deepEqual(
      [day.kind, day.status, day.origin, day.confirmedBy],
      ['makeup_workday', 'confirmed', 'admin', system.id],
    );
    const events = await calendarDayHistory(db, '2027-01-09');
    assert.deepEqual(
      events.map((e) => [e.action, e.actor]),
      [['added', system.id]],
    );
    const publicPage = await get('/lich-lam-viec?nam=2027');
    assert.match(publicPage.body, /Làm bù &lt;b>thứ Sáu&lt;\/b>|Làm bù &lt;b&gt;thứ Sáu&lt;\/b&gt;/);
  });

  it('shows a bad new day next to its fields and refuses a date already in the calendar', async () => {
    const res = await postForm(app, '/quan-tri/lich-lam-viec/them-ngay', system.cookie, {
      'add-date': '2027-01-11',
      'add-kind': 'makeup_workday',
      'add-name': '',
      'add-source': '',
    });
    assert.equal(res.statusCode, 400);
    for (const field of ['add-date', 'add-name', 'add-source'])
      assert.match(res.body, new RegExp(`href="#${field}"`));
    assert.match(res.body, /Ngày làm bù phải là thứ Bảy hoặc Chủ nhật/);
    const taken = await postForm(app, '/quan-tri/lich-lam-viec/them-ngay', system.cookie, {
      'add-date': '2027-01-01',
      'add-kind': 'holiday',
      'add-name': 'Trùng',
      'add-source': 'x',
    });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /đã có trong lịch/);
    assert.equal(
      (await listCalendarDays(db, 2027)).find((d) => d.date === '2027-01-01')!.name,
      'Tết Dương lịch',
    );
  });

  it('guards the office hours of an agency', async () => {
    const url = hoursOf(communeA.code);
    assert.equal((await get(url)).statusCode, 302);
    assert.equal((await get(url, citizenCookie)).statusCode, 403);
    assert.equal((await get(url, clerk.cookie)).statusCode, 403);
    assert.equal((await get(url, adminA.cookie)).statusCode, 200);
    assert.equal((await get(url, system.cookie)).statusCode, 200);
    assert.equal((await get(hoursOf(communeB.code), adminA.cookie)).statusCode, 403);
    assert.equal((await postForm(app, hoursOf(communeB.code), adminA.cookie, {})).statusCode, 403);
    assert.equal((await postForm(app, url, '', {})).statusCode, 401);
  });

  it('sets office hours from a date and shows them', async () => {
    const page = await get(hoursOf(communeA.code), adminA.cookie);
    assert.match(page.body, /value="07:00-11:30, 13:30-17:00"/);
    const res = await postForm(app, hoursOf(communeA.code), adminA.cookie, {
      validFrom: '2026-12-01',
      source: 'Quyết định 7/QĐ-UBND',
      mon: '07:30-11:30, 13:30-17:00',
      tue: '07:00-11:30, 13:30-17:00',
      wed: '07:00-11:30, 13:30-17:00',
      thu: '07:00-11:30, 13:30-17:00',
      fri: '07:00-11:30, 13:30-17:00',
      sat: '07:30-11:30',
      sun: '',
      makeupDay: '',
    });
    assert.equal(res.statusCode, 303);
    const periods = await listOfficeHours(db, communeA.id);
    assert.equal(periods.length, 1);
    assert.equal(periods[0]!.validFrom, '2026-12-01');
    assert.equal(periods[0]!.setBy, adminA.id);
    assert.deepEqual(periods[0]!.spec.byWeekday?.sat, ['07:30-11:30']);
    assert.deepEqual(periods[0]!.spec.byWeekday?.sun, []);
    const after = await get(`${hoursOf(communeA.code)}?ok=saved`, adminA.cookie);
    assert.match(after.body, /Đã lưu giờ làm việc/);
    assert.match(after.body, /Quyết định 7\/QĐ-UBND/);
  });

  it('shows bad office hours next to the day', async () => {
    const res = await postForm(app, hoursOf(communeA.code), adminA.cookie, {
      validFrom: '2026-13-01',
      source: '',
      mon: '11:00-07:00',
      tue: '07:00-11:30',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#mon"/);
    assert.match(res.body, /id="mon-error"/);
    assert.match(res.body, /Ca làm việc không hợp lệ/);
    const date = await postForm(app, hoursOf(communeA.code), adminA.cookie, {
      validFrom: '2026-13-01',
      source: 'QĐ 1',
      mon: '07:00-11:30',
    });
    assert.equal(date.statusCode, 400);
    assert.match(date.body, /href="#validFrom"/);
    assert.equal((await listOfficeHours(db, communeA.id)).length, 1);
  });
});
