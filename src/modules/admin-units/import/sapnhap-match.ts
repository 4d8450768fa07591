/**
 * Finding the catalogue commune a sapnhap row describes. The table has no GSO codes, so a row is
 * matched inside its province: first by type and name in any tone style; then, when the two sources
 * disagree on the type ("Xã Việt Hòa" for Phường Việt Hòa), by name alone; then, when they disagree
 * on a diacritic ("Phố Bảng" for Phó Bảng), by type and the diacritic-free name. A later step is
 * taken only when it finds exactly one unit, and the caller reports how the match was made.
 */
import { matchKey, searchKey } from './text.js';
import type { Catalogue, CatalogueUnit } from './types.js';
import type { UnitType } from './unit-types.js';

export interface CommuneIndex {
  byTypeAndName: Map<string, CatalogueUnit[]>;
  byName: Map<string, CatalogueUnit[]>;
  byTypeAndBareName: Map<string, CatalogueUnit[]>;
}

export type MatchHow = 'exact' | 'other_type' | 'without_diacritics';

export interface CommuneMatch {
  unit: CatalogueUnit | undefined;
  how: MatchHow;
  /** Units that fit but not uniquely, when no unit was chosen. */
  candidates: CatalogueUnit[];
}

function add(index: Map<string, CatalogueUnit[]>, key: string, unit: CatalogueUnit): void {
  const list = index.get(key);
  if (list) list.push(unit);
  else index.set(key, [unit]);
}

export function indexCommunes(reform: Catalogue): CommuneIndex {
  const index: CommuneIndex = { byTypeAndName: new Map(), byName: new Map(), byTypeAndBareName: new Map() };
  for (const unit of reform.units) {
    if (unit.level !== 'commune') continue;
    add(index.byTypeAndName, `${unit.provinceCode}|${unit.type}|${matchKey(unit.name)}`, unit);
    add(index.byName, `${unit.provinceCode}|${matchKey(unit.name)}`, unit);
    add(index.byTypeAndBareName, `${unit.provinceCode}|${unit.type}|${searchKey(unit.name)}`, unit);
  }
  return index;
}

export function findCommune(
  index: CommuneIndex,
  provinceCode: string,
  type: UnitType | undefined,
  name: string,
): CommuneMatch {
  const steps: [MatchHow, CatalogueUnit[] | undefined][] = [
    ['exact', type && index.byTypeAndName.get(`${provinceCode}|${type}|${matchKey(name)}`)],
    ['other_type', index.byName.get(`${provinceCode}|${matchKey(name)}`)],
    ['without_diacritics', type && index.byTypeAndBareName.get(`${provinceCode}|${type}|${searchKey(name)}`)],
  ];
  let candidates: CatalogueUnit[] = [];
  for (const [how, found] of steps) {
    if (found?.length === 1) return { unit: found[0], how, candidates: [] };
    if (found && found.length > 1 && candidates.length === 0) candidates = found;
  }
  return { unit: undefined, how: 'exact', candidates };
}
