import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { at, officialCalendar as cal, officialDays, show } from './calendar.fixtures.js';
import { buildWorkingCalendar } from './calendar-index.js';
import { confirmCalendarDay } from './holiday-calendar.js';
import {
  addWorkingTime,
  type Duration,
  normaliseReceipt,
  sameWorkingInstant,
  subtractWorkingTime,
  workingTimeBetween,
} from './working-time.js';

const gio = (value: number): Duration => ({ value, unit: 'gio' });
const wd = (value: number): Duration => ({ value, unit: 'ngay-lam-viec' });

describe('normaliseReceipt (§6.3 step 1)', () => {
  const cases: [string, string, string][] = [
    ['before opening → opening', '2026-03-02 06:59', '2026-03-02 07:00'],
    ['at opening stays', '2026-03-02 07:00', '2026-03-02 07:00'],
    ['inside the morning stays', '2026-03-02 11:29', '2026-03-02 11:29'],
    ['seconds are kept', '2026-03-02 09:32:17', '2026-03-02 09:32:17'],
    ['11:30 exactly → 13:30', '2026-03-02 11:30', '2026-03-02 13:30'],
    ['lunch → 13:30', '2026-03-02 12:10', '2026-03-02 13:30'],
    ['end of lunch → 13:30', '2026-03-02 13:29:59', '2026-03-02 13:30'],
    ['13:30 stays', '2026-03-02 13:30', '2026-03-02 13:30'],
    ['16:59 stays', '2026-03-02 16:59', '2026-03-02 16:59'],
    ['17:00 exactly → next working morning', '2026-03-02 17:00', '2026-03-03 07:00'],
    ['late evening → next working morning', '2026-03-02 23:59', '2026-03-03 07:00'],
    ['Saturday → Monday', '2026-01-03 10:00', '2026-01-05 07:00'],
    ['holiday 1/1 → past the swapped 2/1 and the weekend', '2026-01-01 10:00', '2026-01-05 07:00'],
    ['Friday evening before make-up Saturday → Saturday', '2026-01-09 17:00', '2026-01-10 07:00'],
    ['make-up Saturday is a working day', '2026-08-22 08:00', '2026-08-22 08:00'],
    ['after hours before Tết → after Tết', '2026-02-13 17:20', '2026-02-23 07:00'],
    ['during Tết → first working day after', '2026-02-18 09:00', '2026-02-23 07:00'],
    ['derived compensatory Monday 27/4/2026 is off', '2026-04-27 08:00', '2026-04-28 07:00'],
    ['eve of 30/4–1/5 2026', '2026-04-29 17:30', '2026-05-04 07:00'],
    ['National Day 2026: swapped 31/8, 1/9, 2/9 off', '2026-08-28 17:00', '2026-09-03 07:00'],
    ['pending 24/11/2026 is not a day off', '2026-11-24 09:00', '2026-11-24 09:00'],
  ];
  for (const [name, received, expected] of cases) {
    it(`${name}: ${received} → ${expected}`, () => {
      assert.equal(show(normaliseReceipt(at(received), cal)), expected);
    });
  }
});

describe('addWorkingTime in giờ and ngày làm việc: boundary writing', () => {
  const cases: [string, string, Duration, string][] = [
    ['a walk ending at 11:30 is kept at 11:30', '2026-03-02 07:00', gio(4.5), '2026-03-02 11:30'],
    ['a walk ending at 17:00 is kept at 17:00', '2026-03-02 13:30', gio(3.5), '2026-03-02 17:00'],
    [
      'a walk ending at the close of a whole day from 09:00 is kept',
      '2026-03-02 09:00',
      gio(6),
      '2026-03-02 17:00',
    ],
    ['8 giờ from the opening: one whole day keeps 07:00', '2026-03-02 07:00', gio(8), '2026-03-03 07:00'],
    ['1 wd from the opening keeps 07:00', '2026-03-02 07:00', wd(1), '2026-03-03 07:00'],
    ['1 wd from 13:30 keeps 13:30', '2026-03-02 13:30', wd(1), '2026-03-03 13:30'],
    ['1 wd from a lunch receipt starts at 13:30', '2026-03-02 12:00', wd(1), '2026-03-03 13:30'],
    ['0.5 giờ from 11:00 ends at 11:30', '2026-03-02 11:00', gio(0.5), '2026-03-02 11:30'],
    ['1 giờ from 11:00 continues after lunch', '2026-03-02 11:00', gio(1), '2026-03-02 14:00'],
    [
      'production quirk fixed: 16:00 + 7 h is 15:00 next day, not 13:00',
      '2026-03-02 16:00',
      gio(7),
      '2026-03-03 15:00',
    ],
    ['half a day (4 h) from 09:00', '2026-03-02 09:00', wd(0.5), '2026-03-02 15:00'],
    ['1.5 wd: one day and 4 h', '2026-03-02 09:00', wd(1.5), '2026-03-03 15:00'],
    ['12.5 h: one day and a walk ending at 11:30', '2026-03-02 07:00', gio(12.5), '2026-03-03 11:30'],
    ['zero duration is the normalised receipt', '2026-03-02 12:10', gio(0), '2026-03-02 13:30'],
    ['quarter hours', '2026-03-02 11:20', gio(0.25), '2026-03-02 13:35'],
  ];
  for (const [name, received, duration, expected] of cases) {
    it(`${name}: ${received} + ${duration.value} ${duration.unit} → ${expected}`, () => {
      assert.equal(show(addWorkingTime(at(received), duration, cal)), expected);
    });
  }
});

describe('addWorkingTime across the 2024–2026 days off', () => {
  const cases: [string, string, Duration, string][] = [
    ['Tết 2026: Friday before, 1 wd', '2026-02-13 10:00', wd(1), '2026-02-23 10:00'],
    ['Tết 2026: received during Tết, 1 wd', '2026-02-17 10:00', wd(1), '2026-02-24 07:00'],
    [
      'Tết 2026: 10 giờ from Friday 15:00 walk to 17:00, then a whole day keeps 17:00',
      '2026-02-13 15:00',
      gio(10),
      '2026-02-23 17:00',
    ],
    ['Tết 2026: 11 giờ from Friday 15:00', '2026-02-13 15:00', gio(11), '2026-02-24 08:00'],
    ['Tết 2025: 27–31/1 off', '2025-01-24 10:00', wd(1), '2025-02-03 10:00'],
    ['Tết 2024: 8–14/2 off', '2024-02-07 16:00', wd(2), '2024-02-16 16:00'],
    ['swapped Friday 2/1/2026 is off', '2025-12-31 09:00', wd(1), '2026-01-05 09:00'],
    ['make-up Saturday 10/1/2026 counts', '2026-01-09 09:00', wd(1), '2026-01-10 09:00'],
    ['make-up Saturday 10/1/2026 in giờ', '2026-01-09 16:00', gio(2), '2026-01-10 08:00'],
    ['make-up Saturday 26/4/2025 counts', '2025-04-25 10:00', wd(1), '2025-04-26 10:00'],
    ['make-up Saturday 4/5/2024 counts', '2024-05-03 10:00', wd(1), '2024-05-04 10:00'],
    ['30/4–2/5/2025 off, then the weekend', '2025-04-29 15:00', wd(1), '2025-05-05 15:00'],
    ['30/4–1/5/2026 off', '2026-04-29 10:00', wd(2), '2026-05-05 10:00'],
    ['Giỗ Tổ 2026 compensatory Monday 27/4', '2026-04-24 14:00', wd(1), '2026-04-28 14:00'],
    ['Giỗ Tổ 2025 Monday 7/4', '2025-04-04 14:00', wd(1), '2025-04-08 14:00'],
    ['National Day 2025: 1–2/9', '2025-08-29 10:00', wd(1), '2025-09-03 10:00'],
    ['National Day 2026: make-up 22/8 works, 31/8–2/9 off', '2026-08-21 10:00', wd(2), '2026-08-24 10:00'],
    ['National Day 2026 break', '2026-08-28 10:00', wd(1), '2026-09-03 10:00'],
    ['pending 24/11/2026 counts as a working day', '2026-11-23 10:00', wd(1), '2026-11-24 10:00'],
    ['a receipt on a Sunday starts Monday 07:00', '2026-03-01 10:00', gio(3), '2026-03-02 10:00'],
  ];
  for (const [name, received, duration, expected] of cases) {
    it(`${name}: ${received} + ${duration.value} ${duration.unit} → ${expected}`, () => {
      assert.equal(show(addWorkingTime(at(received), duration, cal)), expected);
    });
  }

  it('confirming the pending 24/11/2026 makes it a day off', () => {
    const days = officialDays.map((d) =>
      d.date === '2026-11-24' ? confirmCalendarDay(d, 'Quyết định (test)') : d,
    );
    const confirmed = buildWorkingCalendar({ days });
    assert.equal(show(addWorkingTime(at('2026-11-23 10:00'), wd(1), confirmed)), '2026-11-25 10:00');
    assert.equal(show(normaliseReceipt(at('2026-11-24 09:00'), confirmed)), '2026-11-25 07:00');
  });

  it('without the calendar rows (weekends only) the make-up Saturday and the holidays are missed', () => {
    const weekendOnly = buildWorkingCalendar();
    assert.equal(show(addWorkingTime(at('2026-01-08 10:00'), wd(3), weekendOnly)), '2026-01-13 10:00');
    assert.equal(show(addWorkingTime(at('2026-02-12 10:15'), wd(3), weekendOnly)), '2026-02-17 10:15');
  });
});

describe('workingTimeBetween', () => {
  const cases: [string, string, string, number][] = [
    ['lunch is not counted', '2026-03-02 11:00', '2026-03-02 14:00', 60],
    ['11:30 and 13:30 are one instant', '2026-03-02 11:30', '2026-03-02 13:30', 0],
    ['17:00 and across Tết to 07:00 are one instant', '2026-02-13 17:00', '2026-02-23 07:00', 0],
    ['a whole working day', '2026-03-02 07:00', '2026-03-02 17:00', 480],
    ['a working week', '2026-03-02 07:00', '2026-03-09 07:00', 5 * 480],
    ['a Tết week counts nothing', '2026-02-14 00:00', '2026-02-23 07:00', 0],
    ['reversed is negative', '2026-03-02 14:00', '2026-03-02 11:00', -60],
    ['seconds give fractional minutes', '2026-03-02 09:00', '2026-03-02 09:00:30', 0.5],
    ['make-up Saturday counts', '2026-01-09 17:00', '2026-01-12 07:00', 480],
  ];
  for (const [name, a, b, minutes] of cases) {
    it(`${name}: ${a} → ${b} = ${minutes} min`, () => {
      assert.equal(workingTimeBetween(at(a), at(b), cal), minutes);
    });
  }

  it('pauses do not count, and overlapping pauses are not subtracted twice', () => {
    const pauses = [
      { from: at('2026-03-03 07:00'), to: at('2026-03-04 07:00') },
      { from: at('2026-03-03 13:30'), to: at('2026-03-04 09:00') },
      { from: at('2026-03-20 07:00'), to: at('2026-03-21 07:00') },
    ];
    const used = workingTimeBetween(at('2026-03-02 07:00'), at('2026-03-06 17:00'), cal, pauses);
    assert.equal(used, 5 * 480 - 480 - 120);
  });

  it('sameWorkingInstant tells the two writings of a boundary apart from different instants', () => {
    assert.ok(sameWorkingInstant(at('2026-03-02 11:30'), at('2026-03-02 13:30'), cal));
    assert.ok(sameWorkingInstant(at('2026-01-09 17:00'), at('2026-01-10 07:00'), cal));
    assert.ok(!sameWorkingInstant(at('2026-03-02 11:29'), at('2026-03-02 13:30'), cal));
  });
});

describe('subtractWorkingTime', () => {
  it('keeps the writing of the end it starts from', () => {
    assert.equal(show(subtractWorkingTime(at('2026-02-25 07:00'), wd(1), cal)), '2026-02-24 07:00');
    assert.equal(show(subtractWorkingTime(at('2026-02-24 17:00'), wd(1), cal)), '2026-02-23 17:00');
    assert.equal(show(subtractWorkingTime(at('2026-01-12 10:00'), wd(1), cal)), '2026-01-10 10:00');
    assert.equal(show(subtractWorkingTime(at('2026-03-03 09:30'), gio(6), cal)), '2026-03-02 13:30');
  });
});

describe('invalid input', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.ok(error.text.vi.length > 0 && error.text.en.length > 0);
      return error.code;
    }
    assert.fail('expected an error');
  };
  const start = at('2026-03-02 09:00');
  it('rejects negative, non-finite and unknown durations', () => {
    assert.equal(
      code(() => addWorkingTime(start, gio(-1), cal)),
      'calendar.invalid_duration',
    );
    assert.equal(
      code(() => addWorkingTime(start, gio(Number.NaN), cal)),
      'calendar.invalid_duration',
    );
    assert.equal(
      code(() => addWorkingTime(start, { value: 1, unit: 'tuan' as 'gio' }, cal)),
      'calendar.invalid_duration',
    );
  });
  it('rejects fractional calendar days and months', () => {
    assert.equal(
      code(() => addWorkingTime(start, { value: 1.5, unit: 'ngay' }, cal)),
      'calendar.invalid_duration',
    );
    assert.equal(
      code(() => addWorkingTime(start, { value: 0.5, unit: 'thang' }, cal)),
      'calendar.invalid_duration',
    );
  });
  it('refuses instants outside the calendar window instead of guessing', () => {
    assert.equal(
      code(() => addWorkingTime(at('1999-12-31 09:00'), gio(1), cal)),
      'calendar.out_of_range',
    );
    assert.equal(
      code(() => addWorkingTime(at('2100-12-31 09:00'), wd(5), cal)),
      'calendar.out_of_range',
    );
  });
});
