/**
 * Tra cứu hồ sơ (issue item 9): anyone with the dossier code and the last four digits of the
 * applicant's phone or identification number — or the signed token of a slip's QR code — sees the
 * status and the timeline, with no personal data (no names, numbers or addresses; agencies only).
 */
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { Dossier } from './dossier.js';
import { isDossierCode } from './dossier-code.js';
import { findDossier } from './dossier-read.service.js';
import { type DossierStatus, STATUS_NAMES, SUB_STATE_NAMES, type SubState } from './lifecycle.js';
import { verifyTrackingToken } from './tracking-token.js';

export interface TrackingView {
  code: string;
  procedureName: string;
  status: DossierStatus;
  statusName: { vi: string; en: string };
  subState: SubState;
  subStateName: { vi: string; en: string } | null;
  receivingAgency: string;
  competentAgency: string;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  timeline: { at: Date; action: string; status: DossierStatus; agency: string | null }[];
}

const refused = () =>
  notFound('dossier.tracking_not_found', {
    vi: 'Không tìm thấy hồ sơ với mã và số kiểm tra này. Hãy kiểm tra lại mã hồ sơ trên phiếu và 4 số cuối.',
    en: 'No dossier matches this code and check number. Check the code on the slip and the last 4 digits.',
  });

export type TrackingProof = { check: string } | { token: string };

function proofHolds(d: Dossier, proof: TrackingProof, serverSecret: string): boolean {
  if ('token' in proof) return verifyTrackingToken(serverSecret, d.code, proof.token);
  const check = proof.check.trim();
  if (!/^\d{4}$/.test(check)) return false;
  const digits = [d.applicant.phone, d.applicant.idNumber, d.owner?.idNumber]
    .filter((v): v is string => !!v)
    .map((v) => v.replace(/\D/g, ''));
  return digits.some((v) => v.length >= 4 && v.endsWith(check));
}

export async function trackDossier(
  db: Db,
  serverSecret: string,
  code: string,
  proof: TrackingProof,
): Promise<TrackingView> {
  if (!isDossierCode(code)) throw refused();
  const d = await findDossier(db, code);
  if (!d || !proofHolds(d, proof, serverSecret)) throw refused();
  return {
    code: d.code,
    procedureName: d.procedureName,
    status: d.status,
    statusName: STATUS_NAMES[d.status],
    subState: d.subState,
    subStateName: d.subState ? SUB_STATE_NAMES[d.subState] : null,
    receivingAgency: d.receivingAgency.name,
    competentAgency: d.competentAgency.name,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    timeline: d.history.map((h) => ({
      at: h.at,
      action: h.action,
      status: h.toStatus as DossierStatus,
      agency: h.agencyName,
    })),
  };
}
