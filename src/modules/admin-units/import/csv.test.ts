import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseCsv, requireColumns } from './csv.js';

describe('parseCsv', () => {
  test('reads plain fields, empty fields and a last line without a newline', () => {
    const { records, problems } = parseCsv('a,b,,d\n1,2,3,4');
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b', '', 'd'] },
      { line: 2, fields: ['1', '2', '3', '4'] },
    ]);
    assert.deepEqual(problems, []);
  });

  test('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'x,"Nhập một phần diện tích, toàn bộ dân số","He said ""hi"""\n"Phường Phú Xuân\n",00004\n';
    const { records } = parseCsv(text);
    assert.deepEqual(records, [
      { line: 1, fields: ['x', 'Nhập một phần diện tích, toàn bộ dân số', 'He said "hi"'] },
      { line: 2, fields: ['Phường Phú Xuân\n', '00004'] },
    ]);
  });

  test('numbers records by the physical line they start on, across embedded newlines', () => {
    const text = 'h1,h2\n"a\nb\nc",1\nnext,2\r\n"d\r\ne",3\r\nlast,4\n';
    const lines = parseCsv(text).records.map((r) => [r.line, r.fields[0]]);
    assert.deepEqual(lines, [
      [1, 'h1'],
      [2, 'a\nb\nc'],
      [5, 'next'],
      [6, 'd\r\ne'],
      [8, 'last'],
    ]);
  });

  test('drops a byte order mark and says so, and skips blank lines but keeps a lone ""', () => {
    const { records, hadBom } = parseCsv('\uFEFFMã,Tên\n\n""\n00001,Phường Phúc Xá');
    assert.equal(hadBom, true);
    assert.deepEqual(records, [
      { line: 1, fields: ['Mã', 'Tên'] },
      { line: 3, fields: [''] },
      { line: 4, fields: ['00001', 'Phường Phúc Xá'] },
    ]);
  });

  test('reports malformed quoting instead of throwing, keeping the text', () => {
    const stray = parseCsv('a,b"c\n"d"e,f\n"open,g\nh');
    assert.deepEqual(
      stray.records.map((r) => r.fields),
      [['a', 'b"c'], ['de', 'f'], ['open,g\nh']],
    );
    assert.deepEqual(stray.problems, [
      { line: 1, message: 'quote character inside an unquoted field' },
      { line: 2, message: 'text after a closing quote: "e"' },
      { line: 3, message: 'unterminated quoted field at end of file' },
    ]);
  });

  test('reads back any table written with RFC 4180 quoting (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Đ', 'ờ', ',', '"', '\n', '\r\n', ' ') });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, (rows) => {
        const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        const parsed = parseCsv(text);
        assert.deepEqual(
          parsed.records.map((r) => r.fields),
          rows,
        );
        assert.deepEqual(parsed.problems, []);
      }),
    );
  });
});

describe('requireColumns', () => {
  test('finds columns by cleaned header name wherever they are', () => {
    const columns = requireColumns(
      ['id', ' Tỉnh,  thành phố ', 'Mã Xã mới'],
      ['Mã Xã mới', 'Tỉnh, thành phố'],
      'f.csv',
    );
    assert.deepEqual(columns, { 'Mã Xã mới': 2, 'Tỉnh, thành phố': 1 });
  });

  test('throws naming every missing column, because that is another file', () => {
    assert.throws(
      () => requireColumns(['id'], ['Mã', 'Tên'], 'f.csv'),
      /f\.csv: header lacks column\(s\) Mã, Tên/,
    );
  });
});
