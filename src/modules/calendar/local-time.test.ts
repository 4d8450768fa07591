import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  civilFromEpochDay,
  daysInMonth,
  epochDayFromCivil,
  epochDayOf,
  formatLocalIso,
  localInstant,
  msOfLocalDay,
  parseIsoDate,
  tryParseIsoDate,
  weekdayOf,
} from './local-time.js';

describe('fixed UTC+07:00 local time', () => {
  it('agrees with the platform time-zone database for Asia/Ho_Chi_Minh', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const p = Object.fromEntries(format.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
        const expected = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
        assert.equal(formatLocalIso(new Date(t - (t % 1000))).slice(0, 19), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('splits an instant into its local day and time of day', () => {
    const t = Date.parse('2026-02-13T16:30:00+07:00');
    assert.equal(epochDayOf(t), epochDayFromCivil(2026, 2, 13));
    assert.equal(msOfLocalDay(t), (16 * 60 + 30) * 60_000);
    // 23:30 UTC on 12/2 is already 06:30 on 13/2 in Vietnam.
    assert.equal(epochDayOf(Date.parse('2026-02-12T23:30:00Z')), epochDayFromCivil(2026, 2, 13));
  });

  it('prints ISO 8601 with +07:00, with milliseconds only when present', () => {
    assert.equal(formatLocalIso(localInstant(2026, 2, 24, 10, 15)), '2026-02-24T10:15:00+07:00');
    assert.equal(formatLocalIso(new Date('2026-02-24T03:15:00.250Z')), '2026-02-24T10:15:00.250+07:00');
  });
});

describe('civil dates', () => {
  it('round-trips epoch days and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 80_000 }), (day) => {
        const { year, month, day: d } = civilFromEpochDay(day);
        assert.equal(epochDayFromCivil(year, month, d), day);
        assert.equal(Date.UTC(year, month - 1, d) / 86_400_000, day);
        assert.equal(weekdayOf(day), new Date(day * 86_400_000).getUTCDay());
      }),
      { numRuns: 500 },
    );
  });

  it('knows month lengths and leap years', () => {
    assert.deepEqual(
      [daysInMonth(2024, 2), daysInMonth(2026, 2), daysInMonth(2100, 2), daysInMonth(2000, 2)],
      [29, 28, 28, 29],
    );
    assert.equal(daysInMonth(2026, 12), 31);
  });

  it('reads only real ISO dates', () => {
    assert.equal(tryParseIsoDate('2026-02-29'), undefined);
    assert.equal(tryParseIsoDate('2026-2-1'), undefined);
    assert.equal(tryParseIsoDate('2024-02-29'), epochDayFromCivil(2024, 2, 29));
    assert.throws(() => parseIsoDate('31/12/2026'), { code: 'calendar.invalid_date' });
  });
});
