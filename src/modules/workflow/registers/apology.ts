/** Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04; TT 03/2025: văn bản xin lỗi và đề nghị gia hạn). */
import { contentBox, FONT, formatVietnamDateTime } from '../../../platform/pdf/index.js';
import type { SignatureWidget } from '../../../platform/signing/index.js';
import {
  addresseeAndReceipt,
  documentHead,
  finishDocument,
  line,
  openDocument,
  signature,
} from './document-common.js';
import type { ApologyData } from './document-types.js';

export const DRAFT_LABEL = 'DỰ THẢO – chưa được lãnh đạo phê duyệt, chưa có giá trị gửi công dân';

export async function renderApology(data: ApologyData, title: string): Promise<Buffer> {
  return (await renderApologyForSigning(data, title)).pdf;
}

/**
 * The letter and, when `data.signature` is given (an approved letter being signed), the place of
 * its visible signature block: the letter must then fit its first page.
 */
export async function renderApologyForSigning(
  data: ApologyData,
  title: string,
): Promise<{ pdf: Buffer; widget: SignatureWidget | null }> {
  const doc = openDocument(data, title);
  await documentHead(doc, data, title, 'Số: ……/XL');
  if (data.draft) {
    const box = contentBox(doc);
    doc.font(FONT.bold).fontSize(10).fillColor('#b00000');
    doc.text(DRAFT_LABEL, box.left, doc.y, { width: box.width, align: 'center' });
    doc.fillColor('black').moveDown(0.4);
  }
  addresseeAndReceipt(
    doc,
    data,
    ['. Thời gian hẹn trả kết quả giải quyết hồ sơ: '],
    [formatVietnamDateTime(data.oldDueAt), true],
  );
  line(
    doc,
    ['Tuy nhiên, đến nay '],
    [data.responsibleAgencyName, true],
    [' chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn. Lý do: '],
    [data.reason, true],
    ['.'],
  );
  line(
    doc,
    ['Sự chậm trễ này đã làm phiền hà và phát sinh chi phí cho Ông/Bà. '],
    [data.responsibleAgencyName, true],
    [' xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào '],
    [formatVietnamDateTime(data.newDueAt), true],
    [' tại '],
    [data.returnPlace, true],
    ['.'],
  );
  line(doc, ['Rất mong nhận được sự cảm thông của Ông/Bà./.']);
  const widget = signature(
    doc,
    'THỦ TRƯỞNG CƠ QUAN',
    '(Ký, ghi rõ họ tên, đóng dấu hoặc ký số)',
    data.signerName,
    data.signature,
  );
  if (widget && doc.bufferedPageRange().count > 1) {
    throw new Error('A signed apology letter must fit one page: its signature block sits on the first page');
  }
  return { pdf: await finishDocument(doc, data.draft), widget };
}
