/** A dossier as the API sends it; personal data only to callers whose role needs it (ARCHITECTURE.md §6). */
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { canSeePersonalData, loadAgencyTree } from '../identity/index.js';
import type { Dossier, Person } from './dossier.js';
import { STATUS_NAMES } from './lifecycle.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const masked = (p: Person): Person => ({
  name: p.name,
  idType: null,
  idNumber: null,
  birthDate: null,
  phone: null,
  email: null,
  address: null,
  communeCode: p.communeCode,
});

export async function mayShowPersonalData(db: Db, principal: Principal | null, d: Dossier): Promise<boolean> {
  const tree = await loadAgencyTree(db);
  return canSeePersonalData(
    principal,
    {
      receivingAgencyId: d.receivingAgency.id,
      competentAgencyId: d.competentAgency.id,
      stepAgencyIds: [],
      ownerAccountId: d.accountId,
    },
    tree.ancestorsOf,
  );
}

export function dossierJson(d: Dossier, personal: boolean) {
  const person = (p: Person) => (personal ? p : masked(p));
  return {
    ...d,
    statusName: STATUS_NAMES[d.status].vi,
    applicant: person(d.applicant),
    owner: d.owner ? person(d.owner) : null,
    returnAddress: personal ? d.returnAddress : null,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    withdrawRequestedAt: iso(d.withdrawRequestedAt),
    history: d.history.map((h) => ({
      ...h,
      at: h.at.toISOString(),
      stepStartedAt: iso(h.stepStartedAt),
      stepDueAt: iso(h.stepDueAt),
    })),
    payments: d.payments.map((p) => ({ ...p, recordedAt: p.recordedAt.toISOString() })),
    slips: d.slips.map((s) => ({
      kind: s.kind,
      formSet: s.formSet,
      formNo: s.formNo,
      issuedAt: s.issuedAt.toISOString(),
    })),
  };
}
