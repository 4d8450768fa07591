/**
 * Table tests of the parsers, each input a real glued string from the shipped records
 * (datasets/procedures/procedures_cap_xa_subset.json), cut where noted.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAmount, parseFeeText } from './amounts.js';
import { parseChannels, readFee, readTime } from './channels.js';
import { parseComponents, splitTemplateFile } from './components.js';
import { parseLegalBases } from './legal.js';
import { parseResults } from './results.js';
import { cleanBlock, cleanLine, firstDate, splitOutsideParens } from './text.js';

const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('channel rows: time, unit and fee (cách thức thực hiện)', () => {
  const cases: {
    raw: string;
    rows: [
      kind: string,
      value: number | null,
      unit: string | null,
      source: string | null,
      fee: string,
      amount: number | null,
    ][];
  }[] = [
    // 1.000253
    {
      raw: `${H}Trực tiếp7 NgàyKhông có thông tinNộp trực tiếp tại trụ sở Công an cấp xã`,
      rows: [['direct', 7, 'ngay', 'stated', 'unknown', null]],
    },
    // 1.011606: units lost in both rows
    {
      raw: `${H}Dịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí`,
      rows: [
        ['postal', 1, null, 'lost', 'free', null],
        ['direct', 1, null, 'lost', 'free', null],
      ],
    },
    {
      raw: `${H}Trực tuyến3 Ngày làm việc5,000 Việt Nam Đồng(- Gia hạn tạm trú (cá nhân, hộ gia đình): + thu 7.000 đồng/lần đăng ký.)- Nộp hồ sơ trực tuyến`,
      rows: [['online', 3, 'ngay-lam-viec', 'stated', 'charged', 5000]],
    },
    {
      raw: `${H}Trực tiếp2 Ngày làm việc70,000 VNĐ(70.000 đồng/Giấy chứng nhận)`,
      rows: [['direct', 2, 'ngay-lam-viec', 'stated', 'charged', 70000]],
    },
    { raw: `${H}Trực tiếp1 GiờMiễn phí`, rows: [['direct', 1, 'gio', 'stated', 'free', null]] },
    { raw: `${H}Trực tiếp8 GiờMiễn phí`, rows: [['direct', 8, 'gio', 'stated', 'free', null]] },
    { raw: `${H}Trực tiếp30 NgàyMiễn phí`, rows: [['direct', 30, 'ngay', 'stated', 'free', null]] },
    // time digits glued to the amount: "120 VNĐ(20.000 vnđ /tờ khai)" → 1 and 20,000 from the note
    {
      raw: `${H}Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)`,
      rows: [['online', 1, null, 'lost', 'charged', 20000]],
    },
    {
      raw: `${H}Trực tiếpKhông có thông tin50,000 Việt Nam Đồng(/văn bản)`,
      rows: [['direct', null, null, null, 'charged', 50000]],
    },
    {
      raw: `${H}Trực tuyếnKhông có thông tinMiễn phí05 ngày làm việc kể từ ngày nhận đủ hồ sơ`,
      rows: [['online', null, null, null, 'free', null]],
    },
    // unit recovered from the description
    {
      raw: `${H}Trực tiếp7Không có thông tin07 ngày làm việc, kể từ ngày nhận đủ hồ sơ`,
      rows: [['direct', 7, 'ngay-lam-viec', 'description', 'unknown', null]],
    },
    // unit recovered from the other channel with the same value
    {
      raw: `${H}Trực tuyến5Miễn phíTrực tiếp5 Ngày làm việcMiễn phí`,
      rows: [
        ['online', 5, 'ngay-lam-viec', 'other_channel', 'free', null],
        ['direct', 5, 'ngay-lam-viec', 'stated', 'free', null],
      ],
    },
    {
      raw: `${H}Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công`,
      rows: [['online', null, null, null, 'free', null]],
    },
    // an amount that lost its thousands: "40 Việt Nam Đồng(4.000 đ/giấy…)" read from the note
    {
      raw: `${H}Trực tiếp2 Ngày40 Việt Nam Đồng(4.000 đ/giấy thông hành)`,
      rows: [['direct', 2, 'ngay', 'stated', 'charged', 4000]],
    },
    {
      raw: `${H}Trực tiếp15 Ngày700 VNĐ(Phí thẩm định cấp giấy chứng nhận an toàn thực phẩm: 700.000 đồng/lần)`,
      rows: [['direct', 15, 'ngay', 'stated', 'charged', 700000]],
    },
    // "Trực tuyến" inside a description does not start a row
    {
      raw: `${H}Trực tiếp3 Ngày làm việcMiễn phíNộp hồ sơ Trực tuyến: qua Cổng dịch vụ công quốc gia`,
      rows: [['direct', 3, 'ngay-lam-viec', 'stated', 'free', null]],
    },
    // 1.009094: the currency lost in the cell, kept in the note
    {
      raw: `${H}Trực tuyến1 Giờ50 VNĐ(Phí hải quan 50USD/chuyến bay đến đối với chuyến bay của nước ngoài)`,
      rows: [['online', 1, 'gio', 'stated', 'charged', 50]],
    },
  ];
  for (const [i, c] of cases.entries()) {
    test(`case ${i + 1}: ${c.raw.slice(H.length, H.length + 50)}`, () => {
      const channels = parseChannels(c.raw);
      assert.ok(channels);
      assert.deepEqual(
        channels.map((ch) => [
          ch.kind,
          ch.time.value,
          ch.time.unit,
          ch.time.unitSource,
          ch.fee.status,
          ch.fee.amount?.amount ?? null,
        ]),
        c.rows,
      );
    });
  }
  test('no header: null, not an empty list', () => assert.equal(parseChannels('Trực tiếp7 Ngày'), null));
  test('the glued time is flagged ambiguous', () => assert.equal(readTime('120 VNĐ').time.ambiguous, true));
  test('the USD of the note wins over a lost currency', () => {
    assert.equal(readFee('50 VNĐ(Phí hải quan 50USD/chuyến bay đến)').fee.amount?.currency, 'USD');
  });
  test('a note "(/giao dịch)" gives the unit a fee pays for', () => {
    assert.equal(readFee('25,000 Việt Nam Đồng(/giao dịch)').fee.amount?.perUnit, 'giao dịch');
  });
});

describe('fee phrases', () => {
  const cases: [string, unknown][] = [
    ['Miễn phí', { kind: 'free' }],
    ['Không', { kind: 'free' }],
    ['Không có thông tin', { kind: 'unknown' }],
    ['Không quy định.', { kind: 'unknown' }],
    ['50.000 đồng', { kind: 'amount', amount: 50000, amountMax: null, currency: 'VND', perUnit: null }],
    [
      '25,000 Việt Nam Đồng',
      { kind: 'amount', amount: 25000, amountMax: null, currency: 'VND', perUnit: null },
    ],
    [
      '10.000 đồng/người/lần đăng ký',
      { kind: 'amount', amount: 10000, amountMax: null, currency: 'VND', perUnit: 'người/lần đăng ký' },
    ],
    [
      'từ 50.000 đến 100.000 đồng',
      { kind: 'amount', amount: 50000, amountMax: 100000, currency: 'VND', perUnit: null },
    ],
    ['10 USD', { kind: 'amount', amount: 10, amountMax: null, currency: 'USD', perUnit: null }],
  ];
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(parseFeeText(text), expected));
  test('an amount inside a note', () =>
    assert.equal(findAmount('Trường hợp nộp trực tuyến thu 7.000 đồng/lần đăng ký')?.amount, 7000));
});

describe('components (thành phần hồ sơ)', () => {
  test('1.000253: a form file glued between name and quantity', () => {
    const c = parseComponents(
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngPhiếu khai báo tạm trú cho người nước ngoài (mẫu NA17)101-Mau A17 tam tru cho nguoi nuoc ngoai.doc1 bản chính',
    );
    assert.deepEqual(
      c?.map((x) => [x.groupTitle, x.name, x.templateFile, x.originals, x.copies]),
      [
        [
          null,
          'Phiếu khai báo tạm trú cho người nước ngoài (mẫu NA17)',
          '101-Mau A17 tam tru cho nguoi nuoc ngoai.doc',
          1,
          0,
        ],
      ],
    );
  });
  test('several groups with titles, "1 bản chính,1 bản sao", conditional rows', () => {
    const c = parseComponents(
      '* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinh1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượngTrường hợp cha, mẹ đã đăng ký kết hôn: Giấy chứng nhận kết hôn0 bản chính,1 bản sao',
    );
    assert.deepEqual(
      c?.map((x) => [x.groupTitle, x.originals, x.copies, x.requirement]),
      [
        ['* Giấy tờ phải nộp', 1, 0, 'required'],
        ['* Giấy tờ phải xuất trình', 0, 1, 'conditional'],
      ],
    );
  });
  test('a year glued to the quantity: "31/12/20251 bản chính"', () => {
    const c = parseComponents(
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy xác nhận cấp trước ngày 31/12/20251 bản chính,1 bản sao',
    );
    assert.deepEqual(
      c?.map((x) => [x.originals, x.copies, x.yearGlued]),
      [[1, 1, true]],
    );
  });
  test('"bản sao có chứng thực" counts as certified copies', () => {
    const c = parseComponents(
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản sao có chứng thực Giấy chứng nhận quyền sử dụng đất1 bản sao',
    );
    assert.deepEqual(
      c?.map((x) => [x.certifiedCopies, x.copies]),
      [[1, 0]],
    );
  });
  test('no table: null', () => assert.equal(parseComponents('); nộp hồ sơ cho cơ quan BHXH'), null));
  const files: [string, string, string | null][] = [
    [
      '(Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).1.MuCT01banhnhkmtheoThngts53.doc',
      '(Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).',
      '1.MuCT01banhnhkmtheoThngts53.doc',
    ],
    [
      'Đơn khiếu nại hoặc bản ghi lời khiếu nạiMẫu ban hành kèm theo Nghị định 124-2020.doc',
      'Đơn khiếu nại hoặc bản ghi lời khiếu nại',
      'Mẫu ban hành kèm theo Nghị định 124-2020.doc',
    ],
    [
      'tờ khai do cha, mẹ, người đại diện hợp pháp khai và ký tên.M01b.pdf',
      'tờ khai do cha, mẹ, người đại diện hợp pháp khai và ký tên.',
      'M01b.pdf',
    ],
    [
      '(Mẫu CC01 ban hành kèm theo Thông tư số 16/2024/TT-BCA của Bộ Công an)Mẫu CC01 Phiếu thu nhận thông tin căn cước.doc',
      '(Mẫu CC01 ban hành kèm theo Thông tư số 16/2024/TT-BCA của Bộ Công an)',
      'Mẫu CC01 Phiếu thu nhận thông tin căn cước.doc',
    ],
    [
      'Giấy đề nghị theo Mẫu số 01 (Nghị định số 40/2024/NĐ-CP).Mus02-nnghtrcptainntutN40.2024suatheoN184.2025.docx',
      'Giấy đề nghị theo Mẫu số 01 (Nghị định số 40/2024/NĐ-CP).',
      'Mus02-nnghtrcptainntutN40.2024suatheoN184.2025.docx',
    ],
    ['Tờ khai đăng ký khai sinh', 'Tờ khai đăng ký khai sinh', null],
  ];
  for (const [text, name, file] of files) {
    test(`template file: ${file ?? 'none'}`, () => assert.deepEqual(splitTemplateFile(text), { name, file }));
  }
});

describe('legal basis (căn cứ pháp lý)', () => {
  test('1.000253: a law and a circular, numbers glued to the next title', () => {
    const l = parseLegalBases(
      'Tên văn bản pháp lýMã văn bảnLuật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt NamLuật 47/2014/QH13Thông tư quy định cách thức thực hiện khai báo, tiếp nhận thông tin tạm trú của người nước ngoài tại Việt Nam53/2016/TT-BCA',
    );
    assert.deepEqual(
      l?.map((x) => x.number),
      ['Luật 47/2014/QH13', '53/2016/TT-BCA'],
    );
    assert.equal(
      l?.[0]?.title,
      'Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam',
    );
  });
  test('numbers inside a title ("…/TT-BCAngày 01/7/2025") are not the number column; the date is read', () => {
    const l = parseLegalBases(
      'Tên văn bản pháp lýMã văn bảnThông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi Thông tư số 55/2021/TT-BCA ngày 15 tháng 5 năm 2021.53/2025/TT-BCALuật Cư trú 202068/2020/QH14',
    );
    assert.deepEqual(
      l?.map((x) => [x.number, x.issuedOn]),
      [
        ['53/2025/TT-BCA', '2025-07-01'],
        ['68/2020/QH14', null],
      ],
    );
    assert.equal(l?.[1]?.title, 'Luật Cư trú 2020');
  });
  test('"QĐ-TTg" ends with a lower-case g; "NĐ-CPquy" glues a lower-case title', () => {
    const l = parseLegalBases(
      'Tên văn bản pháp lýMã văn bảnQuy định phân định thẩm quyềnNghị định số 131/2025/NĐ-CPquy định quy trình rà soát hộ nghèoQuyết định số 24/2021/QĐ-TTg',
    );
    assert.deepEqual(
      l?.map((x) => x.number),
      ['Nghị định số 131/2025/NĐ-CP', 'Quyết định số 24/2021/QĐ-TTg'],
    );
  });
  test('"…/TT-BLĐTBXHHướng dẫn": the capital H of the next title is not the number\'s', () => {
    const l = parseLegalBases(
      'Tên văn bản pháp lýMã văn bảnSửa đổi Thông tư 07Thông tư 02/2022/TT-BLĐTBXHHướng dẫn phương pháp rà soátThông tư 07/2021/TT-BLĐTBXH',
    );
    assert.deepEqual(
      l?.map((x) => x.number),
      ['Thông tư 02/2022/TT-BLĐTBXH', 'Thông tư 07/2021/TT-BLĐTBXH'],
    );
  });
  test('a number cell ending in a space: the next title still starts after it', () => {
    const l = parseLegalBases(
      'Tên văn bản pháp lýMã văn bảnThông tư số 18/2026/TT-BTC ngày 05/3/2026 quy định về hồ sơ thuế đối với hộ kinh doanh18/2026/TT-BTC Thông tư số 50/2026/TT-BTC của Bộ Tài chính: Sửa đổi Thông tư số 18/2026/TT-BTC ngày 05 tháng 3 năm 202650/2026/TT-BTC',
    );
    assert.deepEqual(
      l?.map((x) => x.number),
      ['18/2026/TT-BTC', '50/2026/TT-BTC'],
    );
    assert.equal(
      l?.[1]?.title,
      'Thông tư số 50/2026/TT-BTC của Bộ Tài chính: Sửa đổi Thông tư số 18/2026/TT-BTC ngày 05 tháng 3 năm 2026',
    );
  });

  test('dotted numbers of Government resolutions; a title ending in the number of its own cell', () => {
    const l = parseLegalBases(
      'Tên văn bản pháp lýMã văn bảnNghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm thủ tục dựa trên dữ liệu66.7/2025/NQ-CPThông tư 57/2021/TT-BCA57/2021/TT-BCA',
    );
    assert.deepEqual(
      l?.map((x) => [x.number, x.title]),
      [
        [
          '66.7/2025/NQ-CP',
          'Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm thủ tục dựa trên dữ liệu',
        ],
        ['57/2021/TT-BCA', 'Thông tư 57/2021/TT-BCA'],
      ],
    );
  });

  test('a number in running text followed by a space and a kind of act stays in the title', () => {
    const l = parseLegalBases(
      'Tên văn bản pháp lýMã văn bảnSửa đổi Nghị định 126/2020/NĐ-CP Thông tư 80/2021/TT-BTC cùng hướng dẫn118/2025/NĐ-CP',
    );
    assert.deepEqual(
      l?.map((x) => x.number),
      ['118/2025/NĐ-CP'],
    );
  });

  test('"Không có thông tin": null', () => assert.equal(parseLegalBases('Không có thông tin'), null));
});

describe('results and their codes (kết quả)', () => {
  const leak =
    'Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốNộp hồ sơ';
  const cases: [string, [string, string | null, boolean][]][] = [
    [`Giấy khai sinhMã: KQ.G15.000031${leak}`, [['Giấy khai sinh', 'KQ.G15.000031', true]]],
    [
      `Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cưMã: KQ.G01.000064Thông báo kết quả giải quyết thủ tục về cư trúMã: KQ.G01.000065${leak}`,
      [
        ['Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', 'KQ.G01.000064', true],
        ['Thông báo kết quả giải quyết thủ tục về cư trú', 'KQ.G01.000065', true],
      ],
    ],
    [
      `Phiếu khai báo tạm trú đã xác nhận.Mã: KQ.G01.00263${leak}`,
      [['Phiếu khai báo tạm trú đã xác nhận.', 'KQ.G01.00263', true]],
    ],
    [
      `Quyết định giải quyết khiếu nại lần đầuMã: 000.00.00.G11-KQ3554${leak}`,
      [['Quyết định giải quyết khiếu nại lần đầu', '000.00.00.G11-KQ3554', false]],
    ],
    [`Văn bản trả lờiMã: dsfas${leak}`, [['Văn bản trả lời', 'dsfas', false]]],
    ['', []],
  ];
  for (const [raw, expected] of cases) {
    test(raw.slice(0, 40) || '(empty)', () =>
      assert.deepEqual(
        parseResults(raw).map((r) => [r.name, r.code, r.codeValid]),
        expected,
      ),
    );
  }
});

describe('text hygiene', () => {
  test('NFC, tabs, non-breaking spaces', () =>
    assert.equal(cleanLine(' Ho\u0302\u0323 ti\u0323ch\t\u00A0 '), 'Hộ tịch'));
  test('steps keep their lines', () =>
    assert.equal(cleanBlock('Bước 1: a\n Bước 2:  b\n\n'), 'Bước 1: a\nBước 2: b'));
  test('commas inside parentheses do not split', () => {
    assert.deepEqual(splitOutsideParens('Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp'), [
      'Tổ chức (không bao gồm doanh nghiệp, HTX)',
      'Doanh nghiệp',
    ]);
  });
  test('dates in two forms; an impossible one is refused', () => {
    assert.deepEqual(
      [firstDate('ngày 15 tháng 5 năm 2021'), firstDate('ngày 01/7/2025'), firstDate('31/02/2025')],
      ['2021-05-15', '2025-07-01', null],
    );
  });
});
