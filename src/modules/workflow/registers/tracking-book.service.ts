/**
 * Sổ theo dõi hồ sơ of an agency over a period (DOMAIN.md §4.1 Mẫu 06; TT 03/2025 Mẫu 07): the dossiers
 * received in it whose receiving or competent agency is that agency or one under it, for officers
 * whose grants cover the agency.
 */
import { forbidden, validationError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/module.js';
import { getAgency, getAgencyByCode } from '../../admin-units/index.js';
import { STATUS_NAMES } from '../../dossiers/index.js';
import { coversAgency, DOSSIER_ROLES, loadAgencyTree } from '../../identity/index.js';
import { processingForms } from './form-numbers.js';
import * as repo from './tracking-book.repository.js';
import type { TrackingBook, TrackingBookRow } from './tracking-book-types.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_DAYS = 366;
const VN_OFFSET_MS = 7 * 3_600_000;

/** Midnight of a local date in Vietnam, as an instant; undefined for anything but a real YYYY-MM-DD. */
function vietnamMidnight(day: string | undefined): Date | undefined {
  const m = day ? DAY.exec(day) : null;
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== day) return undefined;
  return new Date(utc - VN_OFFSET_MS);
}

const badPeriod = (field: 'from' | 'to' | 'period', vi: string, en: string) =>
  validationError('workflow.invalid_period', { vi, en }, [{ field, message: { vi, en } }]);

/** The period as instants [from 00:00, the day after `to` 00:00) in Vietnam time. */
export function parsePeriod(from: string | undefined, to: string | undefined): { start: Date; end: Date } {
  const start = vietnamMidnight(from);
  if (!start)
    throw badPeriod(
      'from',
      'Ngày bắt đầu (from) phải có dạng YYYY-MM-DD.',
      'from must be a date YYYY-MM-DD.',
    );
  const last = vietnamMidnight(to);
  if (!last)
    throw badPeriod('to', 'Ngày kết thúc (to) phải có dạng YYYY-MM-DD.', 'to must be a date YYYY-MM-DD.');
  if (last < start)
    throw badPeriod(
      'period',
      'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
      'from must not be after to.',
    );
  const days = Math.round((last.getTime() - start.getTime()) / 86_400_000) + 1;
  if (days > MAX_DAYS) {
    throw badPeriod(
      'period',
      `Kỳ báo cáo tối đa ${MAX_DAYS} ngày.`,
      `The period may not exceed ${MAX_DAYS} days.`,
    );
  }
  return { start, end: new Date(last.getTime() + 86_400_000) };
}

type Dossier = Awaited<ReturnType<typeof repo.selectTrackingDossiers>>[number];

function row(d: Dossier): TrackingBookRow {
  const results = [d.finished_at, d.supplement_at].filter((x): x is Date => x !== null);
  const status = STATUS_NAMES[d.status as keyof typeof STATUS_NAMES]?.vi ?? '';
  return {
    code: d.code,
    procedureName: d.procedure_name,
    sets: 1,
    submitter: d.applicant.name ?? '',
    addressPhone: [d.applicant.address, d.applicant.phone].filter(Boolean).join('; '),
    leadBody: d.lead_body,
    receivedAt: d.received_at,
    dueAt: d.due_at,
    forwardedAt: d.forwarded_at,
    resultOrSupplementAt: results.length ? new Date(Math.min(...results.map((x) => x.getTime()))) : null,
    returnedAt: d.returned_at,
    note: d.status === 8 && d.refusal_reason ? `${status}: ${d.refusal_reason}` : status,
  };
}

export async function trackingBook(
  ctx: AppContext,
  principal: Principal | null,
  agencyCode: string,
  query: { from?: string; to?: string },
): Promise<TrackingBook> {
  const { start, end } = parsePeriod(query.from, query.to);
  const agency = await getAgencyByCode(ctx.db, agencyCode);
  const tree = await loadAgencyTree(ctx.db);
  if (
    principal?.kind !== 'officer' ||
    !coversAgency(principal.grants, agency.id, tree.ancestorsOf, DOSSIER_ROLES)
  ) {
    throw forbidden('workflow.forbidden', {
      vi: 'Bạn không có quyền xem sổ theo dõi hồ sơ của cơ quan này.',
      en: 'You may not see this agency’s tracking book.',
    });
  }
  const ids = tree.ids.filter((id) => id === agency.id || tree.ancestorsOf(id).includes(agency.id));
  const parent = agency.parentId ? await getAgency(ctx.db, agency.parentId) : null;
  const formSet = await repo.selectFormSetAt(ctx.db, query.to!);
  const form = processingForms(formSet?.code ?? null).trackingBook;
  const rows = await repo.selectTrackingDossiers(ctx.db, ids, start, end);
  return {
    agencyParentName: parent?.name ?? null,
    agencyName: agency.name,
    formSetName: formSet?.name ?? 'Thông tư số 01/2018/TT-VPCP',
    formNo: form.no,
    title: form.title,
    from: query.from!,
    to: query.to!,
    generatedAt: ctx.clock.now(),
    rows: rows.map(row),
  };
}
