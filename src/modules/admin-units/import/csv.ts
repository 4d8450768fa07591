/**
 * A small RFC 4180 CSV reader. The sources quote cells that hold commas and line breaks (the NSO
 * crosswalk has 875 cells with embedded newlines), so splitting on lines is wrong. No npm CSV
 * library is installed in this project; this reader is kept small and tested on those cases.
 *
 * Each record remembers the physical line it starts on, so an import report can point a person
 * at the place in the file where the dirt is. Malformed input is reported, never thrown.
 */

export interface CsvRecord {
  /** 1-based physical line on which the record starts (what a text editor shows). */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  problems: CsvProblem[];
  /** The text began with a UTF-8 byte order mark, which was dropped. */
  hadBom: boolean;
}

export function parseCsv(input: string): CsvParseResult {
  const hadBom = input.startsWith('\uFEFF');
  const reader = new CsvReader(hadBom ? input.slice(1) : input);
  while (!reader.done()) reader.readRecord();
  return { records: reader.records, problems: reader.problems, hadBom };
}

/** Reads field by field, slicing the text rather than copying it a character at a time. */
class CsvReader {
  readonly records: CsvRecord[] = [];
  readonly problems: CsvProblem[] = [];
  #pos = 0;
  #line = 1;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.#pos >= this.text.length;
  }

  readRecord(): void {
    const line = this.#line;
    const fields: string[] = [];
    let quoted = false;
    for (;;) {
      const isQuoted = this.text[this.#pos] === '"';
      fields.push(isQuoted ? this.#readQuoted() : this.#readPlain());
      quoted ||= isQuoted;
      if (this.text[this.#pos] !== ',') break;
      this.#pos++;
    }
    this.#skipLineBreak();
    // A blank physical line is not a record; a lone "" is.
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) this.records.push({ line, fields });
  }

  #skipLineBreak(): void {
    const ch = this.text[this.#pos];
    if (ch === '\r') this.#pos += this.text[this.#pos + 1] === '\n' ? 2 : 1;
    else if (ch === '\n') this.#pos++;
    else return;
    this.#line++;
  }

  #readPlain(): string {
    const start = this.#pos;
    let i = start;
    for (; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 44 || c === 10 || c === 13) break; // , \n \r
      if (c === 34)
        this.problems.push({ line: this.#line, message: 'quote character inside an unquoted field' });
    }
    this.#pos = i;
    return this.text.slice(start, i);
  }

  #readQuoted(): string {
    const startLine = this.#line;
    let value = '';
    let i = this.#pos + 1;
    for (;;) {
      const quote = this.text.indexOf('"', i);
      const chunk = this.text.slice(i, quote < 0 ? undefined : quote);
      value += chunk;
      this.#line += countLineBreaks(chunk);
      if (quote < 0) {
        this.problems.push({ line: startLine, message: 'unterminated quoted field at end of file' });
        this.#pos = this.text.length;
        return value;
      }
      if (this.text[quote + 1] !== '"') {
        this.#pos = quote + 1;
        break;
      }
      value += '"';
      i = quote + 2;
    }
    const next = this.text[this.#pos];
    if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
      this.problems.push({
        line: this.#line,
        message: `text after a closing quote: ${JSON.stringify(next)}`,
      });
      value += this.#readPlain();
    }
    return value;
  }
}

/** CR LF, a lone CR and a lone LF each end one physical line. */
function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * Column positions by header name, so a reordered export still reads right. A file without the
 * expected header is not dirty data but a different file, so this throws.
 */
export function requireColumns<const N extends string>(
  header: readonly string[],
  names: readonly N[],
  file: string,
): Record<N, number> {
  const found = {} as Record<N, number>;
  const missing: string[] = [];
  for (const name of names) {
    const at = header.findIndex((cell) => cell.normalize('NFC').replace(/\s+/g, ' ').trim() === name);
    if (at < 0) missing.push(name);
    else found[name] = at;
  }
  if (missing.length > 0) throw new Error(`${file}: header lacks column(s) ${missing.join(', ')}`);
  return found;
}
