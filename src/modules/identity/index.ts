/**
 * Module identity (định danh và phân quyền): citizens and businesses who log in through the national
 * SSO / VNeID, officers with passwords and TOTP, roles in agencies, sessions, API tokens and the
 * hash-chained audit log. This file is the module's public API: the only file other modules import.
 */
import type { AppModule } from '../../platform/module.js';
import { registerApiTokenApi } from './api-tokens.api.js';
import { registerApiTokenPages } from './api-tokens.pages.js';
import { auditChainJob } from './audit-chain.service.js';
import { registerAuditLogApi } from './audit-log.api.js';
import { registerAuditLogPages } from './audit-log.pages.js';
import { demoSandboxAccounts, registerCitizenLogin } from './citizen-login.js';
import { identityCleanupJob } from './cleanup.job.js';
import { seedDemoOfficers } from './demo-officers.js';
import { registerOfficerAuthApi } from './officer-auth.api.js';
import { registerOfficerAuthPages } from './officer-auth.pages.js';
import { registerOfficerAdminPages } from './officers-admin.pages.js';

/**
 * The audit log's append side lives in src/platform/audit: new code imports it from there
 * (docs/architecture.md, audit log); this re-export only keeps earlier callers working.
 */
export { type AuditEntry, recordAudit } from '../../platform/audit/record.js';
export { CITIZEN_LOGIN_PATH, identityAccess, OFFICER_LOGIN_PATH } from './access.js';
export { type AgencyTree, loadAgencyTree } from './agency-tree.repository.js';
export { AUDIT_CHAIN_JOB } from './audit-chain.service.js';
export {
  formatVerifyReport,
  runAuditVerifyCommand,
  type VerifyReport,
  verifyAuditChain,
} from './audit-verify.service.js';
export { ssoAccessToken } from './citizen-auth.service.js';
export { type OfficerLink, officerLinks } from './officer-links.js';
export {
  type AgencyAncestry,
  canGrantRole,
  canManageOfficer,
  canSeeDossier,
  canSeePersonalData,
  canViewOfficer,
  coversAgency,
  DOSSIER_ROLES,
  type DossierScope,
} from './policy.js';
export {
  authenticate,
  clearSessionCookie,
  createSession,
  endAllSessions,
  endSession,
  SESSION_COOKIE,
  sessionOf,
  setSessionCookie,
} from './sessions.service.js';

export const identityModule: AppModule = {
  name: 'identity',
  jobs: (ctx) => [auditChainJob(ctx), identityCleanupJob(ctx)],
  routes(app, ctx) {
    registerCitizenLogin(app, ctx);
    registerOfficerAdminPages(app, ctx);
    registerAuditLogPages(app, ctx);
    registerAuditLogApi(app, ctx);
    registerOfficerAuthPages(app, ctx);
    registerOfficerAuthApi(app, ctx);
    registerApiTokenPages(app, ctx);
    registerApiTokenApi(app, ctx);
  },
  async demoSeed(ctx) {
    return [...(await seedDemoOfficers(ctx)), ...demoSandboxAccounts()];
  },
};
