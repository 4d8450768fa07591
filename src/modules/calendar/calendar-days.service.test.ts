import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import { officerActor } from '../../../test/factories-actors.js';
import { fixedClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AppContext } from '../../platform/module.js';
import { calendarModule } from './calendar.module.js';
import { selectRevisions } from './calendar-days.repository.js';
import {
  calendarDayHistory,
  confirmDay,
  confirmYear,
  importOfficialDays,
  listCalendarDays,
  proposeYear,
} from './calendar-days.service.js';
import { isWorkingDay } from './calendar-index.js';
import { loadOfficialDaysOff } from './official-days-off.js';
import { loadWorkingCalendar } from './working-calendar.service.js';

const clock = fixedClock('2026-11-22T02:00:00Z');
const NO_AGENCY = '01900000-0000-7000-8000-000000000000'; // no office-hours rows: the national default
const isAppError = (code: string, check?: (e: AppError) => void) => (e: unknown) => {
  assert.ok(e instanceof AppError, `expected AppError ${code}, got ${String(e)}`);
  assert.equal(e.code, code);
  check?.(e);
  return true;
};

describe('calendar of days off in the database', async () => {
  const { db } = await createTestDatabase();
  const deps = { db, clock };
  const workingDay = async (date: string) =>
    isWorkingDay(date, await loadWorkingCalendar(db, NO_AGENCY, date));

  it('imports every row of the official table, once', async () => {
    const table = loadOfficialDaysOff();
    assert.equal(table.length, 45, 'the shipped CSV has 45 data rows');
    const first = await importOfficialDays(deps);
    assert.deepEqual(first, { total: 45, inserted: 45, replacedProposals: 0, unchanged: 0 });
    const again = await importOfficialDays(deps);
    assert.deepEqual(again, { total: 45, inserted: 0, replacedProposals: 0, unchanged: 45 });

    const rows = await db
      .selectFrom('calendar_days')
      .select(['status', 'kind', 'origin', 'confirmed_by'])
      .execute();
    assert.equal(rows.length, 45);
    const count = (pick: (r: (typeof rows)[number]) => string) =>
      Object.fromEntries(
        [...new Set(rows.map(pick))].sort().map((k) => [k, rows.filter((r) => pick(r) === k).length]),
      );
    assert.deepEqual(
      count((r) => r.status),
      { confirmed: 44, pending: 1 },
    );
    // README of the table: 17 public_holiday + 1 on a weekend + the pending row; 13 + 2 Tết; 3; 4; 4.
    assert.deepEqual(
      count((r) => r.kind),
      {
        compensatory: 3,
        holiday: 19,
        makeup_workday: 4,
        swapped_off: 4,
        tet: 15,
      },
    );
    assert.ok(rows.every((r) => r.origin === 'official_table'));
    assert.ok(
      rows.filter((r) => r.status === 'confirmed').every((r) => r.confirmed_by === 'system:official-table'),
    );
    const events = await db.selectFrom('calendar_day_events').select('action').execute();
    assert.equal(events.length, 45, 'one history row per imported row, none on the second import');
  });

  it('keeps the 24/11/2026 row pending: not a day off', async () => {
    const [row] = (await listCalendarDays(db, 2026)).filter((d) => d.date === '2026-11-24');
    assert.equal(row?.status, 'pending');
    assert.equal(row?.confirmedBy, null);
    assert.equal(await workingDay('2026-11-24'), true);
    assert.equal(await workingDay('2026-02-17'), false, 'Tết is off');
    assert.equal(await workingDay('2026-01-10'), true, 'the make-up Saturday works');
    assert.equal(await workingDay('2026-01-03'), false, 'an ordinary Saturday does not');
  });

  it('lists a year in date order with kind, status and source', async () => {
    const days = await listCalendarDays(db, 2026);
    assert.equal(days.length, 17);
    assert.deepEqual(
      days.map((d) => d.date),
      [...days.map((d) => d.date)].sort(),
    );
    const makeup = days.find((d) => d.date === '2026-01-10')!;
    assert.equal(makeup.kind, 'makeup_workday');
    assert.equal(makeup.status, 'confirmed');
    assert.match(makeup.source, /12729\/VPCP-KGVX/, '"same as above" resolved to the row above');
    assert.deepEqual(makeup.breakRange, undefined);
    assert.deepEqual(days.find((d) => d.date === '2026-02-16')?.breakRange, {
      from: '2026-02-14',
      to: '2026-02-22',
    });
  });

  it('proposes a later year from the law and the lunar calendar; proposals do not count', async () => {
    const result = await proposeYear(deps, 2027, 'officer-1');
    const days = await listCalendarDays(db, 2027);
    assert.equal(result.proposed, days.length);
    assert.ok(days.every((d) => d.status === 'proposed' && d.origin === 'generated'));
    // Tết Đinh Mùi: mùng 1 is Saturday 6/2/2027.
    assert.ok(days.some((d) => d.date === '2027-02-06' && d.kind === 'tet'));
    assert.ok(days.some((d) => d.date === '2027-04-30' && d.kind === 'holiday'));
    assert.equal(await workingDay('2027-04-30'), true, 'a proposal is not a day off');
    assert.deepEqual(await proposeYear(deps, 2027, 'officer-1'), { proposed: 0, kept: result.proposed });
    await assert.rejects(proposeYear(deps, 2026, 'officer-1'), isAppError('calendar.year_confirmed'));
    await assert.rejects(
      proposeYear(deps, 1999, 'officer-1'),
      isAppError('calendar.invalid_year', (e) => assert.equal(e.fields[0]?.field, 'year')),
    );
  });

  it('confirms one day: it counts from then on, with who and when, and a history row', async () => {
    const before = (await selectRevisions(db)).days;
    const confirmed = await confirmDay(
      deps,
      { date: '2026-11-24', source: 'Bộ luật Lao động sửa đổi (ví dụ kiểm thử)' },
      officerActor('officer-7'),
    );
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.confirmedBy, 'officer-7');
    assert.deepEqual(confirmed.confirmedAt, clock.now());
    assert.equal(confirmed.source, 'Bộ luật Lao động sửa đổi (ví dụ kiểm thử)');
    assert.equal((await selectRevisions(db)).days, before + 1);
    assert.equal(await workingDay('2026-11-24'), false, 'the cached calendar was rebuilt');
    const history = await calendarDayHistory(db, '2026-11-24');
    assert.deepEqual(
      history.map((h) => [h.action, h.from_status, h.to_status, h.actor]),
      [
        ['imported', null, 'pending', 'system:official-table'],
        ['confirmed', 'pending', 'confirmed', 'officer-7'],
      ],
    );
    await assert.rejects(
      confirmDay(deps, { date: '2026-11-24' }, officerActor('officer-7')),
      isAppError('calendar.day_already_confirmed', (e) => assert.equal(e.status, 409)),
    );
    await assert.rejects(
      confirmDay(deps, { date: '2026-11-25' }, officerActor('officer-7')),
      isAppError('calendar.day_not_found'),
    );
    await assert.rejects(
      confirmDay(deps, { date: '2026-02-30' }, officerActor('officer-7')),
      isAppError('calendar.invalid_date', (e) => {
        assert.equal(e.fields[0]?.field, 'date');
        assert.ok(e.text.vi && e.text.en);
      }),
    );
  });

  it("confirms a year's proposals against its notice, leaving nothing else changed", async () => {
    await assert.rejects(
      confirmYear(deps, { year: 2027, source: '  ' }, officerActor('officer-7')),
      isAppError('calendar.source_required', (e) => assert.equal(e.fields[0]?.field, 'source')),
    );
    const proposed = (await listCalendarDays(db, 2027)).length;
    const result = await confirmYear(
      deps,
      { year: 2027, source: 'Thông báo số 1/TB-BNV (kiểm thử)' },
      officerActor('officer-7'),
    );
    assert.equal(result.confirmed, proposed);
    const days = await listCalendarDays(db, 2027);
    assert.ok(days.every((d) => d.status === 'confirmed' && d.source === 'Thông báo số 1/TB-BNV (kiểm thử)'));
    assert.equal(await workingDay('2027-04-30'), false);
    assert.deepEqual(await confirmYear(deps, { year: 2027, source: 'x' }, officerActor('officer-7')), {
      confirmed: 0,
    });
  });

  it('lets official rows replace proposals of the same dates, never confirmed rows', async () => {
    await proposeYear(deps, 2028, 'officer-1');
    const proposal = (await listCalendarDays(db, 2028)).find((d) => d.date === '2028-05-01')!;
    assert.equal(proposal.status, 'proposed');
    const official = [
      {
        ...proposal,
        status: 'confirmed' as const,
        name: 'Ngày Quốc tế Lao động',
        source: 'Thông báo 2028 (kiểm thử)',
      },
      { ...proposal, date: '2027-04-30', status: 'confirmed' as const, source: 'must not overwrite' },
    ];
    const result = await importOfficialDays(deps, official);
    assert.deepEqual(result, { total: 2, inserted: 0, replacedProposals: 1, unchanged: 1 });
    const replaced = (await listCalendarDays(db, 2028)).find((d) => d.date === '2028-05-01')!;
    assert.equal(replaced.origin, 'official_table');
    assert.equal(replaced.source, 'Thông báo 2028 (kiểm thử)');
    const kept = (await listCalendarDays(db, 2027)).find((d) => d.date === '2027-04-30')!;
    assert.equal(kept.source, 'Thông báo số 1/TB-BNV (kiểm thử)');
  });
});

describe('calendar demo seed', async () => {
  const { db } = await createTestDatabase();

  it('loads the official days and proposes the next year, the same however often it runs', async () => {
    const seeded = await calendarModule.demoSeed?.({ db, clock } as unknown as AppContext);
    assert.deepEqual(seeded, []);
    const rows = async () =>
      db.selectFrom('calendar_days').select(['date', 'status', 'origin']).orderBy('date').execute();
    const first = await rows();
    await calendarModule.demoSeed?.({ db, clock } as unknown as AppContext);
    assert.deepEqual(await rows(), first);
    assert.equal(first.filter((r) => r.origin === 'official_table').length, 45);
    const proposed = first.filter((r) => r.origin === 'generated');
    assert.ok(proposed.length > 0);
    assert.ok(proposed.every((r) => r.status === 'proposed' && r.date.getUTCFullYear() >= 2026));
    assert.deepEqual(
      (await listCalendarDays(db, 2027)).length,
      proposed.length,
      'only 2027: 2026 has its notice',
    );
  });
});
