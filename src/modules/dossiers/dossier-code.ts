/**
 * Mã hồ sơ (DOMAIN.md §5.1): `{agencyCode}-{yyMMdd}-{NNNN}`, the deciding agency's identifier, the
 * local date of creation and the agency's daily sequence, zero-padded to 4 digits (5 after 9999).
 */
const CODE = /^(?<agency>[A-Z0-9]+(?:\.[A-Z0-9]+)*)-(?<date>\d{6})-(?<seq>\d{4,})$/;

const LOCAL_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local (Vietnam) date of an instant, `YYYY-MM-DD`: the day the counter runs on. */
export function localDay(at: Date): string {
  return LOCAL_DATE.format(at);
}

export function formatDossierCode(agencyCode: string, day: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer: ${seq}`);
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  return `${agencyCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export interface ParsedDossierCode {
  agencyCode: string;
  /** yyMMdd as printed. */
  date: string;
  seq: number;
}

export function parseDossierCode(text: string): ParsedDossierCode | null {
  const m = CODE.exec(text.trim().toUpperCase());
  if (!m?.groups) return null;
  return { agencyCode: m.groups.agency ?? '', date: m.groups.date ?? '', seq: Number(m.groups.seq) };
}

export const isDossierCode = (text: string): boolean => parseDossierCode(text) !== null;
