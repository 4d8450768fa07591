import path from 'node:path';

export const MAX_FILE_NAME = 200;
const FALLBACK = 'tep-dinh-kem';

/**
 * The client's file name as shown to officers and used on download: the base name only (a browser
 * may send a full Windows path), NFC (macOS sends decomposed Vietnamese), without control
 * characters or the bidirectional overrides that make "gpj.exe" look like "exe.jpg", at most 200
 * characters with the extension kept.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+$/, '');
  if (clean === '') return FALLBACK;
  const chars = Array.from(clean);
  if (chars.length <= MAX_FILE_NAME) return clean;
  const ext = Array.from(path.extname(clean));
  const keep = ext.length > 0 && ext.length <= 20 ? ext : [];
  return chars.slice(0, MAX_FILE_NAME - keep.length).join('') + keep.join('');
}
