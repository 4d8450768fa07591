import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  agencyAbbreviation,
  dataStorePrefix,
  isVerificationId,
  kindAbbreviation,
  newVerificationId,
  numberSymbol,
  symbolFor,
} from './codes.js';

describe('result codes', () => {
  it('kind abbreviations', () => {
    const cases: [string, string][] = [
      ['Giấy chứng nhận đăng ký hộ kinh doanh', 'GCN'],
      ['Quyết định cho phép thay đổi hộ tịch', 'QĐ'],
      ['Giấy phép xây dựng', 'GP'],
      ['Trích lục khai sinh', 'TL'],
      ['Giấy xác nhận tình trạng hôn nhân', 'GXN'],
      ['Bản sao điện tử', 'BSĐ'],
      ['', 'KQ'],
    ];
    for (const [name, abbr] of cases) assert.equal(kindAbbreviation(name), abbr, name);
  });

  it('agency abbreviations', () => {
    const cases: [string, string][] = [
      ['Ủy ban nhân dân phường Hạ Long', 'UBND'],
      ['Uỷ ban nhân dân tỉnh Quảng Ninh', 'UBND'],
      ['Công an xã Ba Chẽ', 'CA'],
      ['Sở Tư pháp tỉnh Quảng Ninh', 'STP'],
      ['Chi cục Thuế khu vực thử nghiệm', 'CCT'],
      ['Văn phòng Đăng ký đất đai', 'VPĐKĐ'],
      ['Sở Tài nguyên và Môi trường', 'STNMT'],
    ];
    for (const [name, abbr] of cases) assert.equal(agencyAbbreviation(name), abbr, name);
  });

  it('symbols, numbers and data-store codes', () => {
    assert.equal(
      symbolFor(kindAbbreviation('Giấy chứng nhận đăng ký hộ kinh doanh'), 'Ủy ban nhân dân phường Hạ Long'),
      'GCN-UBND',
    );
    assert.equal(numberSymbol(7, 'GCN-UBND'), '07/GCN-UBND');
    assert.equal(numberSymbol(1234, 'QĐ-UBND'), '1234/QĐ-UBND');
    assert.equal(
      dataStorePrefix({
        ownerIdNumber: '022185012345',
        resultCode: 'KQ.G01.000123',
        numberSymbol: '07/GCN-UBND',
      }),
      '022185012345.KQ.G01.000123.07-GCN-UBND',
    );
    assert.equal(
      dataStorePrefix({ ownerIdNumber: '022185012345', resultCode: null, numberSymbol: '1/TL-UBND' }),
      '022185012345.KQ.1-TL-UBND',
    );
  });

  it('verification ids are random, long and carry nothing personal', () => {
    const ids = new Set(Array.from({ length: 1000 }, newVerificationId));
    assert.equal(ids.size, 1000);
    for (const id of ids) {
      assert.equal(id.length, 24);
      assert.ok(isVerificationId(id), id);
    }
    for (const bad of ['', 'short', 'has space in it xxxxxxxxxxx', '../../etc/passwd/xxxxxxxxxxx'])
      assert.equal(isVerificationId(bad), false, bad);
  });
});
