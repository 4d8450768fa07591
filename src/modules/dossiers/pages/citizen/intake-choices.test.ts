import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionBeyondName } from './intake-choices.js';

describe('conditionBeyondName', () => {
  const cases: Array<[string, string, string | null, string | null]> = [
    ['no condition', 'Giấy chứng sinh', null, null],
    ['blank condition', 'Giấy chứng sinh', '  ', null],
    ['same text', 'Văn bản ủy quyền (được chứng thực).', 'Văn bản ủy quyền (được chứng thực)', null],
    [
      'a cut-off copy of the name',
      'Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không khai thác được',
      'Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không kh',
      null,
    ],
    [
      'the name inside a longer condition, which says more',
      'Tờ khai',
      'Tờ khai, nếu nộp trực tiếp',
      'Tờ khai, nếu nộp trực tiếp',
    ],
    ['differs only in case and diacritics', 'Giấy chứng sinh', 'GIAY CHUNG SINH', null],
    [
      'a real condition',
      'Văn bản ủy quyền',
      'Trường hợp ủy quyền cho người khác nộp',
      'Trường hợp ủy quyền cho người khác nộp',
    ],
  ];
  for (const [label, name, condition, expected] of cases) {
    it(label, () => assert.equal(conditionBeyondName(name, condition), expected));
  }
});
