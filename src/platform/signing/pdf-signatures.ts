/**
 * Finds the signature dictionaries of a PDF by their /ByteRange and reads the entries a verifier
 * needs. A byte-level scan, like @signpdf's own: signature dictionaries are written as plain
 * objects by every signer we know, while a full PDF parser would be a large dependency for this.
 * A signature dictionary inside a compressed object stream is not found (reported as unsigned).
 */

export interface SignatureDictionary {
  /** Offset of the /ByteRange key. */
  position: number;
  /** null when the array is not four integers (e.g. an unfilled placeholder). */
  byteRange: [number, number, number, number] | null;
  subFilter: string | null;
  filter: string | null;
  /** The claimed signing time (/M). */
  claimedTime: Date | null;
  name: string | null;
  reason: string | null;
  location: string | null;
}

function objectAround(text: string, position: number): string {
  const start = text.lastIndexOf(' obj', position);
  const end = text.indexOf('endobj', position);
  return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}

const NAME = /^\s*\/([^\s/<>[\]()]+)/;

function nameEntry(dict: string, key: string): string | null {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return null;
  return NAME.exec(dict.slice(at + key.length + 1))?.[1] ?? null;
}

/** A PDF text string: UTF-16BE with a byte-order mark, or PDFDocEncoding (read as Latin-1). */
function decodeTextString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const even = bytes.subarray(2, 2 + 2 * Math.floor((bytes.length - 2) / 2));
    return Buffer.from(even).swap16().toString('utf16le');
  }
  return bytes.toString('latin1');
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** The literal string starting at `(`, escapes resolved. */
function literalString(text: string, open: number): Buffer {
  const out: number[] = [];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[++i]!;
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
      if (octal) {
        out.push(Number.parseInt(octal[0], 8) & 0xff);
        i += octal[0].length - 1;
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && text[i + 1] === '\n') i++;
      } else out.push(ESCAPES[next] ?? next.charCodeAt(0));
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth === 0) break;
    if (i > open) out.push(c.charCodeAt(0));
  }
  return Buffer.from(out);
}

function textEntry(dict: string, key: string): string | null {
  try {
    return readTextEntry(dict, key);
  } catch {
    // A damaged display string must not hide the verdict on the signature itself.
    return null;
  }
}

function readTextEntry(dict: string, key: string): string | null {
  const match = new RegExp(`/${key}\\s*([(<])`).exec(dict);
  if (!match) return null;
  const open = match.index + match[0].length - 1;
  if (match[1] === '(') return decodeTextString(literalString(dict, open));
  const close = dict.indexOf('>', open);
  return decodeTextString(Buffer.from(dict.slice(open + 1, close).replace(/\s+/g, ''), 'hex'));
}

/** `D:20261205020000Z` or `D:20261205090000+07'00'` */
export function parsePdfDate(value: string | null): Date | null {
  const m =
    value && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign === '+' || sign === '-' ? (Number(oh) * 60 + Number(om)) * (sign === '+' ? 1 : -1) : 0;
  return new Date(utc - offset * 60_000);
}

export function findSignatureDictionaries(pdf: Buffer): SignatureDictionary[] {
  const text = pdf.toString('latin1');
  const found: SignatureDictionary[] = [];
  for (let at = text.indexOf('/ByteRange'); at >= 0; at = text.indexOf('/ByteRange', at + 1)) {
    const close = text.indexOf(']', at);
    const items = text
      .slice(text.indexOf('[', at) + 1, close)
      .trim()
      .split(/\s+/);
    const numbers = items.map((n) => (/^\d+$/.test(n) ? Number(n) : Number.NaN));
    const dict = objectAround(text, at);
    found.push({
      position: at,
      byteRange:
        numbers.length === 4 && numbers.every(Number.isFinite)
          ? (numbers as [number, number, number, number])
          : null,
      subFilter: nameEntry(dict, 'SubFilter'),
      filter: nameEntry(dict, 'Filter'),
      claimedTime: parsePdfDate(textEntry(dict, 'M')),
      name: textEntry(dict, 'Name'),
      reason: textEntry(dict, 'Reason'),
      location: textEntry(dict, 'Location'),
    });
  }
  return found;
}
