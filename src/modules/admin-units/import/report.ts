/** Helpers that clean a value and report what was found, so parsers stay short and uniform. */
import type { AnomalyLog } from './anomalies.js';
import type { CsvProblem } from './csv.js';
import type { SourceFileName } from './sources.js';
import { cleanText, type NameDifference, type TextIssue, textIssues } from './text.js';

/** Where a value sits: enough for a person to find it in the file. */
export interface CellPlace {
  log: AnomalyLog;
  source: SourceFileName;
  row: number | null;
  field: string;
  codes?: readonly string[];
}

const ISSUE_LABELS: Record<TextIssue, { vi: string; en: string }> = {
  not_nfc: { vi: 'không ở dạng Unicode NFC', en: 'not in Unicode NFC' },
  line_break: { vi: 'có ký tự xuống dòng', en: 'contains a line break' },
  leading_space: { vi: 'thừa khoảng trắng ở đầu', en: 'leading space' },
  trailing_space: { vi: 'thừa khoảng trắng ở cuối', en: 'trailing space' },
  double_space: { vi: 'có khoảng trắng kép', en: 'double space' },
  odd_space: {
    vi: 'có ký tự trắng lạ (tab, khoảng trắng không ngắt)',
    en: 'odd space character (tab, no-break space)',
  },
  invisible: { vi: 'có ký tự vô hình', en: 'invisible character' },
};

/** The row a cell is on; built once per row, since the sources have about 150,000 cells. */
export type RowPlace = Omit<CellPlace, 'field' | 'codes'>;

/** The cleaned value; one `text_cleaned` anomaly when the raw cell needed repair. */
export function cleanCell(raw: string, row: RowPlace, field: string, codes: readonly string[] = []): string {
  const clean = cleanText(raw);
  if (clean === raw) return raw;
  const issues = textIssues(raw);
  row.log.add({
    kind: 'text_cleaned',
    source: row.source,
    row: row.row,
    field,
    codes,
    vi: `Ô "${field}" ${issues.map((i) => ISSUE_LABELS[i].vi).join(', ')}; dùng giá trị "${clean}"`,
    en: `Cell "${field}": ${issues.map((i) => ISSUE_LABELS[i].en).join(', ')}; used "${clean}"`,
  });
  return clean;
}

/** Names the other side of a comparison in both languages ("danh mục 2025-07" / "the 2025-07 catalogue"). */
export interface Counterpart {
  vi: string;
  en: string;
}

const DIFFERENCE_KIND = {
  case: 'case_variant',
  apostrophe: 'apostrophe_variant',
  tone_style: 'tone_style_variant',
  i_y: 'i_y_variant',
  different: 'name_mismatch',
} as const;

const DIFFERENCE_TEXT = {
  case: { vi: 'chỉ khác chữ hoa/thường', en: 'differ only in letter case' },
  apostrophe: { vi: 'chỉ khác kiểu dấu nháy', en: 'differ only in the apostrophe used' },
  tone_style: { vi: 'chỉ khác cách đặt dấu thanh', en: 'differ only in tone-mark placement style' },
  i_y: { vi: 'chỉ khác cách viết i/y', en: 'differ only in i/y spelling' },
  different: { vi: 'khác nhau', en: 'differ' },
} as const;

/**
 * Reports a difference between a name here and the same unit's name elsewhere. Style differences
 * are information; a real difference is a warning. Identical or cleanup-only pairs report nothing.
 */
export function reportNameDifference(
  difference: NameDifference,
  place: CellPlace,
  here: string,
  there: string,
  counterpart: Counterpart,
): void {
  if (difference === 'identical' || difference === 'cleanup') return;
  const text = DIFFERENCE_TEXT[difference];
  place.log.add({
    kind: DIFFERENCE_KIND[difference],
    source: place.source,
    row: place.row,
    field: place.field,
    codes: place.codes ?? [],
    vi: `Tên "${here}" và "${there}" (${counterpart.vi}) ${text.vi}`,
    en: `Names "${here}" and "${there}" (${counterpart.en}) ${text.en}`,
  });
}

/** Malformed CSV (stray or unbalanced quotes): reported where it is; the reader kept the text. */
export function reportCsvProblems(
  problems: readonly CsvProblem[],
  source: SourceFileName,
  log: AnomalyLog,
): void {
  for (const p of problems) {
    log.add({
      kind: 'csv_syntax',
      source,
      row: p.line,
      vi: `Lỗi cú pháp CSV: ${p.message}`,
      en: `CSV syntax: ${p.message}`,
    });
  }
}
