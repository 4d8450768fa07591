/**
 * Text hygiene for unit names (tên đơn vị hành chính) read from dirty sources.
 *
 * Three forms of one name are used, never mixed up:
 * - `cleanText`: what is stored — NFC, no embedded newlines, single spaces, trimmed. Letters, tone
 *   marks and punctuation are left exactly as published.
 * - `matchKey`: what two sources are compared by — also case-folded, with typographic apostrophes
 *   made ASCII and every tone mark moved to one canonical place in its syllable, so that the old
 *   ("Hoà", "Thuỷ") and new ("Hòa", "Thủy") placement styles give the same key.
 * - `searchKey`: what people type — no diacritics at all, "đ" as "d", lower case ("ba dinh").
 */

/** The five Vietnamese tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Vowel quality marks that belong to the letter, not the syllable: mũ (^), trăng (˘), móc (ơ/ư). */
const VOWEL_MARKS = new Set(['\u0302', '\u0306', '\u031B']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y']);
const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4`]/g;
const INVISIBLE = /[\u200B-\u200D\uFEFF]/g;
const HAS_INVISIBLE = /[\u200B-\u200D\uFEFF]/;
const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029/g;

/**
 * Names repeat thousands of times across the sources (province labels, notes), and NFC is the
 * costly step, so results are remembered. The cache is bounded so a long-lived process stays small.
 */
function memoize(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= 200_000) cache.clear();
      value = fn(text);
      cache.set(text, value);
    }
    return value;
  };
}

/** NFC, embedded newlines and odd spaces turned into single spaces, trimmed. */
export const cleanText = memoize((raw) =>
  raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim(),
);

/** What `cleanText` had to repair in a raw cell; empty when the cell was already clean. */
export type TextIssue =
  | 'not_nfc'
  | 'line_break'
  | 'leading_space'
  | 'trailing_space'
  | 'double_space'
  | 'odd_space'
  | 'invisible';

export function textIssues(raw: string): TextIssue[] {
  // Almost every cell is clean; cleanText is remembered, so this avoids the costly checks below.
  if (cleanText(raw) === raw) return [];
  const issues: TextIssue[] = [];
  const inner = raw.trim();
  if (raw.normalize('NFC') !== raw) issues.push('not_nfc');
  if (/[\r\n\u2028\u2029]/.test(raw)) issues.push('line_break');
  if (/^\s/.test(raw)) issues.push('leading_space');
  if (/\s$/.test(raw)) issues.push('trailing_space');
  if (/[^\S\r\n\u2028\u2029]{2,}/.test(inner)) issues.push('double_space');
  // Tabs, no-break and other Unicode spaces inside the text, which become plain spaces.
  if (/[^\S \r\n\u2028\u2029]/.test(inner)) issues.push('odd_space');
  if (HAS_INVISIBLE.test(raw)) issues.push('invisible');
  return issues;
}

/**
 * One syllable with its tone mark moved onto its last vowel letter. The position depends only on
 * the toneless letters, so every placement style of the same syllable yields the same string.
 */
function canonicalToneSyllable(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = [...decomposed].filter((ch) => TONE_MARKS.has(ch)).join('');
  if (tones === '') return word.normalize('NFC');
  const letters = [...decomposed].filter((ch) => !TONE_MARKS.has(ch));
  let at = letters.length;
  for (let i = letters.length - 1; i >= 0; i--) {
    if (VOWELS.has(letters[i] as string)) {
      at = i + 1;
      while (at < letters.length && VOWEL_MARKS.has(letters[at] as string)) at++;
      break;
    }
  }
  letters.splice(at, 0, tones);
  return letters.join('').normalize('NFC');
}

/** Apostrophe variants (’ ‘ ʼ ´ `) written as the ASCII apostrophe. */
export function asciiApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

/** The comparison key: equal for names that differ only by cleaning, case, apostrophes or tone style. */
export const matchKey = memoize((raw) =>
  asciiApostrophes(cleanText(raw)).toLowerCase().split(' ').map(canonicalToneSyllable).join(' '),
);

/**
 * Chính tả i/y: a syllable-final y after a consonant or "qu" may be written i ("Quý"/"Quí",
 * "Sỹ"/"Sĩ", "Kỳ"/"Kì"); "uy", "ay" and the like are untouched. Used only to classify a difference.
 */
function iForY(syllable: string): string {
  const letters = [...syllable.normalize('NFD')].filter((ch) => !TONE_MARKS.has(ch)).join('');
  if (!letters.endsWith('y')) return syllable;
  const stem = letters.slice(0, -1);
  const previous = stem.at(-1);
  const afterConsonant = previous === undefined || !(VOWELS.has(previous) || VOWEL_MARKS.has(previous));
  if (!afterConsonant && !stem.endsWith('qu')) return syllable;
  const tones = [...syllable.normalize('NFD')].filter((ch) => TONE_MARKS.has(ch)).join('');
  return `${stem}i${tones}`.normalize('NFC');
}

/** Diacritic-free, lower-case key for search boxes: "Đông Triều" → "dong trieu", "Cư M’gar" → "cu mgar". */
export const searchKey = memoize((raw) =>
  asciiApostrophes(cleanText(raw))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
);

/**
 * How two spellings of a name relate, from the smallest difference to a real one. Later steps
 * include the earlier ones: 'tone_style' means equal once cleaned, case-folded and tone-normalised.
 */
export type NameDifference =
  | 'identical'
  | 'cleanup'
  | 'case'
  | 'apostrophe'
  | 'tone_style'
  | 'i_y'
  | 'different';

export function compareNames(a: string, b: string): NameDifference {
  if (a === b) return 'identical';
  const ca = cleanText(a);
  const cb = cleanText(b);
  if (ca === cb) return 'cleanup';
  if (ca.toLowerCase() === cb.toLowerCase()) return 'case';
  if (asciiApostrophes(ca).toLowerCase() === asciiApostrophes(cb).toLowerCase()) return 'apostrophe';
  const ka = matchKey(ca);
  const kb = matchKey(cb);
  if (ka === kb) return 'tone_style';
  if (ka.split(' ').map(iForY).join(' ') === kb.split(' ').map(iForY).join(' ')) return 'i_y';
  return 'different';
}

/**
 * True when the difference is one of writing style only, so the two strings name the same thing.
 * An i/y difference is a spelling, not a style: "Mỵ" and "Mi" are different syllables.
 */
export function isSameName(difference: NameDifference): boolean {
  return difference !== 'different' && difference !== 'i_y';
}
