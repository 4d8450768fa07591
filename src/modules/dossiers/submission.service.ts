/**
 * Creating a dossier (nộp hồ sơ): online by a citizen or business, or at the desk by a one-stop
 * officer. The dossier code is drawn in the same transaction (DOMAIN.md §5.1); an Idempotency-Key
 * makes a retried submission return the first dossier.
 */
import type { Db } from '../../platform/db/database.js';
import { conflict, forbidden, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { isPreparationNote, type ProcedureVersion, versionAt } from '../catalogue/index.js';
import type { Channel, Dossier, FiledBy, Person } from './dossier.js';
import { formatDossierCode, localDay } from './dossier-code.js';
import { getDossier } from './dossier-read.service.js';
import * as repo from './dossiers.repository.js';
import { emitDossierEvent } from './events.js';
import { nameKey } from './person-input.js';
import { type Routed, routeFor } from './routing.service.js';
import { attachChoices, type PlannedComponent } from './submission-components.js';
import {
  type CheckedSubmission,
  checkSubmission,
  type NewDossierInput,
  requestHash,
} from './submission-input.js';

export interface SubmitOutcome {
  dossier: Dossier;
  /** False when the idempotency key had already made this dossier. */
  created: boolean;
}

const callerKey = (p: Principal) => `${p.kind}:${p.id}`;

function filing(p: Principal, input: NewDossierInput): { channel: Channel; filedBy: FiledBy } {
  if (p.kind === 'citizen')
    return { channel: 2, filedBy: input.assisted ? 'citizen_assisted' : 'citizen_remote' };
  if (p.kind === 'officer' && p.grants.some((g) => g.role === 'one_stop'))
    return { channel: input.channel ?? 1, filedBy: 'officer' };
  throw forbidden('dossier.cannot_submit', {
    vi: 'Chỉ công dân, doanh nghiệp hoặc cán bộ tiếp nhận mới được nộp hồ sơ.',
    en: 'Only citizens, businesses or one-stop officers may submit a dossier.',
  });
}

function assertOnline(version: ProcedureVersion) {
  const online =
    version.content.onlineLevel !== 'none' || version.content.channels.some((c) => c.kind === 'online');
  if (!online) {
    throw validationError('dossier.not_online', {
      vi: `Thủ tục ${version.content.name} chưa được cung cấp trực tuyến: hãy nộp tại Trung tâm Phục vụ hành chính công.`,
      en: `Procedure ${version.content.name} is not offered online: submit it at a service centre.`,
    });
  }
}

function receivingAgency(p: Principal, input: NewDossierInput, routed: Routed): string {
  const wanted = input.receivingAgencyId ?? null;
  if (wanted) {
    const centre = routed.agencies.find((a) => a.id === wanted);
    if (!centre?.kind.endsWith('_service_centre')) {
      throw validationError('dossier.invalid_receiving_centre', {
        vi: 'Nơi tiếp nhận phải là một Trung tâm Phục vụ hành chính công của tỉnh.',
        en: 'The receiving unit must be one of the province’s service centres.',
      });
    }
    return centre.id;
  }
  if (p.kind === 'officer') {
    const desk = p.grants.find((g) => g.role === 'one_stop');
    if (desk) return desk.agencyId;
  }
  return routed.receivingCentre?.id ?? routed.competent.id;
}

/** Planned component rows: every document of the version a person brings (not the preparation notes). */
function plannedComponents(version: ProcedureVersion): PlannedComponent[] {
  return version.content.components
    .map((c, position) => ({ c, position }))
    .filter(({ c }) => !isPreparationNote(c))
    .map(({ c, position }) => ({
      id: newId(),
      position,
      name: c.name,
      requirement: c.requirement,
      originals: c.originals,
      certifiedCopies: c.certifiedCopies,
      copies: c.copies,
    }));
}

async function linkedAccount(db: Db, p: Principal, applicant: Person): Promise<string | null> {
  if (p.kind === 'citizen') return p.id;
  if (!applicant.idNumber) return null;
  return (await repo.selectAccountByKey(db, applicant.idNumber))?.id ?? null;
}

export async function submitDossier(
  ctx: AppContext,
  principal: Principal,
  input: NewDossierInput,
  idempotencyKey: string,
): Promise<SubmitOutcome> {
  const caller = callerKey(principal);
  const hash = requestHash(input);
  const earlier = await repo.findSubmission(ctx.db, caller, idempotencyKey);
  if (earlier) return replay(ctx.db, earlier, hash);
  const { channel, filedBy } = filing(principal, input);
  const now = ctx.clock.now();
  const version = await versionAt(ctx.db, input.procedureCode, now);
  if (principal.kind === 'citizen') assertOnline(version);
  const checked = checkSubmission(input, { idRequired: true });
  const routed = await routeFor(ctx.db, {
    content: version.content,
    communeCode: checked.applicant.communeCode,
    level: input.level ?? null,
    at: now,
    field: 'applicant.communeCode',
  });
  const receivingId = receivingAgency(principal, input, routed);
  const accountId = await linkedAccount(ctx.db, principal, checked.applicant);
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const dossierId = newId();
      const day = localDay(now);
      const seq = await repo.nextSequence(trx, routed.competent.code, day);
      const code = formatDossierCode(routed.competent.code, day, seq);
      await insertNew(trx, {
        dossierId,
        code,
        version,
        checked,
        channel,
        filedBy,
        principal,
        accountId,
        routed,
        receivingId,
        now,
      });
      await attachChoices(trx, {
        principal,
        dossierId,
        components: plannedComponents(version),
        choices: checked.components,
        requireAll: principal.kind === 'citizen',
        procedureName: version.content.name,
        now,
      });
      await repo.insertHistory(trx, {
        id: newId(),
        dossierId,
        at: now,
        action: 'submit',
        fromStatus: null,
        toStatus: 1,
        actorKind: principal.kind === 'citizen' ? 'citizen' : 'officer',
        actorId: principal.id,
        actorName: principal.name,
        actorRole: principal.kind === 'officer' ? 'one_stop' : null,
        agencyId: principal.kind === 'officer' ? receivingId : null,
        content: submitNote(channel, filedBy),
      });
      await trx
        .insertInto('dossier_submissions')
        .values({
          caller,
          idempotency_key: idempotencyKey,
          request_hash: hash,
          dossier_id: dossierId,
          created_at: now,
        })
        .execute();
      if (input.draftId && principal.kind === 'citizen') {
        await trx
          .deleteFrom('dossier_drafts')
          .where('id', '=', input.draftId)
          .where('account_id', '=', principal.id)
          .execute();
      }
      await emitDossierEvent(ctx.jobs, trx, {
        eventId: `${dossierId}:submitted`,
        kind: 'submitted',
        dossierId,
        code,
        procedureName: version.content.name,
        accountId,
        receivingAgencyId: receivingId,
        at: now.toISOString(),
        detail: null,
        filedBy,
      });
      return dossierId;
    });
    return { dossier: await getDossier(ctx.db, id), created: true };
  } catch (e) {
    // Two copies of one request racing: the second loses on the key and answers with the first's dossier.
    if (isUniqueViolation(e, 'dossier_submissions_pkey')) {
      const first = await repo.findSubmission(ctx.db, caller, idempotencyKey);
      if (first) return replay(ctx.db, first, hash);
    }
    throw e;
  }
}

async function replay(
  db: Db,
  earlier: { dossier_id: string; request_hash: string },
  hash: string,
): Promise<SubmitOutcome> {
  if (earlier.request_hash !== hash) {
    throw conflict('dossier.idempotency_key_reused', {
      vi: 'Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác.',
      en: 'This Idempotency-Key was already used for another request.',
    });
  }
  return { dossier: await getDossier(db, earlier.dossier_id), created: false };
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string };
  return err?.code === '23505' && err.constraint === constraint;
}

const FILED_BY_TEXT: Record<FiledBy, string> = {
  citizen_remote: 'Công dân tự nộp trực tuyến',
  citizen_assisted: 'Công dân nộp trực tuyến với sự hỗ trợ tại Trung tâm',
  officer: 'Cán bộ tiếp nhận nhập hồ sơ',
};
const CHANNEL_TEXT: Record<Channel, string> = {
  1: 'trực tiếp',
  2: 'trực tuyến',
  3: 'qua bưu chính công ích',
};

function submitNote(channel: Channel, filedBy: FiledBy): string {
  return `${FILED_BY_TEXT[filedBy]}; kênh ${CHANNEL_TEXT[channel]}.`;
}

interface NewRow {
  dossierId: string;
  code: string;
  version: ProcedureVersion;
  checked: CheckedSubmission;
  channel: Channel;
  filedBy: FiledBy;
  principal: Principal;
  accountId: string | null;
  routed: Routed;
  receivingId: string;
  now: Date;
}

async function insertNew(trx: Db, r: NewRow) {
  const { applicant, owner } = r.checked;
  await repo.insertDossier(trx, {
    id: r.dossierId,
    code: r.code,
    procedure_code: r.version.code,
    procedure_version_id: r.version.id,
    procedure_name: r.version.content.name,
    status: 1,
    channel: r.channel,
    filed_by: r.filedBy,
    filed_by_officer_id: r.principal.kind === 'officer' ? r.principal.id : null,
    account_id: r.accountId,
    applicant: JSON.stringify(applicant),
    owner: owner ? JSON.stringify(owner) : null,
    applicant_id_number: applicant.idNumber,
    applicant_phone: applicant.phone,
    applicant_name_key: nameKey(applicant.name),
    applicant_unit_code: applicant.communeCode,
    receiving_agency_id: r.receivingId,
    competent_agency_id: r.routed.competent.id,
    competent_agency_code: r.routed.competent.code,
    return_method: r.checked.returnMethod,
    return_address: r.checked.returnAddress,
    submitted_at: r.now,
    created_at: r.now,
    updated_at: r.now,
  });
}
