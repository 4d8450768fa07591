/** Reading a dossier whole, and deciding who may see it or act at its desk. */

import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { canSeeDossier, coversAgency, loadAgencyTree } from '../identity/index.js';
import type { Dossier, DossierComponent, Person } from './dossier.js';
import { isDossierCode } from './dossier-code.js';
import * as repo from './dossiers.repository.js';
import type { DossierStatus, SubState } from './lifecycle.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const dossierNotFound = (key: string) =>
  notFound('dossier.not_found', {
    vi: `Không tìm thấy hồ sơ ${key}.`,
    en: `Dossier ${key} was not found.`,
  });

/**
 * Name and current code of the dossier's agencies in one round trip (a dossier page is read often;
 * admin-units' lookup takes three queries per agency). Reads admin-units' tables directly, downward.
 */
async function agencyRefs(
  db: Db,
  ids: string[],
): Promise<Map<string, { id: string; code: string; name: string }>> {
  const rows = await sql<{ id: string; name: string; code: string | null }>`
    SELECT a.id, a.name,
      (SELECT c.code FROM agency_codes c WHERE c.agency_id = a.id ORDER BY c.valid_to IS NULL DESC, c.valid_from DESC LIMIT 1) AS code
    FROM agencies a WHERE a.id = ANY(${ids}::uuid[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, { id: r.id, name: r.name, code: r.code ?? '' }]));
}

function componentsOf(
  rows: Awaited<ReturnType<typeof repo.selectComponents>>,
  files: Awaited<ReturnType<typeof repo.selectFiles>>,
): DossierComponent[] {
  return rows.map((c) => ({
    id: c.id,
    position: c.position,
    name: c.name,
    requirement: c.requirement as DossierComponent['requirement'],
    originals: c.originals,
    certifiedCopies: c.certified_copies,
    copies: c.copies,
    digitization: c.digitization as DossierComponent['digitization'],
    reusedDocumentId: c.reused_document_id,
    files: files
      .filter((f) => f.component_id === c.id)
      .map((f) => ({
        id: f.id,
        componentId: f.component_id,
        fileName: f.file_name,
        mediaType: f.media_type,
        size: Number(f.size),
        sha256: f.sha256,
        scanStatus: f.scan_status as 'clean' | 'infected' | 'not_scanned',
        createdAt: f.created_at,
      })),
  }));
}

/** The dossier with its components, files, history, fees, payments and slips; undefined if unknown. */
export async function findDossier(db: Db, idOrCode: string): Promise<Dossier | undefined> {
  const key = idOrCode.trim();
  const row = UUID.test(key)
    ? await repo.selectDossier(db, { id: key.toLowerCase() })
    : isDossierCode(key)
      ? await repo.selectDossier(db, { code: key.toUpperCase() })
      : undefined;
  if (!row) return undefined;
  const [components, files, history, fees, payments, slips, agencies] = await Promise.all([
    repo.selectComponents(db, row.id),
    repo.selectFiles(db, row.id),
    repo.selectHistory(db, row.id),
    repo.selectFeeLines(db, row.id),
    repo.selectPayments(db, row.id),
    repo.selectSlips(db, row.id),
    agencyRefs(db, [row.receiving_agency_id, row.competent_agency_id]),
  ]);
  const ref = (id: string) => agencies.get(id) ?? { id, code: '', name: '' };
  const receiving = ref(row.receiving_agency_id);
  const competent = ref(row.competent_agency_id);
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    procedureVersionId: row.procedure_version_id,
    status: row.status as DossierStatus,
    subState: row.sub_state as SubState,
    channel: row.channel as Dossier['channel'],
    filedBy: row.filed_by as Dossier['filedBy'],
    accountId: row.account_id,
    applicant: row.applicant as unknown as Person,
    owner: (row.owner as unknown as Person | null) ?? null,
    receivingAgency: receiving,
    competentAgency: competent,
    returnMethod: row.return_method as Dossier['returnMethod'],
    returnAddress: row.return_address,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    durationValue: row.duration_value,
    durationUnit: row.duration_unit,
    formSet: row.form_set,
    feeCollection: row.fee_collection as Dossier['feeCollection'],
    refusalReason: row.refusal_reason,
    withdrawRequestedAt: row.withdraw_requested_at,
    rowVersion: row.row_version,
    components: componentsOf(components, files),
    history: history.map((h) => ({
      id: h.id,
      at: h.at,
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      actorKind: h.actor_kind as 'citizen' | 'officer' | 'system',
      actorName: h.actor_name,
      actorRole: h.actor_role,
      agencyName: h.agency_name,
      content: h.content,
      stepStartedAt: h.step_started_at,
      stepDueAt: h.step_due_at,
    })),
    feeLines: fees.map((f) => ({
      position: f.position,
      kind: f.kind as 'phi' | 'le_phi' | 'unspecified',
      name: f.name,
      baseAmount: Number(f.base_amount),
      amount: Number(f.amount),
      collected: f.collected as 'before' | 'after',
      adjustment: f.adjustment,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      amount: Number(p.amount),
      method: 'cash' as const,
      receiptNumber: p.receipt_number,
      recordedAt: p.recorded_at,
    })),
    slips: slips.map((s) => ({
      id: s.id,
      kind: s.kind as 'receipt' | 'completion_request' | 'refusal',
      formSet: s.form_set,
      formNo: s.form_no,
      issuedAt: s.issued_at,
      issuedBy: s.issued_by,
      details: s.details as Dossier['slips'][number]['details'],
    })),
  };
}

export async function getDossier(db: Db, idOrCode: string): Promise<Dossier> {
  const d = await findDossier(db, idOrCode);
  if (!d) throw dossierNotFound(idOrCode);
  return d;
}

const scopeOf = (d: Dossier) => ({
  receivingAgencyId: d.receivingAgency.id,
  competentAgencyId: d.competentAgency.id,
  stepAgencyIds: [],
  ownerAccountId: d.accountId,
});

/**
 * The dossier if the caller may see it. Someone who may not gets the same 404 as for an unknown code,
 * so codes cannot be probed.
 */
export async function getDossierForCaller(
  db: Db,
  principal: Principal | null,
  idOrCode: string,
): Promise<Dossier> {
  const d = await findDossier(db, idOrCode);
  if (!d) throw dossierNotFound(idOrCode);
  const tree = await loadAgencyTree(db);
  if (!canSeeDossier(principal, scopeOf(d), tree.ancestorsOf)) throw dossierNotFound(idOrCode);
  return d;
}

export const notAtThisDesk = () =>
  forbidden('dossier.not_your_desk', {
    vi: 'Chỉ cán bộ tiếp nhận của trung tâm nhận hồ sơ này mới được thực hiện thao tác.',
    en: 'Only a one-stop officer of the receiving centre may do this.',
  });

/** Whether the officer works at the desk (one_stop role) of this agency or one above it. */
export async function isDeskOf(db: Db, principal: Principal | null, agencyId: string): Promise<boolean> {
  if (principal?.kind !== 'officer') return false;
  const tree = await loadAgencyTree(db);
  return coversAgency(principal.grants, agencyId, tree.ancestorsOf, ['one_stop']);
}

/** The little an upload needs to be checked: status, owner, receiving centre and the components. */
export interface DossierHead {
  id: string;
  code: string;
  status: DossierStatus;
  subState: SubState;
  accountId: string | null;
  receivingAgencyId: string;
  competentAgencyId: string;
  components: { id: string; position: number; name: string; digitization: number }[];
}

/**
 * The head of a dossier the caller may act on at intake — its citizen or a one-stop officer of the
 * receiving centre — with the actor it is. Others get 404 (cannot see) or 403 (can see, not the desk).
 */
export async function getDossierHeadForActor(
  db: Db,
  principal: Principal | null,
  idOrCode: string,
): Promise<{ head: DossierHead; actor: 'citizen' | 'officer' }> {
  const key = idOrCode.trim();
  const row = UUID.test(key)
    ? await repo.selectDossier(db, { id: key.toLowerCase() })
    : isDossierCode(key)
      ? await repo.selectDossier(db, { code: key.toUpperCase() })
      : undefined;
  if (!row) throw dossierNotFound(idOrCode);
  const head: DossierHead = {
    id: row.id,
    code: row.code,
    status: row.status as DossierStatus,
    subState: row.sub_state as SubState,
    accountId: row.account_id,
    receivingAgencyId: row.receiving_agency_id,
    competentAgencyId: row.competent_agency_id,
    components: (await repo.selectComponents(db, row.id)).map((c) => ({
      id: c.id,
      position: c.position,
      name: c.name,
      digitization: c.digitization,
    })),
  };
  if (principal?.kind === 'citizen' && principal.id === head.accountId) return { head, actor: 'citizen' };
  const tree = await loadAgencyTree(db);
  if (
    principal?.kind === 'officer' &&
    coversAgency(principal.grants, head.receivingAgencyId, tree.ancestorsOf, ['one_stop'])
  )
    return { head, actor: 'officer' };
  const scope = {
    receivingAgencyId: head.receivingAgencyId,
    competentAgencyId: head.competentAgencyId,
    stepAgencyIds: [],
    ownerAccountId: head.accountId,
  };
  if (canSeeDossier(principal, scope, tree.ancestorsOf)) throw notAtThisDesk();
  throw dossierNotFound(idOrCode);
}
