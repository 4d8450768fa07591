/**
 * Every calendar change an administrator makes is appended to the audit log in the change's own
 * transaction (beside calendar_day_events): who, which date / year / agency, what changed. A refused
 * change writes no entry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import type { AuditActor } from '../../platform/audit/actor.js';
import { fixedClock } from '../../platform/clock.js';
import { setOfficeHours } from './agency-office-hours.service.js';
import { addCalendarDay } from './calendar-day-add.service.js';
import { editCalendarDay, removeCalendarDay } from './calendar-day-edit.service.js';
import { confirmDay, confirmYear, importOfficialDays, proposeYear } from './calendar-days.service.js';

const clock = fixedClock('2026-11-22T02:00:00Z');
const admin: AuditActor = { kind: 'officer', id: 'officer-5', label: 'motcua.hethong', ip: '203.113.7.5' };

describe('audit entries of calendar changes', async () => {
  const { db } = await createTestDatabase();
  const deps = { db, clock };
  await importOfficialDays(deps);
  const entries = () =>
    db
      .selectFrom('audit_log')
      .select([
        'action',
        'actor_kind',
        'actor_id',
        'actor_label',
        'ip',
        'agency_id',
        'object_type',
        'object_id',
        'details',
      ])
      .where((eb) =>
        eb.or([eb('action', 'like', 'calendar.%'), eb('action', '=', 'agency.office_hours_changed')]),
      )
      .orderBy('seq')
      .execute();
  const count = async () => (await entries()).length;
  const last = async () => (await entries()).at(-1);

  it('records a day added, edited and removed, with the officer and what changed', async () => {
    const writer = { by: admin };
    await addCalendarDay(
      deps,
      { date: '2026-03-10', kind: 'holiday', name: 'Ngày nghỉ kiểm thử', source: 'QĐ 1/2026 (kiểm thử)' },
      writer,
    );
    const added = await last();
    assert.equal(added?.action, 'calendar.day_added');
    assert.equal(added?.object_type, 'calendar_day');
    assert.equal(added?.object_id, '2026-03-10');
    assert.deepEqual(
      [added?.actor_kind, added?.actor_id, added?.actor_label, added?.ip],
      ['officer', 'officer-5', 'motcua.hethong', '203.113.7.5'],
    );

    await editCalendarDay(
      deps,
      '2026-03-10',
      { kind: 'holiday', name: 'Ngày nghỉ kiểm thử (đã sửa)', source: 'QĐ 2/2026 (kiểm thử)' },
      writer,
    );
    const edited = await last();
    assert.equal(edited?.action, 'calendar.day_edited');
    assert.match(JSON.stringify(edited?.details), /đã sửa/);

    const before = await count();
    await assert.rejects(removeCalendarDay(deps, '2026-03-10', { reason: '   ' }, writer));
    assert.equal(await count(), before, 'a refused removal writes nothing');
    await removeCalendarDay(deps, '2026-03-10', { reason: 'Nhập nhầm' }, writer);
    const removed = await last();
    assert.equal(removed?.action, 'calendar.day_removed');
    assert.match(JSON.stringify(removed?.details), /Nhập nhầm/);
  });

  it('records a day confirmed and a year confirmed against its notice', async () => {
    await confirmDay(deps, { date: '2026-11-24', source: 'Thông báo kiểm thử' }, admin);
    const day = await last();
    assert.deepEqual([day?.action, day?.object_id], ['calendar.day_confirmed', '2026-11-24']);

    const { proposed } = await proposeYear(deps, 2027, 'officer-5');
    const before = await count();
    await assert.rejects(confirmYear(deps, { year: 2027, source: ' ' }, admin));
    assert.equal(await count(), before, 'a refused confirmation writes nothing');
    await confirmYear(deps, { year: 2027, source: 'Thông báo số 1/TB-BNV (kiểm thử)' }, admin);
    const year = await last();
    assert.deepEqual(
      [year?.action, year?.object_type, year?.object_id],
      ['calendar.year_confirmed', 'calendar_year', '2027'],
    );
    assert.equal((year?.details as { confirmed?: number } | undefined)?.confirmed, proposed);
  });

  it("records an agency's new office hours under that agency", async () => {
    const agency = await insertAgency(db);
    await setOfficeHours(
      deps,
      {
        agencyId: agency.id,
        validFrom: '2026-12-01',
        spec: { sessions: ['07:30-11:30', '13:30-17:00'] },
        source: 'QĐ giờ làm việc (kiểm thử)',
      },
      admin,
    );
    const entry = await last();
    assert.equal(entry?.action, 'agency.office_hours_changed');
    assert.equal(entry?.agency_id, agency.id);
  });
});
