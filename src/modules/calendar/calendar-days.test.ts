/** Durations in ngày (calendar days) and tháng (months), and same-day procedures with a cut-off. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, officialCalendar as cal, calendarWith, show } from './calendar.fixtures.js';
import { sameDayDue } from './same-day-cutoff.js';
import { addWorkingTime, type Duration } from './working-time.js';

const ngay = (value: number): Duration => ({ value, unit: 'ngay' });
const thang = (value: number): Duration => ({ value, unit: 'thang' });

describe('ngày: calendar days, never ending on a day off', () => {
  const cases: [string, string, number, string][] = [
    ['plain week', '2026-03-02 09:00', 7, '2026-03-09 09:00'],
    ['landing on Saturday rolls to Monday', '2026-03-04 09:00', 3, '2026-03-09 09:00'],
    ['landing on the make-up Saturday stays', '2026-01-09 10:00', 1, '2026-01-10 10:00'],
    ['landing on 1/1 rolls past the swapped 2/1 and the weekend', '2025-12-31 10:00', 1, '2026-01-05 10:00'],
    [
      'landing on Sunday Giỗ Tổ rolls past the compensatory Monday',
      '2026-04-24 09:00',
      2,
      '2026-04-28 09:00',
    ],
    ['landing in Tết 2025', '2025-01-20 08:00', 7, '2025-02-03 08:00'],
    ['weekends and holidays inside the span count', '2026-02-12 09:00', 14, '2026-02-26 09:00'],
    [
      'the receipt clock time is kept, even after hours (as §6.3 says)',
      '2026-03-02 18:00',
      1,
      '2026-03-03 18:00',
    ],
    ['zero days on a day off rolls forward', '2026-02-17 09:00', 0, '2026-02-23 09:00'],
  ];
  for (const [name, received, days, expected] of cases) {
    it(`${name}: ${received} + ${days} ngày → ${expected}`, () => {
      assert.equal(show(addWorkingTime(at(received), ngay(days), cal)), expected);
    });
  }

  it('when configured to skip days off, Tết days are not counted', () => {
    const skipping = calendarWith({ calendarDaysSkipDaysOff: true });
    // 16/2 is itself off; 17–20 are skipped; 21/2 is day 1 … 28/2 (Saturday) is day 8 → Monday 2/3.
    assert.equal(show(addWorkingTime(at('2026-02-16 09:00'), ngay(8), skipping)), '2026-03-02 09:00');
    assert.equal(show(addWorkingTime(at('2026-02-16 09:00'), ngay(8), cal)), '2026-02-24 09:00');
    // Weekends still count when skipping holidays.
    assert.equal(show(addWorkingTime(at('2026-03-04 09:00'), ngay(3), skipping)), '2026-03-09 09:00');
  });
});

describe('tháng: calendar months, clamped, never ending on a day off', () => {
  const cases: [string, string, number, string][] = [
    ['same day next month', '2026-03-10 09:00', 1, '2026-04-10 09:00'],
    ['31 January + 1 month clamps to 29 February in a leap year', '2024-01-31 10:00', 1, '2024-02-29 10:00'],
    [
      '31 January + 1 month clamps to 28 February 2026, a Saturday → Monday',
      '2026-01-31 10:00',
      1,
      '2026-03-02 10:00',
    ],
    ['landing on 30/4/2026 rolls past 1/5 and the weekend', '2026-03-30 14:00', 1, '2026-05-04 14:00'],
    ['12 months landing in Tết 2026', '2025-02-17 09:00', 12, '2026-02-23 09:00'],
    ['across the year end', '2025-11-30 09:00', 2, '2026-01-30 09:00'],
  ];
  for (const [name, received, months, expected] of cases) {
    it(`${name}: ${received} + ${months} tháng → ${expected}`, () => {
      assert.equal(show(addWorkingTime(at(received), thang(months), cal)), expected);
    });
  }
});

describe('same-day procedures with a 15:00 cut-off (§6.5)', () => {
  const rule = { cutoff: '15:00' };
  const cases: [string, string, string][] = [
    ['before opening', '2026-03-02 06:30', '2026-03-02 17:00'],
    ['morning', '2026-03-02 09:00', '2026-03-02 17:00'],
    ['at the cut-off', '2026-03-02 15:00', '2026-03-02 17:00'],
    ['within the cut-off minute (the slip prints 15:00)', '2026-03-02 15:00:40', '2026-03-02 17:00'],
    ['after the cut-off', '2026-03-02 15:01', '2026-03-03 17:00'],
    ['Friday after the cut-off before Tết', '2026-02-13 15:30', '2026-02-23 17:00'],
    ['on a day off', '2026-02-18 09:00', '2026-02-23 17:00'],
    ['on the make-up Saturday', '2026-01-10 14:00', '2026-01-10 17:00'],
    ['Friday after cut-off before the make-up Saturday', '2026-01-09 16:00', '2026-01-10 17:00'],
    ['on Saturday', '2026-03-07 09:00', '2026-03-09 17:00'],
  ];
  for (const [name, received, expected] of cases) {
    it(`${name}: ${received} → ${expected}`, () => {
      assert.equal(show(sameDayDue(at(received), rule, cal)), expected);
    });
  }

  it('a cut-off later than the closing does not keep a receipt after closing on the same day', () => {
    assert.equal(show(sameDayDue(at('2026-03-02 17:30'), { cutoff: '18:00' }, cal)), '2026-03-03 17:00');
  });

  it('rejects a malformed cut-off', () => {
    assert.throws(() => sameDayDue(at('2026-03-02 09:00'), { cutoff: '3pm' }, cal), {
      code: 'calendar.invalid_cutoff',
    });
  });
});
