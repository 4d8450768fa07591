/** The tracking book as an Excel workbook (officials live in Excel): header rows, widths, Vietnam dates. */
import ExcelJS from 'exceljs';
import { formatVietnamDate } from '../../../platform/pdf/index.js';
import { TRACKING_COLUMNS, type TrackingBook } from './tracking-book-types.js';

const VN_OFFSET_MS = 7 * 3_600_000;
export const DATE_FORMAT = 'dd/mm/yyyy hh:mm';

/** Excel dates carry no zone: store the Vietnam wall-clock time, which is what the reader must see. */
const wallClock = (at: Date | null): Date | null => (at ? new Date(at.getTime() + VN_OFFSET_MS) : null);

const dmy = (day: string) => day.split('-').reverse().join('/');

export const HEADER_ROW = 5;

export async function trackingBookXlsx(book: TrackingBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.created = book.generatedAt;
  const ws = wb.addWorksheet('So theo doi ho so', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = TRACKING_COLUMNS.map((c) => ({ width: c.width }));
  const last = TRACKING_COLUMNS.length;
  const title = (row: number, text: string, bold: boolean, size = 12) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { bold, size, name: 'Times New Roman' };
    cell.alignment = { horizontal: 'center' };
  };
  title(
    1,
    `${book.agencyParentName ? `${book.agencyParentName.toLocaleUpperCase('vi')} – ` : ''}${book.agencyName.toLocaleUpperCase('vi')}`,
    true,
  );
  title(2, book.title, true, 14);
  title(3, `Mẫu số ${book.formNo}, ban hành kèm theo ${book.formSetName}`, false, 10);
  title(
    4,
    `Từ ngày ${dmy(book.from)} đến ngày ${dmy(book.to)} (lập ngày ${formatVietnamDate(book.generatedAt)})`,
    false,
    11,
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = TRACKING_COLUMNS.map((c) => c.header);
  header.font = { bold: true, name: 'Times New Roman', size: 10 };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 48;
  book.rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      r.code,
      r.procedureName,
      r.sets,
      r.submitter,
      r.addressPhone,
      r.leadBody,
      wallClock(r.receivedAt),
      wallClock(r.dueAt),
      wallClock(r.forwardedAt),
      wallClock(r.resultOrSupplementAt),
      wallClock(r.returnedAt),
      '',
      r.note,
    ]);
    row.font = { name: 'Times New Roman', size: 10 };
    row.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 8; c <= 12; c++) row.getCell(c).numFmt = DATE_FORMAT;
  });
  for (let r = HEADER_ROW; r <= ws.rowCount; r++) {
    for (let c = 1; c <= last; c++) {
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
