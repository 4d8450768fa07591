/**
 * Căn cứ pháp lý: the header "Tên văn bản pháp lýMã văn bản" then pairs of title and number glued
 * together, e.g. "…tại Việt NamLuật 47/2014/QH13Thông tư quy định…53/2016/TT-BCA".
 */
import { cleanLine, firstDate } from './text.js';

export interface ParsedLegalBasis {
  number: string | null;
  title: string;
  issuedOn: string | null;
}

export const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
const KIND =
  /(?:Luật|Bộ luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh)(?: số)? $/u;
/** A space, then the kind of act that opens the next title. */
const NEXT_TITLE =
  /^\s+(?:Luật|Bộ luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh)(?=[\s:,])/u;
// "66.7/2025/NQ-CP": resolutions of the Government may carry a dotted number.
const NUMBER = /((?<![\d.])\d{1,3}\.\d{1,2}|\d+)\/(?:(\d{4})\/)?([\p{Lu}\d][\p{Lu}\d-]*)/gu;
const VOWEL = /^[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/u;
const CLUSTER = /^(Ch|Gh|Gi|Kh|Ng|Nh|Ph|Qu|Th|Tr)/u;

/** "TT-BCAThông": the last capital starts the next title's first word, so it is not the number's. */
function trimSuffix(suffix: string, next: string): string {
  if (suffix.endsWith('TT') && next.startsWith('g')) return `${suffix}g`;
  if (!/^\p{Ll}/u.test(next) || suffix.endsWith('TTg')) return suffix;
  const last = suffix.slice(-1);
  return VOWEL.test(next) || CLUSTER.test(last + next.slice(0, 1)) ? suffix.slice(0, -1) : suffix;
}

/** "202068" before "/2020/": the title's year "2020" glued to the number "68". */
function leadingDigits(digits: string): string {
  return digits.length > 4 && /^(19|20)\d\d/.test(digits) ? digits.slice(4) : digits;
}

export function parseLegalBases(raw: string): ParsedLegalBasis[] | null {
  const text = raw.normalize('NFC');
  const at = text.indexOf(LEGAL_HEADER);
  if (at < 0) return null;
  const body = text.slice(at + LEGAL_HEADER.length);
  const out: ParsedLegalBasis[] = [];
  let from = 0;
  const pattern = new RegExp(NUMBER.source, NUMBER.flags);
  for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
    const digits = leadingDigits(m[1] ?? '');
    let suffix = m[3] ?? '';
    // "TT-BCA57/2021/TT-BCA": a title ending in a number glued to the same number in its own cell.
    const nextNumber = /\d+$/u.exec(suffix);
    if (nextNumber && body.charAt((m.index ?? 0) + m[0].length) === '/' && nextNumber.index > 0) {
      suffix = suffix.slice(0, nextNumber.index);
      pattern.lastIndex = (m.index ?? 0) + m[0].length - nextNumber[0].length;
    }
    suffix = trimSuffix(
      suffix,
      body.slice((m.index ?? 0) + m[0].length - ((m[3] ?? '').length - suffix.length)),
    );
    const numberText = `${digits}/${m[2] ? `${m[2]}/` : ''}${suffix}`;
    const start = (m.index ?? 0) + (m[1] ?? '').length - digits.length;
    const end = start + numberText.length;
    const following = body.slice(end);
    // A number inside a title is followed by a space, punctuation or "ngày"; a column is glued on.
    // A number cell may end in a space, though: then it is glued to the title before it
    // ("…kinh doanh18/2026/TT-BTC Thông tư số 50/…") and the next title opens with a kind of act.
    const gluedBefore = start > 0 && /\p{L}/u.test(body.charAt(start - 1));
    const cellEndsInSpace = gluedBefore && NEXT_TITLE.test(following);
    if (following !== '' && !/^\p{L}/u.test(following) && !cellEndsInSpace) continue;
    if (/^ngày/u.test(following)) continue;
    const kind = KIND.exec(body.slice(Math.max(from, start - 20), start));
    const numberStart = kind && kind.index !== undefined ? start - kind[0].length : start;
    const title = cleanLine(body.slice(from, numberStart));
    const number = cleanLine(body.slice(numberStart, end));
    if (title === '') out.push({ number, title: number, issuedOn: null });
    else out.push({ number, title, issuedOn: firstDate(title) });
    from = end;
  }
  const tail = cleanLine(body.slice(from));
  if (tail !== '') out.push({ number: null, title: tail, issuedOn: firstDate(tail) });
  return out;
}
