import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowContent } from '../catalogue/index.js';
import { chooseWorkflow, PlanError, planSteps } from './step-plan.js';

const steps = (...kinds: [string, string | null, number | null][]) =>
  kinds.map(([kind, agencyName, budgetMinutes]) => ({
    kind: kind as WorkflowContent['steps'][number]['kind'],
    role: `vai trò ${kind}`,
    agencyName,
    budgetMinutes,
  }));
const wf = (o: Partial<WorkflowContent>): WorkflowContent => ({
  level: 'commune',
  isDefault: true,
  agencyCode: null,
  onlineTargetMinutes: null,
  steps: steps(['receive_transfer', null, 24], ['appraise', null, 240], ['return_result', null, 48]),
  ...o,
});

describe('chooseWorkflow', () => {
  const communeDefault = wf({});
  const provinceDefault = wf({ level: 'province' });
  const own = wf({ isDefault: false, agencyCode: 'H22.103' });
  const cases: Array<
    [string, WorkflowContent[], { code: string; level: WorkflowContent['level'] }, WorkflowContent | null]
  > = [
    ['the agency’s own workflow first', [communeDefault, own], { code: 'H22.103', level: 'commune' }, own],
    [
      'else the default of its level',
      [provinceDefault, communeDefault, own],
      { code: 'H22.200', level: 'commune' },
      communeDefault,
    ],
    ['else any default', [provinceDefault], { code: 'H22.200', level: 'commune' }, provinceDefault],
    ['none at all', [own], { code: 'H22.200', level: 'commune' }, null],
  ];
  for (const [label, list, competent, expected] of cases) {
    it(label, () => assert.equal(chooseWorkflow(list, competent), expected));
  }
});

describe('planSteps', () => {
  const agencies = {
    receivingId: 'centre',
    competentId: 'ubnd',
    partner: (name: string) => (name.startsWith('Chi cục Thuế') ? 'thue' : null),
  };

  it('binds the one-stop steps to the receiving centre, the others to the competent agency, with roles', () => {
    const plan = planSteps(
      wf({
        steps: steps(
          ['receive_transfer', null, 24],
          ['appraise', null, 600],
          ['review', null, 120],
          ['approve_sign', null, 120],
          ['return_result', null, 48],
        ),
      }),
      agencies,
    );
    assert.deepEqual(
      plan.map((p) => [p.position, p.kind, p.role, p.agencyId, p.budgetMinutes]),
      [
        [0, 'receive_transfer', 'one_stop', 'centre', 24],
        [1, 'appraise', 'specialist', 'ubnd', 600],
        [2, 'review', 'department_head', 'ubnd', 120],
        [3, 'approve_sign', 'agency_leader', 'ubnd', 120],
        [4, 'return_result', 'one_stop', 'centre', 48],
      ],
    );
    assert.equal(plan[1]!.name, 'vai trò appraise');
  });

  it('puts a liên thông step at the partner named', () => {
    const plan = planSteps(
      wf({
        steps: steps(
          ['appraise', null, 60],
          ['lien_thong', 'Chi cục Thuế khu vực Quảng Ninh', 480],
          ['approve_sign', null, 60],
        ),
      }),
      agencies,
    );
    assert.deepEqual(
      plan.map((p) => p.agencyId),
      ['ubnd', 'thue', 'ubnd'],
    );
  });

  it('stops with a clear message when the partner is not an agency of the province', () => {
    assert.throws(
      () => planSteps(wf({ steps: steps(['lien_thong', 'Văn phòng đăng ký đất đai', 480]) }), agencies),
      (e: unknown) =>
        e instanceof PlanError &&
        e.code === 'workflow.partner_unknown' &&
        e.text.vi.includes('Văn phòng đăng ký đất đai'),
    );
  });

  it('stops when there is no workflow', () => {
    assert.throws(() => planSteps(null, agencies), { code: 'workflow.no_workflow' });
    assert.throws(() => planSteps(wf({ steps: [] }), agencies), { code: 'workflow.no_workflow' });
  });
});
