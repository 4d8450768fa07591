/**
 * The import report (báo cáo nhập dữ liệu): every dirty thing found in the sources, with where it
 * is and what the importer did about it. Nothing is fixed or dropped silently; a person reading the
 * report can check each decision against the file.
 */
import { SOURCE_ORDER, type SourceFileName } from './sources.js';

export const ANOMALY_SEVERITY = {
  /** A cell needed NFC, newline or space repair before use (the stored value is the repaired one). */
  text_cleaned: 'info',
  /** The CSV itself is malformed at this place (stray or unbalanced quotes). */
  csv_syntax: 'error',
  /** A row or unit object lacks a required field or has a malformed code: not imported. */
  unparsable_row: 'error',
  /** The same code twice in one catalogue: the later one is not imported. */
  duplicate_code: 'error',
  /** Two sources give different codes for one unit: one code kept, the other recorded as an alias. */
  code_conflict: 'warning',
  /** The crosswalk names a commune under another commune's code: the code is corrected by name. */
  wrong_old_code: 'warning',
  /** Same code, really different names in two sources (a spelling, not a style): code kept. */
  name_mismatch: 'warning',
  /** Same name written with tone marks placed in another style ("Hòa"/"Hoà"). */
  tone_style_variant: 'info',
  /** The same name under the other i/y spelling convention ("Quý"/"Quí", "Sỹ"/"Sĩ"). */
  i_y_variant: 'info',
  /** Same name in another letter case ("xã Bắc Sơn", "Thị Trấn"). */
  case_variant: 'info',
  /** Same name with typographic instead of ASCII apostrophes ("Cư M’gar"). */
  apostrophe_variant: 'info',
  /** A name written without its type word ("Quảng Trị" for "Tỉnh Quảng Trị"). */
  missing_type_prefix: 'info',
  /** The type word written twice ("Phường Phường Đúc"): kept as published. */
  doubled_type_prefix: 'warning',
  /** Two sources, or two fields of one source, give different types for one unit. */
  type_mismatch: 'warning',
  /** Two sources place a unit under different parents. */
  parent_mismatch: 'warning',
  /** A crosswalk row without an old code. */
  missing_old_code: 'warning',
  /** A crosswalk note (Ghi chú) misspelt, read as the note it resembles. */
  note_misspelt: 'info',
  /** A crosswalk note that says neither whole nor part. */
  unknown_note: 'warning',
  /** The note says "whole" but the old commune is split across several new ones (or the reverse). */
  kind_conflict: 'warning',
  /** The same old→new pair twice in the crosswalk: the later row is not imported. */
  duplicate_edge: 'warning',
  /** A code that no catalogue knows and that could not be resolved by name. */
  unknown_code: 'error',
  /** A unit of one source that a second source does not list. */
  missing_in_source: 'warning',
  /** A unit the crosswalk never maps (no successor, or no predecessor). */
  unmapped_unit: 'warning',
  /** sapnhap: the site's province number disagrees with the province name on the row. */
  wrong_province_number: 'warning',
  /** A second-source row that matches no catalogue unit. */
  unmatched_row: 'warning',
  /** A value given as "đang cập nhật" (being updated) or left empty: stored as unknown. */
  missing_value: 'info',
  /** A number written with thousands separators ("30,509"). */
  number_format: 'info',
  /** A value outside any plausible range (a commune of 653,422 people, an area of 0 km²). */
  implausible_value: 'warning',
} as const;

export type AnomalyKind = keyof typeof ANOMALY_SEVERITY;
export type AnomalySeverity = (typeof ANOMALY_SEVERITY)[AnomalyKind];

export interface ImportAnomaly {
  kind: AnomalyKind;
  severity: AnomalySeverity;
  source: SourceFileName;
  /** 1-based line in the file: where the CSV record starts, or the unit's "Code" key in JSON. */
  row: number | null;
  /** Column or JSON field concerned, when one is. */
  field: string | null;
  /** Unit codes concerned, the kept code first. */
  codes: string[];
  messageVi: string;
  messageEn: string;
}

export interface AnomalyInput {
  kind: AnomalyKind;
  source: SourceFileName;
  row?: number | null;
  field?: string | null;
  codes?: readonly string[];
  vi: string;
  en: string;
}

/** Collects anomalies during one build; `list()` gives them in a stable order. */
export class AnomalyLog {
  readonly #items: ImportAnomaly[] = [];

  add(input: AnomalyInput): void {
    this.#items.push({
      kind: input.kind,
      severity: ANOMALY_SEVERITY[input.kind],
      source: input.source,
      row: input.row ?? null,
      field: input.field ?? null,
      // A code a source left empty is not a code; dropping it here keeps every caller simple.
      codes: (input.codes ?? []).filter((code) => code !== ''),
      messageVi: input.vi,
      messageEn: input.en,
    });
  }

  list(): ImportAnomaly[] {
    return [...this.#items].sort(compareAnomalies);
  }
}

function compareAnomalies(a: ImportAnomaly, b: ImportAnomaly): number {
  return (
    SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    compareText(a.field ?? '', b.field ?? '') ||
    compareText(a.kind, b.kind) ||
    compareText(a.codes.join(','), b.codes.join(',')) ||
    compareText(a.messageEn, b.messageEn)
  );
}

/** Code-unit order, not locale order, so the output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Count of anomalies per kind, kinds in declaration order, zero counts left out. */
export function countAnomalies(anomalies: readonly ImportAnomaly[]): Partial<Record<AnomalyKind, number>> {
  const counts: Partial<Record<AnomalyKind, number>> = {};
  for (const kind of Object.keys(ANOMALY_SEVERITY) as AnomalyKind[]) {
    const n = anomalies.filter((a) => a.kind === kind).length;
    if (n > 0) counts[kind] = n;
  }
  return counts;
}
