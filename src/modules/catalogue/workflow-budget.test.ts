import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TimeUnit } from './content.js';
import { checkWorkflowBudget, defaultWorkflow } from './workflow-budget.js';

const steps = (...minutes: (number | null)[]) => minutes.map((budgetMinutes) => ({ budgetMinutes }));
const legal = (value: number | null, unit: TimeUnit | null) => ({ value, unit });

describe('checkWorkflowBudget: the sum of step budgets against the legal time', () => {
  const cases: [string, ReturnType<typeof steps>, ReturnType<typeof legal>, string][] = [
    ['8 h in 1 ngày làm việc', steps(60, 240, 60, 60, 60), legal(1, 'ngay-lam-viec'), 'ok'],
    ['9 h in 1 ngày làm việc', steps(60, 300, 60, 60, 60), legal(1, 'ngay-lam-viec'), 'exceeds'],
    ['exactly 4 giờ', steps(30, 120, 30, 30, 30), legal(4, 'gio'), 'ok'],
    ['one minute over 4 giờ', steps(30, 121, 30, 30, 30), legal(4, 'gio'), 'exceeds'],
    ['calendar days only warn', steps(6000), legal(3, 'ngay'), 'warn_calendar_unit'],
    ['months only warn', steps(60), legal(1, 'thang'), 'warn_calendar_unit'],
    ['unknown legal time', steps(60), legal(null, null), 'unknown_legal_time'],
    ['lost unit', steps(60), legal(1, null), 'unknown_legal_time'],
    ['steps without budgets count as zero', steps(null, 60), legal(1, 'gio'), 'ok'],
  ];
  for (const [name, s, l, status] of cases)
    test(name, () => assert.equal(checkWorkflowBudget(s, l).status, status));
  test('reports both sums', () => {
    assert.deepEqual(checkWorkflowBudget(steps(100, 500), legal(1, 'ngay-lam-viec')), {
      status: 'exceeds',
      totalMinutes: 600,
      legalMinutes: 480,
    });
  });
});

describe('defaultWorkflow: five steps scaled to the legal time', () => {
  const cases: [ReturnType<typeof legal>, number | null][] = [
    [legal(5, 'ngay-lam-viec'), 5 * 480],
    [legal(1, 'gio'), 60],
    [legal(7, 'ngay'), 5 * 480],
    [legal(1, 'thang'), 20 * 480],
    [legal(null, null), null],
  ];
  for (const [l, total] of cases) {
    test(`${l.value} ${l.unit}`, () => {
      const w = defaultWorkflow('commune', l);
      assert.deepEqual(
        w.steps.map((s) => s.kind),
        ['receive_transfer', 'appraise', 'review', 'approve_sign', 'return_result'],
      );
      const sum = w.steps.reduce((a, s) => a + (s.budgetMinutes ?? 0), 0);
      if (total === null) assert.ok(w.steps.every((s) => s.budgetMinutes === null));
      else {
        assert.equal(sum, total);
        assert.notEqual(checkWorkflowBudget(w.steps, l).status, 'exceeds');
      }
    });
  }
});
