/**
 * The result document drawn from a template (document.ts): the default reads as the fixed layout
 * did, a custom template's lines and labels appear, a body too long for page one is refused, and the
 * preview carries its watermark and an unsigned box instead of a signature block.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatten, pdfPageCount, pdfText } from '../../../../test/pdf-text.js';
import { AppError } from '../../../platform/errors.js';
import { renderResult } from '../document.js';
import { SAMPLE_APPLICANT, SAMPLE_ID_NUMBER, sampleDocument } from './sample.js';
import { defaultTemplate, type ResultTemplate } from './template.js';

const now = new Date('2026-12-05T03:00:00Z');
const base = defaultTemplate('1.001234', 'Giấy chứng nhận đăng ký hộ kinh doanh');
const sample = (t: ResultTemplate) =>
  sampleDocument(
    {
      agencyName: 'Ủy ban nhân dân phường Hạ Long',
      agencyParentName: 'Ủy ban nhân dân tỉnh Quảng Ninh',
      place: 'Hạ Long',
      procedureCode: '1.001234',
      procedureName: 'Đăng ký hộ kinh doanh',
      baseUrl: 'https://motcua.example.vn',
      now,
    },
    t,
  );
const text = async (pdf: Buffer) => flatten(await pdfText(pdf));

describe('renderResult with a template', () => {
  it('draws the default template as the fixed layout did, and the same without a template', async () => {
    const data = sample(base);
    const withTemplate = await text((await renderResult(data, base)).pdf);
    const without = await text((await renderResult(data)).pdf);
    for (const t of [withTemplate, without]) {
      assert.match(t, /GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH/);
      assert.match(t, /Số: 01\/GCN-UBND/);
      assert.match(
        t,
        /Căn cứ hồ sơ đề nghị giải quyết thủ tục hành chính “Đăng ký hộ kinh doanh” \(mã thủ tục 1\.001234\)/,
      );
      assert.match(t, /Ủy ban nhân dân phường Hạ Long cấp giấy chứng nhận đăng ký hộ kinh doanh cho:/);
      assert.match(t, new RegExp(`Ông/Bà: ${SAMPLE_APPLICANT}`));
      assert.match(t, new RegExp(`Số định danh cá nhân: ${SAMPLE_ID_NUMBER}`));
      assert.match(t, /Ngày sinh: 15\/01\/1999/);
      assert.match(t, /Chủ hồ sơ: Trần Thị Mẫu/);
      assert.match(t, /Văn bản có hiệu lực kể từ ngày ký\./);
      assert.match(t, /Ký bởi: Họ và tên người ký/);
    }
    assert.equal(withTemplate, without);
  });

  it('draws a custom template: intro lines, labels in order, closing, validity, signer title', async () => {
    const t: ResultTemplate = {
      ...base,
      title: 'Giấy phép thử nghiệm',
      symbolKind: 'GP',
      intro: 'Căn cứ Luật Thử nghiệm năm 2026;\nXét đề nghị của {applicant.name} tại hồ sơ {dossier.code};',
      grantLine: 'CHO PHÉP:',
      fields: [
        { label: 'Người được cấp phép', source: 'applicant.name' },
        { label: 'Thủ tục', source: 'procedure.name' },
      ],
      closing: 'Người được cấp phép có trách nhiệm thực hiện đúng nội dung giấy phép.',
      validityMonths: 12,
      signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch',
    };
    const out = await text((await renderResult(sample(t), t)).pdf);
    assert.match(out, /GIẤY PHÉP THỬ NGHIỆM/);
    assert.match(out, /Số: 01\/GP-UBND/);
    assert.match(out, /Căn cứ Luật Thử nghiệm năm 2026;/);
    assert.match(
      out,
      new RegExp(`Xét đề nghị của ${SAMPLE_APPLICANT} tại hồ sơ 000\\.00\\.00\\.MAU-261205-0001;`),
    );
    assert.match(out, /Người được cấp phép: Nguyễn Văn Mẫu Thủ tục: Đăng ký hộ kinh doanh/);
    assert.doesNotMatch(out, /Chủ hồ sơ/, 'only the template’s lines');
    assert.match(out, /có trách nhiệm thực hiện đúng nội dung giấy phép/);
    assert.match(out, /có hiệu lực kể từ ngày ký đến hết ngày 04\/12\/2027/);
    assert.match(out, /KT\. CHỦ TỊCH PHÓ CHỦ TỊCH/);
  });

  it('refuses a body that would push the signature off page one', async () => {
    const t: ResultTemplate = {
      ...base,
      intro: Array.from(
        { length: 12 },
        (_, i) =>
          `Căn cứ văn bản số ${i + 1} về việc quy định chi tiết một số điều của luật, rất dài để chiếm chỗ trên trang giấy A4;`,
      ).join('\n'),
    };
    await assert.rejects(renderResult(sample(t), t), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'results.template_too_long');
      assert.match(e.text.vi, /một trang A4/);
      assert.match(e.text.en, /one A4 page/);
      return true;
    });
  });

  it('draws a preview with the watermark and an unsigned box, one page', async () => {
    const { pdf } = await renderResult(sample(base), base, { preview: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(await pdfPageCount(pdf), 1);
    const out = await text(pdf);
    assert.match(out, /MẪU XEM TRƯỚC — không có giá trị/);
    assert.match(out, /Vị trí chữ ký số của cơ quan \(chưa ký\)/);
    assert.doesNotMatch(out, /Ký bởi/);
  });
});
