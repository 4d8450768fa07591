/**
 * Từ đồng nghĩa (synonyms): the words citizens use for a procedure, mapped to the words its legal
 * name uses. Short and curated on purpose: each entry is a phrase people really type ("sổ đỏ") and
 * the phrase of the catalogue it stands for. Everything is in search-key form (no diacritics, lower
 * case, single spaces). Pure: no I/O.
 */

export interface Synonym {
  /** What a citizen types, e.g. "so do" (sổ đỏ). */
  phrase: string;
  /** What the catalogue calls it, e.g. "giay chung nhan quyen su dung dat". */
  means: string;
}

export const SYNONYMS: readonly Synonym[] = [
  // Sổ đỏ, sổ hồng: giấy chứng nhận quyền sử dụng đất (quyền sở hữu nhà ở).
  { phrase: 'so do', means: 'giay chung nhan quyen su dung dat' },
  { phrase: 'so hong', means: 'giay chung nhan quyen su dung dat' },
  // "bằng lái xe" becomes "giấy phép lái xe"; "lai" also finds it as a word prefix.
  { phrase: 'bang lai', means: 'giay phep lai' },
  // Hộ khẩu was replaced by registration of permanent residence (Luật Cư trú 2020).
  { phrase: 'ho khau', means: 'thuong tru' },
  { phrase: 'cccd', means: 'can cuoc' },
  { phrase: 'can cuoc cong dan', means: 'can cuoc' },
  { phrase: 'cmnd', means: 'can cuoc' },
  { phrase: 'chung minh nhan dan', means: 'can cuoc' },
  { phrase: 'giay khai sinh', means: 'khai sinh' },
  { phrase: 'giay ket hon', means: 'ket hon' },
  { phrase: 'giay chung tu', means: 'khai tu' },
  { phrase: 'xac nhan doc than', means: 'xac nhan tinh trang hon nhan' },
  { phrase: 'sao y', means: 'chung thuc ban sao' },
  // Two spellings of one syllable (ký/kí, lý/lí, quy/qui).
  { phrase: 'ki', means: 'ky' },
  { phrase: 'li', means: 'ly' },
  { phrase: 'qui', means: 'quy' },
];

/** Words that open a request without naming the procedure ("làm sổ đỏ", "xin giấy phép ..."). */
const OPENING_WORDS: readonly string[][] = [['thu', 'tuc'], ['huong', 'dan'], ['cach'], ['lam'], ['xin']];

const MAX_ALTERNATIVES = 8;

const startsWithWords = (words: string[], at: number, phrase: string[]) =>
  phrase.every((w, i) => words[at + i] === w);

/** `words` with every occurrence of `phrase` replaced by `means`; undefined when none occurs. */
function replacePhrase(words: string[], phrase: string[], means: string[]): string[] | undefined {
  const out: string[] = [];
  let found = false;
  for (let i = 0; i < words.length; ) {
    if (startsWithWords(words, i, phrase)) {
      out.push(...means);
      i += phrase.length;
      found = true;
    } else {
      out.push(words[i] as string);
      i += 1;
    }
  }
  return found ? out : undefined;
}

/** `words` without the opening words that only say "I want to do" (kept when nothing would remain). */
function withoutOpening(words: string[]): string[] {
  let rest = words;
  for (let changed = true; changed; ) {
    changed = false;
    for (const opening of OPENING_WORDS) {
      if (rest.length > opening.length && startsWithWords(rest, 0, opening)) {
        rest = rest.slice(opening.length);
        changed = true;
      }
    }
  }
  return rest;
}

/**
 * The alternatives a query stands for, the words as typed first: each synonym found gives another
 * alternative, and so does dropping the opening words. A procedure matching any alternative matches.
 */
export function expandQuery(words: string[]): string[][] {
  const alternatives: string[][] = [words];
  const add = (alt: string[]) => {
    if (alt.length === 0 || alternatives.length >= MAX_ALTERNATIVES) return;
    if (!alternatives.some((a) => a.join(' ') === alt.join(' '))) alternatives.push(alt);
  };
  for (const { phrase, means } of SYNONYMS) {
    for (const alt of [...alternatives]) {
      const replaced = replacePhrase(alt, phrase.split(' '), means.split(' '));
      if (replaced) add(replaced);
    }
  }
  for (const alt of [...alternatives]) add(withoutOpening(alt));
  return alternatives;
}
