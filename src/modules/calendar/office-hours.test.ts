/** Office hours as data per agency, and the compiled calendar built from them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, calendarWith, officialCalendar, officialDays, show } from './calendar.fixtures.js';
import { buildWorkingCalendar, isWorkingDay } from './calendar-index.js';
import type { CalendarDay } from './holiday-calendar.js';
import { DEFAULT_OFFICE_HOURS, defineOfficeHours, describeOfficeHours } from './office-hours.js';
import { addWorkingTime, normaliseReceipt, workingTimeBetween } from './working-time.js';

describe('defineOfficeHours', () => {
  it('defaults to 07:00–11:30 and 13:30–17:00, Monday to Friday, 8 h a day', () => {
    assert.deepEqual(DEFAULT_OFFICE_HOURS.week[1], [
      { start: 420, end: 690 },
      { start: 810, end: 1020 },
    ]);
    assert.deepEqual(DEFAULT_OFFICE_HOURS.week[0], []);
    assert.deepEqual(DEFAULT_OFFICE_HOURS.week[6], []);
    assert.deepEqual(DEFAULT_OFFICE_HOURS.makeupDay, DEFAULT_OFFICE_HOURS.week[5]);
    assert.equal(DEFAULT_OFFICE_HOURS.workingDayMinutes, 480);
  });

  it('reads per-weekday sessions, a make-up day and the day length', () => {
    const hours = defineOfficeHours({
      sessions: ['07:30-11:30', '13:00-17:00'],
      byWeekday: { sat: ['07:30-11:30'], fri: [] },
      workingDayHours: 8,
    });
    assert.deepEqual(hours.week[6], [{ start: 450, end: 690 }]);
    assert.deepEqual(hours.week[5], []);
    assert.deepEqual(hours.makeupDay, hours.week[1]);
    assert.equal(hours.workingDayMinutes, 480);
  });

  it('round-trips through its editable form', () => {
    const hours = defineOfficeHours({
      sessions: ['07:30-11:30', '13:00-16:30'],
      byWeekday: { sat: ['08:00-11:00'] },
    });
    assert.deepEqual(defineOfficeHours(describeOfficeHours(hours)), hours);
  });

  const invalid: [string, Parameters<typeof defineOfficeHours>[0]][] = [
    ['a malformed session', { sessions: ['7h-11h30'] }],
    ['a session ending before it starts', { sessions: ['13:30-11:30'] }],
    ['minutes past 59', { sessions: ['07:75-11:30'] }],
    ['overlapping sessions', { sessions: ['07:00-12:00', '11:30-17:00'] }],
    ['touching sessions', { sessions: ['07:00-11:30', '11:30-17:00'] }],
    ['sessions out of order', { sessions: ['13:30-17:00', '07:00-11:30'] }],
    ['a week without working time', { workdays: [] }],
    ['a zero-length working day', { workingDayHours: 0 }],
  ];
  for (const [name, spec] of invalid) {
    it(`rejects ${name}`, () => {
      assert.throws(() => defineOfficeHours(spec), { code: 'calendar.invalid_office_hours' });
    });
  }
});

describe('agencies with their own office hours', () => {
  const saturdayMornings = calendarWith({
    officeHours: defineOfficeHours({ byWeekday: { sat: ['07:00-11:30'] } }),
  });

  it('a Saturday-morning agency works Saturday mornings', () => {
    assert.equal(show(normaliseReceipt(at('2026-03-06 17:30'), saturdayMornings)), '2026-03-07 07:00');
    assert.equal(show(normaliseReceipt(at('2026-03-07 12:00'), saturdayMornings)), '2026-03-09 07:00');
    assert.equal(
      show(addWorkingTime(at('2026-03-06 16:00'), { value: 3, unit: 'gio' }, saturdayMornings)),
      '2026-03-07 09:00',
    );
  });

  it('a holiday row on a Saturday closes a Saturday-working agency', () => {
    // 10/2/2024 (mùng 1 Tết) is a Saturday row in the official table.
    assert.equal(isWorkingDay('2024-02-10', saturdayMornings), false);
    assert.equal(isWorkingDay('2024-02-17', saturdayMornings), true);
  });

  it('an agency with shorter hours has a shorter ngày làm việc by default', () => {
    const short = calendarWith({
      officeHours: defineOfficeHours({ sessions: ['07:30-11:30', '13:30-16:30'] }),
    });
    assert.equal(short.workingDayMs, 7 * 3_600_000);
    assert.equal(
      show(addWorkingTime(at('2026-03-02 09:00'), { value: 1, unit: 'ngay-lam-viec' }, short)),
      '2026-03-03 09:00',
    );
    assert.equal(
      show(addWorkingTime(at('2026-03-02 15:00'), { value: 2, unit: 'gio' }, short)),
      '2026-03-03 08:00',
    );
    assert.equal(show(normaliseReceipt(at('2026-03-02 07:10'), short)), '2026-03-02 07:30');
  });

  it('with uneven days a ngày làm việc is the configured number of hours', () => {
    const uneven = calendarWith({
      officeHours: defineOfficeHours({ byWeekday: { fri: ['07:00-11:30'] }, workingDayHours: 8 }),
    });
    // Friday closes at 11:30, so 8 h from Friday 09:00 are 2.5 h on Friday, 4.5 h on Monday morning
    // and 1 h from 13:30: the clock time cannot be kept, the working hours are.
    const due = addWorkingTime(at('2026-03-06 09:00'), { value: 1, unit: 'ngay-lam-viec' }, uneven);
    assert.equal(show(due), '2026-03-09 14:30');
    assert.equal(workingTimeBetween(at('2026-03-06 09:00'), due, uneven), 480);
  });
});

describe('buildWorkingCalendar', () => {
  it('counts only confirmed rows', () => {
    const proposed: CalendarDay = {
      date: '2027-03-03',
      kind: 'holiday',
      status: 'proposed',
      name: 'thử',
      source: 'generated',
    };
    const withProposal = buildWorkingCalendar({ days: [...officialDays, proposed] });
    assert.equal(isWorkingDay('2027-03-03', withProposal), true);
    assert.equal(isWorkingDay('2026-11-24', withProposal), true);
    assert.equal(isWorkingDay('2026-02-16', officialCalendar), false);
    assert.equal(isWorkingDay('2026-01-10', officialCalendar), true);
    assert.equal(isWorkingDay('2026-01-17', officialCalendar), false);
  });

  it('refuses a date that is both a confirmed day off and a make-up workday', () => {
    const clash: CalendarDay[] = [
      { date: '2026-01-10', kind: 'holiday', status: 'confirmed', name: 'a', source: 's' },
      { date: '2026-01-10', kind: 'makeup_workday', status: 'confirmed', name: 'b', source: 's' },
    ];
    assert.throws(() => buildWorkingCalendar({ days: clash }), { code: 'calendar.invalid_days' });
  });

  it('answers only inside its window of years', () => {
    const narrow = buildWorkingCalendar({ firstYear: 2026, lastYear: 2026 });
    assert.equal(
      show(addWorkingTime(at('2026-06-01 09:00'), { value: 1, unit: 'gio' }, narrow)),
      '2026-06-01 10:00',
    );
    assert.throws(() => addWorkingTime(at('2026-12-31 16:00'), { value: 2, unit: 'gio' }, narrow), {
      code: 'calendar.out_of_range',
    });
    assert.throws(() => normaliseReceipt(at('2025-12-31 09:00'), narrow), { code: 'calendar.out_of_range' });
  });
});
