import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { parseDueQuery, parseIsoInstant } from './due-query.js';

describe('parseIsoInstant', () => {
  const cases: [string, string | undefined][] = [
    ['2026-02-13T16:00:00+07:00', '2026-02-13T09:00:00.000Z'],
    ['2026-02-13T16:00:00 07:00', '2026-02-13T09:00:00.000Z'],
    ['2026-02-13T09:00:00Z', '2026-02-13T09:00:00.000Z'],
    ['2026-02-13T16:00', '2026-02-13T09:00:00.000Z'],
    ['2026-02-13T16:00:00.5+07:00', '2026-02-13T09:00:00.500Z'],
    ['2026-02-13T04:00:00-05:00', '2026-02-13T09:00:00.000Z'],
    ['2026-02-13T23:30:00-01:00', '2026-02-14T00:30:00.000Z'],
    ['2026-02-29T10:00:00Z', undefined],
    ['2026-02-13T24:00:00Z', undefined],
    ['2026-02-13 16:00:00', undefined],
    ['13/02/2026 16:00', undefined],
    ['2026-02-13', undefined],
    ['2026-02-13T16:00:00+15:00', undefined],
  ];
  for (const [text, iso] of cases) {
    it(`${text} → ${iso ?? 'not ISO'}`, () => assert.equal(parseIsoInstant(text)?.toISOString(), iso));
  }
});

describe('parseDueQuery', () => {
  it('reads a request', () => {
    const r = parseDueQuery({
      agency: 'H22.101',
      receivedAt: '2026-02-12T10:15:00+07:00',
      value: '0.5',
      unit: 'gio',
    });
    assert.deepEqual(r, {
      agencyCode: 'H22.101',
      receivedAt: new Date('2026-02-12T03:15:00Z'),
      duration: { value: 0.5, unit: 'gio' },
    });
  });

  it('names every bad field at once, in both languages', () => {
    assert.throws(
      () => parseDueQuery({ agency: 'H22-101', receivedAt: 'yesterday', value: '1e3', unit: 'tuan' }),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.status, 400);
        assert.deepEqual(
          e.fields.map((f) => f.field),
          ['agency', 'receivedAt', 'unit', 'value'],
        );
        for (const f of e.fields) assert.ok(f.message.vi !== f.message.en && f.message.vi && f.message.en);
        return true;
      },
    );
  });

  it('wants whole numbers of days and months, and caps the value', () => {
    const base = { agency: 'H22.101', receivedAt: '2026-02-12T10:15' };
    assert.throws(() => parseDueQuery({ ...base, value: '2.5', unit: 'thang' }), /request.validation/);
    assert.throws(() => parseDueQuery({ ...base, value: '10001', unit: 'gio' }), /request.validation/);
    assert.equal(parseDueQuery({ ...base, value: '2.5', unit: 'ngay-lam-viec' }).duration.value, 2.5);
  });
});
