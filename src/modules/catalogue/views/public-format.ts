/**
 * Pure helpers of the public catalogue pages: amounts in words a citizen reads ("50.000 đồng"),
 * numbers of copies ("1 bản chính, 1 bản sao chứng thực"), field slugs, the steps of a procedure
 * split into readable items, and the fee reduction in force for the online channel on a day.
 */
import type { Lang } from '../../../platform/html/i18n.js';
import type { ProcedureContent } from '../content.js';

type Reduction = ProcedureContent['feeReductions'][number];
type Component = Pick<ProcedureContent['components'][number], 'originals' | 'certifiedCopies' | 'copies'>;

/** Digits grouped by "." in Vietnamese (50.000) and "," in English (50,000). */
export function formatNumber(n: number, lang: Lang): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return `${sign}${grouped}`;
}

/** "50.000 đồng" / "50,000 VND"; other currencies keep their code ("20 USD"). */
export function formatAmount(amount: number, lang: Lang, currency: 'VND' | 'USD' = 'VND'): string {
  const unit = currency === 'VND' ? (lang === 'vi' ? 'đồng' : 'VND') : currency;
  return `${formatNumber(amount, lang)} ${unit}`;
}

/**
 * A row of the national page's document table that asks for no paper at all (0 originals, 0
 * copies) and offers no template: a note on how to prepare the dossier ("Trường hợp … thì không
 * phải nộp bản giấy"), shown apart from the documents a person brings.
 */
export function isPreparationNote(
  c: Pick<Component, 'originals' | 'certifiedCopies' | 'copies'> & { templateUrl?: string | null },
): boolean {
  return c.originals + c.certifiedCopies + c.copies === 0 && !c.templateUrl;
}

/** "1 bản chính, 1 bản sao chứng thực"; empty when the record gives no number of copies. */
export function copiesInWords(c: Component, lang: Lang): string {
  const words: [number, string, string, string][] = [
    [c.originals, 'bản chính', 'original', 'originals'],
    [c.certifiedCopies, 'bản sao chứng thực', 'certified copy', 'certified copies'],
    [c.copies, 'bản sao', 'copy', 'copies'],
  ];
  return words
    .filter(([n]) => n > 0)
    .map(([n, vi, one, many]) => `${n} ${lang === 'vi' ? vi : n === 1 ? one : many}`)
    .join(', ');
}

/** Vietnamese letters without their marks, đ as d: what a person types on a phone without a keyboard. */
export function unaccent(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** "Hộ tịch" → "ho-tich"; "Thành lập và hoạt động của tổ hợp tác, …" → "thanh-lap-va-hoat-dong-cua-to-hop-tac-…". */
export function fieldSlug(name: string): string {
  return unaccent(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant, as YYYY-MM-DD. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The last instant of a Vietnamese calendar day: a version "in force on that day" may start at any hour of it. */
export function endOfVietnamDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+07:00`);
}

/** A typed YYYY-MM-DD that is a real calendar day, or undefined. */
export function readDay(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? undefined : text;
}

/** "2025-07-01" → "01/07/2025" (the way dates are written in Vietnam, in both languages). */
export function formatDay(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The reduction that lowers the online fee on a day: channel online or any, validFrom ≤ day ≤
 * validTo. When several apply, the largest (the design's default: the lowest applicable amount).
 */
export function onlineReductionOn(reductions: Reduction[], day: string): Reduction | undefined {
  return reductions
    .filter((r) => r.channel === 'online' || r.channel === 'any')
    .filter((r) => r.validFrom.slice(0, 10) <= day && (r.validTo === null || day <= r.validTo.slice(0, 10)))
    .reduce<Reduction | undefined>((best, r) => (best && best.percent >= r.percent ? best : r), undefined);
}

/** The amount after a reduction of `percent`, rounded to the đồng. */
export function reducedAmount(amount: number, percent: number): number {
  return Math.max(0, Math.round((amount * (100 - percent)) / 100));
}

export interface Step {
  text: string;
  details: string[];
}

const BULLET = /^(?:[-–•*]|\d+[.)])\s*/;
const SUB_BULLET = /^(?:\+|\([ivx]+\)|[a-zđ]\))\s*/;

/**
 * The free text of "Trình tự thực hiện" as steps: a line starting with "-", "•", "*" or "1." opens a
 * step, "+" and "(i)" lines are its details, and a line starting in lower case continues the line
 * before it (the national portal's pages break lines in the middle of sentences).
 */
export function stepsOf(text: string | null): Step[] {
  if (!text) return [];
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const last = lines.length - 1;
    if (last >= 0 && /^\p{Ll}/u.test(line)) lines[last] = `${lines[last]} ${line}`;
    else lines.push(line);
  }
  const bulleted = lines.some((l) => BULLET.test(l));
  const steps: Step[] = [];
  for (const line of lines) {
    const current = steps[steps.length - 1];
    if (!bulleted || BULLET.test(line) || !current) {
      steps.push({ text: line.replace(BULLET, ''), details: [] });
    } else {
      current.details.push(line.replace(SUB_BULLET, (m) => (m.startsWith('+') ? '' : m)));
    }
  }
  return steps.filter((s) => s.text || s.details.length > 0);
}

/** Paragraphs of a free text (conditions, notes), blank lines and stray spaces dropped. */
export function paragraphsOf(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A component group's title as the portal writes it ("* Giấy tờ phải nộp") without its bullet. */
export function groupTitle(title: string | null): string | null {
  const clean = title?.replace(/^[\s*•-]+/, '').trim();
  return clean ? clean : null;
}

/**
 * The condition of a conditional component, only when it says more than the name (the national
 * records often repeat the name, or its first 300 characters, as the condition).
 */
export function distinctCondition(name: string, condition: string | null): string | null {
  const c = condition?.trim();
  if (!c) return null;
  const n = name.trim();
  return n === c || n.startsWith(c) || c.startsWith(n) ? null : c;
}

/** Only links to the web: a record's template or source address is data from outside. */
export function webUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}

/** The file name a template link downloads: the record's own, or the last part of its address. */
export function templateName(file: string | null, url: string): string {
  if (file?.trim()) return file.trim();
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}

/** An address as a person reads it under a QR code: "?field=Hộ tịch", not "?field=H%E1%BB%99+t%E1%BB%8Bch". */
export function readableUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}
