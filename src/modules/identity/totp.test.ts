import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptTotp, groupSecret, newTotpSecret, stepAt, totpCode, totpUri } from './totp.js';

// RFC 6238 appendix B test secret ("12345678901234567890") in base32; SHA-1, 8 digits there, 6 here.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('computes the RFC 6238 test vectors (last 6 of the 8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '287082'],
      [1_111_111_109, '081804'],
      [1_234_567_890, '005924'],
      [2_000_000_000, '279037'],
    ];
    for (const [seconds, code] of vectors) assert.equal(totpCode(RFC_SECRET, new Date(seconds * 1000)), code);
  });

  const now = new Date('2026-11-22T03:00:10Z');
  const step = stepAt(now);
  const codeAt = (offsetSteps: number) =>
    totpCode(RFC_SECRET, new Date(now.getTime() + offsetSteps * 30_000));
  const cases: { name: string; code: string; lastStep: number | null; expect: number | null }[] = [
    { name: 'current code', code: codeAt(0), lastStep: null, expect: step },
    { name: 'previous step (clock drift)', code: codeAt(-1), lastStep: null, expect: step - 1 },
    { name: 'next step (clock drift)', code: codeAt(1), lastStep: null, expect: step + 1 },
    { name: 'two steps old', code: codeAt(-2), lastStep: null, expect: null },
    { name: 'two steps ahead', code: codeAt(2), lastStep: null, expect: null },
    { name: 'same step twice', code: codeAt(0), lastStep: step, expect: null },
    { name: 'older than the last accepted', code: codeAt(-1), lastStep: step, expect: null },
    { name: 'newer than the last accepted', code: codeAt(1), lastStep: step, expect: step + 1 },
    {
      name: 'spaces typed inside',
      code: `${codeAt(0).slice(0, 3)} ${codeAt(0).slice(3)}`,
      lastStep: null,
      expect: step,
    },
    { name: 'not digits', code: 'abcdef', lastStep: null, expect: null },
    { name: 'too short', code: codeAt(0).slice(0, 5), lastStep: null, expect: null },
    { name: 'empty', code: '', lastStep: null, expect: null },
  ];
  for (const c of cases) {
    it(`acceptTotp: ${c.name}`, () => {
      assert.equal(acceptTotp(RFC_SECRET, c.code, now, c.lastStep), c.expect);
    });
  }

  it('makes 160-bit base32 secrets and an otpauth URI for the QR code', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(secret, newTotpSecret());
    const uri = totpUri(secret, 'canbo.ha');
    assert.match(uri, /^otpauth:\/\/totp\/motcua:canbo\.ha\?/);
    assert.match(uri, new RegExp(`secret=${secret}`));
    assert.match(uri, /algorithm=SHA1/);
    assert.match(uri, /digits=6/);
    assert.match(uri, /period=30/);
    assert.equal(groupSecret('ABCDEFGHIJ'), 'ABCD EFGH IJ');
  });
});
