/**
 * Wall-clock parts in Vietnam time. Platform code may not import the calendar module, and printed
 * forms must show local time whatever the server's TZ is.
 */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

export function vietnamParts(at: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of PARTS.formatToParts(at)) parts[p.type] = p.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** `07/12/2026` */
export function formatVietnamDate(at: Date): string {
  const p = vietnamParts(at);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `08 giờ 30 phút, ngày 07/12/2026`, the wording of the intake slips. */
export function formatVietnamDateTime(at: Date): string {
  const p = vietnamParts(at);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day}/${p.month}/${p.year}`;
}

/** `Hạ Long, ngày 05 tháng 12 năm 2026`, the place-and-date line of administrative documents. */
export function formatPlaceAndDate(place: string, at: Date): string {
  const p = vietnamParts(at);
  return `${place}, ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** Integer VND with dots between thousands: `25.000`. Written out so it does not depend on ICU data. */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
