/**
 * What the officer's dossier page shows, read for the caller: the dossier (only if they may see it —
 * received, decided or processed at a step in an agency their grants cover — else the same 404 as an
 * unknown code), its steps, the processing state with the actions they may take, the open pause, the
 * officers who may be given the step, and whether personal data may be shown. Records the view.
 */
import { recordAudit } from '../../../platform/audit/record.js';
import { notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/module.js';
import { type Dossier, getDossier, listWorkingFiles, type WorkingFile } from '../../dossiers/index.js';
import { canSeeDossier, canSeePersonalData, loadAgencyTree } from '../../identity/index.js';
import { type ProcessingState, processingState } from '../processing.service.js';
import {
  type StepRow,
  selectApology,
  selectOfficerNames,
  selectOfficersHolding,
  selectOpenPause,
  selectSteps,
} from './officer-dossier.repository.js';

export interface OfficerDossierPage {
  d: Dossier;
  steps: StepRow[];
  state: ProcessingState;
  pause: { requested_at: Date; reason: string } | null;
  /** The apology letter (Mẫu 04): approved, or drafted and waiting for a leader. */
  apology: {
    reason: string;
    new_due_at: Date;
    approved_at: Date | null;
    responsible_agency_id: string;
  } | null;
  /** Officers who may be given the current step (only when the caller may assign it). */
  assignees: { id: string; full_name: string }[];
  agencyName(id: string): string;
  officerName(id: string | null): string | null;
  personalData: boolean;
  /** Working documents carried by actions, and the caller's own still waiting for one. */
  workingFiles: WorkingFile[];
}

/** The same answer as for an unknown code, so codes cannot be probed. */
const dossierNotFound = (code: string) =>
  notFound('dossier.not_found', {
    vi: `Không tìm thấy hồ sơ ${code}.`,
    en: `Dossier ${code} was not found.`,
  });

export async function loadOfficerDossier(
  ctx: AppContext,
  principal: Principal,
  code: string,
  ip: string,
): Promise<OfficerDossierPage> {
  const d = await getDossier(ctx.db, code);
  const [steps, tree, pause, apology, workingFiles] = await Promise.all([
    selectSteps(ctx.db, d.id),
    loadAgencyTree(ctx.db),
    selectOpenPause(ctx.db, d.id),
    selectApology(ctx.db, d.id),
    listWorkingFiles(ctx.db, d.id, principal.id),
  ]);
  const scope = {
    receivingAgencyId: d.receivingAgency.id,
    competentAgencyId: d.competentAgency.id,
    stepAgencyIds: steps.map((s) => s.agency_id),
    ownerAccountId: d.accountId,
  };
  if (!canSeeDossier(principal, scope, tree.ancestorsOf)) throw dossierNotFound(code);
  const state = await processingState(ctx, principal, d.id);
  const current = steps.find((s) => s.id === state.head.step_id);
  const assignees =
    current && state.actions.some((a) => a.action === 'assign')
      ? await selectOfficersHolding(ctx.db, current.role, [
          current.agency_id,
          ...tree.ancestorsOf(current.agency_id),
        ])
      : [];
  const names = await selectOfficerNames(ctx.db, [
    ...new Set(steps.flatMap((s) => (s.claimed_by ? [s.claimed_by] : []))),
  ]);
  await recordAudit(
    ctx.db,
    {
      actorKind: 'officer',
      actorId: principal.id,
      actorLabel: principal.kind === 'officer' ? principal.username : principal.name,
      agencyId: current?.agency_id ?? d.competentAgency.id,
      action: 'dossier.viewed',
      objectType: 'dossier',
      objectId: d.id,
      details: { code: d.code, page: 'processing' },
      ip,
    },
    ctx.clock.now(),
  );
  return {
    d,
    steps,
    state,
    pause: pause ?? null,
    apology: apology ?? null,
    assignees,
    agencyName: (id) => tree.nameOf(id) ?? id,
    officerName: (id) => (id ? (names.get(id) ?? null) : null),
    personalData: canSeePersonalData(principal, scope, tree.ancestorsOf),
    workingFiles,
  };
}
