/**
 * Result templates' use cases: the template that applies to a procedure at an agency (its own, else
 * the province-wide one, else the built-in default), what an administrator may edit, saving with a
 * row version (a concurrent save is refused, nothing lost) and the audit log, and the preview on
 * sample data.
 */
import type { AuditActor } from '../../../platform/audit/actor.js';
import { auditActorFields } from '../../../platform/audit/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError, conflict, forbidden, notFound, validationError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { placeOf } from '../../../platform/pdf/index.js';
import { type AgencyTree, loadAgencyTree } from '../../identity/index.js';
import { renderResult } from '../document.js';
import { sampleDocument } from './sample.js';
import { defaultTemplate, type ResultTemplate, type TemplateContent } from './template.js';
import { mayEditTemplate } from './templates.policy.js';
import * as repo from './templates.repository.js';
import { type TemplateInput, validateTemplate } from './validation.js';

export type Deps = Pick<AppContext, 'db' | 'clock' | 'config'>;
export interface Caller {
  principal: Principal | null;
  actor: AuditActor;
}
export type ProcedureFacts = repo.ProcedureFacts;

/** The title of a procedure's result when its catalogue entry names no result kind. */
export const resultNameOf = (p: { name: string; resultName: string | null }) =>
  p.resultName?.trim() || `Kết quả giải quyết thủ tục ${p.name}`;

/**
 * The template of a procedure's result at an agency: the agency's own, else the province-wide one,
 * else the built-in default titled with `resultName` (the name of the procedure's result kind).
 */
export async function templateFor(
  db: Db,
  procedureCode: string,
  agencyId: string | null,
  resultName: string,
): Promise<ResultTemplate> {
  const { own, province } = await repo.selectTemplatesFor(db, procedureCode, agencyId);
  return own ?? province ?? defaultTemplate(procedureCode, resultName);
}

export async function getProcedureFacts(db: Db, code: string): Promise<ProcedureFacts> {
  const p = await repo.selectProcedureFacts(db, code);
  if (!p)
    throw notFound('results.template_procedure_not_found', {
      vi: `Không có thủ tục mã ${code}`,
      en: `No procedure with code ${code}`,
    });
  return p;
}

/** A scope an administrator may edit: an agency, or the province (agencyId null). */
export interface Scope {
  agencyId: string | null;
  name: string;
}

export const PROVINCE_SCOPE_NAME = { vi: 'Toàn tỉnh (mọi cơ quan)', en: 'Province-wide (every agency)' };

export interface Rights {
  scopes: Scope[];
  may(agencyId: string | null): boolean;
  tree: AgencyTree;
  rootIds: string[];
}

/** The scopes the caller may edit: the province-wide one when allowed, then the agencies covered. */
export async function rightsOf(db: Db, p: Principal | null): Promise<Rights> {
  const [tree, roots] = await Promise.all([loadAgencyTree(db), repo.selectProvinceRoots(db)]);
  const rootIds = roots.map((r) => r.id);
  const may = (agencyId: string | null) => mayEditTemplate(p, agencyId, rootIds, tree.ancestorsOf);
  const scopes: Scope[] = [
    ...(may(null) ? [{ agencyId: null, name: PROVINCE_SCOPE_NAME.vi }] : []),
    ...tree.ids.filter((id) => may(id)).map((id) => ({ agencyId: id, name: tree.nameOf(id) ?? id })),
  ];
  return { scopes, may, tree, rootIds };
}

export const notAllowed = () =>
  forbidden('results.template_not_allowed', {
    vi: 'Bạn không quản trị cơ quan này nên không sửa được mẫu kết quả của cơ quan.',
    en: 'You do not administer this agency, so you may not change its result templates.',
  });

export const templateChanged = () =>
  conflict('results.template_changed', {
    vi: 'Mẫu vừa được người khác lưu trong lúc bạn sửa. Nội dung bạn nhập vẫn còn dưới đây; hãy mở mẫu đã lưu (liên kết bên dưới) để đối chiếu, rồi bấm Lưu lần nữa nếu muốn ghi đè bằng nội dung của bạn.',
    en: 'Someone saved this template while you were editing it. What you typed is kept below; open the saved template (link below) to compare, then save again to replace it with yours.',
  });

/**
 * The template shown in the form for a scope: the scope's own row, else what applies there now
 * (province-wide, else default) as a starting point, not saved yet (row version 0).
 */
export async function templateOfScope(
  db: Db,
  procedure: ProcedureFacts,
  agencyId: string | null,
): Promise<{ template: ResultTemplate; saved: boolean }> {
  const { own, province } = await repo.selectTemplatesFor(db, procedure.code, agencyId);
  const saved = agencyId === null ? province : own;
  if (saved) return { template: saved, saved: true };
  const start =
    (agencyId === null ? undefined : province) ?? defaultTemplate(procedure.code, resultNameOf(procedure));
  return { template: { ...start, id: null, agencyId, rowVersion: 0 }, saved: false };
}

/** The head of the preview: the agency, or for the province-wide template the province's root. */
async function headOf(db: Db, agencyId: string | null) {
  const id = agencyId ?? (await repo.selectProvinceRoots(db))[0]?.id;
  const head = id ? await repo.selectAgencyHead(db, id) : undefined;
  const name = head?.name ?? 'Ủy ban nhân dân tỉnh';
  return { agencyName: name, agencyParentName: head?.parent_name ?? null, place: placeOf(name) };
}

/** The template drawn on sample data, watermarked "MẪU XEM TRƯỚC", nothing signed. */
export async function renderPreview(
  deps: Deps,
  procedure: ProcedureFacts,
  agencyId: string | null,
  template: ResultTemplate,
): Promise<Buffer> {
  const head = await headOf(deps.db, agencyId);
  const data = sampleDocument(
    {
      ...head,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      baseUrl: deps.config.baseUrl,
      now: deps.clock.now(),
    },
    template,
  );
  return (await renderResult(data, template, { preview: true })).pdf;
}

export async function previewTemplate(
  deps: Deps,
  principal: Principal | null,
  procedure: ProcedureFacts,
  agencyId: string | null,
): Promise<Buffer> {
  if (!(await rightsOf(deps.db, principal)).may(agencyId)) throw notAllowed();
  const template = await templateFor(deps.db, procedure.code, agencyId, resultNameOf(procedure));
  return renderPreview(deps, procedure, agencyId, template);
}

/** Refuses a template whose body would push the signature off the first page (drawn on sample data). */
async function assertFitsOnePage(
  deps: Deps,
  procedure: ProcedureFacts,
  agencyId: string | null,
  c: TemplateContent,
) {
  const probe: ResultTemplate = {
    ...defaultTemplate(procedure.code, c.title),
    ...c,
    agencyId,
  };
  try {
    await renderPreview(deps, procedure, agencyId, probe);
  } catch (e) {
    if (e instanceof AppError && e.code === 'results.template_too_long')
      throw validationError(e.code, e.text, [{ field: 'fields', message: e.text }]);
    throw e;
  }
}

export interface SaveInput {
  agencyId: string | null;
  /** The row version the editor read; 0 when there was no template for the scope yet. */
  expectedRowVersion: number;
  input: TemplateInput;
}

/** Saves the scope's template (creates it at row version 1, or updates it if still unchanged). */
export async function saveTemplate(
  deps: Deps,
  caller: Caller,
  procedure: ProcedureFacts,
  s: SaveInput,
): Promise<{ rowVersion: number }> {
  if (!(await rightsOf(deps.db, caller.principal)).may(s.agencyId)) throw notAllowed();
  const checked = validateTemplate(s.input);
  if (!checked.ok)
    throw validationError(
      'results.template_invalid',
      { vi: 'Mẫu kết quả có chỗ cần sửa.', en: 'The result template needs correcting.' },
      checked.errors,
    );
  await assertFitsOnePage(deps, procedure, s.agencyId, checked.content);
  const now = deps.clock.now();
  const by = caller.actor.kind === 'officer' ? caller.actor.id : null;
  return deps.db.transaction().execute(async (trx) => {
    const target = { procedureCode: procedure.code, agencyId: s.agencyId, content: checked.content, by, now };
    const row =
      s.expectedRowVersion === 0
        ? await repo.insertTemplate(trx, { id: newId(), ...target })
        : await repo.updateTemplate(trx, { ...target, expectedRowVersion: s.expectedRowVersion });
    if (!row) throw templateChanged();
    await recordAudit(
      trx,
      {
        ...auditActorFields(caller.actor),
        agencyId: s.agencyId,
        action: 'results.template_saved',
        objectType: 'result_template',
        objectId: row.id,
        details: {
          procedureCode: procedure.code,
          scope: s.agencyId ?? 'province',
          rowVersion: row.row_version,
        },
      },
      now,
    );
    return { rowVersion: row.row_version };
  });
}
