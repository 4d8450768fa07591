/**
 * Module dossiers (hồ sơ): intake online and at the one-stop desk, dossier codes, components and
 * their digitization, attachments, fee lines fixed at receipt, cash receipts, the intake slips
 * (Mẫu 01–03), the citizen's data store and public tracking. This file is the module's public API.
 */
import type { AppModule } from '../../platform/module.js';
import { registerDossierApi } from './dossiers.api.js';
import { registerTrackingPages } from './pages/tracking/tracking.pages.js';

export type {
  Channel,
  Dossier,
  DossierComponent,
  FiledBy,
  HistoryEntry,
  Person,
  ReturnMethod,
} from './dossier.js';
export { formatDossierCode, isDossierCode, localDay, parseDossierCode } from './dossier-code.js';
export { findDossier, getDossier, getDossierForCaller } from './dossier-read.service.js';
export { DOSSIER_EVENT_JOB, type DossierEvent, type DossierEventKind } from './events.js';
export { type DossierStatus, STATUS_NAMES, transition } from './lifecycle.js';

export const dossiersModule: AppModule = {
  name: 'dossiers',
  routes(app, ctx) {
    registerDossierApi(app, ctx);
    registerTrackingPages(app, ctx);
  },
};
