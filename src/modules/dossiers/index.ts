/**
 * Module dossiers (hồ sơ): intake online and at the one-stop desk, dossier codes, components and
 * their digitization, attachments, fee lines fixed at receipt, cash receipts, the intake slips
 * (Mẫu 01–03), the citizen's data store and public tracking. This file is the module's public API.
 */
import type { AppModule } from '../../platform/module.js';
import { dossiersCleanupJob } from './attachments/index.js';
import { registerDossierAttachmentApi } from './dossier-attachments.api.js';
import { registerDossierApi } from './dossiers.api.js';
import { registerCitizenDossierPages } from './pages/citizen/index.js';
import { registerDeskPages } from './pages/desk/desk.pages.js';
import { registerTrackingPages } from './pages/tracking/tracking.pages.js';

export { readAttachment as readDossierAttachment } from './attachments/index.js';
export { releaseResultDocument, storeResultDocument } from './data-store.service.js';
export type {
  Channel,
  Dossier,
  DossierComponent,
  FiledBy,
  HistoryEntry,
  Person,
  ReturnMethod,
} from './dossier.js';
export { readWorkingParts } from './dossier-attachments.api.js';
export { formatDossierCode, isDossierCode, localDay, parseDossierCode } from './dossier-code.js';
export { findDossier, getDossier, getDossierForCaller } from './dossier-read.service.js';
export {
  type HistoryInsert,
  insertHistory as appendDossierHistory,
  selectComponents as selectDossierComponents,
  updateGuarded as updateDossierGuarded,
} from './dossiers.repository.js';
export {
  DOSSIER_EVENT_JOB,
  DOSSIER_RECEIVED_JOB,
  type DossierEvent,
  type DossierEventKind,
} from './events.js';
export { actionLabel as dossierActionLabel } from './history-labels.js';
export { type DossierStatus, STATUS_NAMES, transition } from './lifecycle.js';
export { ACCEPT as ATTACHMENT_ACCEPT } from './pages/citizen/intake.view.js';
export { readSearch as readDossierSearch } from './pages/desk/desk-list.service.js';
export {
  CHANNEL_LABELS,
  type FormErrors,
  fileHref as attachmentHref,
  NO_ERRORS,
  RadioGroup,
  SelectField,
  StyleSheet as DeskStyleSheet,
  statusText,
  TextArea,
  TextField,
  when as formatWhen,
} from './pages/desk/desk-parts.js';
export { receiveDossier } from './review.service.js';
export { submitDossier } from './submission.service.js';
export { trackingUrl } from './tracking-token.js';
export { dossierChanged } from './transitions.js';
export {
  attachWorkingFiles,
  listWorkingFiles,
  type WorkingFile,
} from './working-files.service.js';

export const dossiersModule: AppModule = {
  name: 'dossiers',
  jobs: (ctx) => [dossiersCleanupJob(ctx)],
  routes(app, ctx) {
    registerDossierApi(app, ctx);
    registerDossierAttachmentApi(app, ctx);
    registerDeskPages(app, ctx);
    registerTrackingPages(app, ctx);
    registerCitizenDossierPages(app, ctx);
  },
};
