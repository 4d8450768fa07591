/**
 * An in-memory index over the built records: what a code meant on a date, and where an old commune
 * went or a new one came from. The importer uses it to validate its output and tests use it; the
 * database-backed lookups answer the same questions later.
 */
import { compareText } from './anomalies.js';
import { type IsoDate, isIsoDate } from './sources.js';
import type { AdminUnitImport, CodeAlias, CrosswalkEdge, UnitVersion } from './types.js';

export type UnitIndexData = Pick<AdminUnitImport, 'versions' | 'aliases' | 'edges'>;

function coversDate(span: { validFrom: IsoDate | null; validTo: IsoDate | null }, date: IsoDate): boolean {
  return (
    (span.validFrom === null || span.validFrom <= date) && (span.validTo === null || date <= span.validTo)
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
}

export class UnitIndex {
  readonly #versions: Map<string, UnitVersion[]>;
  readonly #aliases: Map<string, CodeAlias[]>;
  readonly #children: Map<string, UnitVersion[]>;
  readonly #byOld: Map<string, CrosswalkEdge[]>;
  readonly #byNew: Map<string, CrosswalkEdge[]>;

  constructor(data: UnitIndexData) {
    this.#versions = groupBy(data.versions, (v) => v.code);
    this.#aliases = groupBy(data.aliases, (a) => a.alias);
    this.#children = groupBy(data.versions, (v) => v.parentCode);
    this.#byOld = groupBy(data.edges, (e) => e.oldCode);
    this.#byNew = groupBy(data.edges, (e) => e.newCode);
  }

  /** Every version of a code, oldest first. */
  versionsOf(code: string): readonly UnitVersion[] {
    return this.#versions.get(code) ?? [];
  }

  /**
   * The code a source's code stands for on a date: itself while a unit holds it, otherwise the
   * unit it is an alias of (06970 → 06978 from 1 July 2025); undefined when it meant nothing.
   */
  resolveCode(code: string, date: IsoDate): string | undefined {
    assertDate(date);
    if (this.versionsOf(code).some((v) => coversDate(v, date))) return code;
    return this.#aliases.get(code)?.find((a) => coversDate(a, date))?.code;
  }

  /** What the code meant on that date (through an alias if need be), or undefined. */
  unitAt(code: string, date: IsoDate): UnitVersion | undefined {
    const resolved = this.resolveCode(code, date);
    return resolved === undefined ? undefined : this.versionsOf(resolved).find((v) => coversDate(v, date));
  }

  /** Units under a parent on a date, by code. */
  childrenAt(parentCode: string, date: IsoDate): UnitVersion[] {
    assertDate(date);
    return (this.#children.get(parentCode) ?? [])
      .filter((v) => coversDate(v, date))
      .sort((a, b) => compareText(a.code, b.code));
  }

  /** Where an old unit went on 1 July 2025: one whole edge, or several partial ones for a split. */
  successorsOf(oldCode: string): readonly CrosswalkEdge[] {
    return this.#byOld.get(oldCode) ?? [];
  }

  /** What a new commune was formed from; an alias (06970) finds the unit it stands for. */
  predecessorsOf(newCode: string): readonly CrosswalkEdge[] {
    const direct = this.#byNew.get(newCode);
    if (direct) return direct;
    const alias = this.#aliases.get(newCode)?.[0];
    return alias ? (this.#byNew.get(alias.code) ?? []) : [];
  }
}
