import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatten, pdfImageCount, pdfText } from '../../../../test/pdf-text.js';
import { COMPLETION_REQUEST_TITLE, renderSlip } from './index.js';
import { sampleSlip } from './slip-fixtures.js';

describe('Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  it('lists what to add or fix with the reason, the contact officer and the lookup website', async () => {
    const pdf = await renderSlip(
      sampleSlip({
        kind: 'completion_request',
        formNo: '02',
        completionNumber: '17',
        missing: [
          { name: 'Giấy chứng nhận quyền sử dụng đất', reason: 'Bản sao chưa được chứng thực' },
          { name: 'Tờ khai đăng ký khai sinh', reason: 'Thiếu chữ ký của người đi đăng ký' },
        ],
        reason: 'Hồ sơ chưa đầy đủ, chưa hợp lệ',
      }),
    );
    const text = flatten(await pdfText(pdf));
    for (const phrase of [
      'Mẫu số 02',
      COMPLETION_REQUEST_TITLE,
      'Số: 17/HDHS',
      '000.00.06.H56-261207-0042',
      'Hồ sơ của: Ông/Bà Nguyễn Thị Hường',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Số điện thoại: 0912 345 678',
      'Nội dung cần bổ sung/hoàn thiện',
      '1 Giấy chứng nhận quyền sử dụng đất Bản sao chưa được chứng thực',
      '2 Tờ khai đăng ký khai sinh Thiếu chữ ký của người đi đăng ký',
      'Lý do: Hồ sơ chưa đầy đủ, chưa hợp lệ',
      'Ông/Bà liên hệ Phạm Thị Thu Hằng số điện thoại 0203 3825 123 để được hướng dẫn',
      'Tra cứu tình trạng hồ sơ tại: https://dichvucong.halong.gov.vn/tra',
      'NGƯỜI HƯỚNG DẪN',
    ]) {
      assert.ok(text.includes(phrase), `missing: ${phrase}`);
    }
    assert.ok(!text.includes('NGƯỜI NỘP HỒ SƠ'));
    assert.ok(pdfImageCount(pdf) >= 2);
  });
});
