/** The rows of a version's child tables, built from its canonical content for one bulk insert. */
import type { Db } from '../../platform/db/database.js';
import { validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ProcedureContent } from './content.js';

/**
 * The agencies named by the workflows' identifier codes (agency_codes, any period: a code is never
 * reused by another agency), code → agencies.id; `catalogue.unknown_agency` for a code no agency holds.
 */
export async function resolveWorkflowAgencies(
  db: Db,
  contents: readonly ProcedureContent[],
): Promise<Map<string, string>> {
  const codes = [...new Set(contents.flatMap((c) => c.workflows.map((w) => w.agencyCode ?? null)))].filter(
    (c): c is string => c !== null,
  );
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('agency_codes')
    .select(['code', 'agency_id'])
    .where('code', 'in', codes)
    .orderBy('valid_from')
    .execute();
  const ids = new Map(rows.map((r) => [r.code, r.agency_id]));
  const missing = codes.filter((c) => !ids.has(c));
  if (missing.length > 0) {
    throw validationError('catalogue.unknown_agency', {
      vi: `Không có cơ quan mang mã định danh ${missing.join(', ')} (quy trình nội bộ của cơ quan)`,
      en: `No agency holds the identifier code ${missing.join(', ')} (agency workflow)`,
    });
  }
  return ids;
}

const rowsAt = <T>(items: T[]) => items.map((item, position) => ({ item, position }));

export function childRows(
  versions: { id: string; content: ProcedureContent }[],
  now: Date,
  /** Agency code → agencies.id for the workflows of an agency ({@link resolveWorkflowAgencies}). */
  agencyIds: ReadonlyMap<string, string> = new Map(),
): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {
    catalogue_version_agencies: [],
    catalogue_version_subjects: [],
    catalogue_legal_bases: [],
    catalogue_results: [],
    catalogue_components: [],
    catalogue_channels: [],
    catalogue_fee_lines: [],
    catalogue_fee_reductions: [],
    catalogue_workflows: [],
    catalogue_workflow_steps: [],
  };
  const push = (table: string, rows: Record<string, unknown>[]) =>
    (out[table] as Record<string, unknown>[]).push(...rows);
  for (const { id, content: c } of versions) {
    const v = { version_id: id };
    push(
      'catalogue_version_agencies',
      rowsAt(c.agencies).map(({ item, position }) => ({
        ...v,
        position,
        role: item.role,
        level: item.level,
        name: item.name,
      })),
    );
    push(
      'catalogue_version_subjects',
      rowsAt(c.subjects).map(({ item, position }) => ({
        ...v,
        position,
        kind: item.kind,
        label: item.label,
      })),
    );
    push(
      'catalogue_legal_bases',
      rowsAt(c.legalBases).map(({ item, position }) => ({
        ...v,
        position,
        number: item.number,
        title: item.title,
        issued_on: item.issuedOn,
      })),
    );
    push(
      'catalogue_results',
      rowsAt(c.results).map(({ item, position }) => ({
        ...v,
        position,
        name: item.name,
        code: item.code,
        code_valid: item.codeValid,
      })),
    );
    push(
      'catalogue_components',
      rowsAt(c.components).map(({ item, position }) => ({
        ...v,
        position,
        group_title: item.groupTitle,
        name: item.name,
        template_file: item.templateFile,
        template_url: item.templateUrl,
        originals: item.originals,
        certified_copies: item.certifiedCopies,
        copies: item.copies,
        requirement: item.requirement,
        condition_text: item.conditionText,
        reusable_data: item.reusableData,
      })),
    );
    push(
      'catalogue_channels',
      rowsAt(c.channels).map(({ item, position }) => ({
        ...v,
        position,
        kind: item.kind,
        time_value: item.timeValue,
        time_unit: item.timeUnit,
        time_unit_source: item.timeUnitSource,
        time_text: item.timeText,
        fee_status: item.feeStatus,
        description: item.description,
      })),
    );
    push(
      'catalogue_fee_lines',
      rowsAt(c.feeLines).map(({ item, position }) => ({
        ...v,
        position,
        channel_position: item.channelPosition,
        kind: item.kind,
        amount: item.amount,
        amount_max: item.amountMax,
        currency: item.currency,
        per_unit: item.perUnit,
        collected: item.collected,
        exemptions: item.exemptions,
        note: item.note,
      })),
    );
    push(
      'catalogue_fee_reductions',
      rowsAt(c.feeReductions).map(({ item, position }) => ({
        ...v,
        position,
        channel: item.channel,
        percent: item.percent,
        valid_from: item.validFrom,
        valid_to: item.validTo,
        legal_basis: item.legalBasis,
      })),
    );
    for (const w of c.workflows) {
      const workflowId = newId();
      push('catalogue_workflows', [
        {
          id: workflowId,
          version_id: id,
          agency_id: w.agencyCode ? (agencyIds.get(w.agencyCode) ?? null) : null,
          level: w.level,
          is_default: w.isDefault,
          online_target_minutes: w.onlineTargetMinutes,
          created_at: now,
          updated_at: now,
        },
      ]);
      push(
        'catalogue_workflow_steps',
        rowsAt(w.steps).map(({ item, position }) => ({
          workflow_id: workflowId,
          position,
          kind: item.kind,
          role: item.role,
          agency_name: item.agencyName,
          agency_id: null,
          budget_minutes: item.budgetMinutes,
        })),
      );
    }
  }
  return out;
}
