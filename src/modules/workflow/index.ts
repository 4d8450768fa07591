/**
 * The workflow module's public API (xử lý hồ sơ): so far its pure rules, the processing transition
 * table (DOMAIN.md §3.3 rows 8–18) and step deadlines. Services, inbox, pages and jobs come next.
 */

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
