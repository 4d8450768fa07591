/**
 * Adding files to a dossier's components while it is at intake: the desk scans papers before it
 * receives them, the citizen adds or replaces documents when asked to complete (lifecycle
 * `add_attachment`). The bytes are durable before the row; the component becomes digitized.
 */
import type { Readable } from 'node:stream';
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { earlierUpload, type StoredUpload, storeUpload } from './attachments/index.js';
import { getDossierForCaller, getDossierHeadForActor } from './dossier-read.service.js';
import * as repo from './dossiers.repository.js';
import { nextState } from './transitions.js';

const componentMissing = (id: string) =>
  notFound('dossier.component_not_found', {
    vi: 'Hồ sơ không có thành phần này.',
    en: `The dossier has no component ${id}.`,
  });

export async function addAttachment(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  componentId: string,
  file: { stream: Readable; fileName: string; requestKey?: string | undefined },
): Promise<StoredUpload> {
  let checked: Awaited<ReturnType<typeof getDossierHeadForActor>>;
  try {
    checked = await getDossierHeadForActor(ctx.db, principal, idOrCode);
    nextState(checked.head, 'add_attachment', checked.actor);
  } catch (e) {
    file.stream.resume();
    throw e;
  }
  const { head: d, actor } = checked;
  const component = d.components.find((c) => c.id === componentId || String(c.position) === componentId);
  if (!component) {
    file.stream.resume();
    throw componentMissing(componentId);
  }
  const upload = {
    uploader: { kind: principal.kind === 'citizen' ? 'citizen' : 'officer', id: principal.id },
    target: { dossierId: d.id, componentId: component.id },
    ...(file.requestKey ? { requestKey: file.requestKey } : {}),
  } as const;
  const earlier = await earlierUpload(ctx.db, upload);
  if (earlier) {
    file.stream.resume();
    return earlier;
  }
  const stored = await storeUpload(ctx, { ...upload, stream: file.stream, fileName: file.fileName });
  if (stored.replayed) return stored;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('dossier_components')
      .set({ digitization: 1, reused_document_id: null })
      .where('id', '=', component.id)
      .where('digitization', '=', 0)
      .execute();
    await repo.insertHistory(trx, {
      id: newId(),
      dossierId: d.id,
      at: now,
      action: 'add_attachment',
      fromStatus: d.status,
      toStatus: d.status,
      actorKind: actor,
      actorId: principal.id,
      actorName: principal.name,
      actorRole: actor === 'officer' ? 'one_stop' : null,
      agencyId: actor === 'officer' ? d.receivingAgencyId : null,
      content: `${component.name}: ${stored.fileName}`,
    });
  });
  return stored;
}

/** Takes a file off its component (a replaced scan): kept for the record, no longer shown. */
export async function removeAttachment(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  fileId: string,
) {
  const { head, actor } = await getDossierHeadForActor(ctx.db, principal, idOrCode);
  nextState(head, 'add_attachment', actor);
  const d = await getDossierForCaller(ctx.db, principal, head.id);
  const file = d.components.flatMap((c) => c.files).find((f) => f.id === fileId);
  if (!file) throw notFound('dossier.file_not_found', { vi: 'Không tìm thấy tệp.', en: 'File not found.' });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('dossier_files').set({ removed_at: now }).where('id', '=', fileId).execute();
    const left =
      d.components.find((c) => c.id === file.componentId)?.files.filter((f) => f.id !== fileId) ?? [];
    if (left.length === 0 && file.componentId) {
      await trx
        .updateTable('dossier_components')
        .set({ digitization: 0 })
        .where('id', '=', file.componentId)
        .where('digitization', '=', 1)
        .execute();
    }
  });
  return getDossierForCaller(ctx.db, principal, d.id);
}
