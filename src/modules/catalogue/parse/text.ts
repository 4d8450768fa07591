/** Text hygiene for crawled procedure records: NFC, odd spaces, placeholders. */

/** The portal's placeholder for an empty cell. */
export const NO_INFO = 'Không có thông tin';

/** NFC, tabs / non-breaking / zero-width spaces and newlines as single spaces, trimmed. */
export function cleanLine(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** Like cleanLine, but keeps line breaks (steps as written): each line cleaned, empty ones dropped. */
export function cleanBlock(raw: string): string {
  return raw
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map(cleanLine)
    .filter((l) => l !== '')
    .join('\n');
}

/** The cleaned value, or null when the cell is empty or the placeholder. */
export function valueOrNull(raw: string | undefined, block = false): string | null {
  if (raw === undefined) return null;
  const v = block ? cleanBlock(raw) : cleanLine(raw);
  return v === '' || v === NO_INFO || v === '--' ? null : v;
}

/** Splits on commas outside parentheses ("Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp"). */
export function splitOutsideParens(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map(cleanLine).filter((p) => p !== '');
}

/** Lower case, no diacritics, "đ" as "d", single spaces: for comparing names. */
export function foldKey(text: string): string {
  return cleanLine(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** The first date in a text: "ngày 01/7/2025", "15/5/2021" or "15 tháng 5 năm 2021", as yyyy-mm-dd. */
export function firstDate(text: string): string | null {
  const m =
    /(?<!\d)(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?!\d)/.exec(text) ??
    /(?<!\d)(\d{1,2}) tháng (\d{1,2}) năm (\d{4})/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1945 || y > 2100) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
