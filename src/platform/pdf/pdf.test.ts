import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatten, pdfImageCount, pdfInfo, pdfPageCount, pdfText } from '../../../test/pdf-text.js';
import {
  barcode39,
  createA4Document,
  drawTable,
  formatPlaceAndDate,
  formatVietnamDateTime,
  formatVnd,
  nationalHeader,
  numberPages,
  placeAndDate,
  qrCode,
  toBuffer,
} from './index.js';

const CREATED = new Date('2026-12-05T02:00:00Z');

function newDoc() {
  return createA4Document({
    title: 'Tài liệu thử',
    author: 'Trung tâm Phục vụ hành chính công',
    createdAt: CREATED,
  });
}

describe('Vietnam time and money formats', () => {
  it('prints wall-clock time in Asia/Ho_Chi_Minh whatever the instant', () => {
    assert.equal(formatVietnamDateTime(new Date('2026-12-07T01:30:00Z')), '08 giờ 30 phút, ngày 07/12/2026');
    // 17:30 UTC is already the next day in Vietnam.
    assert.equal(formatVietnamDateTime(new Date('2026-12-31T17:05:00Z')), '00 giờ 05 phút, ngày 01/01/2027');
    assert.equal(formatPlaceAndDate('Hạ Long', CREATED), 'Hạ Long, ngày 05 tháng 12 năm 2026');
  });

  it('groups VND thousands with dots', () => {
    assert.deepEqual([0, 500, 25000, 1234567, -8000].map(formatVnd), [
      '0',
      '500',
      '25.000',
      '1.234.567',
      '-8.000',
    ]);
  });
});

describe('A4 documents', () => {
  it('embeds a font that keeps every Vietnamese tone mark and records the metadata', async () => {
    const doc = newDoc();
    const sample =
      'Nguyễn Thị Hường — ầ ẩ ẫ ấ ậ ằ ẳ ẵ ắ ặ ề ể ễ ế ệ ồ ổ ỗ ố ộ ờ ở ỡ ớ ợ ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ Đđ';
    doc.text(sample);
    const pdf = await toBuffer(doc);
    assert.ok(flatten(await pdfText(pdf)).includes(sample));
    const info = await pdfInfo(pdf);
    assert.equal(info.Title, 'Tài liệu thử');
    assert.equal(info.Author, 'Trung tâm Phục vụ hành chính công');
    assert.equal(info.Creator, 'motcua');
    assert.match(String(info.CreationDate), /^D:20261205020000/);
  });

  it('draws the national header, the place and date, a QR code and a barcode', async () => {
    const doc = newDoc();
    nationalHeader(doc, { agencyParent: 'Ủy ban nhân dân phường Hạ Long', agencyName: 'Văn phòng' });
    placeAndDate(doc, 'Hạ Long', CREATED);
    await qrCode(doc, 'https://example.vn/tra-cuu', 400, 200, 60);
    await barcode39(doc, 'h56-261205-0001', 150, 200, 200, 46);
    const pdf = await toBuffer(doc);
    const text = flatten(await pdfText(pdf));
    for (const phrase of [
      'ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hạ Long, ngày 05 tháng 12 năm 2026',
      'H56-261205-0001',
    ]) {
      assert.ok(text.includes(phrase), phrase);
    }
    assert.ok(pdfImageCount(pdf) >= 2);
  });

  it('breaks a long table across pages, repeating the header row, and numbers the pages', async () => {
    const doc = newDoc();
    const rows = Array.from({ length: 60 }, (_, i) => [
      String(i + 1),
      `Giấy chứng nhận quyền sử dụng đất số ${i + 1}`,
    ]);
    drawTable(doc, {
      columns: [
        { header: 'Số thứ tự', width: 1 },
        { header: 'Tên giấy tờ', width: 5 },
      ],
      rows,
    });
    numberPages(doc);
    const pdf = await toBuffer(doc);
    const pages = await pdfText(pdf);
    assert.ok((await pdfPageCount(pdf)) >= 2);
    pages.forEach((page, i) => {
      assert.ok(page.includes('Số thứ tự'), `header on page ${i + 1}`);
      assert.ok(page.includes(`Trang ${i + 1}/${pages.length}`));
    });
    assert.ok(flatten(pages).includes('60 Giấy chứng nhận quyền sử dụng đất số 60'));
  });
});
