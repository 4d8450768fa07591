/**
 * Đánh dấu từ khớp (highlighting): a procedure's name cut into segments, the words that match the
 * query marked. The text keeps its diacritics; matching compares search keys. Pure: no I/O.
 */
import { searchKey } from '../../admin-units/index.js';

export interface HighlightSegment {
  text: string;
  marked: boolean;
}

/**
 * Edit distance of two short words, stopping early above `max` (then any value above `max`):
 * enough to tell a typo ("snh" for "sinh") from another word.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Typos tolerated by length of the typed word: none under 3 letters, one up to 6, two above. */
const tolerance = (token: string) => (token.length < 3 ? 0 : token.length <= 6 ? 1 : 2);

/** Whether a word (search key) is a typed word with a typo: "sinh" for "snh". */
export function isTypoOf(word: string, token: string): boolean {
  const max = tolerance(token);
  return max > 0 && word.length >= 3 && editDistance(word, token, max) <= max;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The name in segments: each word whose search key starts with a typed word is marked, and so is a
 * word a typo away from a typed word that starts no word of the name. Marked words with only spaces
 * between them form one segment.
 */
export function highlightName(name: string, tokens: readonly string[]): HighlightSegment[] {
  const words = [...name.matchAll(WORD)].map((m) => ({ at: m.index, text: m[0], key: searchKey(m[0]) }));
  const typos = tokens.filter((t) => !words.some((w) => w.key.startsWith(t)));
  const matches = (key: string) =>
    tokens.some((t) => key.startsWith(t)) || typos.some((t) => isTypoOf(key, t));
  const segments: HighlightSegment[] = [];
  const push = (text: string, marked: boolean) => {
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };
  let at = 0;
  for (const w of words) {
    const marked = matches(w.key);
    const gap = name.slice(at, w.at);
    if (gap) push(gap, marked && /^ +$/.test(gap) && segments.at(-1)?.marked === true);
    push(w.text, marked);
    at = w.at + w.text.length;
  }
  if (at < name.length) push(name.slice(at), false);
  return segments;
}
