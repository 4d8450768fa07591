import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readNote } from './crosswalk-notes.js';

describe('readNote', () => {
  test('reads whole merges, unchanged, renamed and retyped units as whole', () => {
    assert.deepEqual(readNote('Nhập toàn bộ'), { kind: 'whole', change: 'merged', correctedFrom: null });
    assert.deepEqual(readNote('Nhập toàn bộ diện tích'), {
      kind: 'whole',
      change: 'merged',
      correctedFrom: null,
    });
    assert.deepEqual(readNote('Giữ nguyên'), { kind: 'whole', change: 'unchanged', correctedFrom: null });
    assert.deepEqual(readNote('Đổi tên'), { kind: 'whole', change: 'renamed', correctedFrom: null });
    assert.deepEqual(readNote('Đổi loại hình'), { kind: 'whole', change: 'retyped', correctedFrom: null });
    assert.deepEqual(readNote('Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo'), {
      kind: 'whole',
      change: 'reorganised',
      correctedFrom: null,
    });
  });

  test('reads any "một phần" and a remainder after a split as partial', () => {
    for (const note of [
      'Nhập một phần',
      'Nhập một phần diện tích',
      'Nhập một phần dân số',
      'Nhập một phần diện tích, toàn bộ dân số',
      'Phần còn lại sau khi tách một phần vào xã Canh Vinh',
    ]) {
      assert.equal(readNote(note).kind, 'partial', note);
      assert.equal(readNote(note).change, 'merged', note);
    }
    assert.deepEqual(readNote('Đổi tên từ một phần Phường 15'), {
      kind: 'partial',
      change: 'renamed',
      correctedFrom: null,
    });
    assert.deepEqual(readNote('Đổi tên, đổi loại hình từ một phần thị trấn Lai Uyên'), {
      kind: 'partial',
      change: 'renamed',
      correctedFrom: null,
    });
  });

  test('reads a misspelt note as the standard note it resembles, and says so', () => {
    assert.deepEqual(readNote('Nhâp một phần diện tích'), {
      kind: 'partial',
      change: 'merged',
      correctedFrom: 'Nhập một phần diện tích',
    });
  });

  test('leaves an empty or unknown note undecided', () => {
    assert.deepEqual(readNote(''), { kind: null, change: 'unspecified', correctedFrom: null });
    assert.deepEqual(readNote('Xem văn bản kèm theo'), {
      kind: null,
      change: 'unspecified',
      correctedFrom: null,
    });
  });
});
