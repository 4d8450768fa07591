/**
 * Bản nháp thủ tục: an administrator starts a draft from the version in force, saves it section by
 * section (or whole, through the API), discards it, or publishes it as the next immutable version
 * from an effective date. Publishing records who and when (the version row and the audit log).
 */
import type { AuditActor } from '../../../platform/audit/actor.js';
import { auditActorFields } from '../../../platform/audit/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Db } from '../../../platform/db/database.js';
import { type Bilingual, conflict, forbidden, notFound, validationError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { loadAgencyTree } from '../../identity/index.js';
import { insertVersions, lockCatalogue, selectVersionAt } from '../catalogue.repository.js';
import { canonicalJson, contentHash, type ProcedureContent } from '../content.js';
import { refreshSearchRows } from '../search/search.repository.js';
import { loadVersionContent } from '../version-content.repository.js';
import {
  type DraftChanges,
  draftChanges,
  mayAdministerCatalogue,
  mayEditAgencyWorkflow,
  mayEditProcedureContent,
  mayPublishChanges,
} from './catalogue-admin.policy.js';
import { assertValidContent, effectiveInstant, normaliseContent, workflowBudget } from './draft-rules.js';
import * as repo from './drafts.repository.js';

export type Deps = Pick<AppContext, 'db' | 'clock'>;
export interface Caller {
  principal: Principal | null;
  actor: AuditActor;
}

export interface Procedure {
  id: string;
  code: string;
}

export async function getProcedure(db: Db, code: string): Promise<Procedure> {
  const row = await db
    .selectFrom('catalogue_procedures')
    .select(['id', 'code'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row)
    throw notFound('catalogue.procedure_not_found', {
      vi: `Không có thủ tục mã ${code}`,
      en: `No procedure with code ${code}`,
    });
  return row;
}

/** What the caller may change: the content, and which agencies' workflows (by id and by code). */
export interface EditRights {
  content: boolean;
  workflowOf(agencyId: string): boolean;
  workflowOfCode(agencyCode: string): boolean;
}

export async function editRights(db: Db, p: Principal | null, now: Date): Promise<EditRights> {
  const [tree, roots, agencies] = await Promise.all([
    loadAgencyTree(db),
    repo.selectProvinceRootIds(db),
    repo.selectAgencyOptions(db, now),
  ]);
  const byCode = new Map(agencies.map((a) => [a.code, a.id]));
  const workflowOf = (id: string) => mayEditAgencyWorkflow(p, id, tree.ancestorsOf);
  return {
    content: mayEditProcedureContent(p, roots, tree.ancestorsOf),
    workflowOf,
    workflowOfCode: (code) => {
      const id = byCode.get(code);
      return id !== undefined && workflowOf(id);
    },
  };
}

const notAllowed = () =>
  forbidden('catalogue.not_allowed', {
    vi: 'Bạn không được sửa phần này của thủ tục.',
    en: 'You may not change this part of the procedure.',
  });

export const noDraft = (code: string) =>
  notFound('catalogue.no_draft', {
    vi: `Thủ tục ${code} chưa có bản nháp`,
    en: `Procedure ${code} has no draft`,
  });

/** The draft as stale: someone saved it since the caller read it (HTTP 412 on the API). */
export const draftChanged = () =>
  conflict('catalogue.draft_changed', {
    vi: 'Bản nháp vừa được người khác lưu. Hãy tải lại trang và nhập lại thay đổi.',
    en: 'Someone saved the draft meanwhile. Reload the page and enter your change again.',
  });

export async function findDraft(db: Db, procedure: Procedure): Promise<repo.DraftRow | undefined> {
  return repo.selectDraft(db, procedure.id);
}

export async function getDraft(db: Db, procedure: Procedure): Promise<repo.DraftRow> {
  const draft = await repo.selectDraft(db, procedure.id);
  if (!draft) throw noDraft(procedure.code);
  return draft;
}

/** Opens the procedure's draft from the version in force (the latest if none is yet), or returns the open one. */
export async function startDraft(deps: Deps, procedure: Procedure, caller: Caller): Promise<repo.DraftRow> {
  if (!mayAdministerCatalogue(caller.principal)) throw notAllowed();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const open = await repo.selectDraft(trx, procedure.id);
    if (open) return open;
    const base =
      (await selectVersionAt(trx, procedure.code, now)) ??
      (await selectVersionAt(trx, procedure.code, new Date(8.64e15)));
    if (!base) throw noDraft(procedure.code);
    const content = normaliseContent(await loadVersionContent(trx, base.id));
    const id = newId();
    const by = caller.actor.label ?? caller.actor.kind;
    await repo.insertDraft(trx, {
      id,
      procedureId: procedure.id,
      basedOnVersionId: base.id,
      content,
      by,
      now,
    });
    const draft = (await repo.selectDraft(trx, procedure.id)) as repo.DraftRow;
    if (draft.id === id)
      await recordAudit(
        trx,
        auditEntry(caller, 'catalogue.draft_started', procedure, { basedOn: base.versionNumber }),
        now,
      );
    return draft;
  });
}

function auditEntry(caller: Caller, action: string, procedure: Procedure, details: Record<string, unknown>) {
  return {
    ...auditActorFields(caller.actor),
    action,
    objectType: 'procedure',
    objectId: procedure.id,
    details: { code: procedure.code, ...details },
  };
}

function assertMayChange(changes: DraftChanges, rights: EditRights) {
  if (!mayPublishChanges(changes, rights.content, rights.workflowOfCode)) throw notAllowed();
}

/** Budget checks of the workflows a save changes: a refusal throws; warnings are returned. */
function checkChangedWorkflows(before: ProcedureContent, after: ProcedureContent): Bilingual[] {
  const old = new Set(before.workflows.map((w) => canonicalJson(w)));
  const warnings: Bilingual[] = [];
  after.workflows.forEach((w, i) => {
    if (old.has(canonicalJson(w))) return;
    const { check, message } = workflowBudget(after, w.steps);
    if (!message) return;
    if (check.status === 'exceeds')
      throw validationError('catalogue.workflow_exceeds_legal_time', message, [
        { field: `workflows.${i}.steps`, message },
      ]);
    warnings.push(message);
  });
  return warnings;
}

export interface SaveResult {
  draft: repo.DraftRow;
  warnings: Bilingual[];
}

/**
 * Saves a draft's new content (whole, or `change` applied to the current one), if the caller read
 * row version `expected` and may make every change in it. Saving what is already there is a no-op
 * (a resubmitted form, a retried call), whatever the row version.
 */
export async function saveDraft(
  deps: Deps,
  procedure: Procedure,
  caller: Caller,
  expected: number | undefined,
  change: (current: ProcedureContent) => ProcedureContent,
): Promise<SaveResult> {
  const now = deps.clock.now();
  const rights = await editRights(deps.db, caller.principal, now);
  return deps.db.transaction().execute(async (trx) => {
    const draft = await repo.selectDraft(trx, procedure.id, true);
    if (!draft) throw noDraft(procedure.code);
    const next = normaliseContent(change(draft.content));
    if (contentHash(next) === contentHash(draft.content)) return { draft, warnings: [] };
    if (expected !== undefined && expected !== draft.rowVersion) throw draftChanged();
    assertMayChange(draftChanges(draft.content, next), rights);
    assertValidContent(next);
    const warnings = checkChangedWorkflows(draft.content, next);
    const by = caller.actor.label ?? caller.actor.kind;
    await repo.updateDraftContent(trx, draft.id, draft.rowVersion, next, by, now);
    return { draft: (await repo.selectDraft(trx, procedure.id)) as repo.DraftRow, warnings };
  });
}

/** What the draft changes against its base version, and whether the caller may publish or discard it. */
export async function draftStatus(deps: Deps, draft: repo.DraftRow, p: Principal | null) {
  const base = await loadVersionContent(deps.db, draft.basedOnVersionId);
  const changes = draftChanges(base, draft.content);
  const rights = await editRights(deps.db, p, deps.clock.now());
  return {
    changes,
    unchanged: contentHash(normaliseContent(base)) === contentHash(draft.content),
    mayPublish: mayPublishChanges(changes, rights.content, rights.workflowOfCode),
    rights,
  };
}

export async function discardDraft(deps: Deps, procedure: Procedure, caller: Caller): Promise<void> {
  const draft = await repo.selectDraft(deps.db, procedure.id);
  if (!draft) return;
  const { mayPublish, rights } = await draftStatus(deps, draft, caller.principal);
  if (!mayPublish && !rights.content) throw notAllowed();
  await deps.db.transaction().execute(async (trx) => {
    const locked = await repo.selectDraft(trx, procedure.id, true);
    if (!locked) return;
    await repo.deleteDraft(trx, locked.id);
    await recordAudit(trx, auditEntry(caller, 'catalogue.draft_discarded', procedure, {}), deps.clock.now());
  });
}

export interface PublishInput {
  /** YYYY-MM-DD (from that day in Vietnam; today: now) or an instant; empty: now. */
  effectiveFrom?: string | undefined;
  /** The draft the form showed: a resubmitted form answers with what the first submission published. */
  draftId?: string | undefined;
  /** Idempotency-Key of the API call. */
  requestKey?: string | undefined;
  expectedRowVersion?: number | undefined;
}

export interface Published {
  versionId: string;
  versionNumber: number;
  effectiveFrom: Date;
}

const noChanges = () =>
  validationError('catalogue.no_changes', {
    vi: 'Không có thay đổi so với phiên bản hiện hành: không công bố phiên bản mới.',
    en: 'No changes from the current version: nothing to publish.',
  });

const outdated = () =>
  conflict('catalogue.draft_outdated', {
    vi: 'Đã có phiên bản mới hơn được công bố sau khi tạo bản nháp. Hãy hủy bản nháp và tạo lại.',
    en: 'A newer version was published after this draft was started. Discard the draft and start again.',
  });

/** Publishes the draft as version max+1 from its effective date, then drops it. */
export async function publishDraft(
  deps: Deps,
  procedure: Procedure,
  caller: Caller,
  input: PublishInput,
): Promise<Published> {
  const now = deps.clock.now();
  const rights = await editRights(deps.db, caller.principal, now);
  const effective = effectiveInstant(input.effectiveFrom, now);
  const published = await deps.db.transaction().execute(async (trx) => {
    await lockCatalogue(trx);
    const done = await repo.selectPublication(trx, { draftId: input.draftId, requestKey: input.requestKey });
    if (done && done.procedureId === procedure.id) {
      const row = await trx
        .selectFrom('catalogue_procedure_versions')
        .select('effective_from')
        .where('id', '=', done.versionId)
        .executeTakeFirstOrThrow();
      return {
        versionId: done.versionId,
        versionNumber: done.versionNumber,
        effectiveFrom: row.effective_from as Date,
        fresh: false,
      };
    }
    const draft = await repo.selectDraft(trx, procedure.id, true);
    if (!draft) throw noDraft(procedure.code);
    if (input.expectedRowVersion !== undefined && input.expectedRowVersion !== draft.rowVersion)
      throw draftChanged();
    const base = await loadVersionContent(trx, draft.basedOnVersionId);
    assertMayChange(draftChanges(base, draft.content), rights);
    if (effective instanceof Error) throw effective;
    const hash = contentHash(draft.content);
    if (hash === contentHash(normaliseContent(base))) throw noChanges();
    const versions = await repo.selectVersionFacts(trx, procedure.id);
    if (versions.some((v) => v.publishedAt > draft.createdAt)) throw outdated();
    assertValidContent(draft.content);
    const baseFacts = versions.find((v) => v.id === draft.basedOnVersionId);
    const versionNumber = (versions.at(-1)?.number ?? 0) + 1;
    const [versionId] = await insertVersions(
      trx,
      [
        {
          procedureId: procedure.id,
          content: draft.content,
          meta: {
            versionNumber,
            effectiveFrom: effective,
            publishedAt: now,
            publishedBy: caller.actor.label ?? caller.actor.kind,
            contentHash: hash,
            nationalHash: baseFacts?.nationalHash ?? baseFacts?.hash ?? null,
          },
        },
      ],
      now,
    );
    await repo.insertPublication(trx, {
      draftId: draft.id,
      procedureId: procedure.id,
      versionId: versionId as string,
      requestKey: input.requestKey ?? null,
      now,
    });
    await repo.deleteDraft(trx, draft.id);
    await recordAudit(
      trx,
      auditEntry(caller, 'catalogue.version_published', procedure, {
        versionNumber,
        effectiveFrom: effective.toISOString(),
        basedOnVersionId: draft.basedOnVersionId,
      }),
      now,
    );
    await refreshSearchRows(trx, [procedure.id], now);
    return { versionId: versionId as string, versionNumber, effectiveFrom: effective, fresh: true };
  });
  return {
    versionId: published.versionId,
    versionNumber: published.versionNumber,
    effectiveFrom: published.effectiveFrom,
  };
}
