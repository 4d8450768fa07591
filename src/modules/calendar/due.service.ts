/**
 * The deadline of a receipt at an agency (ngày hẹn trả), DOMAIN.md §6.3: the agency's working calendar
 * as in force at the receipt, then the pure arithmetic.
 */

import type { Db } from '../../platform/db/database.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { type Agency, findAgencyByCode } from '../admin-units/index.js';
import type { DueRequest } from './due-query.js';
import { loadWorkingCalendar } from './working-calendar.service.js';
import { computeDue, type DueTime } from './working-time.js';

/**
 * The agency a code names for a receipt: the one holding it at the receipt, else the one holding it
 * now (an integrator may send today's code with an older receipt). `agency.not_found` otherwise.
 */
async function agencyForReceipt(db: Db, code: string, receivedAt: Date, now: Date): Promise<Agency> {
  const agency = (await findAgencyByCode(db, code, receivedAt)) ?? (await findAgencyByCode(db, code, now));
  if (!agency) {
    throw notFound('agency.not_found', {
      vi: `Không tìm thấy cơ quan có mã định danh ${code}.`,
      en: `No agency has the identifier code ${code}.`,
    });
  }
  return agency;
}

/** Receipt, start of the clock and due time for a receipt at the agency with this code. */
export async function computeAgencyDue(db: Db, request: DueRequest, now: Date): Promise<DueTime> {
  const agency = await agencyForReceipt(db, request.agencyCode, request.receivedAt, now);
  const calendar = await loadWorkingCalendar(db, agency.id, request.receivedAt);
  try {
    return computeDue(request.receivedAt, request.duration, calendar);
  } catch (e) {
    if (e instanceof AppError && e.code === 'calendar.out_of_range') {
      throw validationError('calendar.out_of_range', e.text, [
        { field: 'receivedAt', message: e.text },
        { field: 'value', message: e.text },
      ]);
    }
    throw e;
  }
}
