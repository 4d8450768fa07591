/** Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03, TT 01/2018/TT-VPCP). */
import { contactLines, finishSlip, line, openSlip, orBlank, signatures, slipHead } from './slip-common.js';
import type { SlipData } from './slip-types.js';

export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

export async function renderRefusal(data: SlipData): Promise<Buffer> {
  const doc = openSlip(data, REFUSAL_TITLE);
  await slipHead(doc, data, REFUSAL_TITLE);
  line(doc, [`${data.agencyName} tiếp nhận hồ sơ của:`]);
  line(doc, ['Ông/Bà: '], [data.applicant.name, true]);
  contactLines(doc, data.applicant, false);
  line(doc, ['Nội dung yêu cầu giải quyết: '], [data.procedureName, true]);
  line(
    doc,
    ['Hồ sơ của Ông/Bà không được tiếp nhận với lý do cụ thể như sau: '],
    [orBlank(data.reason), true],
  );
  line(doc, ['Xin thông báo cho Ông/Bà được biết và thực hiện./.']);
  signatures(
    doc,
    { role: 'NGƯỜI NỘP HỒ SƠ', name: data.applicant.name },
    { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officerName },
  );
  return finishSlip(doc);
}
