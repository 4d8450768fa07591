import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { officerActor } from '../../../test/factories-actors.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { fixedClock } from '../../platform/clock.js';
import { changeAgencyCode } from '../admin-units/index.js';
import { calendarModule } from './calendar.module.js';
import { importOfficialDays } from './calendar-days.service.js';

const clock = fixedClock('2026-11-22T02:00:00Z');

describe('deadline API', async () => {
  const { app, ctx } = await buildTestApp({ modules: [calendarModule], clock });
  await importOfficialDays(ctx);
  const agency = await insertAgency(
    ctx.db,
    { code: 'H22.101.01', kind: 'commune_service_centre', name: 'Trung tâm PVHCC phường Đông Triều' },
    clock,
  );
  const due = (query: string) => app.inject(`/api/v1/calendar/due?agency=H22.101.01&${query}`);
  const enc = encodeURIComponent;

  /** [case, receivedAt (Vietnam time), value, unit, startsAt, dueAt]: worked out by hand, DOMAIN.md §6.4. */
  const cases: [string, string, number, string, string, string][] = [
    [
      'B1 Tết: 3 wd from Thu 12/2',
      '2026-02-12T10:15:00',
      3,
      'ngay-lam-viec',
      '2026-02-12T10:15:00',
      '2026-02-24T10:15:00',
    ],
    [
      'B2 Tết: 4 giờ from Fri 13/2 16:30',
      '2026-02-13T16:30:00',
      4,
      'gio',
      '2026-02-13T16:30:00',
      '2026-02-23T10:30:00',
    ],
    [
      'B3 Tết: 2 wd after closing on Fri 13/2',
      '2026-02-13T17:20:00',
      2,
      'ngay-lam-viec',
      '2026-02-23T07:00:00',
      '2026-02-25T07:00:00',
    ],
    [
      'B4 Tết: 7 ngày landing on 16/2 rolls past Tết',
      '2026-02-09T09:00:00',
      7,
      'ngay',
      '2026-02-09T09:00:00',
      '2026-02-23T09:00:00',
    ],
    [
      'received during Tết, 1 wd',
      '2026-02-18T09:00:00',
      1,
      'ngay-lam-viec',
      '2026-02-23T07:00:00',
      '2026-02-24T07:00:00',
    ],
    [
      'C1 New Year: 2 wd from Wed 31/12/2025',
      '2025-12-31T14:00:00',
      2,
      'ngay-lam-viec',
      '2025-12-31T14:00:00',
      '2026-01-06T14:00:00',
    ],
    [
      'C2 make-up Sat 10/1 counts: 3 wd from Thu 8/1',
      '2026-01-08T10:00:00',
      3,
      'ngay-lam-viec',
      '2026-01-08T10:00:00',
      '2026-01-12T10:00:00',
    ],
    [
      'C3 due on the make-up Saturday',
      '2026-01-09T15:00:00',
      1,
      'ngay-lam-viec',
      '2026-01-09T15:00:00',
      '2026-01-10T15:00:00',
    ],
    [
      'C4 4 giờ from Wed 31/12/2025 16:00',
      '2025-12-31T16:00:00',
      4,
      'gio',
      '2025-12-31T16:00:00',
      '2026-01-05T10:00:00',
    ],
    [
      'received on the swapped Fri 2/1',
      '2026-01-02T09:00:00',
      1,
      'ngay-lam-viec',
      '2026-01-05T07:00:00',
      '2026-01-06T07:00:00',
    ],
    [
      'received on the make-up Saturday',
      '2026-01-10T08:00:00',
      2,
      'gio',
      '2026-01-10T08:00:00',
      '2026-01-10T10:00:00',
    ],
    [
      '30/4–1/5: 2 wd from Wed 29/4',
      '2026-04-29T10:00:00',
      2,
      'ngay-lam-viec',
      '2026-04-29T10:00:00',
      '2026-05-05T10:00:00',
    ],
    [
      '30/4–1/5: 4 giờ from Wed 29/4 16:00',
      '2026-04-29T16:00:00',
      4,
      'gio',
      '2026-04-29T16:00:00',
      '2026-05-04T10:00:00',
    ],
    [
      '30/4–1/5: 1 ngày from Wed 29/4 lands on 30/4',
      '2026-04-29T10:00:00',
      1,
      'ngay',
      '2026-04-29T10:00:00',
      '2026-05-04T10:00:00',
    ],
    [
      'Giỗ Tổ Sun 26/4 and compensatory Mon 27/4',
      '2026-04-24T10:00:00',
      1,
      'ngay-lam-viec',
      '2026-04-24T10:00:00',
      '2026-04-28T10:00:00',
    ],
    [
      'pending 24/11/2026 is not a day off',
      '2026-11-23T10:00:00',
      1,
      'ngay-lam-viec',
      '2026-11-23T10:00:00',
      '2026-11-24T10:00:00',
    ],
    [
      'D lunch: 6 giờ from 12:10',
      '2026-03-02T12:10:00',
      6,
      'gio',
      '2026-03-02T13:30:00',
      '2026-03-03T09:30:00',
    ],
    [
      'half a working day',
      '2026-03-02T09:00:00',
      0.5,
      'ngay-lam-viec',
      '2026-03-02T09:00:00',
      '2026-03-02T15:00:00',
    ],
    [
      '1 tháng landing on 30/4',
      '2026-03-30T14:00:00',
      1,
      'thang',
      '2026-03-30T14:00:00',
      '2026-05-04T14:00:00',
    ],
  ];
  for (const [name, received, value, unit, startsAt, dueAt] of cases) {
    it(`${name}: ${received} + ${value} ${unit} → ${dueAt}`, async () => {
      const res = await due(`receivedAt=${enc(`${received}+07:00`)}&value=${value}&unit=${unit}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), {
        receivedAt: `${received}+07:00`,
        startsAt: `${startsAt}+07:00`,
        dueAt: `${dueAt}+07:00`,
      });
    });
  }

  it('reads Z, other offsets, no offset (Vietnam time), and an unencoded "+"', async () => {
    const expected = {
      receivedAt: '2026-02-12T10:15:00+07:00',
      startsAt: '2026-02-12T10:15:00+07:00',
      dueAt: '2026-02-24T10:15:00+07:00',
    };
    for (const receivedAt of [
      '2026-02-12T03:15:00Z',
      enc('2026-02-12T05:15:00+02:00'),
      '2026-02-12T10:15',
      '2026-02-12T10:15:00+07:00',
    ]) {
      const res = await due(`receivedAt=${receivedAt}&value=3&unit=ngay-lam-viec`);
      assert.equal(res.statusCode, 200, `${receivedAt}: ${res.body}`);
      assert.deepEqual(res.json(), expected, receivedAt);
    }
  });

  it('resolves an old agency code at a receipt before it changed', async () => {
    await changeAgencyCode(
      ctx,
      agency.id,
      { code: 'H22.101.02', effectiveFrom: '2026-06-01' },
      officerActor('officer-1'),
    );
    const old = await due(`receivedAt=2026-02-12T10:15:00Z&value=1&unit=gio`);
    assert.equal(old.statusCode, 200);
    const current = await app.inject(
      '/api/v1/calendar/due?agency=H22.101.02&receivedAt=2026-02-12T10:15:00Z&value=1&unit=gio',
    );
    assert.deepEqual(current.json(), old.json(), 'today’s code works for an older receipt too');
    const later = await due(`receivedAt=2026-07-01T03:00:00Z&value=1&unit=gio`);
    assert.equal(later.statusCode, 404, 'the old code means nothing after it ended');
  });

  const problems = async (url: string, code = 'request.validation') => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.code, code);
    for (const e of body.errors) assert.ok(e.messages.vi && e.messages.en, JSON.stringify(e));
    return body.errors as { field: string; messages: { vi: string; en: string } }[];
  };

  it('answers bad input with 400 problem+json naming each field, in Vietnamese and English', async () => {
    const base = '/api/v1/calendar/due?agency=H22.101.02';
    const missingValue = await problems(`${base}&receivedAt=2026-02-12T10:15:00Z&unit=gio`);
    assert.deepEqual(
      missingValue.map((e) => e.field),
      ['value'],
    );
    assert.match(missingValue[0]!.messages.vi, /Thiếu thời hạn/);
    assert.match(missingValue[0]!.messages.en, /missing/);
    const weeks = await problems(`${base}&receivedAt=2026-02-12T10:15:00Z&value=2&unit=weeks`);
    assert.deepEqual(
      weeks.map((e) => e.field),
      ['unit'],
    );
    assert.match(weeks[0]!.messages.en, /Unknown unit "weeks"/);
    const notIso = await problems(`${base}&receivedAt=12/02/2026&value=2&unit=gio`);
    assert.deepEqual(
      notIso.map((e) => e.field),
      ['receivedAt'],
    );
    assert.match(notIso[0]!.messages.vi, /ISO 8601/);
    const all = await problems('/api/v1/calendar/due?receivedAt=2026-02-30T10:00:00Z&value=-1&unit=weeks');
    assert.deepEqual(
      all.map((e) => e.field),
      ['agency', 'receivedAt', 'unit', 'value'],
    );
    const fractionalDays = await problems(`${base}&receivedAt=2026-02-12T10:15:00Z&value=1.5&unit=ngay`);
    assert.deepEqual(
      fractionalDays.map((e) => e.field),
      ['value'],
    );
    const tooLate = await problems(
      `${base}&receivedAt=2100-12-31T10:00:00Z&value=10000&unit=ngay-lam-viec`,
      'calendar.out_of_range',
    );
    assert.deepEqual(
      tooLate.map((e) => e.field),
      ['receivedAt', 'value'],
    );
  });

  it('answers an unknown agency with 404', async () => {
    const res = await app.inject(
      '/api/v1/calendar/due?agency=H22.999&receivedAt=2026-02-12T10:15:00Z&value=1&unit=gio&lang=en',
    );
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(res.json().code, 'agency.not_found');
    assert.equal(res.json().title, 'No agency has the identifier code H22.999.');
  });

  it('is documented in OpenAPI with its parameters', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    const params = doc.paths['/api/v1/calendar/due'].get.parameters.map((p: { name: string }) => p.name);
    assert.deepEqual(params.sort(), ['agency', 'receivedAt', 'unit', 'value']);
    assert.ok(doc.paths['/api/v1/calendar/days']);
  });
});

describe('days API', async () => {
  const { app, ctx } = await buildTestApp({ modules: [calendarModule], clock });
  await importOfficialDays(ctx);

  it("lists a year's days off and make-up days with kind, status and source", async () => {
    const res = await app.inject('/api/v1/calendar/days?year=2026');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.year, 2026);
    assert.equal(body.days.length, 17);
    const byDate = new Map(body.days.map((d: { date: string }) => [d.date, d]));
    assert.deepEqual(
      (({ date, weekday, kind, status, dayOff, workingDay }) => ({
        date,
        weekday,
        kind,
        status,
        dayOff,
        workingDay,
      }))(byDate.get('2026-01-10') as Record<string, unknown>),
      {
        date: '2026-01-10',
        weekday: 'sat',
        kind: 'makeup_workday',
        status: 'confirmed',
        dayOff: false,
        workingDay: true,
      },
    );
    const pending = byDate.get('2026-11-24') as Record<string, unknown>;
    assert.equal(pending.status, 'pending');
    assert.equal(pending.dayOff, false);
    assert.equal(pending.confirmedAt, null);
    assert.match(pending.source as string, /vneconomy/);
    const tet = byDate.get('2026-02-17') as Record<string, unknown>;
    assert.deepEqual([tet.kind, tet.dayOff, tet.name], ['tet', true, 'Tết Nguyên đán (mùng 1)']);
    assert.match(tet.confirmedAt as string, /\+07:00$/);
  });

  it('defaults to this year and checks the year', async () => {
    assert.equal((await app.inject('/api/v1/calendar/days')).json().year, 2026);
    const bad = await app.inject('/api/v1/calendar/days?year=1999');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'year');
    assert.deepEqual((await app.inject('/api/v1/calendar/days?year=2031')).json(), { year: 2031, days: [] });
  });
});
