/**
 * The intake part of the dossier lifecycle (DOMAIN.md §3.3, rows 1–7 and 16): which action is allowed
 * from which status (and sub-state), and where it leads. Pure: services apply it under a guard.
 * The workflow module adds the processing rows (4 → 5, 6, 8, 9 …) when it lands.
 */
export type DossierStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export type SubState = 'awaiting_completion' | 'completion_submitted' | null;

export type IntakeAction =
  | 'submit'
  | 'receive'
  | 'request_completion'
  | 'complete'
  | 'refuse'
  | 'withdraw'
  | 'add_attachment';

export interface DossierState {
  status: DossierStatus;
  subState: SubState;
}

export const STATUS_NAMES: Record<DossierStatus, { vi: string; en: string }> = {
  1: { vi: 'Mới đăng ký', en: 'Submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  4: { vi: 'Đang xử lý', en: 'Being processed' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Waiting for a supplement' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Waiting for payment' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Decided' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

export const SUB_STATE_NAMES: Record<Exclude<SubState, null>, { vi: string; en: string }> = {
  awaiting_completion: { vi: 'Chờ công dân bổ sung, hoàn thiện', en: 'Waiting for the citizen to complete' },
  completion_submitted: { vi: 'Công dân đã gửi bổ sung', en: 'Completion sent by the citizen' },
};

/** Who may ask for an action: the desk officer of the receiving centre, or the dossier's citizen. */
export type IntakeActor = 'officer' | 'citizen';

interface Transition {
  from: (s: DossierState, actor: IntakeActor) => boolean;
  to: (s: DossierState) => DossierState;
  actors: readonly IntakeActor[];
}

const isNew = (s: DossierState) => s.status === 1;

const TABLE: Record<IntakeAction, Transition> = {
  // Row 1 (online) and rows 5–7 (at the desk) begin here; a created dossier is status 1.
  submit: { from: () => false, to: () => ({ status: 1, subState: null }), actors: ['citizen', 'officer'] },
  // Rows 2 and 5: accepted at intake, Mẫu 01.
  receive: { from: isNew, to: () => ({ status: 2, subState: null }), actors: ['officer'] },
  // Row 3: asked to complete before intake, Mẫu 02; asked again after the citizen answered.
  request_completion: {
    from: isNew,
    to: () => ({ status: 1, subState: 'awaiting_completion' }),
    actors: ['officer'],
  },
  // The citizen (or the desk on their behalf) completes the dossier and sends it back.
  complete: {
    from: (s) => s.status === 1 && s.subState === 'awaiting_completion',
    to: () => ({ status: 1, subState: 'completion_submitted' }),
    actors: ['citizen', 'officer'],
  },
  // Rows 4 and 7: refused, Mẫu 03, reason required.
  refuse: { from: isNew, to: () => ({ status: 3, subState: null }), actors: ['officer'] },
  // Row 16: withdrawn at the citizen's request (recorded by the desk for a received dossier).
  withdraw: {
    from: (s) => [1, 2, 4, 5, 6].includes(s.status),
    to: () => ({ status: 7, subState: null }),
    actors: ['citizen', 'officer'],
  },
  // Files are added at intake: the desk scans any time before receiving, the citizen when asked to complete.
  add_attachment: {
    from: (s, actor) => s.status === 1 && (actor === 'officer' || s.subState === 'awaiting_completion'),
    to: (s) => s,
    actors: ['citizen', 'officer'],
  },
};

export type TransitionOutcome = { ok: true; next: DossierState } | { ok: false; reason: 'status' | 'actor' };

/** Where the action leads from this state for this actor, or why it is not allowed. */
export function transition(state: DossierState, action: IntakeAction, actor: IntakeActor): TransitionOutcome {
  const t = TABLE[action];
  if (!t.actors.includes(actor)) return { ok: false, reason: 'actor' };
  if (!t.from(state, actor)) return { ok: false, reason: 'status' };
  return { ok: true, next: t.to(state) };
}

export const INTAKE_ACTIONS = Object.keys(TABLE) as IntakeAction[];
