/**
 * Module identity (định danh và phân quyền): citizens and businesses who log in through the national
 * SSO / VNeID, officers with passwords and TOTP, roles in agencies, sessions, API tokens and the
 * hash-chained audit log. This file is the module's public API: the only file other modules import.
 */
import type { AppModule } from '../../platform/module.js';

export { CITIZEN_LOGIN_PATH, identityAccess, OFFICER_LOGIN_PATH } from './access.js';
export { type AuditEntry, recordAudit } from './audit.repository.js';
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
};
