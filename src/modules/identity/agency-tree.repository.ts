/**
 * The agency tree as the policy functions need it: every agency's parent, read in one query once per
 * use case (a province has hundreds of agencies, not millions: a few kilobytes), so a new agency or
 * a moved one counts at once. Reads admin-units' table directly: identity comes after admin-units
 * (ARCHITECTURE §4.2).
 */
import type { Db } from '../../platform/db/database.js';
import type { AgencyAncestry } from './policy.js';

export interface AgencyTree {
  ancestorsOf: AgencyAncestry;
  /** Every agency id, in name order. */
  ids: readonly string[];
  nameOf(id: string): string | undefined;
}

export async function loadAgencyTree(db: Db): Promise<AgencyTree> {
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'parent_id', 'name'])
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return {
    ids: rows.map((r) => r.id),
    nameOf: (id) => names.get(id),
    ancestorsOf(id) {
      const line: string[] = [];
      // The table forbids self-parenting; the size bound also stops any longer cycle.
      for (let at = parent.get(id); at && line.length <= rows.length; at = parent.get(at)) line.push(at);
      return line;
    },
  };
}
