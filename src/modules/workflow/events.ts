/**
 * What the workflow module tells the rest of the system (ARCHITECTURE.md §4.2), as jobs enqueued in
 * the transaction of the change: the notifications module defines the job under this name and turns
 * each event into in-app messages (later e-mail, SMS, Zalo). The workflow module never imports it.
 */
import type { Db } from '../../platform/db/database.js';
import type { Jobs } from '../../platform/jobs.js';

export const WORKFLOW_EVENT_JOB = 'workflow.event';

/** Who hears of an event: the dossier's citizen, named officers, the officers of a role at an agency, a desk. */
export interface WorkflowAudience {
  citizen?: boolean;
  officerIds?: string[];
  /** The officers holding this role at the agency or above it (the step's pool). */
  role?: { agencyId: string; role: string };
  /** The one-stop officers of this centre. */
  deskAgencyId?: string;
}

export type WorkflowEventKind =
  | 'supplement_requested'
  | 'supplement_received'
  | 'payment_requested'
  | 'payment_recorded'
  | 'completed'
  | 'result_returned'
  | 'stopped'
  | 'withdrawn'
  | 'assigned'
  | 'handover_waiting'
  | 'step_due_soon'
  | 'dossier_due_soon'
  | 'apology_drafted'
  | 'apology_sent'
  | 'daily_digest'
  | 'weekly_unreceived';

/** A dossier line of a digest or a weekly list. */
export interface DigestLine {
  code: string;
  procedureName: string;
  dueAt: string | null;
}

export interface WorkflowEvent {
  /** Unique per event: a redelivered job makes no second message. */
  eventId: string;
  kind: WorkflowEventKind;
  to: WorkflowAudience;
  at: string;
  dossierCode?: string;
  procedureName?: string;
  /** The dossier's citizen account (null: entered at the desk for someone without an account). */
  accountId?: string | null;
  /** A reason, an amount, a due time: what the message quotes. */
  detail?: string | null;
  dueAt?: string | null;
  /** Digests and weekly lists. */
  lists?: { title: string; lines: DigestLine[] }[];
}

export async function emitWorkflowEvent(jobs: Jobs, trx: Db, event: WorkflowEvent): Promise<void> {
  await jobs.enqueue(trx, WORKFLOW_EVENT_JOB, event, { singletonKey: event.eventId });
}

/**
 * The result was handed over (status 10): the results module defines this job and releases the
 * dossier's result to the citizen (their account and data store), whichever way the return was made.
 */
export const WORKFLOW_RETURNED_JOB = 'workflow.returned';

export async function emitWorkflowReturned(jobs: Jobs, trx: Db, dossierId: string): Promise<void> {
  await jobs.enqueue(trx, WORKFLOW_RETURNED_JOB, { dossierId }, { singletonKey: `${dossierId}:returned` });
}
