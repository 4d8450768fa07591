/**
 * Reading the crosswalk's note column (Ghi chú): whether an old commune went whole or in part into a
 * new one, and what kind of change it was. The notes are free text with typos ("Nhâp một phần diện
 * tích"), so they are read by their diacritic-free form, and a misspelling is reported.
 */

import { searchKey } from './text.js';
import type { CrosswalkChange, MergeKind } from './types.js';

/** The notes as the NSO wrote them, correctly spelt; anything else that reads the same is a typo. */
export const STANDARD_NOTES = [
  'Nhập toàn bộ',
  'Nhập toàn bộ diện tích',
  'Nhập một phần',
  'Nhập một phần diện tích',
  'Nhập một phần dân số',
  'Nhập một phần diện tích, toàn bộ dân số',
  'Giữ nguyên',
  'Đổi tên',
  'Đổi loại hình',
] as const;

const STANDARD_BY_KEY = new Map<string, string>(STANDARD_NOTES.map((n) => [searchKey(n), n]));

/** First matching rule wins; "Đổi tên, đổi loại hình" is a rename first. */
const CHANGE_RULES: readonly { startsWith: string; change: CrosswalkChange }[] = [
  { startsWith: 'nhap ', change: 'merged' },
  { startsWith: 'phan con lai', change: 'merged' },
  { startsWith: 'giu nguyen', change: 'unchanged' },
  { startsWith: 'doi ten', change: 'renamed' },
  { startsWith: 'doi loai hinh', change: 'retyped' },
  { startsWith: 'sap xep toan bo', change: 'reorganised' },
];

export interface NoteReading {
  /** Null when the note does not say; the structure of the table decides then. */
  kind: MergeKind | null;
  change: CrosswalkChange;
  /** The standard note this one misspells, when it is a misspelling. */
  correctedFrom: string | null;
}

/**
 * "một phần" (part) or "phần còn lại" (the remainder after a part was split off) mean the old unit
 * went to more than one new unit. "toàn bộ" or an unchanged/renamed/retyped unit mean whole.
 */
export function readNote(note: string): NoteReading {
  const key = searchKey(note);
  const change = CHANGE_RULES.find(
    (r) => key === r.startsWith.trim() || key.startsWith(r.startsWith),
  )?.change;
  const standard = STANDARD_BY_KEY.get(key);
  const correctedFrom = standard !== undefined && standard !== note ? standard : null;
  if (!change) return { kind: null, change: 'unspecified', correctedFrom };
  const partial = key.includes('mot phan') || key.startsWith('phan con lai');
  return { kind: partial ? 'partial' : 'whole', change, correctedFrom };
}
