import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { officialDays } from './calendar.fixtures.js';
import { countsAsDayOff } from './holiday-calendar.js';
import { civilFromJulianDayNumber, julianDayNumber, lunarToSolar, solarToLunar } from './lunar.js';
import { proposeStatutoryDays } from './statutory-days.js';

const iso = (c: { year: number; month: number; day: number } | undefined) =>
  c ? `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}` : 'none';
const lunar = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return solarToLunar(d, m, y);
};

describe('lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  // Tết and Giỗ Tổ dates as published (cross-checked against the python-holidays VN snapshot, 1950–2050).
  const published: [number, string, string][] = [
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
    [2029, '2029-02-13', '2029-04-23'],
    [2030, '2030-02-02', '2030-04-12'],
    [2033, '2033-01-31', '2033-04-09'],
  ];
  for (const [year, tet, gioTo] of published) {
    it(`${year}: mùng 1 Tết ${tet}, Giỗ Tổ ${gioTo}`, () => {
      assert.equal(iso(lunarToSolar({ day: 1, month: 1, year, leap: false })), tet);
      assert.equal(iso(lunarToSolar({ day: 10, month: 3, year, leap: false })), gioTo);
    });
  }

  it('is computed for Vietnam: Tết 1985 was 21 January in Vietnam, 20 February in China (UTC+8)', () => {
    assert.equal(iso(lunarToSolar({ day: 1, month: 1, year: 1985, leap: false })), '1985-01-21');
    assert.equal(iso(lunarToSolar({ day: 1, month: 1, year: 1985, leap: false }, 8)), '1985-02-20');
  });

  it('agrees with the lunar names of the official Tết rows (mùng N, N tháng Chạp)', () => {
    const tetRows = officialDays.filter((d) => d.kind === 'tet' || /Tết Nguyên đán/.test(d.name));
    assert.ok(tetRows.length >= 15);
    for (const row of tetRows) {
      const l = lunar(row.date);
      const mung = /mùng (\d+)/.exec(row.name);
      const chap = /(\d+) tháng Chạp/.exec(row.name);
      if (mung) assert.deepEqual([l.month, l.day], [1, Number(mung[1])], row.date);
      else if (chap) assert.deepEqual([l.month, l.day], [12, Number(chap[1])], row.date);
    }
    // The python-holidays snapshot calls 2025-01-27 "29 of Lunar New Year"; it was 28 tháng Chạp.
    assert.deepEqual([lunar('2025-01-27').month, lunar('2025-01-27').day], [12, 28]);
  });

  it('finds leap months and refuses ones a year does not have', () => {
    assert.equal(iso(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })), '2023-03-22');
    assert.equal(iso(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })), '2025-07-25');
    assert.deepEqual(lunar('2025-07-25'), { day: 1, month: 6, year: 2025, leap: true });
    assert.equal(lunarToSolar({ day: 1, month: 3, year: 2025, leap: true }), undefined);
    assert.equal(lunarToSolar({ day: 1, month: 3, year: 2026, leap: true }), undefined);
  });

  it('never gives day 0 when a new moon falls later than the mean month predicts', () => {
    // Found by the property below: the first-guess month started the day after these dates.
    for (const date of ['2054-05-07', '2062-04-09']) {
      const l = lunar(date);
      assert.ok(l.day >= 29, `${date}: ${JSON.stringify(l)}`);
      assert.equal(iso(lunarToSolar(l)), date);
    }
  });

  it('round-trips solar → lunar → solar for every day 1950–2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: julianDayNumber(1, 1, 1950), max: julianDayNumber(31, 12, 2100) }),
        (jd) => {
          const c = civilFromJulianDayNumber(jd);
          assert.equal(julianDayNumber(c.day, c.month, c.year), jd);
          const l = solarToLunar(c.day, c.month, c.year);
          assert.ok(l.day >= 1 && l.day <= 30 && l.month >= 1 && l.month <= 12);
          assert.equal(iso(lunarToSolar(l)), iso(c));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('proposeStatutoryDays', () => {
  const officialOff = (year: number) =>
    officialDays
      .filter((d) => countsAsDayOff(d) && d.date.startsWith(`${year}`) && d.kind !== 'swapped_off')
      .map((d) => d.date)
      .sort();
  const proposed = (year: number) => proposeStatutoryDays(year).map((d) => d.date);

  for (const year of [2024, 2025, 2026]) {
    it(`${year}: reproduces the official days off, apart from the notice's swaps`, () => {
      const official = officialOff(year);
      // The official table lists Tết 2026's weekend days (14–15/2, 21–22/2) without rows, and a Tết day
      // on a weekend of 2024 with one; compare weekdays, which are what changes a deadline.
      const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      assert.deepEqual(proposed(year).filter(weekday), official.filter(weekday));
    });
  }

  it('2026 matches row for row, kinds and lunar names included', () => {
    const rows = proposeStatutoryDays(2026).filter(
      (d) => d.kind !== 'compensatory' || d.date === '2026-04-27',
    );
    const byDate = new Map(rows.map((d) => [d.date, d]));
    assert.equal(byDate.get('2026-02-16')?.name, 'Tết Nguyên đán (29 tháng Chạp / Giao thừa)');
    assert.equal(byDate.get('2026-02-20')?.name, 'Tết Nguyên đán (mùng 4)');
    assert.equal(byDate.get('2026-04-26')?.kind, 'holiday');
    assert.equal(byDate.get('2026-04-27')?.kind, 'compensatory');
    assert.equal(byDate.get('2026-09-01')?.name, 'Quốc khánh (ngày liền kề)');
  });

  it('proposes, never confirms, and cites the law', () => {
    for (const day of proposeStatutoryDays(2027)) {
      assert.equal(day.status, 'proposed');
      assert.match(day.source, /Bộ luật Lao động 2019, Điều 112/);
    }
  });

  it('2027: mùng 1 is Saturday 6/2, so the break runs 4–10/2 with two compensatory days', () => {
    const days = proposeStatutoryDays(2027);
    const tet = days.filter((d) => d.kind === 'tet').map((d) => d.date);
    assert.deepEqual(tet, ['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    const comp = days.filter((d) => d.kind === 'compensatory').map((d) => d.date);
    assert.ok(comp.includes('2027-02-09') && comp.includes('2027-02-10'));
  });
});
