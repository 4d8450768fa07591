/** SQL of result templates, and the procedure and agency facts their pages need. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { isFieldSource, type ResultTemplate, type TemplateContent, type TemplateField } from './template.js';

type Row = {
  id: string;
  procedure_code: string;
  agency_id: string | null;
  title: string;
  symbol_kind: string;
  intro: string | null;
  grant_line: string | null;
  fields: unknown;
  closing: string | null;
  validity_months: number | null;
  signer_title: string | null;
  updated_by: string | null;
  updated_at: Date | string;
  row_version: number;
};

function fieldsOf(v: unknown): TemplateField[] {
  const list = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  if (!Array.isArray(list)) return [];
  return list.flatMap((f) =>
    f && typeof f.label === 'string' && typeof f.source === 'string' && isFieldSource(f.source)
      ? [{ label: f.label, source: f.source }]
      : [],
  );
}

export function toTemplate(r: Row, origin: ResultTemplate['origin']): ResultTemplate {
  return {
    id: r.id,
    procedureCode: r.procedure_code,
    agencyId: r.agency_id,
    origin,
    title: r.title,
    symbolKind: r.symbol_kind,
    intro: r.intro,
    grantLine: r.grant_line,
    fields: fieldsOf(r.fields),
    closing: r.closing,
    validityMonths: r.validity_months,
    signerTitle: r.signer_title,
    rowVersion: r.row_version,
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
  };
}

/** The agency's own template and the province-wide one of a procedure (either may be missing). */
export async function selectTemplatesFor(db: Db, procedureCode: string, agencyId: string | null) {
  const rows = await db
    .selectFrom('result_templates')
    .selectAll()
    .where('procedure_code', '=', procedureCode)
    .where((eb) =>
      agencyId
        ? eb.or([eb('agency_id', '=', agencyId), eb('agency_id', 'is', null)])
        : eb('agency_id', 'is', null),
    )
    .execute();
  const own = agencyId ? rows.find((r) => r.agency_id === agencyId) : undefined;
  const province = rows.find((r) => r.agency_id === null);
  return {
    own: own ? toTemplate(own, 'agency') : undefined,
    province: province ? toTemplate(province, 'province') : undefined,
  };
}

const contentValues = (c: TemplateContent) => ({
  title: c.title,
  symbol_kind: c.symbolKind,
  intro: c.intro,
  grant_line: c.grantLine,
  fields: JSON.stringify(c.fields),
  closing: c.closing,
  validity_months: c.validityMonths,
  signer_title: c.signerTitle,
});

/** A new template; undefined when one for the same procedure and agency exists already. */
export async function insertTemplate(
  db: Db,
  t: {
    id: string;
    procedureCode: string;
    agencyId: string | null;
    content: TemplateContent;
    by: string | null;
    now: Date;
  },
) {
  return db
    .insertInto('result_templates')
    .values({
      id: t.id,
      procedure_code: t.procedureCode,
      agency_id: t.agencyId,
      ...contentValues(t.content),
      updated_by: t.by,
      updated_at: t.now,
      row_version: 1,
    })
    .onConflict((oc) => oc.constraint('result_templates_scope_key').doNothing())
    .returning(['id', 'row_version'])
    .executeTakeFirst();
}

/** Updates the template if it is still at the row version the editor read; undefined otherwise. */
export async function updateTemplate(
  db: Db,
  t: {
    procedureCode: string;
    agencyId: string | null;
    expectedRowVersion: number;
    content: TemplateContent;
    by: string | null;
    now: Date;
  },
) {
  return db
    .updateTable('result_templates')
    .set((eb) => ({
      ...contentValues(t.content),
      updated_by: t.by,
      updated_at: t.now,
      row_version: eb('row_version', '+', 1),
    }))
    .where('procedure_code', '=', t.procedureCode)
    .where((eb) => (t.agencyId ? eb('agency_id', '=', t.agencyId) : eb('agency_id', 'is', null)))
    .where('row_version', '=', t.expectedRowVersion)
    .returning(['id', 'row_version'])
    .executeTakeFirst();
}

export interface ProcedureFacts {
  code: string;
  name: string;
  /** The first result kind's name in the latest published version, if any. */
  resultName: string | null;
}

const latestVersion = sql`
  JOIN LATERAL (
    SELECT id, name FROM catalogue_procedure_versions
    WHERE procedure_id = p.id AND status = 'published'
    ORDER BY version_number DESC LIMIT 1
  ) v ON true
  LEFT JOIN LATERAL (
    SELECT name FROM catalogue_results WHERE version_id = v.id ORDER BY position LIMIT 1
  ) r ON true`;

export async function selectProcedureFacts(db: Db, code: string): Promise<ProcedureFacts | undefined> {
  const rows = await sql<{ code: string; name: string; result_name: string | null }>`
    SELECT p.code, v.name, r.name AS result_name FROM catalogue_procedures p ${latestVersion}
    WHERE p.code = ${code}`.execute(db);
  const r = rows.rows[0];
  return r ? { code: r.code, name: r.name, resultName: r.result_name } : undefined;
}

export interface ProcedureListItem extends ProcedureFacts {
  /** Among the scopes asked about: agency ids with their own template; null for the province-wide one. */
  templateScopes: (string | null)[];
}

/**
 * Procedures by code, searched by code or by name without diacritics, keyset after a code, with
 * which of the given scopes (agency ids; the province-wide one always) has a template.
 */
export async function selectProcedureList(
  db: Db,
  opts: { q: string; after: string | null; limit: number; agencyIds: readonly string[] },
): Promise<ProcedureListItem[]> {
  const pattern = `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const ids = opts.agencyIds.length > 0 ? opts.agencyIds : ['00000000-0000-0000-0000-000000000000'];
  const rows = await sql<{
    code: string;
    name: string;
    result_name: string | null;
    scopes: (string | null)[];
  }>`
    SELECT p.code, v.name, r.name AS result_name,
      COALESCE((SELECT array_agg(t.agency_id ORDER BY t.agency_id NULLS FIRST) FROM result_templates t
        WHERE t.procedure_code = p.code
          AND (t.agency_id IS NULL OR t.agency_id = ANY(${sql.val(ids)}::uuid[]))), '{}') AS scopes
    FROM catalogue_procedures p ${latestVersion}
    WHERE (${opts.q} = '' OR p.code LIKE ${pattern}
           OR immutable_unaccent(v.name) LIKE immutable_unaccent(${pattern}))
      AND (${opts.after}::text IS NULL OR p.code > ${opts.after}::text)
    ORDER BY p.code
    LIMIT ${opts.limit}`.execute(db);
  return rows.rows.map((r) => ({
    code: r.code,
    name: r.name,
    resultName: r.result_name,
    templateScopes: r.scopes,
  }));
}

/** Province root agencies (UBND tỉnh without a parent), else every agency without a parent. */
export async function selectProvinceRoots(db: Db) {
  const roots = await db
    .selectFrom('agencies')
    .select(['id', 'kind', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('sort_key')
    .execute();
  const province = roots.filter((r) => r.kind === 'provincial_committee');
  return province.length > 0 ? province : roots;
}

/** The agency's name and its parent's name, as the document's head prints them. */
export async function selectAgencyHead(db: Db, agencyId: string) {
  return db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parent_id')
    .select(['a.id', 'a.name', 'p.name as parent_name'])
    .where('a.id', '=', agencyId)
    .executeTakeFirst();
}
