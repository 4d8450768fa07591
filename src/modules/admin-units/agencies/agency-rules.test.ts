import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.js';
import { decodeAgencyCursor, encodeAgencyCursor } from './agency-cursor.js';
import { agencyCodeProblem, parseAgencyCode, validateAgencyInput, vietnamDate } from './agency-rules.js';

describe('agency identifier codes (DOMAIN.md §5.2)', () => {
  for (const code of ['000.00.06.H56', '000.00.00.H22', 'H01.151', 'H01.151.01', 'G01', 'A'.repeat(20)]) {
    it(`accepts ${code}`, () => assert.equal(agencyCodeProblem(code), undefined));
  }
  for (const code of ['000-00-06-H56', 'H01..151', '.H01', 'H01.', 'H01 151', 'Đ01', 'A'.repeat(21), '']) {
    it(`refuses "${code}"`, () => assert.ok(agencyCodeProblem(code)?.vi));
  }
  it('trims and upper-cases, never parses', () => {
    assert.equal(parseAgencyCode(' h22.101.01 '), 'H22.101.01');
    assert.throws(
      () => parseAgencyCode('H22-101', 'agency'),
      (e: unknown) =>
        e instanceof AppError && e.code === 'agency.invalid_code' && e.fields[0]?.field === 'agency',
    );
  });
});

describe('agency details', () => {
  it('normalises text and contacts', () => {
    const fields = validateAgencyInput({
      kind: 'department',
      name: ' Sở   Tư pháp '.normalize('NFD'),
      units: ['22', '22'],
      address: '  ',
      phone: '0203-3835-000',
      email: ' VanThu@Example.VN ',
    });
    assert.deepEqual(fields, {
      kind: 'department',
      name: 'Sở Tư pháp',
      parentId: null,
      units: ['22'],
      address: null,
      phone: '0203 3835 000',
      email: 'vanthu@example.vn',
    });
  });

  it('ties unit levels to kinds', () => {
    assert.throws(() =>
      validateAgencyInput({ kind: 'provincial_committee', name: 'UBND', units: ['07093'] }),
    );
    assert.throws(() => validateAgencyInput({ kind: 'commune_service_centre', name: 'TT', units: ['22'] }));
    assert.deepEqual(validateAgencyInput({ kind: 'tax', name: 'Thuế', units: ['22', '07093'] }).units, [
      '07093',
      '22',
    ]);
  });

  it('reads the local date in Vietnam', () => {
    assert.equal(vietnamDate(new Date('2026-02-12T16:59:59Z')), '2026-02-12');
    assert.equal(vietnamDate(new Date('2026-02-12T17:00:00Z')), '2026-02-13');
  });

  it('round-trips a keyset cursor and refuses anything else', () => {
    const cursor = { sortKey: 'uy ban nhan dan xa ba che', id: '01900000-0000-7000-8000-000000000000' };
    assert.deepEqual(decodeAgencyCursor(encodeAgencyCursor(cursor)), cursor);
    assert.throws(
      () => decodeAgencyCursor(Buffer.from('["x","not-a-uuid"]').toString('base64url')),
      /agency.invalid_cursor/,
    );
  });
});
