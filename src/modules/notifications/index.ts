/**
 * Module notifications (thông báo): consumes the other modules' events and turns them into messages
 * for citizens and officers — in-app now; e-mail, SMS and Zalo adapters arrive with a later issue.
 * It imports only downward and is imported by no module but statistics (ARCHITECTURE.md §4.2).
 */
import type { AppModule } from '../../platform/module.js';
import { dossierEventJob } from './dossier-event.job.js';
import { registerNotificationPages } from './notifications.pages.js';
import { workflowEventJob } from './workflow-event.job.js';

export { countUnread, markAllRead, type Recipient, selectMessages } from './notifications.repository.js';

export const notificationsModule: AppModule = {
  name: 'notifications',
  jobs: (ctx) => [dossierEventJob(ctx), workflowEventJob(ctx)],
  routes(app, ctx) {
    registerNotificationPages(app, ctx);
  },
};
