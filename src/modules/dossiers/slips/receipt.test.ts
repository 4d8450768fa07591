import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatten, pdfImageCount, pdfInfo, pdfPageCount, pdfText } from '../../../../test/pdf-text.js';
import { RECEIPT_TITLE, renderSlip } from './index.js';
import { sampleSlip, TRACKING_URL } from './slip-fixtures.js';

const includesAll = (text: string, phrases: string[]) => {
  for (const phrase of phrases) assert.ok(text.includes(phrase), `missing: ${phrase}`);
};

describe('Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('prints every field on one A4 page with the code as text, QR code and barcode', async () => {
    const pdf = await renderSlip(sampleSlip());
    assert.equal(await pdfPageCount(pdf), 1);
    const text = flatten(await pdfText(pdf));
    includesAll(text, [
      'Mẫu số 01',
      'Ban hành kèm theo Thông tư số 01/2018/TT-VPCP',
      'ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Hạ Long, ngày 07 tháng 12 năm 2026',
      RECEIPT_TITLE,
      'Mã hồ sơ: 000.00.06.H56-261207-0042',
      'Trung tâm Phục vụ hành chính công phường Hạ Long tiếp nhận hồ sơ của: Ông/Bà: Nguyễn Thị Hường',
      'Số định danh cá nhân/CCCD/Hộ chiếu: 022186001234',
      'Email: huong.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Chủ hồ sơ: Trần Văn Đức',
      '1. Thành phần hồ sơ nộp gồm:',
      'Bản sao chứng thực',
      '3 Giấy chứng nhận quyền sử dụng đất 01 01',
      '2. Số lượng hồ sơ: 01 bộ',
      '3. Thời gian giải quyết hồ sơ theo quy định là: 05 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 07/12/2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 14/12/2026',
      'Lệ phí đăng ký khai sinh 25.000 Thu trước',
      'Phí cấp bản sao trích lục 8.000 Thu sau',
      'Tổng cộng 33.000',
      'Đã thu: 25.000 đồng, biên lai số 0001234',
      '6. Đăng ký nhận kết quả tại: Nhận qua dịch vụ bưu chính công ích tới địa chỉ: Số 12, tổ 3',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Phạm Thị Thu Hằng',
      'người nhận phải mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'quét mã QR',
    ]);
    // The URL wraps at its hyphen; its token must still be there whole.
    assert.ok(text.includes(TRACKING_URL.split('?')[1]!));
    assert.ok(pdfImageCount(pdf) >= 2, 'QR code and barcode images');
    const info = await pdfInfo(pdf);
    assert.equal(info.Author, 'Trung tâm Phục vụ hành chính công phường Hạ Long');
    assert.equal(info.Creator, 'motcua');
  });

  it('leaves out an owner who is the submitter and prints blanks for what is unknown', async () => {
    const data = sampleSlip({
      durationText: null,
      receivedAt: null,
      dueAt: null,
      feeLines: [],
      payments: [],
    });
    data.owner = { ...data.applicant };
    data.applicant = { ...data.applicant, phone: null, email: null };
    const text = flatten(await pdfText(await renderSlip(data)));
    assert.ok(!text.includes('Chủ hồ sơ'));
    includesAll(text, [
      'Số điện thoại: ……………………',
      '4. Thời gian nhận hồ sơ: …… giờ …… phút, ngày ……/……/………',
      'Phí, lệ phí: Không',
    ]);
    assert.ok(!text.includes('Đã thu'));
  });

  it('names the desk or the online account as the place of return', async () => {
    const desk = flatten(await pdfText(await renderSlip(sampleSlip({ returnMethod: 'desk' }))));
    assert.ok(desk.includes('Đăng ký nhận kết quả tại: Bộ phận Một cửa – Trung tâm Phục vụ hành chính công'));
    const online = flatten(await pdfText(await renderSlip(sampleSlip({ returnMethod: 'online' }))));
    assert.ok(online.includes('Nhận trực tuyến (tài khoản dịch vụ công và kho dữ liệu của Ông/Bà)'));
  });

  it('breaks 40 long components across pages, repeating the table header', async () => {
    const components = Array.from({ length: 40 }, (_, i) => ({
      name: `Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất số ${i + 1}`,
      originals: 1,
      certifiedCopies: 0,
      copies: 2,
    }));
    const pdf = await renderSlip(sampleSlip({ components }));
    const pages = await pdfText(pdf);
    assert.ok(pages.length >= 2);
    const tablePages = pages.filter((p) => /đất số \d+/.test(p));
    assert.ok(tablePages.length >= 2);
    for (const page of tablePages) assert.ok(page.includes('Tên giấy tờ') && page.includes('chứng thực'));
    for (const [i, page] of pages.entries()) assert.ok(page.includes(`Trang ${i + 1}/${pages.length}`));
    const text = flatten(pages);
    const positions = components.map((_, i) => text.indexOf(`với đất số ${i + 1} `));
    assert.ok(
      positions.every((p, i) => p > (positions[i - 1] ?? -1)),
      'every row, in order',
    );
    assert.ok(pages.at(-1)?.includes('NGƯỜI TIẾP NHẬN HỒ SƠ'));
  });
});
