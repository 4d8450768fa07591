import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Grant, Principal, Role } from '../../platform/http/access.js';
import { ROLES } from '../../platform/http/access.js';
import {
  type AgencyAncestry,
  administeredAgencies,
  apiTokenState,
  auditEntryInScope,
  auditSearchScope,
  canGrantRole,
  canManageApiTokens,
  canManageOfficer,
  canSeeDossier,
  canSeePersonalData,
  canViewOfficer,
  coversAgency,
  type DossierScope,
} from './policy.js';

/**
 * The tree: province P with department D (land office L under it), commune A (centre AC) and
 * commune B (centre BC).
 */
const PARENT: Record<string, string | undefined> = { D: 'P', L: 'D', A: 'P', AC: 'A', B: 'P', BC: 'B' };
const ancestry: AgencyAncestry = (id) => {
  const line: string[] = [];
  for (let at = PARENT[id]; at; at = PARENT[at]) line.push(at);
  return line;
};
const ALL = ['P', 'D', 'L', 'A', 'AC', 'B', 'BC'];

const officer = (...grants: [Role, string][]): Principal => ({
  kind: 'officer',
  id: 'o1',
  sessionId: 's1',
  username: 'canbo',
  name: 'Cán bộ',
  grants: grants.map(([role, agencyId]) => ({ role, agencyId })),
});
const citizen: Principal = { kind: 'citizen', id: 'c1', sessionId: 's2', name: 'Công dân', accountType: 1 };
const token: Principal = { kind: 'token', id: 't1', name: 'DVCQG', scopes: ['*'] };

const dossierOfA: DossierScope = {
  receivingAgencyId: 'AC',
  competentAgencyId: 'A',
  stepAgencyIds: [],
  ownerAccountId: 'c1',
};
/** Received at commune B's centre, decided by the department, with a step at the land office. */
const linkedDossier: DossierScope = {
  receivingAgencyId: 'BC',
  competentAgencyId: 'D',
  stepAgencyIds: ['L'],
  ownerAccountId: 'c2',
};

describe('coversAgency', () => {
  const table: [string, Grant[], string, Role[] | undefined, boolean][] = [
    ['same agency', [{ role: 'one_stop', agencyId: 'A' }], 'A', undefined, true],
    ['sub-agency', [{ role: 'one_stop', agencyId: 'A' }], 'AC', undefined, true],
    ['two levels down', [{ role: 'specialist', agencyId: 'P' }], 'L', undefined, true],
    ['parent is not covered', [{ role: 'one_stop', agencyId: 'AC' }], 'A', undefined, false],
    ['sibling commune', [{ role: 'one_stop', agencyId: 'A' }], 'BC', undefined, false],
    ['role filter matches', [{ role: 'agency_admin', agencyId: 'A' }], 'AC', ['agency_admin'], true],
    ['role filter excludes', [{ role: 'one_stop', agencyId: 'A' }], 'AC', ['agency_admin'], false],
    ['no grants', [], 'A', undefined, false],
    ['unknown agency', [{ role: 'one_stop', agencyId: 'A' }], 'X', undefined, false],
  ];
  for (const [name, grants, agency, roles, expected] of table) {
    it(name, () => assert.equal(coversAgency(grants, agency, ancestry, roles), expected));
  }
});

describe('canSeeDossier and canSeePersonalData', () => {
  const table: [string, Principal | null, DossierScope, boolean, boolean][] = [
    ['anonymous', null, dossierOfA, false, false],
    ['owner citizen', citizen, dossierOfA, true, true],
    ['another citizen', citizen, linkedDossier, false, false],
    ['API token (judged by scopes at the route)', token, dossierOfA, false, false],
    ['one-stop officer of the receiving centre', officer(['one_stop', 'AC']), dossierOfA, true, true],
    ['specialist of the competent commune', officer(['specialist', 'A']), dossierOfA, true, true],
    ['one-stop officer of another commune', officer(['one_stop', 'BC']), dossierOfA, false, false],
    ['commune B centre sees its linked dossier', officer(['one_stop', 'BC']), linkedDossier, true, true],
    ['land office with a step', officer(['specialist', 'L']), linkedDossier, true, true],
    ['department covers its land office', officer(['department_head', 'D']), linkedDossier, true, true],
    [
      'commune A does not see B’s linked dossier',
      officer(['agency_leader', 'A']),
      linkedDossier,
      false,
      false,
    ],
    ['provincial leader covers every agency', officer(['agency_leader', 'P']), dossierOfA, true, true],
    ['agency admin does not handle dossiers', officer(['agency_admin', 'A']), dossierOfA, false, false],
    ['inspector sees all', officer(['inspector', 'P']), linkedDossier, true, true],
    ['system admin sees all', officer(['system_admin', 'P']), dossierOfA, true, true],
    [
      'provincial monitor: lists, no personal data',
      officer(['provincial_monitor', 'P']),
      dossierOfA,
      true,
      false,
    ],
    [
      'monitor who also works in the commune',
      officer(['provincial_monitor', 'P'], ['clerk', 'A']),
      dossierOfA,
      true,
      true,
    ],
  ];
  for (const [name, p, d, sees, personal] of table) {
    it(name, () => {
      assert.equal(canSeeDossier(p, d, ancestry), sees, 'canSeeDossier');
      assert.equal(canSeePersonalData(p, d, ancestry), personal, 'canSeePersonalData');
    });
  }

  it('no role of commune B sees commune A’s own dossier', () => {
    for (const role of ROLES.filter(
      (r) => !['system_admin', 'inspector', 'provincial_monitor'].includes(r),
    )) {
      assert.equal(canSeeDossier(officer([role, 'B']), dossierOfA, ancestry), false, role);
      assert.equal(canSeeDossier(officer([role, 'BC']), dossierOfA, ancestry), false, role);
    }
  });
});

describe('canManageOfficer and canViewOfficer', () => {
  const staffOfA: Grant[] = [{ role: 'one_stop', agencyId: 'AC' }];
  const table: [string, Principal | null, Grant[], boolean, boolean][] = [
    ['anonymous', null, staffOfA, false, false],
    ['citizen', citizen, staffOfA, false, false],
    ['token', token, staffOfA, false, false],
    ['system admin: anyone', officer(['system_admin', 'P']), staffOfA, true, true],
    ['system admin: an officer without roles', officer(['system_admin', 'P']), [], true, true],
    ['agency admin of A: staff of its centre', officer(['agency_admin', 'A']), staffOfA, true, true],
    ['agency admin of A: officer without roles', officer(['agency_admin', 'A']), [], false, false],
    ['agency admin of B: staff of A', officer(['agency_admin', 'B']), staffOfA, false, false],
    [
      'agency admin of the centre: commune above it',
      officer(['agency_admin', 'AC']),
      [{ role: 'clerk', agencyId: 'A' }],
      false,
      false,
    ],
    [
      'agency admin of A: officer also in B (sees, cannot change)',
      officer(['agency_admin', 'A']),
      [...staffOfA, { role: 'clerk', agencyId: 'B' }],
      false,
      true,
    ],
    [
      'agency admin of P: a system admin',
      officer(['agency_admin', 'P']),
      [{ role: 'system_admin', agencyId: 'A' }],
      false,
      true,
    ],
    [
      'agency admin of P: an inspector',
      officer(['agency_admin', 'P']),
      [{ role: 'inspector', agencyId: 'P' }],
      false,
      true,
    ],
    ['inspector reads, never changes', officer(['inspector', 'P']), staffOfA, false, true],
    ['one-stop officer of A', officer(['one_stop', 'A']), staffOfA, false, false],
    ['provincial monitor', officer(['provincial_monitor', 'P']), staffOfA, false, false],
  ];
  for (const [name, p, target, manage, view] of table) {
    it(name, () => {
      assert.equal(canManageOfficer(p, target, ancestry), manage, 'canManageOfficer');
      assert.equal(canViewOfficer(p, target, ancestry), view, 'canViewOfficer');
    });
  }
});

describe('canGrantRole', () => {
  const table: [string, Principal | null, Grant, boolean][] = [
    [
      'system admin grants system admin',
      officer(['system_admin', 'P']),
      { role: 'system_admin', agencyId: 'P' },
      true,
    ],
    [
      'agency admin grants in its commune',
      officer(['agency_admin', 'A']),
      { role: 'specialist', agencyId: 'A' },
      true,
    ],
    [
      'agency admin grants in its centre',
      officer(['agency_admin', 'A']),
      { role: 'one_stop', agencyId: 'AC' },
      true,
    ],
    [
      'agency admin grants agency admin below',
      officer(['agency_admin', 'A']),
      { role: 'agency_admin', agencyId: 'AC' },
      true,
    ],
    [
      'agency admin in another commune',
      officer(['agency_admin', 'A']),
      { role: 'one_stop', agencyId: 'BC' },
      false,
    ],
    [
      'agency admin cannot grant system admin',
      officer(['agency_admin', 'P']),
      { role: 'system_admin', agencyId: 'A' },
      false,
    ],
    [
      'agency admin cannot grant inspector',
      officer(['agency_admin', 'P']),
      { role: 'inspector', agencyId: 'A' },
      false,
    ],
    [
      'agency admin cannot grant monitor',
      officer(['agency_admin', 'P']),
      { role: 'provincial_monitor', agencyId: 'P' },
      false,
    ],
    ['inspector grants nothing', officer(['inspector', 'P']), { role: 'clerk', agencyId: 'A' }, false],
    ['leader grants nothing', officer(['agency_leader', 'A']), { role: 'clerk', agencyId: 'A' }, false],
    ['citizen', citizen, { role: 'clerk', agencyId: 'A' }, false],
    ['anonymous', null, { role: 'clerk', agencyId: 'A' }, false],
  ];
  for (const [name, p, grant, expected] of table) {
    it(name, () => assert.equal(canGrantRole(p, grant, ancestry), expected));
  }
});

describe('administeredAgencies', () => {
  it('lists the agencies an agency admin covers', () => {
    assert.deepEqual(administeredAgencies(officer(['agency_admin', 'A']), ALL, ancestry), ['A', 'AC']);
    assert.deepEqual(administeredAgencies(officer(['agency_admin', 'D']), ALL, ancestry), ['D', 'L']);
  });
  it('is everything for system admins and inspectors, nothing for others', () => {
    assert.equal(administeredAgencies(officer(['system_admin', 'A']), ALL, ancestry), undefined);
    assert.equal(administeredAgencies(officer(['inspector', 'P']), ALL, ancestry), undefined);
    assert.deepEqual(administeredAgencies(officer(['one_stop', 'P']), ALL, ancestry), []);
    assert.deepEqual(administeredAgencies(citizen, ALL, ancestry), []);
  });
});

describe('canManageApiTokens', () => {
  const table: [string, Principal | null, boolean][] = [
    ['system administrator', officer(['system_admin', 'P']), true],
    ['system administrator of a commune', officer(['system_admin', 'A']), true],
    [
      'system administrator who also works in a commune',
      officer(['clerk', 'A'], ['system_admin', 'P']),
      true,
    ],
    ['agency administrator', officer(['agency_admin', 'P']), false],
    ['inspector (reads everything, changes nothing)', officer(['inspector', 'P']), false],
    ['provincial monitor', officer(['provincial_monitor', 'P']), false],
    ['one-stop officer', officer(['one_stop', 'AC']), false],
    ['officer without roles', officer(), false],
    ['citizen', citizen, false],
    ['a token cannot mint tokens, whatever its scopes', token, false],
    ['anonymous', null, false],
  ];
  for (const [name, p, expected] of table) {
    it(name, () => assert.equal(canManageApiTokens(p), expected));
  }
});

describe('apiTokenState', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const before = new Date('2026-12-04T09:59:59Z');
  const later = new Date('2026-12-05T00:00:00Z');
  const table: [string, Date | null, Date | null, 'active' | 'revoked' | 'expired'][] = [
    ['no expiry, not revoked', null, null, 'active'],
    ['expires later', null, later, 'active'],
    ['expired a second ago', null, before, 'expired'],
    ['expires at this very instant', null, now, 'expired'],
    ['revoked, no expiry', before, null, 'revoked'],
    ['revoked and expired: revoked wins', before, before, 'revoked'],
    ['revoked before its expiry', before, later, 'revoked'],
  ];
  for (const [name, revokedAt, expiresAt, expected] of table) {
    it(name, () => assert.equal(apiTokenState({ revokedAt, expiresAt }, now), expected));
  }
});

describe('auditSearchScope', () => {
  const table: [string, Principal | null, ReturnType<typeof auditSearchScope>][] = [
    ['inspector: every entry', officer(['inspector', 'P']), { kind: 'all' }],
    ['system administrator: every entry', officer(['system_admin', 'P']), { kind: 'all' }],
    ['inspector held in a commune still reads everything', officer(['inspector', 'BC']), { kind: 'all' }],
    [
      'agency admin of commune A: A and its centre',
      officer(['agency_admin', 'A']),
      { kind: 'agencies', agencyIds: ['A', 'AC'] },
    ],
    [
      'agency admin of the department: its land office too',
      officer(['agency_admin', 'D']),
      { kind: 'agencies', agencyIds: ['D', 'L'] },
    ],
    [
      'agency admin of two communes: both',
      officer(['agency_admin', 'AC'], ['agency_admin', 'B']),
      { kind: 'agencies', agencyIds: ['AC', 'B', 'BC'] },
    ],
    [
      'another role in a commune widens nothing',
      officer(['agency_admin', 'AC'], ['department_head', 'P']),
      { kind: 'agencies', agencyIds: ['AC'] },
    ],
    ['provincial monitor', officer(['provincial_monitor', 'P']), { kind: 'none' }],
    ['agency leader', officer(['agency_leader', 'P']), { kind: 'none' }],
    ['one-stop officer', officer(['one_stop', 'AC']), { kind: 'none' }],
    ['officer without roles', officer(), { kind: 'none' }],
    ['citizen', citizen, { kind: 'none' }],
    ['API token, whatever its scopes', token, { kind: 'none' }],
    ['anonymous', null, { kind: 'none' }],
  ];
  for (const [name, p, expected] of table) {
    it(name, () => assert.deepEqual(auditSearchScope(p, ALL, ancestry), expected));
  }
  it('every role that may search has a scope, every other role none', () => {
    for (const role of ROLES) {
      const scope = auditSearchScope(officer([role, 'A']), ALL, ancestry);
      const searches = ['inspector', 'system_admin', 'agency_admin'].includes(role);
      assert.equal(scope.kind !== 'none', searches, role);
    }
  });
});

describe('auditEntryInScope', () => {
  const communeA = { kind: 'agencies', agencyIds: ['A', 'AC'] } as const;
  const table: [string, Parameters<typeof auditEntryInScope>[0], string | null, string[], boolean][] = [
    ['all: an entry of any agency', { kind: 'all' }, 'BC', [], true],
    ['all: an entry of no agency', { kind: 'all' }, null, [], true],
    ['none: nothing', { kind: 'none' }, 'A', ['A'], false],
    ['entry of the commune', communeA, 'A', [], true],
    ['entry of its centre', communeA, 'AC', [], true],
    ['entry of another commune', communeA, 'BC', [], false],
    ['entry of the province above', communeA, 'P', [], false],
    ['entry of another agency by one of its own officers', communeA, 'BC', ['AC'], false],
    ['login of an officer of its centre', communeA, null, ['AC'], true],
    ['login of an officer of another commune', communeA, null, ['BC'], false],
    ['login of an officer in both', communeA, null, ['BC', 'A'], true],
    ['failed login of an unknown username', communeA, null, [], false],
  ];
  for (const [name, scope, agencyId, actorAgencyIds, expected] of table) {
    it(name, () => assert.equal(auditEntryInScope(scope, { agencyId, actorAgencyIds }), expected));
  }
});
