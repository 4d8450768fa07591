/**
 * The portal's own procedure lists (all_lists.csv: source_file, ma_so, ten, …): code → name, the
 * reference against which a crawled record is checked for holding another procedure's page.
 * RFC 4180 quoting; cells may hold newlines.
 */
import { cleanLine } from './parse/text.js';

export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export function parseListCsv(text: string): Map<string, string> {
  const [header, ...rows] = parseCsvRows(text.replace(/^\uFEFF/, ''));
  const codeAt = header?.indexOf('ma_so') ?? -1;
  const nameAt = header?.indexOf('ten') ?? -1;
  if (codeAt < 0 || nameAt < 0) {
    throw new Error('Danh sách thủ tục thiếu cột ma_so/ten / the procedure list lacks the ma_so/ten columns');
  }
  const names = new Map<string, string>();
  for (const row of rows) {
    const code = cleanLine(row[codeAt] ?? '');
    if (code !== '') names.set(code, cleanLine(row[nameAt] ?? ''));
  }
  return names;
}
