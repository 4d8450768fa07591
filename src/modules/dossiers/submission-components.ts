/**
 * The components of a new dossier: one row per document of the procedure version, each with the
 * uploads the caller chose (draft or desk uploads) or a document of the citizen's data store reused
 * (TrangThaiSoHoa 2/3, DOMAIN.md §9).
 */
import type { Db } from '../../platform/db/database.js';
import { type FieldError, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { ComponentChoice } from './submission-input.js';

export interface PlannedComponent {
  id: string;
  position: number;
  name: string;
  requirement: 'required' | 'conditional';
  originals: number;
  certifiedCopies: number;
  copies: number;
}

interface AttachArgs {
  principal: Principal;
  dossierId: string;
  components: PlannedComponent[];
  choices: ComponentChoice[];
  /** Online submission: every required document must come with a file or a reused document. */
  requireAll: boolean;
  procedureName: string;
  now: Date;
}

const uploaderKind = (p: Principal) => (p.kind === 'citizen' ? 'citizen' : 'officer');

async function reuse(
  trx: Db,
  a: AttachArgs,
  component: PlannedComponent,
  documentId: string,
  errors: FieldError[],
) {
  const doc = await trx
    .selectFrom('citizen_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('hidden', '=', false)
    .executeTakeFirst();
  if (!doc || a.principal.kind !== 'citizen' || doc.account_id !== a.principal.id) {
    errors.push({
      field: `components.${component.position}`,
      message: {
        vi: 'Không tìm thấy giấy tờ trong kho dữ liệu của bạn.',
        en: 'No such document in your data store.',
      },
    });
    return 0;
  }
  await trx
    .insertInto('dossier_files')
    .values({
      id: newId(),
      uploaded_by_kind: 'citizen',
      uploaded_by_id: a.principal.id,
      dossier_id: a.dossierId,
      component_id: component.id,
      sha256: doc.sha256,
      size: doc.size,
      media_type: doc.media_type,
      file_name: `${doc.name}.${doc.media_type === 'application/pdf' ? 'pdf' : 'bin'}`,
      scan_status: 'clean',
      created_at: a.now,
      attached_at: a.now,
    })
    .execute();
  return doc.kind === 1 ? 3 : 2;
}

async function attachUploads(
  trx: Db,
  a: AttachArgs,
  component: PlannedComponent,
  fileIds: string[],
  errors: FieldError[],
) {
  if (fileIds.length === 0) return 0;
  const r = await trx
    .updateTable('dossier_files')
    .set({ dossier_id: a.dossierId, component_id: component.id, attached_at: a.now, draft_id: null })
    .where('id', 'in', fileIds)
    .where('dossier_id', 'is', null)
    .where('uploaded_by_kind', '=', uploaderKind(a.principal))
    .where('uploaded_by_id', '=', a.principal.id)
    .where('scan_status', '<>', 'infected')
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== new Set(fileIds).size) {
    errors.push({
      field: `components.${component.position}`,
      message: {
        vi: 'Một số tệp đính kèm không còn hoặc không thuộc về bạn: hãy tải lên lại.',
        en: 'Some attachments are gone or are not yours: upload them again.',
      },
    });
  }
  return 1;
}

export async function attachChoices(trx: Db, a: AttachArgs): Promise<void> {
  const errors: FieldError[] = [];
  const byPosition = new Map(a.choices.map((c) => [c.position, c]));
  for (const choice of a.choices) {
    if (!a.components.some((c) => c.position === choice.position)) {
      errors.push({
        field: `components.${choice.position}`,
        message: { vi: 'Thủ tục không có thành phần hồ sơ này.', en: 'The procedure has no such component.' },
      });
    }
  }
  // The rows first: the files point at them.
  await insertComponents(trx, a.dossierId, a.components);
  for (const component of a.components) {
    const choice = byPosition.get(component.position);
    let digitization = 0;
    if (choice?.reuseDocumentId)
      digitization = await reuse(trx, a, component, choice.reuseDocumentId, errors);
    else digitization = await attachUploads(trx, a, component, choice?.fileIds ?? [], errors);
    if (digitization === 0 && a.requireAll && component.requirement === 'required') {
      errors.push({
        field: `components.${component.position}`,
        message: {
          vi: `Thiếu giấy tờ bắt buộc: ${component.name}.`,
          en: `A required document is missing: ${component.name}.`,
        },
      });
    }
    if (digitization > 0) {
      await trx
        .updateTable('dossier_components')
        .set({
          digitization,
          reused_document_id: digitization >= 2 ? (choice?.reuseDocumentId ?? null) : null,
        })
        .where('id', '=', component.id)
        .execute();
    }
  }
  if (errors.length > 0) {
    throw validationError(
      'dossier.missing_components',
      {
        vi: 'Hồ sơ còn thiếu hoặc sai giấy tờ: xem các mục được đánh dấu.',
        en: 'Documents are missing or wrong: see the marked items.',
      },
      errors,
    );
  }
}

async function insertComponents(trx: Db, dossierId: string, rows: PlannedComponent[]) {
  if (rows.length === 0) return;
  await trx
    .insertInto('dossier_components')
    .values(
      rows.map((c) => ({
        id: c.id,
        dossier_id: dossierId,
        position: c.position,
        name: c.name,
        requirement: c.requirement,
        originals: c.originals,
        certified_copies: c.certifiedCopies,
        copies: c.copies,
        digitization: 0,
      })),
    )
    .execute();
}
