/**
 * Routing to the competent agency (cơ quan có thẩm quyền), DOMAIN.md §3.4: any centre receives any
 * procedure of the province; the dossier goes to the body the catalogue names, found among the
 * province's agencies. A kind of body ("UBND cấp xã", "Công an cấp xã") is the one of that kind serving
 * the applicant's commune of residence. Pure: the service gives it the agencies and the unit.
 */
import type { Level, ProcedureContent } from '../catalogue/index.js';

export interface RoutableAgency {
  id: string;
  code: string;
  kind: string;
  name: string;
  parentId: string | null;
  units: readonly string[];
}

export interface RoutingInput {
  content: Pick<ProcedureContent, 'levels' | 'agencies'>;
  /** Commune (5 digits) of the applicant's residence, when known. */
  communeCode: string | null;
  communeName: string | null;
  provinceCode: string;
  agencies: readonly RoutableAgency[];
  /** The level asked for when the procedure has several (the desk chooses); else the lowest. */
  level?: Level | null;
}

export type RoutingOutcome =
  | { ok: true; competent: RoutableAgency; receivingCentre: RoutableAgency | null; level: Level }
  | { ok: false; code: 'dossier.commune_required' | 'dossier.no_competent_agency'; missing: string };

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const LEVEL_ORDER: Level[] = ['commune', 'province', 'ministry', 'other'];

function chooseLevel(levels: readonly Level[], asked: Level | null | undefined): Level {
  if (asked && levels.includes(asked)) return asked;
  return LEVEL_ORDER.find((l) => levels.includes(l)) ?? 'province';
}

/** The kind of body a catalogue name stands for, read from its words. */
export function kindOfName(name: string, level: Level): string {
  const n = fold(name);
  if (/cong an/.test(n)) return 'police';
  if (/thue/.test(n)) return 'tax';
  if (/dang ky dat dai/.test(n)) return 'land_registration';
  if (/^(chu tich )?(uy ban nhan dan|ubnd)/.test(n) || /^chu tich/.test(n))
    return level === 'commune' ? 'commune_committee' : 'provincial_committee';
  if (/^so |^so$/.test(n)) return 'department';
  return level === 'commune' ? 'commune_committee' : 'department';
}

function serves(a: RoutableAgency, unit: string) {
  return a.units.includes(unit);
}

/** The named body among the agencies of one kind: an exact (accent-free) name first, then a containment. */
function byName(candidates: readonly RoutableAgency[], name: string): RoutableAgency | undefined {
  const wanted = fold(name).replace(/ cap (tinh|xa)$/, '');
  return (
    candidates.find((a) => fold(a.name) === wanted) ??
    candidates.find((a) => fold(a.name).includes(wanted) || wanted.includes(fold(a.name)))
  );
}

function findCompetent(input: RoutingInput, level: Level, name: string): RoutableAgency | undefined {
  const kind = kindOfName(name, level);
  const ofKind = input.agencies.filter((a) => a.kind === kind);
  if (level === 'commune') {
    const unit = input.communeCode;
    return unit ? ofKind.find((a) => serves(a, unit)) : undefined;
  }
  if (kind === 'department') return byName(ofKind, name);
  return ofKind.find((a) => serves(a, input.provinceCode)) ?? ofKind[0];
}

/** The one-stop centre that belongs with the competent body: its own, else the commune's or the province's. */
export function centreFor(
  competent: RoutableAgency,
  agencies: readonly RoutableAgency[],
  provinceCode: string,
) {
  const centres = agencies.filter((a) => a.kind.endsWith('_service_centre'));
  return (
    centres.find((c) => c.parentId === competent.id) ??
    centres.find((c) => c.kind === 'commune_service_centre' && competent.units.some((u) => serves(c, u))) ??
    centres.find((c) => c.kind === 'provincial_service_centre' && serves(c, provinceCode)) ??
    null
  );
}

/**
 * The bodies one catalogue cell names: "Công an tỉnh, Công an cấp Xã" is two, while "Ủy ban Nhân dân
 * xã, phường, thị trấn." is one (a part that does not start with a capital continues the name).
 */
export function splitBodyNames(cell: string): string[] {
  const names: string[] = [];
  for (const raw of cell.split(/[,;]\s*/)) {
    const part = raw.replace(/[.\s]+$/, '').trim();
    if (!part) continue;
    const last = names.length - 1;
    if (last >= 0 && !/^\p{Lu}/u.test(part)) names[last] = `${names[last]}, ${part}`;
    else names.push(part);
  }
  return names;
}

const LEVEL_WORD: Record<Level, RegExp> = {
  commune: /\b(cap xa|xa|phuong)\b/,
  province: /\b(cap tinh|tinh)\b|^so /,
  ministry: /^(bo|cuc) /,
  other: /.^/,
};

/** The names to try, those that say the level first ("Công an cấp Xã" before "Công an tỉnh"). */
function candidateNames(input: RoutingInput, level: Level): string[] {
  const cells = input.content.agencies.filter(
    (a) => a.role === 'competent' && (a.level === level || a.level === null),
  );
  const names = cells.flatMap((a) => splitBodyNames(a.name));
  const ofLevel = names.filter((n) => LEVEL_WORD[level].test(fold(n)));
  if (ofLevel.length > 0) return ofLevel;
  return names.length > 0 ? names : [defaultBodyName(level)];
}

export function routeDossier(input: RoutingInput): RoutingOutcome {
  const level = chooseLevel(input.content.levels, input.level);
  const names = candidateNames(input, level);
  if (level === 'commune' && !input.communeCode) {
    return { ok: false, code: 'dossier.commune_required', missing: names[0] ?? defaultBodyName(level) };
  }
  for (const name of names) {
    const competent = findCompetent(input, level, name);
    if (competent) {
      return {
        ok: true,
        competent,
        level,
        receivingCentre: centreFor(competent, input.agencies, input.provinceCode),
      };
    }
  }
  const where = level === 'commune' && input.communeName ? ` phục vụ ${input.communeName}` : '';
  return { ok: false, code: 'dossier.no_competent_agency', missing: `${names[0]}${where}` };
}

function defaultBodyName(level: Level) {
  return level === 'commune' ? 'Ủy ban nhân dân cấp xã' : 'Ủy ban nhân dân cấp tỉnh';
}
