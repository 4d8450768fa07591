/** Reads a stored version back into canonical content (export, versionAt). */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { ProcedureContent } from './content.js';

type Row = Record<string, unknown>;
const byPosition = (db: Db, table: string, versionId: string) =>
  sql<Row>`SELECT * FROM ${sql.table(table)} WHERE version_id = ${versionId} ORDER BY position`
    .execute(db)
    .then((r) => r.rows);

export async function loadVersionContent(db: Db, versionId: string): Promise<ProcedureContent> {
  const v = (
    await sql<Row>`SELECT *, decision_date::text AS decision_date_text, disclosed_on::text AS disclosed_on_text
      FROM catalogue_procedure_versions WHERE id = ${versionId}`.execute(db)
  ).rows[0] as Row;
  const [agencies, subjects, legal, results, components, channels, fees, reductions] = await Promise.all([
    byPosition(db, 'catalogue_version_agencies', versionId),
    byPosition(db, 'catalogue_version_subjects', versionId),
    sql<Row>`SELECT number, title, issued_on::text AS issued_on FROM catalogue_legal_bases WHERE version_id = ${versionId} ORDER BY position`
      .execute(db)
      .then((r) => r.rows),
    byPosition(db, 'catalogue_results', versionId),
    byPosition(db, 'catalogue_components', versionId),
    byPosition(db, 'catalogue_channels', versionId),
    byPosition(db, 'catalogue_fee_lines', versionId),
    sql<Row>`SELECT channel, percent, valid_from::text AS valid_from, valid_to::text AS valid_to, legal_basis
      FROM catalogue_fee_reductions WHERE version_id = ${versionId} ORDER BY position`
      .execute(db)
      .then((r) => r.rows),
  ]);
  const workflows = await db
    .selectFrom('catalogue_workflows as w')
    .selectAll('w')
    .select((eb) =>
      eb
        .selectFrom('agency_codes as c')
        .select('c.code')
        .whereRef('c.agency_id', '=', 'w.agency_id')
        .orderBy('c.valid_from', 'desc')
        .limit(1)
        .as('agency_code'),
    )
    .where('w.version_id', '=', versionId)
    .orderBy('w.level')
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute();
  const steps = workflows.length
    ? await db
        .selectFrom('catalogue_workflow_steps')
        .selectAll()
        .where(
          'workflow_id',
          'in',
          workflows.map((w) => w.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return {
    name: v.name as string,
    field: v.field as string | null,
    levels: v.levels as ProcedureContent['levels'],
    procedureType: v.procedure_type as string | null,
    stepsText: v.steps_text as string | null,
    conditionsText: v.conditions_text as string | null,
    onlineLevel: v.online_level as ProcedureContent['onlineLevel'],
    onlineLevelSource: v.online_level_source as ProcedureContent['onlineLevelSource'],
    cutOff: v.cut_off as ProcedureContent['cutOff'],
    decisionNumber: v.decision_number as string | null,
    decisionDate: v.decision_date_text as string | null,
    disclosedOn: v.disclosed_on_text as string | null,
    source: v.source as ProcedureContent['source'],
    parseIssues: v.parse_issues as string[],
    agencies: agencies.map(
      (a) => ({ role: a.role, level: a.level, name: a.name }) as ProcedureContent['agencies'][number],
    ),
    subjects: subjects.map((s) => ({ kind: s.kind, label: s.label }) as ProcedureContent['subjects'][number]),
    legalBases: legal.map(
      (l) =>
        ({
          number: l.number,
          title: l.title,
          issuedOn: l.issued_on,
        }) as ProcedureContent['legalBases'][number],
    ),
    results: results.map(
      (r) => ({ name: r.name, code: r.code, codeValid: r.code_valid }) as ProcedureContent['results'][number],
    ),
    components: components.map(
      (c) =>
        ({
          groupTitle: c.group_title,
          name: c.name,
          templateFile: c.template_file,
          templateUrl: c.template_url,
          originals: c.originals,
          certifiedCopies: c.certified_copies,
          copies: c.copies,
          requirement: c.requirement,
          conditionText: c.condition_text,
          reusableData: c.reusable_data,
        }) as ProcedureContent['components'][number],
    ),
    channels: channels.map(
      (c) =>
        ({
          kind: c.kind,
          timeValue: c.time_value,
          timeUnit: c.time_unit,
          timeUnitSource: c.time_unit_source,
          timeText: c.time_text,
          feeStatus: c.fee_status,
          description: c.description,
        }) as ProcedureContent['channels'][number],
    ),
    feeLines: fees.map(
      (f) =>
        ({
          channelPosition: f.channel_position,
          kind: f.kind,
          amount: Number(f.amount),
          amountMax: f.amount_max === null ? null : Number(f.amount_max),
          currency: f.currency,
          perUnit: f.per_unit,
          collected: f.collected,
          exemptions: f.exemptions,
          note: f.note,
        }) as ProcedureContent['feeLines'][number],
    ),
    feeReductions: reductions.map(
      (r) =>
        ({
          channel: r.channel,
          percent: r.percent,
          validFrom: r.valid_from,
          validTo: r.valid_to,
          legalBasis: r.legal_basis,
        }) as ProcedureContent['feeReductions'][number],
    ),
    workflows: workflows.map((w) => ({
      level: w.level as ProcedureContent['levels'][number],
      isDefault: w.is_default,
      agencyCode: w.agency_code ?? null,
      onlineTargetMinutes: w.online_target_minutes,
      steps: steps
        .filter((s) => s.workflow_id === w.id)
        .map((s) => ({
          kind: s.kind as ProcedureContent['workflows'][number]['steps'][number]['kind'],
          role: s.role,
          agencyName: s.agency_name,
          budgetMinutes: s.budget_minutes,
        })),
    })),
  };
}
