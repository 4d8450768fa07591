import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDossierCode, isDossierCode, localDay, parseDossierCode } from './dossier-code.js';

describe('dossier code {agencyCode}-{yyMMdd}-{NNNN}', () => {
  const cases: [string, string, number, string][] = [
    ['000.00.06.H56', '2023-10-27', 361, '000.00.06.H56-231027-0361'],
    ['H22.102', '2026-12-07', 1, 'H22.102-261207-0001'],
    ['H22.102.01', '2026-01-05', 9999, 'H22.102.01-260105-9999'],
    ['H22.102', '2026-01-05', 10000, 'H22.102-260105-10000'],
  ];
  for (const [agency, day, seq, code] of cases) {
    it(`formats and parses ${code}`, () => {
      assert.equal(formatDossierCode(agency, day, seq), code);
      const p = parseDossierCode(code);
      assert.deepEqual(p, { agencyCode: agency, date: code.split('-')[1], seq });
    });
  }

  it('refuses what is not a code', () => {
    for (const s of [
      '',
      'H22-2612-0001',
      'H22.102-261207-001',
      'H22_102-261207-0001',
      '1.001193',
      'H22.-261207-0001',
    ])
      assert.equal(isDossierCode(s), false, s);
    assert.equal(isDossierCode(' h22.102-261207-0001 '), true);
    assert.throws(() => formatDossierCode('H22', '2026-01-01', 0));
  });

  it('counts days in Vietnam time', () => {
    assert.equal(localDay(new Date('2026-12-06T16:59:59Z')), '2026-12-06');
    assert.equal(localDay(new Date('2026-12-06T17:00:00Z')), '2026-12-07');
  });
});
