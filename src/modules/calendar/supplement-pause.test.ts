import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, officialCalendar as cal, show } from './calendar.fixtures.js';
import { dueAfterPauses, resumeAfterPause } from './supplement-pause.js';
import { addWorkingTime, workingTimeBetween } from './working-time.js';

describe('resumeAfterPause (§6.6)', () => {
  const cases: [string, string, [string, string], string][] = [
    [
      'a pause inside one morning shifts by its working time',
      '2026-03-09 09:00',
      ['2026-03-04 08:00', '2026-03-04 10:00'],
      '2026-03-09 11:00',
    ],
    [
      'resuming in lunch starts at 13:30 (1.5 h paused)',
      '2026-03-09 09:00',
      ['2026-03-04 10:00', '2026-03-04 12:00'],
      '2026-03-09 10:30',
    ],
    [
      'a pause spanning Tết 2026 costs only its working time',
      '2026-02-24 10:15',
      ['2026-02-12 10:15', '2026-02-23 10:15'],
      '2026-02-26 10:15',
    ],
    [
      'a pause over the New Year swap',
      '2026-01-06 14:00',
      ['2025-12-31 14:00', '2026-01-05 14:00'],
      '2026-01-07 14:00',
    ],
    [
      'resuming after hours: 23 h left from Monday 07:00',
      '2026-03-09 09:00',
      ['2026-03-04 10:00', '2026-03-06 18:00'],
      '2026-03-11 16:00',
    ],
    [
      'requested at the due time: resumes with nothing left',
      '2026-03-09 09:00',
      ['2026-03-09 09:00', '2026-03-10 15:00'],
      '2026-03-10 15:00',
    ],
    [
      'requested after the due time: lateness is not forgiven',
      '2026-03-09 09:00',
      ['2026-03-10 09:00', '2026-03-12 09:00'],
      '2026-03-09 09:00',
    ],
    [
      'an empty pause changes nothing',
      '2026-03-09 09:00',
      ['2026-03-04 10:00', '2026-03-04 10:00'],
      '2026-03-09 09:00',
    ],
  ];
  for (const [name, due, [from, to], expected] of cases) {
    it(`${name}: due ${due}, paused ${from} → ${to} ⇒ ${expected}`, () => {
      assert.equal(show(resumeAfterPause(at(due), { from: at(from), to: at(to) }, cal)), expected);
    });
  }

  it('rejects a pause that ends before it starts', () => {
    assert.throws(
      () =>
        resumeAfterPause(
          at('2026-03-09 09:00'),
          { from: at('2026-03-05 09:00'), to: at('2026-03-04 09:00') },
          cal,
        ),
      {
        code: 'calendar.invalid_pause',
      },
    );
  });
});

describe('dueAfterPauses', () => {
  it('applies several supplements in time order, whatever order they are given in', () => {
    const received = at('2026-03-02 09:00');
    const due = addWorkingTime(received, { value: 5, unit: 'ngay-lam-viec' }, cal);
    const pauses = [
      { from: at('2026-03-10 10:00'), to: at('2026-03-11 10:00') },
      { from: at('2026-03-04 10:00'), to: at('2026-03-06 15:00') },
    ];
    const newDue = dueAfterPauses(due, pauses, cal);
    // 19 h for the first pause (to Wed 11/3 14:00), then 8 h for the second.
    assert.equal(show(newDue), '2026-03-12 14:00');
    assert.equal(workingTimeBetween(received, newDue, cal, pauses), 40 * 60);
  });
});
