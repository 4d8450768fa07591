/**
 * Use cases that change agencies (cơ quan): create and edit the tree, and change an agency's
 * electronic identifier (mã định danh điện tử) keeping its history. Each runs in one transaction and
 * appends to agency_history and to the audit log. Their administration pages: agencies-admin.pages.tsx.
 */
import { actorKey, auditActorFields } from '../../../platform/audit/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError, conflict, validationError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './agencies.repository.js';
import * as codes from './agency-codes.repository.js';
import {
  type Actor,
  type Agency,
  type AgencyDeps,
  agencyNotFound,
  getAgency,
  toAgencies,
} from './agency-lookup.service.js';
import {
  type AgencyFields,
  type AgencyInput,
  isIsoDate,
  type NewAgencyInput,
  parseAgencyCode,
  validateAgencyInput,
  validateNewAgencyInput,
  vietnamDate,
} from './agency-rules.js';

const codeTaken = (code: string) =>
  conflict('agency.code_taken', {
    vi: `Mã định danh ${code} đang được dùng cho một cơ quan khác trong thời gian này.`,
    en: `The identifier code ${code} belongs to another agency over that period.`,
  });

async function checkParent(db: Db, fields: AgencyFields, self?: string): Promise<void> {
  if (!fields.parentId) return;
  const message = (vi: string, en: string) =>
    validationError('agency.invalid_parent', { vi, en }, [{ field: 'parentId', message: { vi, en } }]);
  if (!(await repo.lockAgency(db, fields.parentId))) {
    throw message('Cơ quan cấp trên không tồn tại.', 'The parent agency does not exist.');
  }
  if (self && (await repo.isSelfOrDescendant(db, self, fields.parentId))) {
    throw message(
      'Không thể đặt cơ quan dưới chính nó hoặc một cơ quan trực thuộc nó.',
      'An agency cannot be placed under itself or one of its own sub-agencies.',
    );
  }
}

async function checkCodeFree(db: Db, code: string, from: string, except?: string): Promise<void> {
  const claims = await codes.selectCodeClaims(db, code, from);
  if (claims.some((c) => c.agencyId !== except)) throw codeTaken(code);
}

/**
 * Appends the change to agency_history (the agency's own trail, shown on its page) and to the audit
 * log as `agency.<action>`, in the caller's transaction.
 */
async function recordChange(
  trx: Db,
  change: { agencyId: string; action: string; details: object; requestKey?: string | undefined },
  actor: Actor,
  at: Date,
): Promise<void> {
  const { agencyId, action, details } = change;
  await repo.insertAgencyHistory(trx, { id: newId(), ...change, actor: actorKey(actor), at });
  await recordAudit(
    trx,
    {
      ...auditActorFields(actor),
      agencyId,
      action: `agency.${action}`,
      objectType: 'agency',
      objectId: agencyId,
      details: { ...details },
    },
    at,
  );
}

/** Exclusion constraints catch what a concurrent transaction slipped in between check and insert. */
async function mapCodeRace<T>(code: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if ((e as { code?: string }).code === '23P01') throw codeTaken(code);
    throw e;
  }
}

/** The agency a create request with this key already made, if any (a resent form). */
async function createdBefore(deps: AgencyDeps, requestKey: string | undefined, now: Date) {
  if (!requestKey) return undefined;
  const id = await repo.selectAgencyCreatedBy(deps.db, requestKey);
  return id ? getAgency(deps.db, id, now) : undefined;
}

/**
 * Creates an agency with its identifier code (valid from `codeValidFrom`, default today).
 * `requestKey` (the create form's hidden key) makes a resent request answer with the agency the
 * first one made, writing nothing twice, even when both arrive together.
 */
export async function createAgency(
  deps: AgencyDeps,
  input: NewAgencyInput,
  actor: Actor,
  requestKey?: string,
): Promise<Agency> {
  const now = deps.clock.now();
  const earlier = await createdBefore(deps, requestKey, now);
  if (earlier) return earlier;
  const v = validateNewAgencyInput(input, vietnamDate(now));
  const id = newId();
  try {
    await insertNewAgency(deps, id, v, actor, now, requestKey);
  } catch (e) {
    // The twin request committed first: its code (or its key) stopped this one.
    const twin = await createdBefore(deps, requestKey, now);
    if (twin) return twin;
    throw e;
  }
  return getAgency(deps.db, id, now);
}

async function insertNewAgency(
  deps: AgencyDeps,
  id: string,
  v: ReturnType<typeof validateNewAgencyInput>,
  actor: Actor,
  now: Date,
  requestKey: string | undefined,
) {
  await mapCodeRace(v.code, () =>
    deps.db.transaction().execute(async (trx) => {
      await checkParent(trx, v);
      await checkCodeFree(trx, v.code, v.codeValidFrom);
      await repo.insertAgency(trx, id, v, now);
      await repo.replaceAgencyUnits(trx, id, v.units);
      await codes.insertAgencyCode(trx, {
        id: newId(),
        agencyId: id,
        code: v.code,
        validFrom: v.codeValidFrom,
        source: v.codeSource,
        createdAt: now,
      });
      await recordChange(trx, { agencyId: id, action: 'created', details: v, requestKey }, actor, now);
    }),
  );
}

const CHANGE_FIELDS = ['kind', 'name', 'parentId', 'units', 'address', 'phone', 'email'] as const;

/** Replaces an agency's details (not its code: see {@link changeAgencyCode}). */
export async function updateAgency(
  deps: AgencyDeps,
  id: string,
  input: AgencyInput,
  actor: Actor,
): Promise<Agency> {
  const now = deps.clock.now();
  const fields = validateAgencyInput(input);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.lockAgency(trx, id))) throw agencyNotFound(id);
    await checkParent(trx, fields, id);
    const before = (await toAgencies(trx, [(await repo.selectAgencyById(trx, id, vietnamDate(now)))!]))[0]!;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of CHANGE_FIELDS) {
      if (JSON.stringify(before[key]) !== JSON.stringify(fields[key])) {
        changes[key] = { from: before[key], to: fields[key] };
      }
    }
    if (Object.keys(changes).length === 0) return;
    await repo.updateAgencyRow(trx, id, fields, now);
    await repo.replaceAgencyUnits(trx, id, fields.units);
    await recordChange(trx, { agencyId: id, action: 'updated', details: changes }, actor, now);
  });
  return getAgency(deps.db, id, now);
}

export interface CodeChange {
  code: string;
  /** First day the new code is valid (YYYY-MM-DD); default today. May be in the future. */
  effectiveFrom?: string;
  /** The decision that assigned the new code. */
  source?: string | null;
}

/**
 * Gives an agency a new identifier code from `effectiveFrom`: the open code ends the day before, and
 * stays findable at earlier dates. Giving the code it already has changes nothing.
 */
export async function changeAgencyCode(
  deps: AgencyDeps,
  id: string,
  change: CodeChange,
  actor: Actor,
): Promise<Agency> {
  const now = deps.clock.now();
  const code = parseAgencyCode(change.code);
  const from = change.effectiveFrom ?? vietnamDate(now);
  if (!isIsoDate(from)) {
    const message = { vi: `Ngày không hợp lệ: "${from}".`, en: `Invalid date: "${from}".` };
    throw validationError('agency.invalid_date', message, [{ field: 'effectiveFrom', message }]);
  }
  await mapCodeRace(code, () =>
    deps.db.transaction().execute(async (trx) => {
      if (!(await repo.lockAgency(trx, id))) throw agencyNotFound(id);
      const open = await codes.selectOpenCode(trx, id);
      if (!open)
        throw conflict('agency.no_open_code', {
          vi: 'Cơ quan không còn mã định danh đang hiệu lực.',
          en: 'The agency has no open identifier code.',
        });
      if (open.code === code) return;
      if (from <= open.validFrom) {
        throw conflict('agency.code_change_too_early', {
          vi: `Mã mới phải có hiệu lực sau ngày mã hiện tại ${open.code} bắt đầu (${open.validFrom}).`,
          en: `The new code must start after the current code ${open.code} started (${open.validFrom}).`,
        });
      }
      await checkCodeFree(trx, code, from, id);
      if (!(await codes.closeOpenCode(trx, open.id, from)))
        throw new AppError('conflict', 'agency.changed', {
          vi: 'Cơ quan vừa được người khác thay đổi.',
          en: 'The agency was just changed by someone else.',
        });
      await codes.insertAgencyCode(trx, {
        id: newId(),
        agencyId: id,
        code,
        validFrom: from,
        source: change.source ?? null,
        createdAt: now,
      });
      const details = { from: open.code, to: code, effectiveFrom: from, source: change.source ?? null };
      await recordChange(trx, { agencyId: id, action: 'code_changed', details }, actor, now);
    }),
  );
  return getAgency(deps.db, id, now);
}
