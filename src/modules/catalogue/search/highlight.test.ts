/** Highlighting: the matching words of a name marked, diacritics kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, highlightName } from './highlight.js';

const marks = (name: string, tokens: string[]) =>
  highlightName(name, tokens)
    .map((s) => (s.marked ? `[${s.text}]` : s.text))
    .join('');

describe('highlightName', () => {
  const cases: [string, string[], string][] = [
    ['Thủ tục đăng ký khai sinh', ['khai', 'sinh'], 'Thủ tục đăng ký [khai sinh]'],
    ['Thủ tục đăng ký kết hôn', ['dang', 'ky', 'ket', 'hon'], 'Thủ tục [đăng ký kết hôn]'],
    ['Thủ tục đăng ký khai sinh', ['khai', 'snh'], 'Thủ tục đăng ký [khai sinh]'],
    ['Cấp bản sao trích lục hộ tịch', ['trich'], 'Cấp bản sao [trích] lục hộ tịch'],
    ['Đăng ký khai sinh, khai tử', ['khai'], 'Đăng ký [khai] sinh, [khai] tử'],
    ['Đăng ký thường trú', ['xyz'], 'Đăng ký thường trú'],
    ['Đăng ký lại khai sinh (cấp xã)', ['xa'], 'Đăng ký lại khai sinh (cấp [xã])'],
  ];
  for (const [name, tokens, expected] of cases) {
    it(`${name} / ${tokens.join(' ')}`, () => assert.equal(marks(name, tokens), expected));
  }
  it('keeps every character of the name, in NFC', () => {
    const name = 'Thủ tục đăng ký khai sinh, kết hợp nhận cha, mẹ, con';
    assert.equal(
      highlightName(name, ['khai', 'con'])
        .map((s) => s.text)
        .join(''),
      name,
    );
  });
});

describe('editDistance', () => {
  const cases: [string, string, number][] = [
    ['sinh', 'snh', 1],
    ['sinh', 'sinh', 0],
    ['ket', 'kte', 2],
    ['khai', 'xyz', 4],
  ];
  for (const [a, b, d] of cases) it(`${a} ${b}`, () => assert.equal(editDistance(a, b, 3), d));
});
