import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type DossierState,
  INTAKE_ACTIONS,
  type IntakeAction,
  type IntakeActor,
  transition,
} from './lifecycle.js';

const S = (status: DossierState['status'], subState: DossierState['subState'] = null): DossierState => ({
  status,
  subState,
});

/** Every allowed (state, action, actor) with where it leads; every other pair is refused. */
const ALLOWED: [DossierState, IntakeAction, IntakeActor, DossierState][] = [
  [S(1), 'receive', 'officer', S(2)],
  [S(1, 'awaiting_completion'), 'receive', 'officer', S(2)],
  [S(1, 'completion_submitted'), 'receive', 'officer', S(2)],
  [S(1), 'request_completion', 'officer', S(1, 'awaiting_completion')],
  [S(1, 'completion_submitted'), 'request_completion', 'officer', S(1, 'awaiting_completion')],
  [S(1, 'awaiting_completion'), 'request_completion', 'officer', S(1, 'awaiting_completion')],
  [S(1, 'awaiting_completion'), 'complete', 'citizen', S(1, 'completion_submitted')],
  [S(1, 'awaiting_completion'), 'complete', 'officer', S(1, 'completion_submitted')],
  [S(1), 'refuse', 'officer', S(3)],
  [S(1, 'awaiting_completion'), 'refuse', 'officer', S(3)],
  [S(1, 'completion_submitted'), 'refuse', 'officer', S(3)],
  ...([1, 2, 4, 5, 6] as const).flatMap(
    (status): [DossierState, IntakeAction, IntakeActor, DossierState][] => [
      [S(status), 'withdraw', 'citizen', S(7)],
      [S(status), 'withdraw', 'officer', S(7)],
    ],
  ),
  [S(1, 'awaiting_completion'), 'withdraw', 'citizen', S(7)],
  [S(1, 'awaiting_completion'), 'withdraw', 'officer', S(7)],
  [S(1, 'completion_submitted'), 'withdraw', 'citizen', S(7)],
  [S(1, 'completion_submitted'), 'withdraw', 'officer', S(7)],
  [S(1), 'add_attachment', 'officer', S(1)],
  [S(1, 'awaiting_completion'), 'add_attachment', 'officer', S(1, 'awaiting_completion')],
  [S(1, 'completion_submitted'), 'add_attachment', 'officer', S(1, 'completion_submitted')],
  [S(1, 'awaiting_completion'), 'add_attachment', 'citizen', S(1, 'awaiting_completion')],
];

const STATES: DossierState[] = [
  ...([1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const).map((s) => S(s)),
  S(1, 'awaiting_completion'),
  S(1, 'completion_submitted'),
];

const key = (s: DossierState, a: IntakeAction, who: IntakeActor) => `${s.status}/${s.subState}/${a}/${who}`;

describe('intake transition table', () => {
  const allowed = new Map(ALLOWED.map(([s, a, who, to]) => [key(s, a, who), to]));
  for (const state of STATES) {
    for (const action of INTAKE_ACTIONS) {
      for (const actor of ['citizen', 'officer'] as const) {
        const expected = allowed.get(key(state, action, actor));
        it(`${state.status}${state.subState ? ` (${state.subState})` : ''} —${action}→ by ${actor}: ${expected ? `${expected.status}` : 'refused'}`, () => {
          const out = transition(state, action, actor);
          if (expected) assert.deepEqual(out, { ok: true, next: expected });
          else assert.equal(out.ok, false);
        });
      }
    }
  }

  it('says why: a citizen may never receive, refuse or request completion', () => {
    for (const a of ['receive', 'refuse', 'request_completion'] as const)
      assert.deepEqual(transition(S(1), a, 'citizen'), { ok: false, reason: 'actor' });
    assert.deepEqual(transition(S(2), 'receive', 'officer'), { ok: false, reason: 'status' });
  });
});
