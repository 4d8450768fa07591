import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import { createTestDatabase } from '../../../test/database.js';
import { officerActor } from '../../../test/factories-actors.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { fixedClock } from '../../platform/clock.js';
import { createPool, type Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { listOfficeHours, setOfficeHours } from './agency-office-hours.service.js';
import { at, show } from './calendar.fixtures.js';
import { confirmDay, importOfficialDays } from './calendar-days.service.js';
import { loadWorkingCalendar } from './working-calendar.service.js';
import { addWorkingTime, computeDue } from './working-time.js';

const clock = fixedClock('2026-03-02T03:00:00Z');
const SATURDAY_MORNINGS = {
  sessions: ['07:00-11:30', '13:30-17:00'],
  byWeekday: { sat: ['07:30-11:30'] },
};

describe('working calendars from the database', async () => {
  const { db, url } = await createTestDatabase();
  const deps = { db, clock };
  await importOfficialDays(deps);
  const centre = await insertAgency(db, { kind: 'commune_service_centre', name: 'Trung tâm PVHCC' }, clock);
  const plain = await insertAgency(db, {}, clock);

  it('uses the national default office hours for an agency without its own', async () => {
    const cal = await loadWorkingCalendar(db, plain.id, at('2026-02-12 10:15'));
    assert.equal(cal.workingDayMs, 8 * 3_600_000);
    const due = computeDue(at('2026-02-13 16:30'), { value: 4, unit: 'gio' }, cal);
    assert.equal(show(due.dueAt), '2026-02-23 10:30', 'DOMAIN.md §6.4 B2');
    assert.deepEqual(await listOfficeHours(db, plain.id), []);
  });

  it('uses office hours in force at the receipt date', async () => {
    await setOfficeHours(
      deps,
      { agencyId: centre.id, validFrom: '2026-03-01', spec: SATURDAY_MORNINGS, source: 'QĐ kiểm thử 1/2026' },
      officerActor('officer-1'),
    );
    const before = await loadWorkingCalendar(db, centre.id, at('2026-02-27 09:00'));
    const after = await loadWorkingCalendar(db, centre.id, at('2026-03-06 09:00'));
    // Friday 16:00 + 2 giờ: 1 h on Friday, then Monday 07:00 (default) or Saturday 07:30 (new hours).
    assert.equal(
      show(addWorkingTime(at('2026-02-27 16:00'), { value: 2, unit: 'gio' }, before)),
      '2026-03-02 08:00',
    );
    assert.equal(
      show(addWorkingTime(at('2026-03-06 16:00'), { value: 2, unit: 'gio' }, after)),
      '2026-03-07 08:30',
    );
    const periods = await listOfficeHours(db, centre.id);
    assert.equal(periods.length, 1);
    assert.deepEqual(periods[0]?.spec.byWeekday?.sat, ['07:30-11:30']);
    assert.equal(periods[0]?.setBy, 'officer-1');
  });

  it('shares one compiled calendar among agencies with the same hours, and keeps it while nothing changes', async () => {
    const other = await insertAgency(db, {}, clock);
    const a = await loadWorkingCalendar(db, plain.id, at('2026-03-02 09:00'));
    const b = await loadWorkingCalendar(db, other.id, at('2026-03-02 09:00'));
    assert.equal(a, b, 'same object: compiled once');
    assert.equal(await loadWorkingCalendar(db, plain.id, at('2026-03-03 09:00')), a);
  });

  it('sees a change made through another connection (another process) on the next call', async () => {
    const pool = createPool(url, 2, 'motcua-test-other-process');
    const other: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    try {
      const cached = await loadWorkingCalendar(db, plain.id, at('2026-11-23 10:00'));
      assert.equal(
        show(addWorkingTime(at('2026-11-23 10:00'), { value: 1, unit: 'ngay-lam-viec' }, cached)),
        '2026-11-24 10:00',
      );
      await confirmDay(
        { db: other, clock },
        { date: '2026-11-24', source: 'kiểm thử' },
        officerActor('officer-2'),
      );
      const fresh = await loadWorkingCalendar(db, plain.id, at('2026-11-23 10:00'));
      assert.notEqual(fresh, cached);
      assert.equal(
        show(addWorkingTime(at('2026-11-23 10:00'), { value: 1, unit: 'ngay-lam-viec' }, fresh)),
        '2026-11-25 10:00',
      );
      await setOfficeHours(
        { db: other, clock },
        {
          agencyId: plain.id,
          validFrom: '2026-01-01',
          spec: SATURDAY_MORNINGS,
          source: 'QĐ kiểm thử 2/2026',
        },
        officerActor('officer-2'),
      );
      const saturdays = await loadWorkingCalendar(db, plain.id, at('2026-03-06 09:00'));
      assert.equal(
        show(addWorkingTime(at('2026-03-06 16:00'), { value: 2, unit: 'gio' }, saturdays)),
        '2026-03-07 08:30',
      );
    } finally {
      await other.destroy();
    }
  });

  it('refuses bad office hours, a bad date, a missing source and an unknown agency', async () => {
    const attempt = (input: Partial<Parameters<typeof setOfficeHours>[1]>) =>
      setOfficeHours(
        deps,
        { agencyId: plain.id, validFrom: '2026-04-01', spec: {}, source: 'QĐ', ...input },
        officerActor('officer-1'),
      );
    await assert.rejects(attempt({ spec: { sessions: ['13:30-11:30'] } }), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'calendar.invalid_office_hours');
      assert.ok(e.text.vi && e.text.en);
      return true;
    });
    await assert.rejects(attempt({ validFrom: '01/04/2026' }), { code: 'calendar.invalid_date' });
    await assert.rejects(attempt({ source: ' ' }), { code: 'calendar.source_required' });
    await assert.rejects(attempt({ agencyId: '01900000-0000-7000-8000-000000000000' }), {
      code: 'agency.not_found',
    });
  });
});
