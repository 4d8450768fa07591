import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatten, pdfImageCount, pdfPageCount, pdfText } from '../../../../test/pdf-text.js';
import { REFUSAL_TITLE, renderSlip } from './index.js';
import { sampleSlip } from './slip-fixtures.js';

describe('Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ', () => {
  it('states the reason for refusing and carries both signatures', async () => {
    const reason = 'Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường Hạ Long';
    const pdf = await renderSlip(sampleSlip({ kind: 'refusal', formNo: '03', reason }));
    assert.equal(await pdfPageCount(pdf), 1);
    const text = flatten(await pdfText(pdf));
    for (const phrase of [
      'Mẫu số 03',
      REFUSAL_TITLE,
      '000.00.06.H56-261207-0042',
      'Ông/Bà: Nguyễn Thị Hường',
      'Địa chỉ: Số 12, tổ 3, khu phố Hồng Hải',
      'Email: huong.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      `Hồ sơ của Ông/Bà không được tiếp nhận với lý do cụ thể như sau: ${reason}`,
      'Xin thông báo cho Ông/Bà được biết và thực hiện./.',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Phạm Thị Thu Hằng',
    ]) {
      assert.ok(text.includes(phrase), `missing: ${phrase}`);
    }
    assert.ok(!text.includes('Thành phần hồ sơ'), 'a refusal lists no components');
    assert.ok(pdfImageCount(pdf) >= 2);
  });
});
