/**
 * Shipped records read by hand, compared field by field with what the importer makes of them.
 * The expected values were read from datasets/procedures/procedures_cap_xa_subset.json (the raw
 * crawled text, cells glued together) by a person, not produced by the parser.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, test } from 'node:test';
import { SHIPPED_RECORDS } from './catalogue.command.js';
import type { ProcedureContent } from './content.js';
import { type RawRecord, readRawRecord } from './raw-record.js';

let records: RawRecord[];
before(() => {
  records = JSON.parse(fs.readFileSync(SHIPPED_RECORDS, 'utf8')) as RawRecord[];
});

function read(code: string): ProcedureContent {
  const raw = records.find((r) => r.ma_thu_tuc === code);
  assert.ok(raw, `record ${code} is shipped`);
  const outcome = readRawRecord(raw, new Map(), new Set());
  assert.ok(outcome.ok, `record ${code} imports`);
  return outcome.content;
}

describe('1.004222 Đăng ký thường trú (fees differ by channel)', () => {
  test('identity, field, level, subjects, agencies', () => {
    const c = read('1.004222');
    assert.equal(c.name, 'Đăng ký thường trú');
    assert.equal(c.field, 'Đăng ký, quản lý cư trú');
    assert.deepEqual(c.levels, ['commune']);
    assert.equal(c.decisionNumber, '1523/QĐ-BCA-C06');
    assert.deepEqual(
      c.subjects.map((s) => s.label),
      ['Người Việt Nam định cư ở nước ngoài', 'Công dân Việt Nam'],
    );
    assert.deepEqual(
      c.agencies.map((a) => [a.role, a.name]),
      [
        ['competent', 'Công an cấp Xã'],
        ['implementing', 'Công an cấp Xã'],
      ],
    );
    assert.equal(c.onlineLevel, 'mot_phan');
  });
  test('channels: online and direct, 7 ngày làm việc each; 10,000 đ online, 20,000 đ lệ phí direct', () => {
    const c = read('1.004222');
    assert.deepEqual(
      c.channels.map((ch) => [ch.kind, ch.timeValue, ch.timeUnit, ch.feeStatus]),
      [
        ['online', 7, 'ngay-lam-viec', 'charged'],
        ['direct', 7, 'ngay-lam-viec', 'charged'],
      ],
    );
    assert.deepEqual(
      c.feeLines.map((f) => [f.channelPosition, f.amount, f.currency]),
      [
        [0, 10_000, 'VND'],
        [1, 20_000, 'VND'],
      ],
    );
    assert.equal(c.feeLines[1]?.kind, 'le_phi');
    assert.match(c.feeLines[1]?.exemptions ?? '', /Điều 4 Thông tư số 75\/2022\/TT-BTC/);
  });
  test('results: four KQ.G01 codes in the order of the page', () => {
    const c = read('1.004222');
    assert.deepEqual(
      c.results.map((r) => r.code),
      ['KQ.G01.000064', 'KQ.G01.000065', 'KQ.G01.000067', 'KQ.G01.000066'],
    );
    assert.equal(c.results[0]?.name, 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư');
  });
  test('legal bases: numbers and titles, incl. a dotted resolution number and a glued "Luật Cư trú 2020"', () => {
    const c = read('1.004222');
    const numbers = c.legalBases.map((l) => l.number);
    assert.deepEqual(numbers.slice(0, 9), [
      '66.7/2025/NQ-CP',
      '53/2025/TT-BCA',
      '66/2023/TT-BCA',
      '75/2022/TT-BTC',
      '68/2020/QH14',
      '57/2021/TT-BCA',
      '54/2025/TT-BCA',
      '154/2024/NĐ-CP',
      '55/2021/TT-BCA',
    ]);
    assert.equal(c.legalBases[4]?.title, 'Luật Cư trú 2020');
    assert.equal(c.legalBases[5]?.title, 'Thông tư 57/2021/TT-BCA');
    assert.equal(c.legalBases[1]?.issuedOn, '2025-07-01');
  });
  test('components: grouped by case, quantities in originals', () => {
    const c = read('1.004222');
    assert.equal(
      c.components[0]?.groupTitle,
      'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình',
    );
    assert.match(c.components[1]?.name ?? '', /^Giấy chứng nhận đăng ký phương tiện/);
    assert.equal(c.components[1]?.originals, 1);
    assert.ok(c.components.some((x) => /^Tờ khai thay đổi thông tin cư trú \(mẫu CT01/.test(x.name)));
  });
});

describe('1.001193 Thủ tục đăng ký khai sinh (same day with a cut-off, free, units lost)', () => {
  test('channels online, postal, direct; free; the value 1 is kept and the unit reported lost', () => {
    const c = read('1.001193');
    assert.deepEqual(
      c.channels.map((ch) => [ch.kind, ch.timeValue, ch.timeUnit, ch.timeUnitSource, ch.feeStatus]),
      [
        ['online', 1, null, 'lost', 'free'],
        ['postal', 1, null, 'lost', 'free'],
        ['direct', 1, null, 'lost', 'free'],
      ],
    );
    assert.deepEqual(c.feeLines, []);
    assert.ok(c.parseIssues.includes('time_unit'));
  });
  test('result Giấy khai sinh KQ.G15.000031; cut-off 15:00 read from the steps', () => {
    const c = read('1.001193');
    assert.deepEqual(c.results, [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031', codeValid: true }]);
    assert.equal(c.cutOff?.sameDay, true);
    assert.equal(c.cutOff?.cutoff, '15:00');
  });
  test('components: the birth certificate (Giấy chứng sinh) is required, one original', () => {
    const c = read('1.001193');
    const birth = c.components.find((x) => x.name.startsWith('Giấy chứng sinh'));
    assert.equal(birth?.requirement, 'required');
    assert.equal(birth?.originals, 1);
    const abandoned = c.components.find((x) => x.name.startsWith('Trường hợp trẻ em bị bỏ rơi'));
    assert.equal(abandoned?.requirement, 'conditional');
  });
});
