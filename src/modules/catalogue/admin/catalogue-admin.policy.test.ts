/** Who may change what in the catalogue, as tables: callers × the content and agencies' workflows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Grant, Principal, Role } from '../../../platform/http/access.js';
import { sampleContent } from './catalogue-admin.fixtures.js';
import {
  draftChanges,
  mayAdministerCatalogue,
  mayEditAgencyWorkflow,
  mayEditProcedureContent,
  mayPublishChanges,
} from './catalogue-admin.policy.js';

// province → department, province → commune; "tax" is another root without the province above it.
const parents: Record<string, string | undefined> = { department: 'province', commune: 'province' };
const ancestry = (id: string) => {
  const line: string[] = [];
  for (let at = parents[id]; at; at = parents[at]) line.push(at);
  return line;
};
const officer = (role: Role, agencyId: string): Principal => ({
  kind: 'officer',
  id: 'o',
  sessionId: 's',
  username: 'o',
  name: 'o',
  grants: [{ role, agencyId } as Grant],
});
const ROOTS = ['province'];

describe('catalogue policy', () => {
  const cases: [string, Principal | null, boolean, Record<string, boolean>][] = [
    [
      'system admin (any agency)',
      officer('system_admin', 'commune'),
      true,
      { commune: true, department: true, tax: true },
    ],
    [
      'agency admin of the province',
      officer('agency_admin', 'province'),
      true,
      { commune: true, department: true, tax: false },
    ],
    [
      'agency admin of a commune',
      officer('agency_admin', 'commune'),
      false,
      { commune: true, department: false, tax: false },
    ],
    [
      'agency admin of the tax office (another root)',
      officer('agency_admin', 'tax'),
      false,
      { commune: false, tax: true },
    ],
    [
      'specialist of the province',
      officer('specialist', 'province'),
      false,
      { commune: false, province: false },
    ],
    ['agency leader of the commune', officer('agency_leader', 'commune'), false, { commune: false }],
    [
      'citizen',
      { kind: 'citizen', id: 'c', sessionId: 's', name: 'c', accountType: 1 },
      false,
      { commune: false },
    ],
    [
      'token with catalogue:write',
      { kind: 'token', id: 't', name: 't', scopes: ['catalogue:write'] },
      true,
      { commune: true },
    ],
    [
      'token with catalogue:read only',
      { kind: 'token', id: 't', name: 't', scopes: ['catalogue:read'] },
      false,
      { commune: false },
    ],
    ['anonymous', null, false, { commune: false }],
  ];
  for (const [label, p, content, workflows] of cases) {
    it(label, () => {
      assert.equal(mayEditProcedureContent(p, ROOTS, ancestry), content, 'content');
      for (const [agency, may] of Object.entries(workflows))
        assert.equal(mayEditAgencyWorkflow(p, agency, ancestry), may, `workflow of ${agency}`);
    });
  }

  it('lets agency and system administrators (and writing tokens) into the catalogue pages', () => {
    assert.deepEqual(
      (['agency_admin', 'system_admin', 'specialist', 'inspector', 'one_stop'] as Role[]).map((r) =>
        mayAdministerCatalogue(officer(r, 'commune')),
      ),
      [true, true, false, false, false],
    );
  });

  it('tells content changes from agency workflow changes, and who may publish them', () => {
    const base = sampleContent();
    const workflow = {
      level: 'commune' as const,
      isDefault: false,
      agencyCode: 'X1',
      onlineTargetMinutes: null,
      steps: [{ kind: 'appraise' as const, role: 'r', agencyName: null, budgetMinutes: 60 }],
    };
    const onlyWorkflow = { ...base, workflows: [...base.workflows, workflow] };
    const both = { ...onlyWorkflow, name: 'Tên mới' };
    assert.deepEqual(draftChanges(base, base), { content: false, agencyWorkflows: [] });
    assert.deepEqual(draftChanges(base, onlyWorkflow), { content: false, agencyWorkflows: ['X1'] });
    assert.deepEqual(draftChanges(onlyWorkflow, base), { content: false, agencyWorkflows: ['X1'] });
    assert.deepEqual(draftChanges(base, both), { content: true, agencyWorkflows: ['X1'] });
    const x1 = (code: string) => code === 'X1';
    const table: [ReturnType<typeof draftChanges>, boolean, (c: string) => boolean, boolean][] = [
      [draftChanges(base, onlyWorkflow), false, x1, true],
      [draftChanges(base, onlyWorkflow), false, () => false, false],
      [draftChanges(base, both), false, x1, false],
      [draftChanges(base, both), true, x1, true],
      [draftChanges(base, both), true, () => false, false],
    ];
    for (const [changes, content, workflowOf, expected] of table)
      assert.equal(mayPublishChanges(changes, content, workflowOf), expected);
  });
});
