import type { AuditActor } from '../src/platform/audit/actor.js';

/** An officer as services receive them from a request: id, username as label, no address. */
export const officerActor = (id: string, username = id): AuditActor => ({
  kind: 'officer',
  id,
  label: username,
  ip: null,
});
