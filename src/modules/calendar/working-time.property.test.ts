/**
 * Properties of giờ and ngày làm việc arithmetic on the real 2024–2026 calendar (fast-check), including
 * agreement with a literal, step-by-step transcription of DOMAIN.md §6.3 written independently below.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { officialCalendar as cal, officialDays, show } from './calendar.fixtures.js';
import { countsAsDayOff, countsAsMakeupWorkday } from './holiday-calendar.js';
import { sameDayDue } from './same-day-cutoff.js';
import { resumeAfterPause } from './supplement-pause.js';
import {
  addWorkingTime,
  type Duration,
  normaliseReceipt,
  sameWorkingInstant,
  workingTimeBetween,
} from './working-time.js';

// ---- An independent oracle: §6.3 as written, on ISO date strings and minutes, with default hours. ----
const OFFSET = 7 * 3_600_000;
const daysOff = new Set(officialDays.filter(countsAsDayOff).map((d) => d.date));
const makeups = new Set(officialDays.filter(countsAsMakeupWorkday).map((d) => d.date));
const dateOf = (t: number) => new Date(t + OFFSET).toISOString().slice(0, 10);
const minuteOf = (t: number) => Math.floor(((t + OFFSET) % 86_400_000) / 60_000);
const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isWorking = (date: string) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return makeups.has(date) || (weekday >= 1 && weekday <= 5 && !daysOff.has(date));
};
const nextWorking = (date: string) => {
  let d = nextDate(date);
  while (!isWorking(d)) d = nextDate(d);
  return d;
};

/** §6.3 steps 1–4 for a receipt at a whole minute and D working minutes. */
function oracle(received: Date, minutes: number): string {
  let date = dateOf(received.getTime());
  let min = minuteOf(received.getTime());
  if (!isWorking(date) || min >= 1020) [date, min] = [nextWorking(date), 420];
  else if (min < 420) min = 420;
  else if (min >= 690 && min < 810) min = 810;
  const d = Math.floor(minutes / 480);
  let h = minutes - 480 * d;
  while (h > 0) {
    const end = min < 690 ? 690 : 1020;
    const take = Math.min(h, end - min);
    min += take;
    h -= take;
    if (h > 0 && end === 690) min = 810;
    else if (h > 0) [date, min] = [nextWorking(date), 420];
  }
  for (let i = 0; i < d; i++) date = nextWorking(date);
  return `${date} ${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

// ---- Arbitraries ----
const FROM = Date.parse('2024-01-01T00:00:00+07:00');
const TO = Date.parse('2026-12-01T00:00:00+07:00');
const wholeMinute = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => new Date(m * 60_000));
const anyInstant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));
/** Working durations in minutes: quarter hours of giờ, or half days of ngày làm việc. */
const duration = fc.oneof(
  fc.integer({ min: 0, max: 160 * 4 }).map((q): Duration => ({ value: q / 4, unit: 'gio' })),
  fc.integer({ min: 0, max: 2 * 40 }).map((h): Duration => ({ value: h / 2, unit: 'ngay-lam-viec' })),
);
const minutesOf = (d: Duration) => (d.unit === 'gio' ? d.value * 60 : d.value * 480);
const clockOf = (date: Date) => show(date).slice(11, 16);
const RUNS = { numRuns: 400 };

describe('addWorkingTime properties (giờ, ngày làm việc)', () => {
  it('agrees exactly with the literal §6.3 algorithm, boundary writing included', () => {
    fc.assert(
      fc.property(wholeMinute, duration, (received, d) => {
        assert.equal(show(addWorkingTime(received, d, cal)), oracle(received, minutesOf(d)));
      }),
      { numRuns: 2000 },
    );
  });

  it('never ends on a day off, nor strictly inside lunch or the night', () => {
    fc.assert(
      fc.property(anyInstant, duration, (received, d) => {
        const due = addWorkingTime(received, d, cal);
        assert.ok(isWorking(dateOf(due.getTime())), `${show(due)} is a day off`);
        const within = (due.getTime() + OFFSET) % 86_400_000;
        const inMorning = within >= 420 * 60_000 && within <= 690 * 60_000;
        const inAfternoon = within >= 810 * 60_000 && within <= 1020 * 60_000;
        assert.ok(inMorning || inAfternoon, `${show(due)} is outside office hours`);
      }),
      RUNS,
    );
  });

  it('workingTimeBetween(S, add(S, d)) = d, from the receipt or from its normalised start', () => {
    fc.assert(
      fc.property(anyInstant, duration, (received, d) => {
        const due = addWorkingTime(received, d, cal);
        assert.equal(workingTimeBetween(received, due, cal), minutesOf(d));
        assert.equal(workingTimeBetween(normaliseReceipt(received, cal), due, cal), minutesOf(d));
      }),
      RUNS,
    );
  });

  it('add(add(S, a), b) and add(S, a + b) are one instant of working time, written as a boundary pair if apart', () => {
    fc.assert(
      fc.property(
        anyInstant,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (s, qa, qb) => {
          const a: Duration = { value: qa / 4, unit: 'gio' };
          const b: Duration = { value: qb / 4, unit: 'gio' };
          const stepwise = addWorkingTime(addWorkingTime(s, a, cal), b, cal);
          const direct = addWorkingTime(s, { value: (qa + qb) / 4, unit: 'gio' }, cal);
          assert.ok(sameWorkingInstant(stepwise, direct, cal));
          if (stepwise.getTime() !== direct.getTime()) {
            const [early, late] = stepwise < direct ? [stepwise, direct] : [direct, stepwise];
            const pair = `${clockOf(early)}→${clockOf(late)}`;
            assert.ok(pair === '11:30→13:30' || pair === '17:00→07:00', `unexpected writings ${pair}`);
          }
        },
      ),
      RUNS,
    );
  });

  it('is monotonic in the receipt', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, duration, (x, y, d) => {
        const [r1, r2] = x <= y ? [x, y] : [y, x];
        assert.ok(workingTimeBetween(addWorkingTime(r1, d, cal), addWorkingTime(r2, d, cal), cal) >= 0);
      }),
      RUNS,
    );
  });
});

describe('normaliseReceipt properties', () => {
  it('is idempotent, never later in working time, and writes a start at the opening', () => {
    fc.assert(
      fc.property(anyInstant, (received) => {
        const start = normaliseReceipt(received, cal);
        assert.equal(normaliseReceipt(start, cal).getTime(), start.getTime());
        assert.equal(workingTimeBetween(received, start, cal), 0);
        assert.ok(start.getTime() >= received.getTime());
        const within = (start.getTime() + OFFSET) % 86_400_000;
        const inSession =
          (within >= 420 * 60_000 && within < 690 * 60_000) ||
          (within >= 810 * 60_000 && within < 1020 * 60_000);
        assert.ok(
          inSession && isWorking(dateOf(start.getTime())),
          `${show(start)} is not an opening-side start`,
        );
      }),
      RUNS,
    );
  });
});

describe('supplement pause properties (§6.6)', () => {
  it('the working time used, pause excluded, is still exactly the duration', () => {
    fc.assert(
      fc.property(
        anyInstant,
        duration,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (received, d, where, length) => {
          const due = addWorkingTime(received, d, cal);
          const from = new Date(
            received.getTime() + Math.floor((due.getTime() - received.getTime()) * where),
          );
          const pause = { from, to: new Date(from.getTime() + length) };
          const newDue = resumeAfterPause(due, pause, cal);
          assert.equal(workingTimeBetween(received, newDue, cal, [pause]), minutesOf(d));
          assert.equal(workingTimeBetween(due, newDue, cal), workingTimeBetween(pause.from, pause.to, cal));
        },
      ),
      RUNS,
    );
  });
});

describe('same-day cut-off properties (§6.5)', () => {
  it('is due at the closing of a working day, the same day or the next, never before the receipt', () => {
    fc.assert(
      fc.property(anyInstant, (received) => {
        const due = sameDayDue(received, { cutoff: '15:00' }, cal);
        assert.equal(clockOf(due), '17:00');
        assert.ok(isWorking(dateOf(due.getTime())));
        assert.ok(due.getTime() > received.getTime());
        const sameDay = dateOf(due.getTime()) === dateOf(received.getTime());
        assert.equal(sameDay, isWorking(dateOf(received.getTime())) && minuteOf(received.getTime()) <= 900);
      }),
      RUNS,
    );
  });
});

describe('ngày properties', () => {
  it('keeps the clock time, lands on a working day, and no earlier than n calendar days later', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 60 }), (received, n) => {
        const due = addWorkingTime(received, { value: n, unit: 'ngay' }, cal);
        assert.ok(isWorking(dateOf(due.getTime())));
        assert.equal((due.getTime() - received.getTime()) % 86_400_000, 0);
        assert.ok(due.getTime() >= received.getTime() + n * 86_400_000);
      }),
      RUNS,
    );
  });
});
