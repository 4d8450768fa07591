/**
 * The tree of agencies (cây cơ quan) as the administration list shows it: each agency under its
 * parent; siblings by kind (People's Committee, departments, centres, communes, vertical agencies:
 * the order of AGENCY_KINDS), then by name. An agency whose parent holds no code on the date (or is missing) is a
 * root, so nothing disappears from the tree.
 */
import type { Db } from '../../../platform/db/database.js';
import { selectAgenciesHoldingCodes } from './agencies.repository.js';
import { type Agency, localDateOf, toAgencies } from './agency-lookup.service.js';
import { AGENCY_KINDS } from './agency-rules.js';

export interface AgencyNode {
  agency: Agency;
  children: AgencyNode[];
}

/** Above this many agencies the tree is cut (the page says so); a province has a few hundred. */
export const TREE_LIMIT = 2000;

const kindRank = (a: Agency) => AGENCY_KINDS.indexOf(a.kind);

/** Builds the tree from agencies in name order (pure); siblings by kind, then in that order. */
export function buildAgencyTree(agencies: readonly Agency[]): AgencyNode[] {
  const ordered = agencies
    .map((agency, index) => ({ agency, index }))
    .sort((x, y) => kindRank(x.agency) - kindRank(y.agency) || x.index - y.index)
    .map((x) => x.agency);
  const nodes = new Map(ordered.map((a) => [a.id, { agency: a, children: [] as AgencyNode[] }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.agency.parentId ? nodes.get(node.agency.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The agencies holding a code on `at` as a tree; `truncated` when there were more than {@link TREE_LIMIT}. */
export async function agencyTree(
  db: Db,
  at: Date | string,
): Promise<{ roots: AgencyNode[]; truncated: boolean }> {
  const records = await selectAgenciesHoldingCodes(db, localDateOf(at), TREE_LIMIT + 1);
  const agencies = await toAgencies(db, records.slice(0, TREE_LIMIT));
  return { roots: buildAgencyTree(agencies), truncated: records.length > TREE_LIMIT };
}
