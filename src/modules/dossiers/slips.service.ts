/**
 * The slip PDFs of a dossier (Mẫu 01 receipt, 02 completion request, 03 refusal), rendered from what
 * the slip recorded when it was issued, so a reprint is the same document.
 */
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { getAgency } from '../admin-units/index.js';
import type { Dossier, Person, SlipRecord } from './dossier.js';
import { getDossierForCaller } from './dossier-read.service.js';
import * as repo from './dossiers.repository.js';
import { renderSlip, type SlipData, type SlipKind, type SlipPerson } from './slips/index.js';
import { trackingUrl } from './tracking-token.js';

export const SLIP_KINDS: Record<string, SlipKind> = {
  receipt: 'receipt',
  'completion-request': 'completion_request',
  refusal: 'refusal',
};

const slipPerson = (p: Person): SlipPerson => ({
  name: p.name,
  idNumber: p.idNumber,
  phone: p.phone,
  email: p.email,
  address: p.address,
});

const slipMissing = (kind: SlipKind) =>
  notFound('dossier.slip_not_issued', {
    vi: `Hồ sơ chưa có phiếu này (${kind}).`,
    en: `No such slip has been issued for this dossier (${kind}).`,
  });

/** The place printed before the date: the receiving centre's commune or ward ("Hạ Long"). */
function placeOf(agencyName: string): string {
  const m = /(?:phường|xã|đặc khu|tỉnh)\s+(.+)$/iu.exec(agencyName);
  return m?.[1] ?? agencyName;
}

async function slipData(ctx: AppContext, d: Dossier, slip: SlipRecord): Promise<SlipData> {
  const centre = await getAgency(ctx.db, d.receivingAgency.id);
  const parent = centre.parentId ? await getAgency(ctx.db, centre.parentId) : null;
  const formSet = await repo.selectFormSet(ctx.db, slip.formSet);
  const officer = slip.issuedBy
    ? await ctx.db
        .selectFrom('officers')
        .select(['full_name', 'phone'])
        .where('id', '=', slip.issuedBy)
        .executeTakeFirst()
    : undefined;
  const details = slip.details as SlipRecord['details'] & { durationText?: string | null };
  return {
    kind: slip.kind,
    formSetName: formSet?.name ?? slip.formSet,
    formNo: slip.formNo,
    agencyParentName: parent?.name ?? null,
    agencyName: centre.name,
    place: placeOf(centre.name),
    issuedAt: slip.issuedAt,
    dossierCode: d.code,
    trackingUrl: trackingUrl(ctx.config.baseUrl, ctx.serverSecret, d.code),
    applicant: slipPerson(d.applicant),
    owner: d.owner ? slipPerson(d.owner) : null,
    procedureName: d.procedureName,
    components: d.components.map((c) => ({
      name: c.name,
      originals: c.originals,
      certifiedCopies: c.certifiedCopies,
      copies: c.copies,
    })),
    durationText: details.durationText ?? null,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    feeLines: d.feeLines.map((l) => ({ name: l.name, amount: l.amount, collected: l.collected })),
    payments: d.payments.map((p) => ({ amount: p.amount, receiptNumber: p.receiptNumber })),
    returnMethod: d.returnMethod,
    returnAddress: d.returnAddress,
    officerName: officer?.full_name ?? '',
    contactPhone: officer?.phone ?? centre.phone,
    completionNumber: details.number ?? null,
    missing: details.missing ?? [],
    reason: details.reason ?? null,
  };
}

/** The latest slip of the kind, as PDF bytes, for someone who may see the dossier. */
export async function slipPdf(
  ctx: AppContext,
  principal: Principal | null,
  idOrCode: string,
  kind: SlipKind,
) {
  const d = await getDossierForCaller(ctx.db, principal, idOrCode);
  const slip = [...d.slips].reverse().find((s) => s.kind === kind);
  if (!slip) throw slipMissing(kind);
  return { code: d.code, pdf: await renderSlip(await slipData(ctx, d, slip)) };
}
