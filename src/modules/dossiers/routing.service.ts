/** Routing with the province's agencies as they stand (DOMAIN.md §3.4); the rule itself is routing.ts. */
import type { Db } from '../../platform/db/database.js';
import { AppError, validationError } from '../../platform/errors.js';
import { type Agency, listAgencies, unitAt } from '../admin-units/index.js';
import type { Level, ProcedureContent } from '../catalogue/index.js';
import { localDay } from './dossier-code.js';
import { type RoutableAgency, routeDossier } from './routing.js';

/** Every agency holding a code on the date (a province has hundreds, not millions). */
export async function routableAgencies(db: Db, at: Date): Promise<Agency[]> {
  const all: Agency[] = [];
  let after: string | undefined;
  do {
    const page = await listAgencies(db, { limit: 200, after, at });
    all.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  return all;
}

export interface Routed {
  competent: RoutableAgency;
  receivingCentre: RoutableAgency | null;
  level: Level;
  agencies: RoutableAgency[];
}

/** The competent body for a procedure and an applicant's commune, or a clear error naming what is missing. */
export async function routeFor(
  db: Db,
  args: {
    content: ProcedureContent;
    communeCode: string | null;
    level?: Level | null;
    at: Date;
    field: string;
  },
): Promise<Routed> {
  const agencies = await routableAgencies(db, args.at);
  const province = agencies.find((a) => a.kind === 'provincial_committee')?.units.find((u) => u.length === 2);
  const unit = args.communeCode ? await unitAt(db, args.communeCode, localDay(args.at)) : undefined;
  if (args.communeCode && !unit) {
    throw validationError(
      'dossier.unknown_commune',
      {
        vi: `Không có xã, phường mã ${args.communeCode}.`,
        en: `There is no commune with code ${args.communeCode}.`,
      },
      [{ field: args.field, message: { vi: 'Mã xã, phường không tồn tại.', en: 'Unknown commune code.' } }],
    );
  }
  const outcome = routeDossier({
    content: args.content,
    communeCode: args.communeCode,
    communeName: unit ? unit.fullName : null,
    provinceCode: province ?? '',
    agencies,
    level: args.level ?? null,
  });
  if (outcome.ok) return { ...outcome, agencies };
  if (outcome.code === 'dossier.commune_required') {
    const text = {
      vi: `Thủ tục này do ${outcome.missing} nơi cư trú giải quyết: hãy chọn xã, phường nơi cư trú.`,
      en: `This procedure is decided by the ${outcome.missing} of the place of residence: choose the commune.`,
    };
    throw validationError(outcome.code, text, [{ field: args.field, message: text }]);
  }
  throw new AppError('validation', outcome.code, {
    vi: `Chưa có cơ quan có thẩm quyền giải quyết: ${outcome.missing}. Hãy liên hệ Trung tâm Phục vụ hành chính công.`,
    en: `No competent body is set up for this dossier: ${outcome.missing}. Contact the public administration service centre.`,
  });
}
