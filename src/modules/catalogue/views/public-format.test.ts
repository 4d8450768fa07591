/** The pure helpers of the public catalogue pages, table by table. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  copiesInWords,
  distinctCondition,
  endOfVietnamDay,
  fieldSlug,
  formatAmount,
  formatDay,
  isPreparationNote,
  onlineReductionOn,
  readableUrl,
  readDay,
  reducedAmount,
  stepsOf,
  templateName,
  vietnamDay,
  webUrl,
} from './public-format.js';

describe('formatAmount', () => {
  const table: [number, 'vi' | 'en', 'VND' | 'USD', string][] = [
    [0, 'vi', 'VND', '0 đồng'],
    [500, 'vi', 'VND', '500 đồng'],
    [5000, 'vi', 'VND', '5.000 đồng'],
    [50000, 'vi', 'VND', '50.000 đồng'],
    [1250000, 'vi', 'VND', '1.250.000 đồng'],
    [50000, 'en', 'VND', '50,000 VND'],
    [20, 'vi', 'USD', '20 USD'],
  ];
  for (const [amount, lang, currency, expected] of table) {
    it(`${amount} ${currency} (${lang}) → ${expected}`, () => {
      assert.equal(formatAmount(amount, lang, currency), expected);
    });
  }
});

describe('copiesInWords', () => {
  const table: [number, number, number, string, string][] = [
    [1, 0, 0, '1 bản chính', '1 original'],
    [1, 1, 0, '1 bản chính, 1 bản sao chứng thực', '1 original, 1 certified copy'],
    [0, 2, 0, '2 bản sao chứng thực', '2 certified copies'],
    [2, 0, 3, '2 bản chính, 3 bản sao', '2 originals, 3 copies'],
    [0, 0, 0, '', ''],
  ];
  for (const [originals, certifiedCopies, copies, vi, en] of table) {
    it(`${originals}/${certifiedCopies}/${copies} → ${vi || '(nothing)'}`, () => {
      assert.equal(copiesInWords({ originals, certifiedCopies, copies }, 'vi'), vi);
      assert.equal(copiesInWords({ originals, certifiedCopies, copies }, 'en'), en);
    });
  }
});

describe('isPreparationNote', () => {
  const table: [number, number, number, string | null, boolean][] = [
    [0, 0, 0, null, true],
    [1, 0, 0, null, false],
    [0, 1, 0, null, false],
    [0, 0, 2, null, false],
    [0, 0, 0, 'https://example.gov.vn/mau.docx', false],
  ];
  for (const [originals, certifiedCopies, copies, templateUrl, note] of table) {
    it(`${originals}/${certifiedCopies}/${copies} template ${templateUrl ? 'yes' : 'no'} → ${note}`, () =>
      assert.equal(isPreparationNote({ originals, certifiedCopies, copies, templateUrl }), note));
  }
});

describe('fieldSlug', () => {
  const table: [string, string][] = [
    ['Hộ tịch', 'ho-tich'],
    ['Đất đai', 'dat-dai'],
    ['Chứng thực', 'chung-thuc'],
    ['Thực hiện chính sách BHXH', 'thuc-hien-chinh-sach-bhxh'],
    ['Cấp, quản lý căn cước', 'cap-quan-ly-can-cuoc'],
    ['Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN', 'thu-bhxh-bhyt-bhtn-bh-tai-nan-lao-dong-bnn'],
    ['Quản lý Đê điều và Phòng, chống thiên tai', 'quan-ly-de-dieu-va-phong-chong-thien-tai'],
    ['  Hải quan  ', 'hai-quan'],
    // Decomposed (NFD) input gives the same slug as composed (NFC).
    ['Hộ tịch'.normalize('NFD'), 'ho-tich'],
  ];
  for (const [name, slug] of table) {
    it(`${name.trim()} → ${slug}`, () => assert.equal(fieldSlug(name), slug));
  }
});

describe('days', () => {
  it('reads only real calendar days', () => {
    assert.equal(readDay('2025-07-01'), '2025-07-01');
    assert.equal(readDay('2025-02-30'), undefined);
    assert.equal(readDay('01/07/2025'), undefined);
    assert.equal(readDay(''), undefined);
  });
  it('the Vietnamese day of an instant, its end, and how it is written', () => {
    assert.equal(vietnamDay(new Date('2025-06-30T17:30:00Z')), '2025-07-01');
    assert.equal(vietnamDay(new Date('2025-06-30T16:59:00Z')), '2025-06-30');
    assert.equal(endOfVietnamDay('2025-07-01').toISOString(), '2025-07-01T16:59:59.999Z');
    assert.equal(formatDay('2025-07-01'), '01/07/2025');
  });
});

describe('onlineReductionOn', () => {
  const r = (
    channel: 'any' | 'online' | 'direct',
    percent: number,
    validFrom: string,
    validTo: string | null,
  ) => ({
    channel,
    percent,
    validFrom,
    validTo,
    legalBasis: `basis ${percent}`,
  });
  const table: [string, ReturnType<typeof r>[], string, number | undefined][] = [
    ['none', [], '2026-01-01', undefined],
    ['online, in force', [r('online', 50, '2025-07-01', '2026-12-31')], '2026-01-01', 50],
    ['any channel counts', [r('any', 50, '2025-07-01', null)], '2026-01-01', 50],
    ['direct only does not', [r('direct', 50, '2025-07-01', null)], '2026-01-01', undefined],
    ['not yet', [r('online', 50, '2026-07-01', null)], '2026-01-01', undefined],
    ['first and last day count', [r('online', 30, '2026-01-01', '2026-01-01')], '2026-01-01', 30],
    ['expired', [r('online', 50, '2025-07-01', '2025-12-31')], '2026-01-01', undefined],
    [
      'the largest wins',
      [r('any', 50, '2025-07-01', null), r('online', 100, '2025-01-01', null)],
      '2026-01-01',
      100,
    ],
  ];
  for (const [label, reductions, day, percent] of table) {
    it(label, () => assert.equal(onlineReductionOn(reductions, day)?.percent, percent));
  }
  it('reduces amounts to the đồng', () => {
    assert.equal(reducedAmount(50000, 50), 25000);
    assert.equal(reducedAmount(50000, 100), 0);
    assert.equal(reducedAmount(7000, 30), 4900);
    assert.equal(reducedAmount(5001, 50), 2501);
  });
});

describe('stepsOf', () => {
  it('splits dashes into steps, keeps + and (i) lines as details, and joins broken lines', () => {
    const text = [
      '- Bước 1: Nộp hồ sơ tại Trung',
      'tâm Phục vụ hành chính công.',
      '(i) Trường hợp hồ sơ đầy đủ thì tiếp nhận;',
      '+ Trường hợp cần xác minh thì hẹn lại.',
      '',
      '- Bước 2: Nhận kết quả.',
    ].join('\n');
    assert.deepEqual(stepsOf(text), [
      {
        text: 'Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.',
        details: ['(i) Trường hợp hồ sơ đầy đủ thì tiếp nhận;', 'Trường hợp cần xác minh thì hẹn lại.'],
      },
      { text: 'Bước 2: Nhận kết quả.', details: [] },
    ]);
  });
  it('without bullets, every line is a step; nothing gives nothing', () => {
    assert.deepEqual(stepsOf('Nộp hồ sơ.\nNhận kết quả.'), [
      { text: 'Nộp hồ sơ.', details: [] },
      { text: 'Nhận kết quả.', details: [] },
    ]);
    assert.deepEqual(stepsOf(null), []);
    assert.deepEqual(stepsOf('  \n '), []);
  });
});

describe('component text', () => {
  it('shows a condition only when it says more than the name', () => {
    assert.equal(distinctCondition('Giấy chứng sinh', null), null);
    assert.equal(distinctCondition('Trường hợp A thì nộp B.', 'Trường hợp A thì nộp B.'), null);
    assert.equal(distinctCondition('Trường hợp A thì nộp B và C.', 'Trường hợp A thì nộp B'), null);
    assert.equal(
      distinctCondition('Văn bản ủy quyền', 'Khi ủy quyền cho người khác'),
      'Khi ủy quyền cho người khác',
    );
  });
  it('writes an address under a QR code as a person reads it', () => {
    assert.equal(
      readableUrl('https://x.vn/thu-tuc?field=H%E1%BB%99+t%E1%BB%8Bch'),
      'https://x.vn/thu-tuc?field=Hộ tịch',
    );
    assert.equal(readableUrl('https://x.vn/%E0%A4%A'), 'https://x.vn/%E0%A4%A');
  });
  it('accepts only web addresses and names the template file', () => {
    assert.equal(webUrl('javascript:alert(1)'), null);
    assert.equal(webUrl('https://dichvucong.gov.vn/a.docx'), 'https://dichvucong.gov.vn/a.docx');
    assert.equal(webUrl(null), null);
    assert.equal(templateName('To khai.docx', 'https://x/y.doc'), 'To khai.docx');
    assert.equal(templateName(null, 'https://x/files/T%E1%BB%9D%20khai.docx?v=1'), 'Tờ khai.docx');
  });
});
