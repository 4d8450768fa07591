/**
 * Agencies (cơ quan), part of the admin-units module: the tree of bodies that receive and decide
 * dossiers, with their electronic identifier codes and history. This is the public API of the part;
 * the module's own index.ts re-exports it.
 */
import type { App } from '../../../platform/http/app-type.js';
import type { AppContext, DemoAccount } from '../../../platform/module.js';
import { registerAgencyApi } from './agencies.api.js';
import { seedDemoAgencies as seed } from './agencies.seed.js';
import { registerAgencyAdminPages } from './agencies-admin.pages.js';

export { DEMO_AGENCIES } from './agencies.seed.js';
export { type CodeChange, changeAgencyCode, createAgency, updateAgency } from './agencies.service.js';
export {
  agencyLineage,
  assertMayAdministerAgency,
  isSystemAdministrator,
  mayAdministerAgency,
} from './agency-admin-access.js';
export {
  type Actor,
  type Agency,
  type AgencyCodePeriod,
  type AgencyDeps,
  type AgencyPage,
  agencyCodeHistory,
  childAgencies,
  findAgency,
  findAgencyByCode,
  getAgency,
  getAgencyByCode,
  type ListOptions,
  listAgencies,
} from './agency-lookup.service.js';
export {
  AGENCY_CODE_PATTERN,
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  type AgencyInput,
  type AgencyKind,
  agencyCodeProblem,
  isAgencyKind,
  type NewAgencyInput,
  normaliseAgencyCode,
  parseAgencyCode,
} from './agency-rules.js';
export {
  ADMIN_CSS_PATH,
  Field,
  type FormError,
  formErrors,
  formValue,
  Notice,
  Select,
} from './views/admin-form.js';
export { ADMIN_AGENCIES_PATH, agencyAdminHref } from './views/agencies-admin.view.js';

/** The agencies' routes, for the admin-units module's `routes` (JSON API and administration pages). */
export function agencyRoutes(app: App, ctx: AppContext): void {
  registerAgencyApi(app, ctx);
  registerAgencyAdminPages(app, ctx);
}

/** The demo agencies of Quảng Ninh (idempotent), for the admin-units module's `demoSeed`. */
export function seedDemoAgencies(ctx: AppContext): Promise<DemoAccount[]> {
  return seed(ctx);
}
