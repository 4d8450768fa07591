/**
 * The workflow module's public API (xử lý hồ sơ): the processing transition table (DOMAIN.md §3.3
 * rows 8–18), the step plan and step deadlines, and the first processing actions (start, claim,
 * forward, transfer, receive the hand-over, complete, return) with their API. Supplements, payment,
 * extension, stop, the inbox, pages and reminder jobs come next.
 */
import type { AppModule } from '../../platform/module.js';
import { seedWorkflowDemo } from './demo-seed.js';
import { registerOfficerWork } from './pages/officer.pages.js';
import { registerRegistersApi } from './registers/registers.api.js';
import { registerWorkflowApi } from './workflow.api.js';

export const workflowModule: AppModule = {
  name: 'workflow',
  demoSeed: seedWorkflowDemo,
  routes(app, ctx) {
    registerWorkflowApi(app, ctx);
    registerRegistersApi(app, ctx);
    registerOfficerWork(app, ctx);
  },
};
export {
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
