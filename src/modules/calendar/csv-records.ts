/**
 * A small RFC 4180 reader: quoted fields with commas, doubled quotes and line breaks; LF, CRLF or CR line
 * ends; a leading byte-order mark. It keeps the physical line each record starts on, so an importer can
 * point at the line an administrator has to fix.
 */

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  readonly line: number;
  readonly fields: string[];
  /** The record's text as read, for error reports. */
  readonly raw: string;
}

export interface CsvReadResult {
  readonly records: CsvRecord[];
  /** Line of a quoted field that never closes (the rest of the file was swallowed by it). */
  readonly unterminatedQuoteAt?: number | undefined;
}

export function readCsvRecords(input: string): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  const endRecord = (end: number) => {
    fields.push(field);
    records.push({ line: recordLine, fields, raw: text.slice(recordStart, end) });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      endRecord(i);
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
      recordStart = i + 1;
    } else field += c;
  }
  if (quoted) return { records, unterminatedQuoteAt: recordLine };
  if (field !== '' || fields.length > 0) endRecord(text.length);
  return { records };
}
