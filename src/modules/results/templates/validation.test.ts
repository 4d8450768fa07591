/** Checking a template as typed: each rule, with a bilingual message at its field (pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TemplateInput, validateTemplate } from './validation.js';

const good: TemplateInput = {
  title: '  Giấy chứng nhận   đăng ký hộ kinh doanh ',
  symbolKind: 'gcn',
  intro: 'Căn cứ Nghị định 01/2021/NĐ-CP;\n\n  Căn cứ hồ sơ {dossier.code};  ',
  grantLine: '{agency} cấp {title.lower} cho:',
  closing: '',
  validityMonths: '',
  signerTitle: '',
  fields: [
    { label: 'Ông/Bà', source: 'applicant.name' },
    { label: 'Số định danh cá nhân', source: 'applicant.idNumber' },
  ],
};

describe('validateTemplate', () => {
  it('normalises a good template', () => {
    const out = validateTemplate(good);
    assert.ok(out.ok);
    assert.equal(out.content.title, 'Giấy chứng nhận đăng ký hộ kinh doanh');
    assert.equal(out.content.symbolKind, 'GCN');
    assert.equal(out.content.intro, 'Căn cứ Nghị định 01/2021/NĐ-CP;\nCăn cứ hồ sơ {dossier.code};');
    assert.equal(out.content.closing, null);
    assert.equal(out.content.validityMonths, null);
    assert.equal(out.content.signerTitle, null);
    assert.equal(out.content.fields.length, 2);
  });

  it('accepts QĐ, digits, 1200 months and 12 lines', () => {
    const out = validateTemplate({
      ...good,
      symbolKind: 'qđ2',
      validityMonths: '1200',
      fields: Array.from({ length: 12 }, () => ({ label: 'Mã hồ sơ', source: 'dossier.code' })),
    });
    assert.ok(out.ok);
    assert.equal(out.content.symbolKind, 'QĐ2');
    assert.equal(out.content.validityMonths, 1200);
  });

  const cases: [string, Partial<TemplateInput>, string, RegExp, RegExp][] = [
    ['title required', { title: '  ' }, 'title', /Nhập tên văn bản/, /Enter the title/],
    ['title too long', { title: 'x'.repeat(201) }, 'title', /dài quá 200/, /longer than 200/],
    ['symbol empty', { symbolKind: '' }, 'symbolKind', /1 đến 10 chữ cái/, /1 to 10 capital/],
    ['symbol too long', { symbolKind: 'ABCDEFGHIJK' }, 'symbolKind', /1 đến 10/, /1 to 10/],
    ['symbol with a dash', { symbolKind: 'GCN-UBND' }, 'symbolKind', /không dấu cách/, /no spaces/],
    ['symbol with a space', { symbolKind: 'G CN' }, 'symbolKind', /1 đến 10/, /1 to 10/],
    ['validity 0', { validityMonths: '0' }, 'validityMonths', /từ 1 đến 1200/, /from 1 to 1200/],
    ['validity 1201', { validityMonths: '1201' }, 'validityMonths', /từ 1 đến 1200/, /from 1 to 1200/],
    [
      'validity not a number',
      { validityMonths: 'mười hai' },
      'validityMonths',
      /số tháng/,
      /number of months/,
    ],
    ['validity with decimals', { validityMonths: '1.5' }, 'validityMonths', /số tháng/, /months/],
    [
      'unknown placeholder in the intro',
      { intro: 'Căn cứ {ngay_cap};' },
      'intro',
      /\{ngay_cap\}/,
      /\{ngay_cap\}/,
    ],
    [
      'unknown placeholder in the grant line',
      { grantLine: '{coquan} cấp' },
      'grantLine',
      /\{coquan\}/,
      /\{coquan\}/,
    ],
    ['unknown placeholder in the closing', { closing: 'Hết hạn {han}' }, 'closing', /\{han\}/, /\{han\}/],
    [
      'source not allowed',
      { fields: [{ label: 'Điện thoại', source: 'applicant.phone' }] },
      'field-0-source',
      /Chọn dữ liệu/,
      /Choose the line/,
    ],
    [
      'label required',
      { fields: [{ label: ' ', source: 'dossier.code' }] },
      'field-0-label',
      /Nhập nhãn/,
      /Enter the label/,
    ],
    [
      'more than 12 lines',
      { fields: Array.from({ length: 13 }, () => ({ label: 'Mã', source: 'dossier.code' })) },
      'fields',
      /nhiều nhất 12/,
      /at most 12/,
    ],
  ];
  for (const [name, change, field, vi, en] of cases) {
    it(`refuses: ${name}`, () => {
      const out = validateTemplate({ ...good, ...change });
      assert.equal(out.ok, false);
      if (out.ok) return;
      const e = out.errors.find((x) => x.field === field);
      assert.ok(e, `an error at ${field}: ${JSON.stringify(out.errors)}`);
      assert.match(e.message.vi, vi);
      assert.match(e.message.en, en);
    });
  }

  it('reports every problem at once', () => {
    const out = validateTemplate({ ...good, title: '', symbolKind: '', validityMonths: '0' });
    assert.equal(out.ok, false);
    if (!out.ok)
      assert.deepEqual(out.errors.map((e) => e.field).sort(), ['symbolKind', 'title', 'validityMonths']);
  });
});
