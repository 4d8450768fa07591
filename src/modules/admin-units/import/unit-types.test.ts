import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasDoubledPrefix, levelOfCode, prefixOfType, splitTypePrefix } from './unit-types.js';

describe('levelOfCode', () => {
  test('reads the level from the length of a zero-padded code', () => {
    assert.equal(levelOfCode('01'), 'province');
    assert.equal(levelOfCode('001'), 'district');
    assert.equal(levelOfCode('00004'), 'commune');
    assert.equal(levelOfCode('4'), undefined);
    assert.equal(levelOfCode('0A004'), undefined);
  });
});

describe('splitTypePrefix', () => {
  test('reads the type of each level from the full name', () => {
    assert.equal(splitTypePrefix('province', 'Thành phố Hà Nội')?.type, 'municipality');
    assert.equal(splitTypePrefix('province', 'Tỉnh Quảng Ninh')?.type, 'province');
    assert.equal(splitTypePrefix('district', 'Thành phố Hạ Long')?.type, 'district_city');
    assert.equal(splitTypePrefix('district', 'Thị xã Quảng Yên')?.type, 'district_town');
    assert.equal(splitTypePrefix('district', 'Huyện Ba Chẽ')?.type, 'rural_district');
    assert.equal(splitTypePrefix('district', 'Quận Ba Đình')?.type, 'urban_district');
    assert.equal(splitTypePrefix('commune', 'Thị trấn Ba Chẽ')?.type, 'township');
    assert.equal(splitTypePrefix('commune', 'Đặc khu Côn Đảo')?.type, 'special_zone');
    assert.equal(splitTypePrefix('commune', 'Phường 1')?.type, 'ward');
    assert.equal(splitTypePrefix('commune', 'Xã Ba Chẽ')?.type, 'commune');
    assert.equal(splitTypePrefix('commune', 'Khu vực bãi bồi ven biển'), undefined);
  });

  test('keeps the prefix as written, so a case variant can be reported', () => {
    assert.deepEqual(splitTypePrefix('commune', 'Thị Trấn Ái Tử'), {
      type: 'township',
      writtenPrefix: 'Thị Trấn',
      canonicalPrefix: 'Thị trấn',
      rest: 'Ái Tử',
    });
  });

  test('spots the type word written twice', () => {
    const doubled = splitTypePrefix('commune', 'Phường Phường Đúc');
    assert.ok(doubled);
    assert.equal(hasDoubledPrefix(doubled), true);
    const single = splitTypePrefix('commune', 'Phường Đúc');
    assert.ok(single);
    assert.equal(hasDoubledPrefix(single), false);
  });

  test('gives the canonical prefix of a type', () => {
    assert.equal(prefixOfType('special_zone'), 'Đặc khu');
    assert.equal(prefixOfType('township'), 'Thị trấn');
  });
});
