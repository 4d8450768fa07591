import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFileName, MAX_FILE_NAME } from './file-name.js';

describe('cleanFileName', () => {
  const table: [string, string, string][] = [
    ['keeps a plain name', 'giay-khai-sinh.pdf', 'giay-khai-sinh.pdf'],
    ['normalises to NFC', 'To\u0301 khai.pdf', 'Tó khai.pdf'],
    ['drops a Windows path', 'C:\\Users\\An\\Desktop\\cccd.jpg', 'cccd.jpg'],
    ['drops a POSIX path', '../../etc/passwd', 'passwd'],
    ['drops control characters', 'a\u0000b\nc\u007f.pdf', 'abc.pdf'],
    ['drops bidi overrides', 'anh\u202egpj.exe', 'anhgpj.exe'],
    ['trims spaces', '  don.docx  ', 'don.docx'],
    ['names a nameless file', '\u0001\u0002', 'tep-dinh-kem'],
    ['names a dot-only file', '..', 'tep-dinh-kem'],
    ['names a path ending in a separator', 'folder/', 'tep-dinh-kem'],
  ];
  for (const [title, raw, expected] of table) {
    it(title, () => assert.equal(cleanFileName(raw), expected));
  }

  it(`cuts a long name to ${MAX_FILE_NAME} characters and keeps its extension`, () => {
    const long = `${'Đơn đề nghị cấp giấy phép xây dựng '.repeat(10)}.docx`;
    const clean = cleanFileName(long);
    assert.equal(Array.from(clean).length, MAX_FILE_NAME);
    assert.ok(clean.endsWith('.docx'));
    assert.ok(clean.startsWith('Đơn đề nghị'));
  });
});
