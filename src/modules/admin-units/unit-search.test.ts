/** Reading a search box, the keyset cursor and today's date in Vietnam: pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../../platform/errors.js';
import {
  checkDate,
  decodeSearchCursor,
  encodeSearchCursor,
  readSearchText,
  readTypedDate,
  vietnamDate,
} from './unit-search.js';

describe('readSearchText', () => {
  it('reads digits as (the start of) a code, keeping leading zeros', () => {
    assert.deepEqual(readSearchText(' 07093 '), { kind: 'code', code: '07093' });
    assert.deepEqual(readSearchText('0'), { kind: 'code', code: '0' });
  });

  it('reads words as a name, cleaned, and drops a leading type word for the name comparison', () => {
    assert.deepEqual(readSearchText('  dong   trieu '), {
      kind: 'name',
      full: 'dong trieu',
      core: 'dong trieu',
    });
    assert.deepEqual(readSearchText('Phường  Ba Đình'), {
      kind: 'name',
      full: 'Phường Ba Đình',
      core: 'Ba Đình',
    });
    assert.deepEqual(readSearchText('thi tran ba che'), {
      kind: 'name',
      full: 'thi tran ba che',
      core: 'ba che',
    });
    assert.deepEqual(readSearchText('Xã'), { kind: 'name', full: 'Xã', core: 'Xã' });
    assert.equal(readSearchText('Phường\u0300'.normalize('NFD'))?.kind, 'name');
  });

  it('finds nothing to search in an empty or punctuation-only box', () => {
    assert.equal(readSearchText(undefined), undefined);
    assert.equal(readSearchText('   '), undefined);
    assert.equal(readSearchText('%_!'), undefined);
  });
});

describe('search cursor', () => {
  it('round-trips, and refuses anything else naming the field', () => {
    const c = { rank: 5, score: 0.61538464, codeLength: 5, sortName: 'dong trieu', code: '07093' };
    assert.deepEqual(decodeSearchCursor(encodeSearchCursor(c)), c);
    for (const bad of [
      '',
      'abc',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('[0,0,5,"x","07a93"]').toString('base64url'),
    ]) {
      assert.throws(
        () => decodeSearchCursor(bad, 'sau'),
        (err: AppError) => err.status === 400 && err.fields[0]?.field === 'sau',
      );
    }
  });
});

describe('dates', () => {
  it('today is the date in Vietnam (UTC+7)', () => {
    assert.equal(vietnamDate(new Date('2025-06-30T16:59:59Z')), '2025-06-30');
    assert.equal(vietnamDate(new Date('2025-06-30T17:00:00Z')), '2025-07-01');
  });

  it('reads a typed date as YYYY-MM-DD or day/month/year', () => {
    assert.equal(readTypedDate('2025-07-01'), '2025-07-01');
    assert.equal(readTypedDate('1/7/2025'), '2025-07-01');
    assert.equal(readTypedDate('30.06.2025'), '2025-06-30');
    assert.equal(readTypedDate('30-06-2025'), '2025-06-30');
    for (const bad of ['31/06/2025', '2025/07/01', '1/7/25', '', 'hôm nay'])
      assert.equal(readTypedDate(bad), undefined, bad);
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    assert.equal(checkDate('2024-02-29', 'at'), '2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '1/7/2025', '2025-7-1']) {
      assert.throws(
        () => checkDate(bad, 'at'),
        (err: AppError) => err.fields[0]?.field === 'at',
      );
    }
  });
});
