/**
 * The calendar's write API (POST, PATCH, DELETE /api/v1/calendar/days): who may call it, validation
 * in both languages, idempotency, history, and the due-date API following every change at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { v7 } from 'uuid';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { insertApiToken, insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { fixedClock } from '../../platform/clock.js';
import { adminUnitsModule } from '../admin-units/index.js';
import { calendarModule } from './calendar.module.js';
import { calendarDayHistory, importOfficialDays, listCalendarDays } from './calendar-days.service.js';

const clock = fixedClock('2026-11-22T02:00:00Z');

describe('calendar days write API', async () => {
  const { app, ctx } = await buildTestApp({ modules: [adminUnitsModule, calendarModule], clock });
  const db = ctx.db;
  await importOfficialDays(ctx);
  const agency = await insertAgency(db, { code: 'H22.101.02', name: 'UBND phường Thử' }, clock);
  const system = await insertOfficer(db, { grants: [{ role: 'system_admin', agencyId: agency.id }] });
  const systemCookie = await sessionCookie(db, { officerId: system.id });
  const clerk = await insertOfficer(db, { grants: [{ role: 'one_stop', agencyId: agency.id }] });
  const agencyAdmin = await insertOfficer(db, { grants: [{ role: 'agency_admin', agencyId: agency.id }] });
  const writer = await insertApiToken(db, ['calendar:write']);
  const reader = await insertApiToken(db, ['me', 'dossiers:read']);

  const call = (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body: object,
    headers: Record<string, string> = { authorization: writer.authorization },
  ) =>
    app.inject({ method, url, headers: { 'content-type': 'application/json', ...headers }, payload: body });
  const dueAt = async (receivedAt: string, value: number) => {
    const q = `agency=H22.101.02&receivedAt=${encodeURIComponent(receivedAt)}&value=${value}&unit=ngay-lam-viec`;
    const res = await app.inject(`/api/v1/calendar/due?${q}`);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { dueAt: string }).dueAt;
  };
  const day = async (date: string) =>
    (await listCalendarDays(db, Number(date.slice(0, 4)))).find((d) => d.date === date);

  it('lets only system administrators and calendar:write tokens write', async () => {
    const url = '/api/v1/calendar/days/2026-01-02';
    const body = { reason: 'thử quyền' };
    assert.equal((await call('DELETE', url, body, {})).statusCode, 401);
    for (const cookie of [clerk, agencyAdmin].map((o) => sessionCookie(db, { officerId: o.id }))) {
      const res = await call('DELETE', url, body, { cookie: await cookie });
      assert.equal(res.statusCode, 403);
      assert.equal((res.json() as { code: string }).code, 'auth.forbidden');
    }
    assert.equal((await call('DELETE', url, body, { authorization: reader.authorization })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/calendar/days', {}, {})).statusCode, 401);
    assert.equal((await call('PATCH', url, {}, { authorization: reader.authorization })).statusCode, 403);
    assert.equal((await day('2026-01-02'))?.status, 'confirmed', 'nothing was removed');
  });

  it('moves the due date at once when a swapped day off is removed, and back when it is added again', async () => {
    // C1 of DOMAIN.md §6.4: received Wed 31/12/2025 14:00, 2 wd, skipping 1/1 and the swapped 2/1.
    assert.equal(await dueAt('2025-12-31T14:00:00+07:00', 2), '2026-01-06T14:00:00+07:00');
    const removed = await call('DELETE', '/api/v1/calendar/days/2026-01-02', { reason: 'Thử nghiệm xóa' });
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal(await dueAt('2025-12-31T14:00:00+07:00', 2), '2026-01-05T14:00:00+07:00');
    assert.equal(await day('2026-01-02'), undefined);
    const days = await app.inject('/api/v1/calendar/days?year=2026');
    assert.ok(!(days.json() as { days: { date: string }[] }).days.some((d) => d.date === '2026-01-02'));

    const added = await call(
      'POST',
      '/api/v1/calendar/days',
      { date: '2026-01-02', kind: 'swapped_off', name: 'Nghỉ hoán đổi', source: 'Thông báo 6150/TB-BLĐTBXH' },
      { cookie: systemCookie },
    );
    assert.equal(added.statusCode, 201, added.body);
    assert.deepEqual(
      [added.json().date, added.json().status, added.json().dayOff],
      ['2026-01-02', 'confirmed', true],
    );
    assert.equal(await dueAt('2025-12-31T14:00:00+07:00', 2), '2026-01-06T14:00:00+07:00');
    const history = await calendarDayHistory(db, '2026-01-02');
    assert.deepEqual(
      history.map((e) => [e.action, e.from_status, e.to_status, e.actor]),
      [
        ['imported', null, 'confirmed', 'system:official-table'],
        ['removed', 'confirmed', 'removed', `token:${writer.id}`],
        ['added', 'removed', 'confirmed', system.id],
      ],
    );
    assert.equal(history[1]!.reason, 'Thử nghiệm xóa');
    assert.equal(history[1]!.actor_name, 'Cổng Dịch vụ công quốc gia (thử nghiệm)', 'the token’s name');
    assert.ok(history[2]!.actor_name, 'the officer’s name');
  });

  it('edits a make-up Saturday into a day off, which moves the due date, and keeps the old content', async () => {
    // C3: received Fri 9/1/2026 15:00, 1 wd: the make-up Saturday 10/1.
    assert.equal(await dueAt('2026-01-09T15:00:00+07:00', 1), '2026-01-10T15:00:00+07:00');
    const res = await call('PATCH', '/api/v1/calendar/days/2026-01-10', {
      kind: 'holiday',
      source: 'Công văn đính chính (thử nghiệm)',
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { kind: string; name: string; source: string; dayOff: boolean };
    assert.deepEqual(
      [body.kind, body.dayOff, body.source],
      ['holiday', true, 'Công văn đính chính (thử nghiệm)'],
    );
    assert.match(body.name, /làm bù|Làm bù/u, 'the name defaults to the current one');
    assert.equal(await dueAt('2026-01-09T15:00:00+07:00', 1), '2026-01-12T15:00:00+07:00');
    const edited = (await calendarDayHistory(db, '2026-01-10')).at(-1)!;
    assert.equal(edited.action, 'edited');
    assert.equal((edited.previous as { kind: string }).kind, 'makeup_workday');
    assert.match((edited.previous as { source: string }).source, /\S/);
  });

  it('names every bad field in Vietnamese and English, and changes nothing', async () => {
    const res = await call('POST', '/api/v1/calendar/days', { date: '2026-02-30', kind: 'x', name: 3 });
    assert.equal(res.statusCode, 400);
    const problem = res.json() as {
      code: string;
      errors: { field: string; messages: { vi: string; en: string } }[];
    };
    assert.equal(problem.code, 'calendar.invalid_day');
    assert.deepEqual(problem.errors.map((e) => e.field).sort(), ['date', 'kind', 'name', 'source']);
    assert.ok(problem.errors.every((e) => e.messages.vi !== e.messages.en));
    const noSource = await call('PATCH', '/api/v1/calendar/days/2026-04-30', {
      name: 'Ngày Giải phóng miền Nam',
    });
    assert.equal(noSource.statusCode, 400);
    assert.equal((noSource.json() as typeof problem).errors[0]!.field, 'source');
    const noReason = await call('DELETE', '/api/v1/calendar/days/2026-04-30', {});
    assert.equal(noReason.statusCode, 400);
    assert.equal((noReason.json() as typeof problem).code, 'calendar.reason_required');
    assert.equal((await day('2026-04-30'))?.status, 'confirmed');
    assert.equal((await call('PATCH', '/api/v1/calendar/days/2026-06-03', { source: 'x' })).statusCode, 404);
    assert.equal((await call('DELETE', '/api/v1/calendar/days/not-a-date', { reason: 'x' })).statusCode, 404);
    const taken = await call('POST', '/api/v1/calendar/days', {
      date: '2026-04-30',
      kind: 'holiday',
      name: 'Trùng',
      source: 'x',
    });
    assert.equal(taken.statusCode, 409);
    assert.equal((taken.json() as typeof problem).code, 'calendar.day_exists');
  });

  it('answers a retried request with the first answer and writes once', async () => {
    const key = v7();
    const body = { date: '2026-12-05', kind: 'makeup_workday', name: 'Làm bù (thử)', source: 'TB thử' };
    const first = await call('POST', '/api/v1/calendar/days', body, {
      authorization: writer.authorization,
      'idempotency-key': key,
    });
    const again = await call('POST', '/api/v1/calendar/days', body, {
      authorization: writer.authorization,
      'idempotency-key': key,
    });
    assert.deepEqual([first.statusCode, again.statusCode], [201, 201]);
    assert.deepEqual(again.json(), first.json());
    assert.equal((await calendarDayHistory(db, '2026-12-05')).length, 1);
    const other = await call(
      'POST',
      '/api/v1/calendar/days',
      { ...body, date: '2026-12-12' },
      {
        authorization: writer.authorization,
        'idempotency-key': key,
      },
    );
    assert.equal(other.statusCode, 409);
    assert.equal((other.json() as { code: string }).code, 'request.idempotency_key_reused');
    assert.equal(await day('2026-12-12'), undefined);

    const racing = { date: '2026-12-26', kind: 'makeup_workday', name: 'Làm bù (đua)', source: 'TB thử' };
    const raceKey = { authorization: writer.authorization, 'idempotency-key': v7() };
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => call('POST', '/api/v1/calendar/days', racing, raceKey)),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [201, 201, 201, 201],
    );
    assert.equal((await calendarDayHistory(db, '2026-12-26')).length, 1, 'four copies at once, one write');

    const removeKey = { authorization: writer.authorization, 'idempotency-key': v7() };
    const url = '/api/v1/calendar/days/2026-12-05';
    assert.equal((await call('DELETE', url, { reason: 'thử' }, removeKey)).statusCode, 204);
    assert.equal((await call('DELETE', url, { reason: 'thử' }, removeKey)).statusCode, 204);
    assert.equal(
      (await call('DELETE', url, { reason: 'thử' })).statusCode,
      404,
      'a new request finds nothing',
    );
  });

  it('documents the write routes in OpenAPI', async () => {
    const spec = (await app.inject('/api/docs/json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    assert.ok(spec.paths['/api/v1/calendar/days']?.post);
    assert.ok(spec.paths['/api/v1/calendar/days/{date}']?.patch);
    assert.ok(spec.paths['/api/v1/calendar/days/{date}']?.delete);
  });
});
