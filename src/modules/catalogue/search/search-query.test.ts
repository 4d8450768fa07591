/** Reading a search query, what the box held, the tsquery and the cursor: table-tested, no I/O. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.js';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  readProcedureSearchQuery,
  readSearchText,
  toTsQuery,
} from './search-query.js';

const rejects = (raw: Record<string, unknown>, field: string) => {
  assert.throws(
    () => readProcedureSearchQuery(raw),
    (err: unknown) =>
      err instanceof AppError &&
      err.status === 400 &&
      err.fields[0]?.field === field &&
      err.text.vi !== '' &&
      err.text.en !== '',
  );
};

describe('readProcedureSearchQuery', () => {
  const cases: [Record<string, unknown>, unknown][] = [
    [{}, { limit: 20 }],
    [
      { q: '  khai sinh ', limit: '5' },
      { q: 'khai sinh', limit: 5 },
    ],
    [
      { q: '', field: 'Hộ tịch', level: 'commune', online: 'toan_trinh' },
      { field: 'Hộ tịch', level: 'commune', online: 'toan_trinh', limit: 20 },
    ],
    [
      { agency: 'Ủy ban nhân dân cấp xã', limit: 100 },
      { agency: 'Ủy ban nhân dân cấp xã', limit: 100 },
    ],
  ];
  for (const [raw, expected] of cases) {
    it(`reads ${JSON.stringify(raw)}`, () => assert.deepEqual(readProcedureSearchQuery(raw), expected));
  }
  const bad: [Record<string, unknown>, string][] = [
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ level: 'district' }, 'level'],
    [{ online: 'yes' }, 'online'],
    [{ q: ['a', 'b'] }, 'q'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
  ];
  for (const [raw, field] of bad)
    it(`refuses ${JSON.stringify(raw).slice(0, 40)}`, () => rejects(raw, field));
});

describe('readSearchText', () => {
  it('reads a code or its start, and a local code', () => {
    assert.deepEqual(readSearchText('1.001193'), { kind: 'code', prefix: '1.001193' });
    assert.deepEqual(readSearchText(' 1.0011 '), { kind: 'code', prefix: '1.0011' });
    assert.deepEqual(readSearchText('1.002835.000.00.00.h56'), {
      kind: 'code',
      prefix: '1.002835.000.00.00.H56',
    });
  });
  it('reads words without diacritics, and nothing from punctuation', () => {
    const t = readSearchText('Đăng ký  KẾT HÔN');
    assert.equal(t?.kind === 'words' && t.key, 'dang ky ket hon');
    assert.equal(readSearchText(' ,.; '), undefined);
    assert.equal(readSearchText(undefined), undefined);
  });
});

describe('toTsQuery', () => {
  const cases: [string[][], string][] = [
    [[['khai', 'sinh']], '(khai & sinh:*)'],
    [[['sao', 'y']], '(sao & y)'],
    [
      [
        ['so', 'do'],
        ['giay', 'chung', 'nhan'],
      ],
      '(so & do:*) | (giay & chung & nhan:*)',
    ],
  ];
  for (const [alts, expected] of cases) it(expected, () => assert.equal(toTsQuery(alts), expected));
});

describe('search cursor', () => {
  it('round-trips both kinds', () => {
    for (const c of [
      { mode: 'search', score: 2.123456, nameKey: 'thu tuc dang ky khai sinh', code: '1.001193' },
      { mode: 'browse', nameKey: 'cap ban sao', code: '2.000001' },
    ] as const) {
      assert.deepEqual(decodeSearchCursor(encodeSearchCursor(c)), c);
    }
  });
  it('refuses anything else with a 400 on cursor', () => {
    const forged = Buffer.from(JSON.stringify(['s', 'x', 'y', '1.001193'])).toString('base64url');
    for (const text of ['', '!!', 'e30', forged]) {
      assert.throws(
        () => decodeSearchCursor(text),
        (e: unknown) => e instanceof AppError && e.status === 400,
      );
    }
  });
});
