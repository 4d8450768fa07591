/** The agency tree of the administration list, built from a name-ordered list (pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Agency } from './agency-lookup.service.js';
import { type AgencyNode, buildAgencyTree } from './agency-tree.js';

const at = new Date('2026-03-02T00:00:00Z');
const agency = (id: string, kind: Agency['kind'], parentId: string | null = null): Agency => ({
  id,
  code: id.toUpperCase(),
  kind,
  name: id,
  parentId,
  units: [],
  address: null,
  phone: null,
  email: null,
  createdAt: at,
  updatedAt: at,
});
const shape = (nodes: readonly AgencyNode[]): unknown =>
  nodes.map((n) => (n.children.length > 0 ? [n.agency.id, shape(n.children)] : n.agency.id));

describe('agency tree', () => {
  it('puts children under their parent, siblings by kind then by the order given', () => {
    const list = [
      agency('a-tax', 'tax'),
      agency('b-ward', 'commune_committee', 'z-province'),
      agency('c-centre', 'commune_service_centre', 'b-ward'),
      agency('d-dept', 'department', 'z-province'),
      agency('e-dept', 'department', 'z-province'),
      agency('z-province', 'provincial_committee'),
    ];
    assert.deepEqual(shape(buildAgencyTree(list)), [
      ['z-province', ['d-dept', 'e-dept', ['b-ward', ['c-centre']]]],
      'a-tax',
    ]);
  });

  it('keeps an agency whose parent is not in the list, as a root', () => {
    const list = [agency('orphan', 'department', 'gone'), agency('root', 'provincial_committee')];
    assert.deepEqual(shape(buildAgencyTree(list)), ['root', 'orphan']);
  });

  it('is empty for no agencies', () => assert.deepEqual(buildAgencyTree([]), []));
});
