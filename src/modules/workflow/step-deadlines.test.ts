import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkingCalendar, loadOfficialDaysOff } from '../calendar/index.js';
import { dueTimesAfterPause, stepDueAt, type Timeliness, timeliness, warnAt } from './step-deadlines.js';

const calendar = buildWorkingCalendar({ days: loadOfficialDaysOff() });
/** Vietnam local time "2026-02-12 10:15" as an instant. */
const vn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const show = (d: Date | null) =>
  d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

describe('stepDueAt (budget in working minutes on the step agency’s calendar, DOMAIN.md §6.3–6.4)', () => {
  const cases: Array<[string, string, number | null, string | null]> = [
    ['B1: 3 working days across Tết 2026', '2026-02-12 10:15', 3 * 8 * 60, '2026-02-24 10:15'],
    ['B2: 4 hours from Friday 16:30 across Tết', '2026-02-13 16:30', 240, '2026-02-23 10:30'],
    ['C2: the make-up Saturday 10/1/2026 counts', '2026-01-08 10:00', 3 * 8 * 60, '2026-01-12 10:00'],
    ['D: started in the lunch break', '2026-03-02 12:10', 6 * 60, '2026-03-03 09:30'],
    ['no budget: no due time', '2026-03-02 09:00', null, null],
    ['zero budget: no due time', '2026-03-02 09:00', 0, null],
  ];
  for (const [label, start, minutes, due] of cases) {
    it(label, () => assert.equal(show(stepDueAt(vn(start), minutes, calendar)), due));
  }
});

describe('warnAt (two working days before the due time by default)', () => {
  const cases: Array<[string, string, number | undefined, string]> = [
    ['across Tết: Tue 24/2 → Fri 13/2', '2026-02-24 10:15', undefined, '2026-02-13 10:15'],
    ['across a weekend', '2026-03-10 14:00', undefined, '2026-03-06 14:00'],
    ['one day, configurable', '2026-03-10 14:00', 1, '2026-03-09 14:00'],
  ];
  for (const [label, due, days, expected] of cases) {
    it(label, () => assert.equal(show(warnAt(vn(due), calendar, days)), expected));
  }
});

describe('timeliness of a finished step (the control sheet’s marks)', () => {
  const cases: Array<[string, string, string | null, Timeliness]> = [
    ['a day before the due day', '2026-03-05 16:00', '2026-03-06 10:00', 'early'],
    ['on the due day, before the instant', '2026-03-06 08:00', '2026-03-06 10:00', 'on_time'],
    ['exactly at the due instant', '2026-03-06 10:00', '2026-03-06 10:00', 'on_time'],
    ['a minute after', '2026-03-06 10:01', '2026-03-06 10:00', 'late'],
    ['no due time', '2026-03-06 10:01', null, 'on_time'],
    [
      'just after midnight in Vietnam (still the day before in UTC) is the due day',
      '2026-03-06 00:30',
      '2026-03-06 10:00',
      'on_time',
    ],
  ];
  for (const [label, done, due, expected] of cases) {
    it(label, () => assert.equal(timeliness(vn(done), due ? vn(due) : null), expected));
  }
});

describe('dueTimesAfterPause (DOMAIN.md §6.6: moved by exactly the paused working time)', () => {
  it('the worked example: due Mon 9/3 09:00, paused Wed 4/3 10:00 → Fri 6/3 15:00, new due Wed 11/3 14:00', () => {
    const out = dueTimesAfterPause(
      { dossierDueAt: vn('2026-03-09 09:00'), stepDueAt: vn('2026-03-05 10:00') },
      { from: vn('2026-03-04 10:00'), to: vn('2026-03-06 15:00') },
      { dossier: calendar, step: calendar },
    );
    assert.equal(show(out.dossierDueAt), '2026-03-11 14:00');
    // The step had Wed 10:00 → Thu 10:00 = 8 h left: Fri 15:00 + 8 h = Mon 9/3 15:00.
    assert.equal(show(out.stepDueAt), '2026-03-09 15:00');
  });
  it('across a weekend and Tết: 13 h left on Thu 12/2 10:00, resumed Mon 23/2 08:00 → Tue 24/2 15:00', () => {
    const out = dueTimesAfterPause(
      { dossierDueAt: vn('2026-02-13 17:00'), stepDueAt: null },
      { from: vn('2026-02-12 10:00'), to: vn('2026-02-23 08:00') },
      { dossier: calendar, step: calendar },
    );
    assert.equal(show(out.dossierDueAt), '2026-02-24 15:00');
    assert.equal(out.stepDueAt, null);
  });
  it('a pause asked after the due time forgives nothing', () => {
    const out = dueTimesAfterPause(
      { dossierDueAt: vn('2026-03-04 09:00'), stepDueAt: null },
      { from: vn('2026-03-05 10:00'), to: vn('2026-03-06 15:00') },
      { dossier: calendar, step: calendar },
    );
    assert.equal(show(out.dossierDueAt), '2026-03-04 09:00');
  });
});
