import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidItemCode, newItemCode, s10CheckDigit } from './item-code.js';

describe('S10 item codes', () => {
  it('computes the UPU check digit (worked example of the standard: 47312482 → 9, as in RR473124829GB)', () => {
    assert.equal(s10CheckDigit('47312482'), 9);
    assert.ok(isValidItemCode('RR473124829VN'));
    assert.ok(!isValidItemCode('RR473124828VN'));
  });

  it('draws valid codes of two letters, nine digits and VN', () => {
    for (let i = 0; i < 200; i++) {
      const code = newItemCode();
      assert.match(code, /^[A-Z]{2}\d{9}VN$/);
      assert.ok(isValidItemCode(code), code);
    }
  });
});
