/**
 * Every worked example of DOMAIN.md §6.4–§6.7, on the official 2024–2026 calendar, with the due time
 * the document works out by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, officialCalendar as cal, show } from './calendar.fixtures.js';
import { sameDayDue } from './same-day-cutoff.js';
import { resumeAfterPause } from './supplement-pause.js';
import {
  addWorkingTime,
  computeDue,
  type DurationUnit,
  sameWorkingInstant,
  subtractWorkingTime,
  workingTimeBetween,
} from './working-time.js';

interface Example {
  id: string;
  received: string;
  value: number;
  unit: DurationUnit;
  startsAt: string;
  due: string;
}

const examples: Example[] = [
  {
    id: 'A slip, 5 wd',
    received: '2023-10-27 09:32',
    value: 5,
    unit: 'ngay-lam-viec',
    startsAt: '2023-10-27 09:32',
    due: '2023-11-03 09:32',
  },
  {
    id: 'B1 across Tết',
    received: '2026-02-12 10:15',
    value: 3,
    unit: 'ngay-lam-viec',
    startsAt: '2026-02-12 10:15',
    due: '2026-02-24 10:15',
  },
  {
    id: 'B2 giờ across Tết',
    received: '2026-02-13 16:30',
    value: 4,
    unit: 'gio',
    startsAt: '2026-02-13 16:30',
    due: '2026-02-23 10:30',
  },
  {
    id: 'B3 after hours',
    received: '2026-02-13 17:20',
    value: 2,
    unit: 'ngay-lam-viec',
    startsAt: '2026-02-23 07:00',
    due: '2026-02-25 07:00',
  },
  {
    id: 'B4 ngày onto Tết',
    received: '2026-02-09 09:00',
    value: 7,
    unit: 'ngay',
    startsAt: '2026-02-09 09:00',
    due: '2026-02-23 09:00',
  },
  {
    id: 'C1 New Year swap',
    received: '2025-12-31 14:00',
    value: 2,
    unit: 'ngay-lam-viec',
    startsAt: '2025-12-31 14:00',
    due: '2026-01-06 14:00',
  },
  {
    id: 'C2 make-up Saturday',
    received: '2026-01-08 10:00',
    value: 3,
    unit: 'ngay-lam-viec',
    startsAt: '2026-01-08 10:00',
    due: '2026-01-12 10:00',
  },
  {
    id: 'C3 due on make-up Saturday',
    received: '2026-01-09 15:00',
    value: 1,
    unit: 'ngay-lam-viec',
    startsAt: '2026-01-09 15:00',
    due: '2026-01-10 15:00',
  },
  {
    id: 'C4 giờ over New Year',
    received: '2025-12-31 16:00',
    value: 4,
    unit: 'gio',
    startsAt: '2025-12-31 16:00',
    due: '2026-01-05 10:00',
  },
  {
    id: 'D lunch receipt',
    received: '2026-03-02 12:10',
    value: 6,
    unit: 'gio',
    startsAt: '2026-03-02 13:30',
    due: '2026-03-03 09:30',
  },
];

describe('DOMAIN.md §6.4 worked examples', () => {
  for (const ex of examples) {
    it(`${ex.id}: ${ex.received} + ${ex.value} ${ex.unit} → ${ex.due}`, () => {
      const due = computeDue(at(ex.received), { value: ex.value, unit: ex.unit }, cal);
      assert.equal(show(due.startsAt), ex.startsAt);
      assert.equal(show(due.dueAt), ex.due);
      assert.equal(show(due.receivedAt), ex.received);
    });
  }

  it('A: the minute check gives 40 working hours between receipt and due time', () => {
    assert.equal(workingTimeBetween(at('2023-10-27 09:32'), at('2023-11-03 09:32'), cal), 40 * 60);
    assert.equal(workingTimeBetween(at('2023-10-27 09:32'), at('2023-10-27 17:00'), cal), 5 * 60 + 28);
  });

  it('B1: a weekend-only calendar would give a Tết day; the real one does not', () => {
    const due = addWorkingTime(at('2026-02-12 10:15'), { value: 3, unit: 'ngay-lam-viec' }, cal);
    assert.notEqual(show(due), '2026-02-17 10:15');
  });

  it('B3: Wednesday 07:00 is the same working instant as the close of Tuesday 24/02', () => {
    const due = addWorkingTime(at('2026-02-13 17:20'), { value: 2, unit: 'ngay-lam-viec' }, cal);
    assert.ok(sameWorkingInstant(due, at('2026-02-24 17:00'), cal));
    assert.equal(workingTimeBetween(at('2026-02-24 17:00'), due, cal), 0);
  });

  it('C2: a weekend-only calendar would be one day late', () => {
    const due = addWorkingTime(at('2026-01-08 10:00'), { value: 3, unit: 'ngay-lam-viec' }, cal);
    assert.equal(workingTimeBetween(due, at('2026-01-13 10:00'), cal), 8 * 60);
  });
});

describe('DOMAIN.md §6.5 same-day cut-off', () => {
  it('a chứng thực request at 15:20 on Monday 2/3/2026 is due Tuesday 3/3 17:00', () => {
    assert.equal(show(sameDayDue(at('2026-03-02 15:20'), { cutoff: '15:00' }, cal)), '2026-03-03 17:00');
  });
});

describe('DOMAIN.md §6.6 supplement pause', () => {
  const received = at('2026-03-02 09:00');
  const requested = at('2026-03-04 10:00');
  const accepted = at('2026-03-06 15:00');
  const due = addWorkingTime(received, { value: 5, unit: 'ngay-lam-viec' }, cal);

  it('the original due time is Monday 9/3 09:00', () => {
    assert.equal(show(due), '2026-03-09 09:00');
  });
  it('23 working hours are left when the supplement is requested', () => {
    assert.equal(workingTimeBetween(requested, due, cal), 23 * 60);
  });
  it('the new due time is Wednesday 11/3 14:00', () => {
    assert.equal(show(resumeAfterPause(due, { from: requested, to: accepted }, cal)), '2026-03-11 14:00');
  });
  it('cross-check: 19 h were paused, and old due + 19 h is the same instant', () => {
    assert.equal(workingTimeBetween(requested, accepted, cal), 19 * 60);
    assert.equal(show(addWorkingTime(due, { value: 19, unit: 'gio' }, cal)), '2026-03-11 14:00');
  });
  it('the time used excludes the pause: 5 wd used by the new due time', () => {
    const newDue = resumeAfterPause(due, { from: requested, to: accepted }, cal);
    assert.equal(workingTimeBetween(received, newDue, cal, [{ from: requested, to: accepted }]), 40 * 60);
  });
});

describe('DOMAIN.md §6.7 apology timing', () => {
  it('for a due time of Tue 24/02/2026 10:15 the latest send is Mon 23/02 10:15', () => {
    const latest = subtractWorkingTime(at('2026-02-24 10:15'), { value: 1, unit: 'ngay-lam-viec' }, cal);
    assert.equal(show(latest), '2026-02-23 10:15');
  });
  it('one working day before Mon 23/02 10:15 is Fri 13/2 10:15, before Tết', () => {
    const latest = subtractWorkingTime(at('2026-02-23 10:15'), { value: 1, unit: 'ngay-lam-viec' }, cal);
    assert.equal(show(latest), '2026-02-13 10:15');
  });
});
