/** One raw record to canonical content: online level, subjects, wrong pages, cut-off, refusals. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cutOffOf, onlineLevelOf, readRawRecord, subjectKind, wrongPage } from './raw-record.js';

const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const base = {
  ma_thu_tuc: '1.001193',
  ten_thu_tuc: 'Thủ tục đăng ký khai sinh',
  cap_thuc_hien: 'Cấp xã',
  linh_vuc: 'Hộ tịch',
  doi_tuong_thuc_hien: 'Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài',
  cach_thuc_thuc_hien: `${H}Trực tuyến1 Ngày làm việcMiễn phíTrực tiếp1 Ngày làm việcMiễn phí`,
  thanh_phan_ho_so: '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinh1 bản chính',
  can_cu_phap_ly: 'Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13',
  ket_qua_xu_ly: 'Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tin',
  co_quan_thuc_hien: 'Không có thông tin',
};
const list = new Map([['1.001193', 'Thủ tục đăng ký khai sinh']]);

describe('readRawRecord', () => {
  test('a clean record is read fully, with a default workflow for its level', () => {
    const o = readRawRecord(base, list, new Set());
    assert.ok(o.ok);
    assert.deepEqual(o.partial, []);
    assert.equal(o.content.onlineLevel, 'mot_phan');
    assert.deepEqual(o.content.levels, ['commune']);
    assert.equal(o.content.agencies.length, 0, 'the placeholder is no agency');
    assert.deepEqual(
      o.content.workflows.map((w) => [w.level, w.steps.reduce((a, s) => a + (s.budgetMinutes ?? 0), 0)]),
      [['commune', 480]],
    );
  });
  test('lost units and a bad result code are reported as partly parsed fields', () => {
    const o = readRawRecord(
      { ...base, cach_thuc_thuc_hien: `${H}Trực tiếp1Miễn phí`, ket_qua_xu_ly: 'Văn bảnMã: dsfas' },
      list,
      new Set(),
    );
    assert.ok(o.ok);
    assert.deepEqual(o.partial, ['results', 'time_unit']);
  });
  test('a lost unit still gets default budgets, on calendar days (the shorter day unit)', () => {
    const o = readRawRecord({ ...base, cach_thuc_thuc_hien: `${H}Trực tiếp7Miễn phí` }, list, new Set());
    assert.ok(o.ok);
    const steps = o.content.workflows[0]?.steps ?? [];
    assert.ok(steps.every((s) => s.budgetMinutes !== null && s.budgetMinutes > 0));
    // 7 calendar days hold at least 5 working days: 5 × 480 working minutes.
    assert.equal(
      steps.reduce((a, s) => a + (s.budgetMinutes ?? 0), 0),
      5 * 480,
    );
  });
  test("refusals: a code outside the TTHC form, another procedure's page", () => {
    const bad = readRawRecord({ ...base, ma_thu_tuc: '6.001435' }, list, new Set());
    assert.deepEqual(bad.ok ? null : bad.reason, 'invalid_code');
    const wrong = readRawRecord(
      { ...base, ten_thu_tuc: 'Hỗ trợ phát triển sản xuất cộng đồng.' },
      list,
      new Set(),
    );
    assert.deepEqual(wrong.ok ? null : wrong.reason, 'wrong_page');
  });
});

describe('rules', () => {
  const online = [
    {
      kind: 'online' as const,
      timeValue: 1,
      timeUnit: null,
      timeUnitSource: null,
      timeText: null,
      feeStatus: 'free' as const,
      description: null,
    },
  ];
  test('online level', () => {
    assert.equal(onlineLevelOf([], ['toàn trình']), 'none');
    assert.equal(onlineLevelOf(online, ['Đăng ký xe']), 'mot_phan');
    assert.equal(onlineLevelOf(online, ['Đăng ký xe lần đầu trực tuyến toàn trình']), 'toan_trinh');
  });
  test('subject kinds', () => {
    assert.deepEqual(
      [
        'Công dân Việt Nam',
        'Người nước ngoài',
        'Tổ chức nước ngoài',
        'Doanh nghiệp có vốn đầu tư nước ngoài',
        'Hợp tác xã',
        'Cán bộ',
      ].map(subjectKind),
      ['citizen', 'foreigner', 'organisation', 'business', 'business', 'other'],
    );
  });
  test('wrong page by name against the portal list; NFC and case do not matter', () => {
    assert.equal(wrongPage('Thủ tục đăng ký khai sinh', 'Thu\u0309 tục  đăng ký khai sinh'), false);
    assert.equal(
      wrongPage('Hỗ trợ phát triển sản xuất cộng đồng.', 'Hợp nhất công ty luật nước ngoài'),
      true,
    );
  });
  test('cut-off from the steps (1.001193)', () => {
    assert.deepEqual(
      cutOffOf([
        'nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả kết quả cho người yêu cầu trong ngày làm việc tiếp theo',
      ])?.cutoff,
      '15:00',
    );
    assert.equal(cutOffOf(['Trong thời hạn 05 ngày làm việc']), null);
  });
});
