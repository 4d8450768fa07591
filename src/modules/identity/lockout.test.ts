import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailure, isLocked, LOCK_MINUTES, MAX_FAILURES } from './lockout.js';
import { passwordProblems } from './officer-account.service.js';
import { safeNext } from './officer-auth.service.js';

const now = new Date('2026-11-22T03:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('lockout rules', () => {
  it('locks at the fifth failure for 15 minutes, then starts counting afresh', () => {
    assert.equal(MAX_FAILURES, 5);
    assert.equal(LOCK_MINUTES, 15);
    let s = { failures: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < 5; i++) {
      const next = afterFailure(s, now);
      assert.deepEqual(next, { failures: i, lockedUntil: null, lockedNow: false });
      s = next;
    }
    const fifth = afterFailure(s, now);
    assert.equal(fifth.lockedNow, true);
    assert.deepEqual(fifth.lockedUntil, minutes(15));
    assert.equal(isLocked(fifth, minutes(14.99)), true);
    assert.equal(isLocked(fifth, minutes(15)), false);
  });

  const table: {
    name: string;
    state: { failures: number; lockedUntil: Date | null };
    at: Date;
    expect: object;
  }[] = [
    {
      name: 'a failure while locked changes nothing',
      state: { failures: 0, lockedUntil: minutes(10) },
      at: now,
      expect: { failures: 0, lockedUntil: minutes(10), lockedNow: false },
    },
    {
      name: 'a failure after the lock expired counts from one',
      state: { failures: 0, lockedUntil: minutes(-1) },
      at: now,
      expect: { failures: 1, lockedUntil: null, lockedNow: false },
    },
    {
      name: 'fourth failure does not lock',
      state: { failures: 3, lockedUntil: null },
      at: now,
      expect: { failures: 4, lockedUntil: null, lockedNow: false },
    },
    {
      name: 'fifth failure locks',
      state: { failures: 4, lockedUntil: null },
      at: now,
      expect: { failures: 0, lockedUntil: minutes(15), lockedNow: true },
    },
  ];
  for (const c of table) it(c.name, () => assert.deepEqual(afterFailure(c.state, c.at), c.expect));
});

describe('new password rules', () => {
  const cases: { name: string; next: string; repeat?: string; current?: string; fields: string[] }[] = [
    { name: 'good', next: 'mot-cau-de-nho-2026', fields: [] },
    { name: '11 characters', next: 'abcdefghijk', fields: ['new'] },
    { name: '12 characters with diacritics', next: 'Đường làng 12', fields: [] },
    { name: 'equal to the username', next: 'canbo.nguyen.ha', fields: ['new'] },
    { name: 'username in capitals', next: 'CANBO.NGUYEN.HA', fields: ['new'] },
    { name: 'same as the current', next: 'mat-khau-hien-tai', current: 'mat-khau-hien-tai', fields: ['new'] },
    {
      name: 'repeat differs',
      next: 'mot-cau-de-nho-2026',
      repeat: 'mot-cau-de-nho-2025',
      fields: ['repeat'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const problems = passwordProblems('canbo.nguyen.ha', {
        current: c.current ?? 'old-password-1',
        next: c.next,
        repeat: c.repeat ?? c.next,
      });
      assert.deepEqual(
        problems.map((p) => p.field),
        c.fields,
      );
    });
  }
});

describe('return path after login (?next=)', () => {
  const cases: [unknown, string][] = [
    ['/ho-so?trang=2', '/ho-so?trang=2'],
    ['/can-bo', '/can-bo'],
    ['//evil.example/x', '/can-bo'],
    ['/\\evil.example', '/can-bo'],
    ['https://evil.example/', '/can-bo'],
    ['javascript:alert(1)', '/can-bo'],
    ['ho-so', '/can-bo'],
    ['/a\nb', '/can-bo'],
    ['', '/can-bo'],
    [undefined, '/can-bo'],
    [`/${'a'.repeat(600)}`, '/can-bo'],
  ];
  for (const [given, expected] of cases) {
    it(`${JSON.stringify(given)?.slice(0, 30)} → ${expected}`, () => assert.equal(safeNext(given), expected));
  }
});
