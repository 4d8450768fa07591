/**
 * What the dossiers module tells the rest of the system, as jobs enqueued in the transaction of the
 * change (ARCHITECTURE.md §4.2): the notifications module turns them into messages. Dossiers never
 * import notifications; notifications defines the job under this name.
 */
import type { Db } from '../../platform/db/database.js';
import type { Jobs } from '../../platform/jobs.js';

export const DOSSIER_EVENT_JOB = 'dossiers.event';

export type DossierEventKind =
  | 'submitted'
  | 'received'
  | 'completion_requested'
  | 'completion_submitted'
  | 'refused'
  | 'withdrawal_requested'
  | 'withdrawn';

export interface DossierEvent {
  /** Unique per event: a redelivered job makes no second message. */
  eventId: string;
  kind: DossierEventKind;
  dossierId: string;
  code: string;
  procedureName: string;
  accountId: string | null;
  receivingAgencyId: string;
  at: string;
  /** Who filed the dossier (submitted events): the desk is not told of dossiers it entered itself. */
  filedBy?: 'citizen_remote' | 'citizen_assisted' | 'officer';
  /** The reason of a refusal or a completion request, the due time of a receipt. */
  detail: string | null;
}

/**
 * A dossier was received (status 2): the workflow module defines this job and snapshots the chain of
 * steps of the dossier's procedure version and competent agency onto it (issue 7 point 1).
 */
export const DOSSIER_RECEIVED_JOB = 'dossiers.received';

export async function emitDossierReceived(jobs: Jobs, trx: Db, dossierId: string): Promise<void> {
  await jobs.enqueue(trx, DOSSIER_RECEIVED_JOB, { dossierId }, { singletonKey: `${dossierId}:received` });
}

export async function emitDossierEvent(jobs: Jobs, trx: Db, event: DossierEvent): Promise<void> {
  await jobs.enqueue(trx, DOSSIER_EVENT_JOB, event, { singletonKey: event.eventId });
}
