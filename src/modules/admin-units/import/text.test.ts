import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cleanText, compareNames, isSameName, matchKey, searchKey, textIssues } from './text.js';

describe('cleanText', () => {
  test('composes decomposed diacritics to NFC', () => {
    const decomposed = 'Phường Từ Sơn'.normalize('NFD');
    assert.notEqual(decomposed, 'Phường Từ Sơn');
    assert.equal(cleanText(decomposed), 'Phường Từ Sơn');
  });

  test('turns embedded newlines into spaces, collapses and trims spaces', () => {
    assert.equal(cleanText('Phường Phú Xuân\n'), 'Phường Phú Xuân');
    assert.equal(cleanText(' Xã Tân\r\nAn Hội '), 'Xã Tân An Hội');
    assert.equal(cleanText('Huyện  Vũng Liêm'), 'Huyện Vũng Liêm');
    assert.equal(cleanText('Xã\u00A0Ba\tChẽ\u200B'), 'Xã Ba Chẽ');
  });

  test('keeps letters, case and punctuation as published', () => {
    assert.equal(cleanText('Xã Cư M’gar'), 'Xã Cư M’gar');
    assert.equal(cleanText('Thị Trấn Ái Tử'), 'Thị Trấn Ái Tử');
    assert.equal(cleanText('Tỉnh Khánh Hoà'), 'Tỉnh Khánh Hoà');
  });
});

describe('textIssues', () => {
  test('is empty for a clean value', () => {
    assert.deepEqual(textIssues('Phường Ba Đình'), []);
  });

  test('names every repair a dirty value needs', () => {
    assert.deepEqual(textIssues(' Phường  Từ Sơn\n'.normalize('NFD')), [
      'not_nfc',
      'line_break',
      'leading_space',
      'trailing_space',
      'double_space',
    ]);
    assert.deepEqual(textIssues('Xã\tBa Chẽ'), ['odd_space']);
    assert.deepEqual(textIssues('Xã Ba Chẽ\uFEFF'), ['trailing_space', 'invisible']);
  });
});

describe('matchKey', () => {
  test('treats the old and new tone-mark placement styles as one name', () => {
    assert.equal(matchKey('Hòa'), matchKey('Hoà'));
    assert.equal(matchKey('Thủy'), matchKey('Thuỷ'));
    assert.equal(matchKey('Tỉnh Khánh Hòa'), matchKey('Tỉnh Khánh Hoà'));
    assert.equal(matchKey('Xã Thụy Anh'), matchKey('Xã Thuỵ Anh'));
    assert.equal(matchKey('Hóa'), matchKey('Hoá'));
    assert.equal(matchKey('Đặng Thùy Trâm'), matchKey('Đặng Thuỳ Trâm'));
  });

  test('ignores case, dirt and apostrophe style, but not the tone itself', () => {
    assert.equal(matchKey(' Thị Trấn  Ái Tử\n'), matchKey('Thị trấn Ái Tử'));
    assert.equal(matchKey('Xã Cư M’gar'), matchKey("Xã Cư M'gar"));
    assert.notEqual(matchKey('Hòa'), matchKey('Hóa'));
    assert.notEqual(matchKey('Phó Bảng'), matchKey('Phố Bảng'));
  });

  test('places the tone on the last vowel letter, keeping vowel marks with their letter', () => {
    assert.equal(matchKey('Nguyễn'), 'nguyễn');
    assert.equal(matchKey('Trường'), 'trường');
    assert.equal(matchKey('Hòa Bình'), 'hoà bình');
  });

  test('is idempotent and blind to Unicode normal form (property)', () => {
    const letters = [
      ...'aăâeêioôơuưyđbcdghklmnpqrstvx àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
    ];
    const name = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 20 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(name, (s) => {
        assert.equal(matchKey(matchKey(s)), matchKey(s));
        assert.equal(matchKey(s.normalize('NFD')), matchKey(s));
        assert.equal(matchKey(s.toUpperCase()), matchKey(s));
      }),
    );
  });
});

describe('searchKey', () => {
  test('drops every diacritic for search boxes', () => {
    assert.equal(searchKey('Ba Đình'), 'ba dinh');
    assert.equal(searchKey('Đông Triều'), 'dong trieu');
    assert.equal(searchKey('Phường Đông Triều'.normalize('NFD')), 'phuong dong trieu');
    assert.equal(searchKey('Xã Cư M’gar'), 'xa cu mgar');
    assert.equal(searchKey('Tỉnh Bà Rịa - Vũng Tàu'), 'tinh ba ria vung tau');
  });
});

describe('compareNames', () => {
  test('grades a difference from none to a real one', () => {
    assert.equal(compareNames('Xã Ba Chẽ', 'Xã Ba Chẽ'), 'identical');
    assert.equal(compareNames('Xã Ba Chẽ\n', 'Xã Ba Chẽ'), 'cleanup');
    assert.equal(compareNames('xã Bắc Sơn', 'Xã Bắc Sơn'), 'case');
    assert.equal(compareNames('Xã Cư M’gar', "Xã Cư M'gar"), 'apostrophe');
    assert.equal(compareNames('Tỉnh Thanh Hoá', 'Tỉnh Thanh Hóa'), 'tone_style');
    assert.equal(compareNames('Xã Quý Quân', 'Xã Quí Quân'), 'i_y');
    assert.equal(compareNames('Xã Phó Bảng', 'Xã Phố Bảng'), 'different');
    assert.equal(compareNames('Xã Mỵ Hòa', 'Xã Mi Hòa'), 'different');
  });

  test('counts style differences as the same name and i/y or letters as different', () => {
    assert.equal(isSameName(compareNames('Tỉnh Khánh Hòa', 'Tỉnh Khánh Hoà')), true);
    assert.equal(isSameName(compareNames('Xã Sỹ Bình', 'Xã Sĩ Bình')), false);
    assert.equal(isSameName(compareNames('Xã Phó Bảng', 'Xã Phố Bảng')), false);
  });
});
