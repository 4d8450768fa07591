/** Who may edit which result template (pure): agency scopes by coverage, the province-wide one by the root. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal, Role } from '../../../platform/http/access.js';
import { mayEditTemplate } from './templates.policy.js';

const parent: Record<string, string> = { ward: 'province', centre: 'ward', other: 'province' };
const ancestorsOf = (id: string) => {
  const line: string[] = [];
  for (let at = parent[id]; at; at = parent[at]) line.push(at);
  return line;
};
const officer = (role: Role, agencyId: string): Principal => ({
  kind: 'officer',
  id: `${role}-${agencyId}`,
  sessionId: 's',
  username: 'u',
  name: 'n',
  grants: [{ role, agencyId }],
});
const roots = ['province'];

describe('mayEditTemplate', () => {
  const cases: [string, Principal | null, string | null, boolean][] = [
    ['ward admin, the ward', officer('agency_admin', 'ward'), 'ward', true],
    ['ward admin, an agency below it', officer('agency_admin', 'ward'), 'centre', true],
    ['ward admin, another ward', officer('agency_admin', 'ward'), 'other', false],
    ['ward admin, province-wide', officer('agency_admin', 'ward'), null, false],
    ['province admin, a ward', officer('agency_admin', 'province'), 'other', true],
    ['province admin, province-wide', officer('agency_admin', 'province'), null, true],
    ['system admin anywhere', officer('system_admin', 'other'), null, true],
    ['a leader of the ward', officer('agency_leader', 'ward'), 'ward', false],
    ['anonymous', null, 'ward', false],
    ['a citizen', { kind: 'citizen', id: 'c', sessionId: 's', name: 'n', accountType: 1 }, 'ward', false],
  ];
  for (const [name, p, scope, want] of cases) {
    it(name, () => assert.equal(mayEditTemplate(p, scope, roots, ancestorsOf), want));
  }
});
