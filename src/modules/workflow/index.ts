/**
 * The workflow module's public API (xử lý hồ sơ): the processing transition table (DOMAIN.md §3.3
 * rows 8–18) and every action of it with its API, the step plan and step deadlines, the officer inbox,
 * search and pages, the reminder jobs (warnings before due times with the apology letter drafted, the
 * morning digest, the weekly list of online dossiers not received), and the legal documents and
 * registers (apology letter, control sheet, stop notice, tracking book).
 */
import type { AppModule } from '../../platform/module.js';
import { seedWorkflowDemo } from './demo-seed.js';

export { type DemoWalkIn, demoOfficer, demoWalkIn } from './demo-seed.js';

import { registerOfficerWork } from './pages/officer.pages.js';
import { registerRegistersApi } from './registers/registers.api.js';
import { reminderJobs } from './reminders.job.js';
import { snapshotJob } from './snapshot.job.js';
import { registerWorkflowApi } from './workflow.api.js';

export const workflowModule: AppModule = {
  name: 'workflow',
  demoSeed: seedWorkflowDemo,
  jobs: (ctx) => [snapshotJob(ctx), ...reminderJobs(ctx)],
  routes(app, ctx) {
    registerWorkflowApi(app, ctx);
    registerRegistersApi(app, ctx);
    registerOfficerWork(app, ctx);
  },
};
export {
  type DigestLine,
  WORKFLOW_EVENT_JOB,
  WORKFLOW_RETURNED_JOB,
  type WorkflowAudience,
  type WorkflowEvent,
  type WorkflowEventKind,
} from './events.js';
export type { InboxRow } from './inbox.repository.js';
export { resultHref } from './pages/action-forms.view.js';
export { INBOX_PATH, OfficerStyles, officerDossierHref } from './pages/officer-parts.js';
export { leaderSigningQueue } from './pages/officer-work.service.js';
export {
  type ActionInput,
  APPLIED_ACTIONS,
  type AppliedAction,
  applyProcessingAction,
  type ProcessingState,
  processingState,
} from './processing.service.js';
export { dueTimesAfterPause, stepDueAt, type Timeliness, timeliness, warnAt } from './step-deadlines.js';
export { chooseWorkflow, PlanError, type PlannedStep, planSteps, ROLE_OF_KIND } from './step-plan.js';
export {
  actionsAvailable,
  decide,
  type StepView,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowActor,
  type WorkflowOutcome,
  WorkflowRefusal,
  type WorkflowState,
} from './transitions.js';
export { holdsCurrentStep } from './working-files.js';
