/**
 * The control sheet's rows from the dossier's steps (pure): each step opened by a hand-over is one
 * row, from the step before it to this one, marked with how the giving step stood against its due
 * time. Steps reset to pending by a return to an earlier step are left out: that hand-over is undone.
 */
import { timeliness } from '../step-deadlines.js';
import type { HandoverRow } from './document-types.js';

export interface StepRecord {
  position: number;
  kind: string;
  state: string;
  agencyName: string;
  dueAt: Date | null;
  finishedAt: Date | null;
  handedOverAt: Date | null;
  handedOverBy: string | null;
  receivedBy: string | null;
}

export function handoverRows(steps: readonly StepRecord[]): HandoverRow[] {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const rows: HandoverRow[] = [];
  ordered.forEach((step, i) => {
    const giving = ordered[i - 1];
    if (!giving || !step.handedOverAt || step.state === 'pending') return;
    rows.push({
      part: step.kind === 'return_result' ? 'result' : 'dossier',
      fromAgency: giving.agencyName,
      toAgency: step.agencyName,
      at: step.handedOverAt,
      giver: step.handedOverBy,
      receiver: step.receivedBy,
      result: giving.finishedAt ? timeliness(giving.finishedAt, giving.dueAt) : null,
      note: step.state === 'handover' ? 'Chờ tiếp nhận' : null,
    });
  });
  return rows;
}
