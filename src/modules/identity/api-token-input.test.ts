import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { endOfVietnamDay, readNewApiToken, vietnamToday } from './api-token-input.js';

const NOW = new Date('2026-12-04T18:30:00Z'); // 01:30 on 5 December in Vietnam

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'api_token.invalid');
    return err.fields.map((f) => f.field);
  }
  assert.fail('expected a validation error');
}

describe('Vietnam dates', () => {
  it('knows the Vietnam date, seven hours ahead of UTC', () => {
    assert.equal(vietnamToday(NOW), '2026-12-05');
    assert.equal(vietnamToday(new Date('2026-12-04T16:59:59Z')), '2026-12-04');
  });
  it('ends a day at the next midnight in Vietnam', () => {
    assert.equal(endOfVietnamDay('2026-12-31')?.toISOString(), '2026-12-31T17:00:00.000Z');
    assert.equal(endOfVietnamDay('2028-02-29')?.toISOString(), '2028-02-29T17:00:00.000Z');
  });
  it('refuses dates that do not exist or are not yyyy-mm-dd', () => {
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '31/12/2026', '2026-1-5', '']) {
      assert.equal(endOfVietnamDay(bad), undefined, bad);
    }
  });
});

describe('readNewApiToken', () => {
  it('cleans the name, orders the scopes canonically, drops duplicates', () => {
    const t = readNewApiToken({ name: ' Cổng\tDVC  quốc gia ', scopes: ['sync:dvcqg', 'me', 'me'] }, NOW);
    assert.deepEqual(t, { name: 'Cổng DVC quốc gia', scopes: ['me', 'sync:dvcqg'], expiresAt: null });
  });
  it('stores names in NFC', () => {
    const decomposed = 'Cổng'.normalize('NFD');
    assert.equal(readNewApiToken({ name: decomposed, scopes: ['me'] }, NOW).name, 'Cổng'.normalize('NFC'));
  });
  it('takes a date from the page as the last valid day', () => {
    const t = readNewApiToken({ name: 'A', scopes: ['me'], expiresOn: '2026-12-06' }, NOW);
    assert.equal(t.expiresAt?.toISOString(), '2026-12-06T17:00:00.000Z');
  });
  it('takes an instant from the API', () => {
    const t = readNewApiToken({ name: 'A', scopes: ['me'], expiresAt: '2027-06-01T00:00:00+07:00' }, NOW);
    assert.equal(t.expiresAt?.toISOString(), '2027-05-31T17:00:00.000Z');
  });
  const bad: [string, Parameters<typeof readNewApiToken>[0], string[]][] = [
    ['empty name', { name: '  ', scopes: ['me'] }, ['name']],
    ['name too long', { name: 'x'.repeat(101), scopes: ['me'] }, ['name']],
    ['no scope', { name: 'A', scopes: [] }, ['scopes']],
    ['unknown scope', { name: 'A', scopes: ['me', 'root'] }, ['scopes']],
    ['expiry today (Vietnam)', { name: 'A', scopes: ['me'], expiresOn: '2026-12-05' }, ['expiresOn']],
    ['expiry in the past', { name: 'A', scopes: ['me'], expiresOn: '2026-01-01' }, ['expiresOn']],
    ['expiry beyond three years', { name: 'A', scopes: ['me'], expiresOn: '2030-12-06' }, ['expiresOn']],
    ['impossible date', { name: 'A', scopes: ['me'], expiresOn: '2027-02-30' }, ['expiresOn']],
    [
      'API instant in the past',
      { name: 'A', scopes: ['me'], expiresAt: '2026-12-04T18:29:00Z' },
      ['expiresAt'],
    ],
    ['API instant not a date', { name: 'A', scopes: ['me'], expiresAt: 'tomorrow' }, ['expiresAt']],
    ['everything wrong at once', { name: '', scopes: [], expiresOn: 'x' }, ['name', 'scopes', 'expiresOn']],
  ];
  for (const [name, req, fields] of bad) {
    it(`refuses: ${name}`, () =>
      assert.deepEqual(
        fieldsOf(() => readNewApiToken(req, NOW)),
        fields,
      ));
  }
});
