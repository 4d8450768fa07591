/** What an administrator types to add, edit or remove a day: every bad field named, in both languages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { MAX_TEXT, validateEdit, validateNewDay, validateRemoval } from './calendar-day-input.js';
import { nextDayStatus } from './day-transitions.js';
import type { CalendarDay } from './holiday-calendar.js';

/** The fields an error names (sorted) and its code, or 'ok'. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    for (const f of e.fields)
      assert.ok(f.message.vi !== '' && f.message.en !== '' && f.message.vi !== f.message.en);
    return `${e.code}: ${e.fields
      .map((f) => f.field)
      .sort()
      .join(',')}`;
  }
}

/** Friday 2 January 2026, swapped day off (DOMAIN.md §6.2). */
const row: CalendarDay = {
  date: '2026-01-02',
  kind: 'swapped_off',
  status: 'confirmed',
  name: 'Nghỉ hoán đổi',
  source: 'Thông báo 6150/TB-BLĐTBXH',
};
const long = 'x'.repeat(MAX_TEXT + 1);

describe('editing a day', () => {
  const cases: [string, { kind: string; name: string; source: string }, string][] = [
    ['a new name and source', { kind: 'holiday', name: 'Nghỉ Tết Dương lịch', source: 'TB 1/BNV' }, 'ok'],
    [
      'the legal source is required',
      { kind: 'holiday', name: 'Tết', source: '' },
      'calendar.invalid_day: source',
    ],
    [
      'spaces are not a source',
      { kind: 'holiday', name: 'Tết', source: '  \n ' },
      'calendar.invalid_day: source',
    ],
    ['the name is required', { kind: 'holiday', name: '', source: 'TB 1' }, 'calendar.invalid_day: name'],
    ['an unknown kind', { kind: 'weekend', name: 'Tết', source: 'TB 1' }, 'calendar.invalid_day: kind'],
    [
      'a Friday cannot become a make-up working day',
      { kind: 'makeup_workday', name: 'Làm bù', source: 'TB 1' },
      'calendar.invalid_day: kind',
    ],
    ['every bad field at once', { kind: '', name: '', source: '' }, 'calendar.invalid_day: kind,name,source'],
    ['a source too long', { kind: 'holiday', name: 'Tết', source: long }, 'calendar.invalid_day: source'],
    [
      'nothing changed',
      { kind: 'swapped_off', name: 'Nghỉ hoán đổi', source: 'Thông báo 6150/TB-BLĐTBXH' },
      'calendar.day_unchanged: kind',
    ],
    [
      'only spacing and Unicode form changed is nothing changed',
      { kind: 'swapped_off', name: ' Nghỉ  hoa\u0301n đổi ', source: 'Thông báo 6150/TB-BLĐTBXH' },
      'calendar.day_unchanged: kind',
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () =>
      assert.equal(
        outcome(() => validateEdit(row, input)),
        expected,
      ),
    );
  }

  it('keeps the cleaned text: NFC, single spaces', () => {
    const content = validateEdit(row, { kind: 'holiday', name: ' Tết  Dương lịch ', source: 'TB\n1' });
    assert.deepEqual(content, { kind: 'holiday', name: 'Tết Dương lịch', source: 'TB 1' });
  });

  it('lets a Saturday become a make-up working day', () => {
    const saturday = { ...row, date: '2026-01-10', kind: 'holiday' as const };
    assert.equal(
      outcome(() => validateEdit(saturday, { ...row, kind: 'makeup_workday' })),
      'ok',
    );
  });
});

describe('removing a day', () => {
  const cases: [string, string, string][] = [
    ['a reason', 'Nhập nhầm ngày', 'ok'],
    ['no reason', '', 'calendar.reason_required: reason'],
    ['spaces only', ' \t ', 'calendar.reason_required: reason'],
    ['too long', long, 'calendar.reason_required: reason'],
  ];
  for (const [name, reason, expected] of cases) {
    it(name, () =>
      assert.equal(
        outcome(() => validateRemoval({ reason })),
        expected,
      ),
    );
  }
});

describe('adding a day', () => {
  const cases: [string, { date: string; kind: string; name: string; source: string }, string][] = [
    [
      'a make-up Saturday',
      { date: '2027-01-09', kind: 'makeup_workday', name: 'Làm bù', source: 'TB' },
      'ok',
    ],
    [
      'a make-up weekday is reported on the date',
      { date: '2027-01-11', kind: 'makeup_workday', name: 'Làm bù', source: 'TB' },
      'calendar.invalid_day: date',
    ],
    [
      'not a date',
      { date: '2027-02-30', kind: 'holiday', name: 'X', source: 'TB' },
      'calendar.invalid_day: date',
    ],
    [
      'no source',
      { date: '2027-02-03', kind: 'holiday', name: 'X', source: '' },
      'calendar.invalid_day: source',
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () =>
      assert.equal(
        outcome(() => validateNewDay(input)),
        expected,
      ),
    );
  }
});

describe('status of a row under each action', () => {
  const table: [Parameters<typeof nextDayStatus>[0], Parameters<typeof nextDayStatus>[1], string][] = [
    ['proposed', 'confirm', 'confirmed'],
    ['pending', 'confirm', 'confirmed'],
    ['confirmed', 'confirm', 'none'],
    ['removed', 'confirm', 'none'],
    ['proposed', 'edit', 'proposed'],
    ['pending', 'edit', 'pending'],
    ['confirmed', 'edit', 'confirmed'],
    ['removed', 'edit', 'none'],
    ['proposed', 'remove', 'removed'],
    ['pending', 'remove', 'removed'],
    ['confirmed', 'remove', 'removed'],
    ['removed', 'remove', 'none'],
    ['removed', 'add', 'confirmed'],
    ['confirmed', 'add', 'none'],
    ['proposed', 'add', 'none'],
    ['pending', 'add', 'none'],
  ];
  for (const [from, action, to] of table) {
    it(`${from} × ${action} → ${to}`, () => assert.equal(nextDayStatus(from, action) ?? 'none', to));
  }
});
