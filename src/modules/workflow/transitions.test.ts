/**
 * The processing transition table, pair by pair: every action × every state × every caller. The
 * allowed triples are listed with their outcome; every other triple must be refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../../platform/http/access.js';
import {
  actionsAvailable,
  decide,
  type StepView,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowActor,
  WorkflowRefusal,
  type WorkflowState,
} from './transitions.js';

const DESK = 'centre';
const BODY = 'ubnd-xa';
const TAX = 'chi-cuc-thue';

const officer = (id: string, roles: Record<string, Role[]>): WorkflowActor => ({
  kind: 'officer',
  id,
  rolesAt: (agency) => new Set(roles[agency] ?? []),
});

const ACTORS: Record<string, WorkflowActor> = {
  desk: officer('desk', { [DESK]: ['one_stop'] }),
  spec: officer('spec', { [BODY]: ['specialist'] }),
  spec2: officer('spec2', { [BODY]: ['specialist'] }),
  head: officer('head', { [BODY]: ['department_head'] }),
  leader: officer('leader', { [BODY]: ['agency_leader'] }),
  tax: officer('tax', { [TAX]: ['specialist'] }),
  admin: officer('admin', { [DESK]: ['agency_admin'], [BODY]: ['agency_admin'] }),
  citizen: { kind: 'citizen', id: 'citizen' },
};

const step = (o: Partial<StepView> = {}): StepView => ({
  position: 1,
  kind: 'appraise',
  role: 'specialist',
  agencyId: BODY,
  claimedBy: null,
  awaitingHandover: false,
  ...o,
});
const base = (o: Partial<WorkflowState>): WorkflowState => ({
  status: 4,
  step: null,
  next: null,
  supplementRequests: 0,
  extended: false,
  receivingAgencyId: DESK,
  competentAgencyId: BODY,
  ...o,
});
const NEXT_SAME = { position: 2, kind: 'review', role: 'department_head' as Role, agencyId: BODY };
const NEXT_TAX = { position: 2, kind: 'lien_thong', role: 'specialist' as Role, agencyId: TAX };
const NEXT_RETURN = { position: 4, kind: 'return_result', role: 'one_stop' as Role, agencyId: DESK };

const STATES: Record<string, WorkflowState> = {
  s1: base({ status: 1 }),
  s2: base({ status: 2 }),
  s3: base({ status: 3 }),
  open: base({ step: step(), next: NEXT_SAME }),
  held: base({ step: step({ claimedBy: 'spec' }), next: NEXT_SAME }),
  firstHeld: base({ step: step({ position: 0, claimedBy: 'spec' }), next: NEXT_SAME }),
  heldBeforeTax: base({ step: step({ claimedBy: 'spec' }), next: NEXT_TAX }),
  atTax: base({
    step: step({ position: 2, kind: 'lien_thong', agencyId: TAX, awaitingHandover: true }),
    next: null,
  }),
  lastHeld: base({
    step: step({ position: 3, kind: 'approve_sign', role: 'agency_leader', claimedBy: 'leader' }),
    next: NEXT_RETURN,
  }),
  heldAgain: base({ step: step({ claimedBy: 'spec' }), next: NEXT_SAME, supplementRequests: 1 }),
  extended: base({ step: step({ claimedBy: 'spec' }), next: NEXT_SAME, extended: true }),
  s5: base({ status: 5, step: step({ claimedBy: 'spec' }), next: NEXT_SAME }),
  s6: base({ status: 6, step: step({ claimedBy: 'spec' }), next: NEXT_SAME }),
  s7: base({ status: 7 }),
  s8: base({ status: 8 }),
  s9: base({ status: 9 }),
  s10: base({ status: 10 }),
};

/** `state action actor → to[!]` (! = flagged late). Everything not listed is refused. */
const ALLOWED = `
s2 start desk → 4
s2 withdraw desk → 7
open claim spec → 4
open claim spec2 → 4
open assign head → 4
open assign leader → 4
open extend leader → 4
open withdraw desk → 7
held assign head → 4
held assign leader → 4
held forward spec → 4
held return_step spec → 4
held request_supplement spec → 5
held request_payment spec → 6
held extend leader → 4
held stop spec → 8
held withdraw desk → 7
firstHeld assign head → 4
firstHeld assign leader → 4
firstHeld forward spec → 4
firstHeld request_supplement spec → 5
firstHeld request_payment spec → 6
firstHeld extend leader → 4
firstHeld stop spec → 8
firstHeld withdraw desk → 7
heldBeforeTax assign head → 4
heldBeforeTax assign leader → 4
heldBeforeTax transfer spec → 4
heldBeforeTax return_step spec → 4
heldBeforeTax request_supplement spec → 5
heldBeforeTax request_payment spec → 6
heldBeforeTax extend leader → 4
heldBeforeTax stop spec → 8
heldBeforeTax withdraw desk → 7
atTax receive_handover tax → 4
atTax extend leader → 4
atTax withdraw desk → 7
lastHeld assign head → 4
lastHeld assign leader → 4
lastHeld return_step leader → 4
lastHeld request_supplement leader → 5
lastHeld request_payment leader → 6
lastHeld extend leader → 4
lastHeld stop leader → 8
lastHeld complete leader → 9
lastHeld withdraw desk → 7
heldAgain assign head → 4
heldAgain assign leader → 4
heldAgain forward spec → 4
heldAgain return_step spec → 4
heldAgain request_supplement spec → 5!
heldAgain request_payment spec → 6
heldAgain extend leader → 4
heldAgain stop spec → 8
heldAgain withdraw desk → 7
extended assign head → 4
extended assign leader → 4
extended forward spec → 4
extended return_step spec → 4
extended request_supplement spec → 5
extended request_payment spec → 6
extended stop spec → 8
extended withdraw desk → 7
s5 supplement_received desk → 4
s5 supplement_received citizen → 4
s5 stop head → 8
s5 stop leader → 8
s5 withdraw desk → 7
s6 record_payment desk → 4
s6 record_payment spec → 4
s6 withdraw desk → 7
s9 return_result desk → 10
`;

const allowed = new Map<string, { to: number; late: boolean }>(
  ALLOWED.trim()
    .split('\n')
    .map((line) => {
      const m = /^(\S+) (\S+) (\S+) → (\d+)(!?)$/.exec(line.trim());
      if (!m) throw new Error(`bad line: ${line}`);
      return [`${m[1]} ${m[2]} ${m[3]}`, { to: Number(m[4]), late: m[5] === '!' }];
    }),
);

describe('workflow transition table', () => {
  it('lists only real states, actions and callers', () => {
    for (const key of allowed.keys()) {
      const [s, a, who] = key.split(' ') as [string, string, string];
      assert.ok(s in STATES, s);
      assert.ok((WORKFLOW_ACTIONS as readonly string[]).includes(a), a);
      assert.ok(who in ACTORS, who);
    }
  });

  for (const [stateName, state] of Object.entries(STATES)) {
    for (const action of WORKFLOW_ACTIONS) {
      for (const [actorName, actor] of Object.entries(ACTORS)) {
        const key = `${stateName} ${action} ${actorName}`;
        const expected = allowed.get(key);
        it(`${key} → ${expected ? `${expected.to}${expected.late ? ' (flagged late)' : ''}` : 'refused'}`, () => {
          if (expected) {
            const out = decide(state, action, actor);
            assert.equal(out.to, expected.to);
            assert.equal(out.flaggedLate === true, expected.late);
          } else {
            assert.throws(
              () => decide(state, action as WorkflowAction, actor),
              (e: unknown) => e instanceof WorkflowRefusal && /[à-ỹ]/.test(e.text.vi) && e.text.en.length > 0,
            );
          }
        });
      }
    }
  }
});

describe('workflow refusals say why', () => {
  const codeOf = (s: WorkflowState, a: WorkflowAction, who: WorkflowActor) => {
    try {
      decide(s, a, who);
      return 'allowed';
    } catch (e) {
      return (e as WorkflowRefusal).code;
    }
  };
  const cases: Array<[string, WorkflowState, WorkflowAction, WorkflowActor, string]> = [
    [
      'another officer forwards a held step',
      STATES.held!,
      'forward',
      ACTORS.spec2!,
      'workflow.not_your_step',
    ],
    ['a second claim', STATES.held!, 'claim', ACTORS.spec2!, 'workflow.step_taken'],
    ['a second extension', STATES.extended!, 'extend', ACTORS.leader!, 'workflow.already_extended'],
    [
      'forward past the agency',
      STATES.heldBeforeTax!,
      'forward',
      ACTORS.spec!,
      'workflow.action_not_allowed',
    ],
    ['a specialist of the wrong agency claims', STATES.open!, 'claim', ACTORS.tax!, 'workflow.forbidden'],
  ];
  for (const [label, s, a, who, code] of cases) it(label, () => assert.equal(codeOf(s, a, who), code));

  it('needs a reason for supplement, stop, withdrawal and extension; a target step to return', () => {
    assert.deepEqual(decide(STATES.held!, 'request_supplement', ACTORS.spec!).needs, ['reason']);
    assert.deepEqual(decide(STATES.held!, 'stop', ACTORS.spec!).needs, ['reason']);
    assert.deepEqual(decide(STATES.held!, 'return_step', ACTORS.spec!).needs, ['reason', 'targetStep']);
    assert.deepEqual(decide(STATES.held!, 'extend', ACTORS.leader!).needs, ['reason', 'newDueAt']);
    assert.deepEqual(decide(STATES.s6!, 'record_payment', ACTORS.desk!).needs, ['receiptNumber']);
  });

  it('offers the actions a caller may take now', () => {
    assert.deepEqual(actionsAvailable(STATES.held!, ACTORS.spec!), [
      'forward',
      'return_step',
      'request_supplement',
      'request_payment',
      'stop',
    ]);
    assert.deepEqual(actionsAvailable(STATES.open!, ACTORS.spec2!), ['claim']);
    assert.deepEqual(actionsAvailable(STATES.s9!, ACTORS.citizen!), []);
  });
});
