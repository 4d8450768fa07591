/**
 * The statutory duration a dossier's appointment is computed from (DOMAIN.md §3.4 rule 9, §6): the
 * version's time for the dossier's channel, else the direct channel's. A time whose unit the national
 * record lost is read as working days, the reading that never promises earlier than the law allows
 * processing to take; the receipt records the reading. Pure.
 */
import type { ProcedureContent } from '../catalogue/index.js';
import type { ChannelKind } from './fees.js';

export interface StatutoryDuration {
  value: number;
  unit: 'gio' | 'ngay-lam-viec' | 'ngay' | 'thang';
  /** The unit was lost in the national record and read as working days. */
  assumedUnit: boolean;
}

export function statutoryDuration(
  content: Pick<ProcedureContent, 'channels'>,
  channel: ChannelKind,
): StatutoryDuration | null {
  const timed = content.channels.filter((c) => c.timeValue !== null);
  const own = timed.find((c) => c.kind === channel) ?? timed.find((c) => c.kind === 'direct') ?? timed[0];
  if (!own || own.timeValue === null) return null;
  if (own.timeUnit === null) return { value: own.timeValue, unit: 'ngay-lam-viec', assumedUnit: true };
  const value =
    own.timeUnit === 'ngay' || own.timeUnit === 'thang' ? Math.ceil(own.timeValue) : own.timeValue;
  return { value, unit: own.timeUnit, assumedUnit: false };
}

const UNIT_WORDS = { gio: 'giờ làm việc', 'ngay-lam-viec': 'ngày làm việc', ngay: 'ngày', thang: 'tháng' };

/** "05 ngày làm việc", as the receipt prints it. */
export function describeDuration(d: StatutoryDuration | null): string | null {
  if (!d) return null;
  const n = Number.isInteger(d.value) ? String(d.value).padStart(2, '0') : String(d.value).replace('.', ',');
  return `${n} ${UNIT_WORDS[d.unit]}`;
}
