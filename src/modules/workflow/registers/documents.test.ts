import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatten, pdfImageCount, pdfInfo, pdfText } from '../../../../test/pdf-text.js';
import { DRAFT_LABEL, renderApology } from './apology.js';
import { renderControlSheet } from './control-sheet.js';
import { sampleApology, sampleControlSheet, sampleStopNotice } from './document-fixtures.js';
import { processingForms } from './form-numbers.js';
import { handoverRows, type StepRecord } from './handovers.js';
import { renderStopNotice } from './stop-notice.js';

const includesAll = (text: string, phrases: string[]) => {
  for (const p of phrases) assert.ok(text.includes(p), `missing: ${p}`);
};
const F2018 = processingForms('TT01-2018');
const F2025 = processingForms('TT03-2025');

describe('form numbers by form set', () => {
  it('numbers the forms as each set does; the 2018 set has no stop-notice form', () => {
    assert.deepEqual(
      [F2018.apology.no, F2018.controlSheet.no, F2018.stopNotice.no, F2018.trackingBook.no],
      ['04', '05', null, '06'],
    );
    assert.deepEqual(
      [F2025.apology.no, F2025.stopNotice.no, F2025.controlSheet.no, F2025.trackingBook.no],
      ['04', '05', '06', '07'],
    );
    assert.match(F2025.apology.title, /ĐỀ NGHỊ GIA HẠN/);
    assert.equal(processingForms(null), F2018);
  });
});

describe('Mẫu 04: apology letter', () => {
  it('states the reason, the responsible agency, the old and the new dates, signed by the leader', async () => {
    const pdf = await renderApology(sampleApology(), F2018.apology.title);
    const text = flatten(await pdfText(pdf));
    includesAll(text, [
      'Mẫu số 04',
      'Ban hành kèm theo Thông tư số 01/2018/TT-VPCP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Hạ Long, ngày 06 tháng 03 năm 2026',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      '000.00.06.H56-260302-0042',
      'Kính gửi: Ông/Bà Nguyễn Thị Hường',
      'Vào lúc 09 giờ 00 phút, ngày 02/03/2026',
      'Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 09/03/2026',
      'Lý do: Chờ kết quả xác minh của Chi cục Thuế khu vực Hạ Long',
      'hẹn lại thời gian trả kết quả vào 16 giờ 00 phút, ngày 12/03/2026',
      'THỦ TRƯỞNG CƠ QUAN',
      'Đặng Quốc Việt',
    ]);
    assert.ok(!text.includes('DỰ THẢO'));
    assert.ok(text === text.normalize('NFC'));
    assert.ok(pdfImageCount(pdf) >= 2, 'QR code and barcode');
    assert.equal((await pdfInfo(pdf)).Author, 'Ủy ban nhân dân phường Hạ Long');
  });

  it('marks a draft DỰ THẢO and leaves the signature name blank', async () => {
    const pdf = await renderApology(sampleApology({ draft: true, signerName: null }), F2025.apology.title);
    const text = flatten(await pdfText(pdf));
    includesAll(text, ['DỰ THẢO', DRAFT_LABEL, 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT']);
    assert.ok(!text.includes('Đặng Quốc Việt'));
  });
});

describe('control sheet', () => {
  it('prints the dossier fields and each hand-over with its result mark, in parts I and II', async () => {
    const pdf = await renderControlSheet(sampleControlSheet(), F2018.controlSheet.title);
    const text = flatten(await pdfText(pdf));
    includesAll(text, [
      'Mẫu số 05',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Người nộp hồ sơ: Nguyễn Thị Hường',
      'Chủ hồ sơ: Trần Văn Đức',
      'Thời gian giải quyết theo quy định: 05 ngày làm việc',
      'Ngày hẹn trả kết quả: 09 giờ 00 phút, ngày 09/03/2026',
      'Tờ khai đăng ký khai sinh',
      'I. GIAO, NHẬN HỒ SƠ',
      'II. NHẬN KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
      'Trước hạn',
      'Quá hạn',
      'Đúng hạn',
      'Vũ Thị Ngọc Ánh',
    ]);
    assert.ok(text.indexOf('Trước hạn') < text.indexOf('Quá hạn'));
    assert.ok(text.indexOf('II. NHẬN KẾT QUẢ') < text.indexOf('Đúng hạn'));
    assert.ok(pdfImageCount(pdf) >= 2);
  });
});

describe('stop notice', () => {
  it('gives the reason, time and officer; unnumbered under the 2018 set', async () => {
    const pdf = await renderStopNotice(sampleStopNotice(), F2018.stopNotice.title);
    const text = flatten(await pdfText(pdf));
    includesAll(text, [
      'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      'thông báo dừng giải quyết hồ sơ của Ông/Bà kể từ 15 giờ 15 phút, ngày 05/03/2026',
      'với lý do: Người yêu cầu không bổ sung hồ sơ trong thời hạn quy định',
      'Người thực hiện: Lê Văn Đạt',
      '000.00.06.H56-260302-0042',
    ]);
    assert.ok(!text.includes('Mẫu số'));
    const numbered = flatten(
      await pdfText(await renderStopNotice(sampleStopNotice({ formNo: '05' }), F2025.stopNotice.title)),
    );
    assert.ok(numbered.includes('Mẫu số 05'));
  });
});

const at = (iso: string) => new Date(iso);
const step = (over: Partial<StepRecord> & Pick<StepRecord, 'position'>): StepRecord => ({
  kind: 'appraise',
  state: 'done',
  agencyName: 'UBND',
  dueAt: null,
  finishedAt: null,
  handedOverAt: null,
  handedOverBy: null,
  receivedBy: null,
  ...over,
});

describe('handoverRows: the control sheet marks from the steps', () => {
  const cases: { name: string; giving: Partial<StepRecord>; want: string | null }[] = [
    // 09:00 Vietnam = 02:00 UTC.
    {
      name: 'finished a day before its due day',
      giving: { dueAt: at('2026-03-03T02:00:00Z'), finishedAt: at('2026-03-02T08:00:00Z') },
      want: 'early',
    },
    {
      name: 'finished on its due day before the instant',
      giving: { dueAt: at('2026-03-03T09:00:00Z'), finishedAt: at('2026-03-03T01:00:00Z') },
      want: 'on_time',
    },
    {
      name: 'finished after the due instant',
      giving: { dueAt: at('2026-03-03T02:00:00Z'), finishedAt: at('2026-03-03T02:01:00Z') },
      want: 'late',
    },
    {
      name: 'no budget, no due time',
      giving: { dueAt: null, finishedAt: at('2026-03-03T02:00:00Z') },
      want: 'on_time',
    },
    {
      name: 'giving step not finished',
      giving: { dueAt: at('2026-03-03T02:00:00Z'), finishedAt: null },
      want: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rows = handoverRows([
        step({ position: 0, agencyName: 'Trung tâm', ...c.giving }),
        step({
          position: 1,
          agencyName: 'UBND phường',
          state: 'active',
          handedOverAt: at('2026-03-03T03:00:00Z'),
          handedOverBy: 'A',
          receivedBy: 'B',
        }),
      ]);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.result, c.want);
      assert.deepEqual(
        [rows[0]!.fromAgency, rows[0]!.toAgency, rows[0]!.giver, rows[0]!.receiver],
        ['Trung tâm', 'UBND phường', 'A', 'B'],
      );
    });
  }

  it('skips steps not handed over or reset to pending, and puts the return step in part II', () => {
    const rows = handoverRows([
      step({ position: 2, kind: 'return_result', state: 'active', handedOverAt: at('2026-03-05T02:00:00Z') }),
      step({ position: 0, finishedAt: at('2026-03-02T02:00:00Z') }),
      step({
        position: 1,
        state: 'done',
        finishedAt: at('2026-03-04T02:00:00Z'),
        handedOverAt: at('2026-03-02T02:00:00Z'),
      }),
      step({ position: 3, state: 'pending', handedOverAt: at('2026-03-05T03:00:00Z') }),
      step({ position: 4, state: 'handover', handedOverAt: null }),
    ]);
    assert.deepEqual(
      rows.map((r) => [r.part, r.at.toISOString()]),
      [
        ['dossier', '2026-03-02T02:00:00.000Z'],
        ['result', '2026-03-05T02:00:00.000Z'],
      ],
    );
  });
});
