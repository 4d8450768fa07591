/**
 * Cách thức thực hiện: the flattened channel table "Hình thức nộpThời gianPhí, lệ phíMô tả" then rows
 * of channel + time + fee (+ a parenthesised note) + description, all glued together, e.g.
 * "Trực tiếp7 NgàyKhông có thông tinNộp trực tiếp tại trụ sở Công an cấp xã".
 */
import { type Amount, findAmount, parseFeeText, parseNumber } from './amounts.js';
import { cleanLine } from './text.js';

export type ChannelKind = 'direct' | 'online' | 'postal';
export type TimeUnit = 'gio' | 'ngay-lam-viec' | 'ngay' | 'thang';
export type UnitSource = 'stated' | 'description' | 'other_channel' | 'lost';

export interface ParsedTime {
  value: number | null;
  unit: TimeUnit | null;
  unitSource: UnitSource | null;
  /** The time cell as written when it is not a number ("Không quy định", a sentence). */
  text: string | null;
  /** The digits ran into the fee amount ("Trực tuyến120 VNĐ"): split by a guess. */
  ambiguous: boolean;
}

export interface ParsedFee {
  status: 'free' | 'charged' | 'unknown';
  amount: Amount | null;
  note: string | null;
  /** The amount had lost its thousands (< 1,000 VND) and was read from the note instead. */
  amountFromNote: boolean;
  /** An amount below 1,000 VND that the note could not confirm. */
  suspect: boolean;
}

export interface ParsedChannel {
  kind: ChannelKind;
  time: ParsedTime;
  fee: ParsedFee;
  description: string | null;
}

export const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const KINDS: Record<string, ChannelKind> = {
  'Trực tiếp': 'direct',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
};
const ROW = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không)/gu;
const UNITS: [string, TimeUnit][] = [
  ['Ngày làm việc', 'ngay-lam-viec'],
  ['Ngày', 'ngay'],
  ['Giờ', 'gio'],
  ['Tháng', 'thang'],
];
const TEXT_TIMES = [
  'Không có thông tin',
  'Không phải trả kết quả cho người nộp thuế',
  'Không quy định',
  'Không',
];
const FEE_WORDS = /^(Miễn phí|Không có thông tin)/u;
const FEE_AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+) ?(Việt Nam Đồng|VNĐ|USD)/u;

/** Splits the channel cell into rows; null when the header is missing. */
export function splitChannelRows(raw: string): { kind: ChannelKind; rest: string }[] | null {
  const text = raw.normalize('NFC');
  const at = text.indexOf(CHANNEL_HEADER);
  if (at < 0) return null;
  const body = text.slice(at + CHANNEL_HEADER.length);
  const starts = [...body.matchAll(ROW)];
  return starts.map((m, i) => ({
    kind: KINDS[m[1] ?? ''] as ChannelKind,
    rest: body.slice((m.index ?? 0) + (m[1] ?? '').length, starts[i + 1]?.index ?? body.length),
  }));
}

/** Reads the time cell at the start of a row; returns the time and what follows it. */
export function readTime(rest: string): { time: ParsedTime; after: string } {
  for (const word of TEXT_TIMES) {
    if (rest.startsWith(word)) {
      const time = { value: null, unit: null, unitSource: null, text: word, ambiguous: false };
      return { time, after: rest.slice(word.length) };
    }
  }
  const num = /^(\d+(?:[.,]\d+)?)/.exec(rest);
  if (!num)
    return { time: { value: null, unit: null, unitSource: null, text: null, ambiguous: false }, after: rest };
  const digits = num[1] ?? '';
  const tail = rest.slice(digits.length);
  for (const [word, unit] of UNITS) {
    const m = new RegExp(`^ ?${word}`, 'u').exec(tail);
    if (m) {
      const time = {
        value: Number(digits.replace(',', '.')),
        unit,
        unitSource: 'stated' as const,
        text: null,
        ambiguous: false,
      };
      return { time, after: tail.slice(m[0].length) };
    }
  }
  // Digits straight into a currency ("120 VNĐ", "120,000 VNĐ"): time and amount were glued.
  const glued = /^(\d+(?:,\d{3})*) ?(Việt Nam Đồng|VNĐ|USD)/u.exec(rest);
  if (glued) {
    const all = (glued[1] ?? '').replace(/,/g, '');
    const time = {
      value: Number(all.slice(0, 1)),
      unit: null,
      unitSource: 'lost' as const,
      text: null,
      ambiguous: true,
    };
    return { time, after: `${all.slice(1)} ${glued[2]}${rest.slice(glued[0].length)}` };
  }
  const time = {
    value: Number(digits.replace(',', '.')),
    unit: null,
    unitSource: 'lost' as const,
    text: null,
    ambiguous: false,
  };
  return { time, after: tail };
}

/** A balanced parenthesised group at the start of the text, or null. */
function leadingParens(text: string): string | null {
  if (!text.startsWith('(')) return null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(0, i + 1);
  }
  return null;
}

/** Reads the fee cell (and its note) after the time; returns the fee and the description. */
export function readFee(after: string): { fee: ParsedFee; description: string } {
  let fee: ParsedFee = { status: 'unknown', amount: null, note: null, amountFromNote: false, suspect: false };
  let rest = after;
  const word = FEE_WORDS.exec(rest);
  const amount = word ? null : FEE_AMOUNT.exec(rest);
  if (word) {
    fee = { ...fee, status: word[1] === 'Miễn phí' ? 'free' : 'unknown' };
    rest = rest.slice(word[0].length);
  } else if (amount) {
    const parsed = parseFeeText(amount[0]);
    fee = { ...fee, status: 'charged', amount: parsed?.kind === 'amount' ? parsed : null };
    rest = rest.slice(amount[0].length);
  }
  const note = leadingParens(rest);
  if (note) {
    const inner = cleanLine(note.slice(1, -1));
    fee = { ...fee, note: inner === '' ? null : inner };
    rest = rest.slice(note.length);
    if (fee.amount && !fee.amount.perUnit) {
      const per = /^\/\s*([^)]+)$/u.exec(inner);
      if (per?.[1]) fee.amount = { ...fee.amount, perUnit: cleanLine(per[1]) };
    }
  }
  return { fee: settleSmallAmount(fee), description: rest };
}

/** "40 Việt Nam Đồng(4.000 đ/giấy…)": an amount under 1,000 VND lost its thousands. */
function settleSmallAmount(fee: ParsedFee): ParsedFee {
  if (!fee.amount || fee.amount.currency === 'USD' || fee.amount.amount >= 1000) return fee;
  const fromNote = fee.note ? findAmount(fee.note) : null;
  if (fromNote?.currency === 'USD' && fromNote.amount === fee.amount.amount) {
    // "50 VNĐ(Phí hải quan 50USD/chuyến bay…)": the cell lost the currency, the note keeps it.
    return {
      ...fee,
      amount: { ...fromNote, perUnit: fromNote.perUnit ?? fee.amount.perUnit },
      amountFromNote: true,
    };
  }
  if (fromNote && fromNote.currency === 'VND' && fromNote.amount >= 1000) {
    return {
      ...fee,
      amount: { ...fromNote, perUnit: fromNote.perUnit ?? fee.amount.perUnit },
      amountFromNote: true,
    };
  }
  return { ...fee, suspect: true };
}

/** A unit for a time whose unit was lost: from "07 ngày làm việc" in the description. */
export function unitFromDescription(value: number, description: string): TimeUnit | null {
  const m = new RegExp(`(?<!\\d)0*${value}(?: \\([^)]*\\))? ?(ngày làm việc|ngày|giờ|tháng)`, 'iu').exec(
    description,
  );
  if (!m) return null;
  const word = (m[1] ?? '').toLowerCase();
  return word === 'ngày làm việc'
    ? 'ngay-lam-viec'
    : word === 'ngày'
      ? 'ngay'
      : word === 'giờ'
        ? 'gio'
        : 'thang';
}

/** The whole channel cell: rows with times, fees and descriptions; units recovered where possible. */
export function parseChannels(raw: string): ParsedChannel[] | null {
  const rows = splitChannelRows(raw);
  if (!rows) return null;
  const channels = rows.map(({ kind, rest }) => {
    const { time, after } = readTime(rest);
    const { fee, description } = readFee(after);
    const desc = cleanLine(description);
    return { kind, time, fee, description: desc === '' ? null : desc };
  });
  for (const ch of channels) {
    if (ch.time.unitSource !== 'lost' || ch.time.value === null) continue;
    const fromText = ch.description ? unitFromDescription(ch.time.value, ch.description) : null;
    const sibling = channels.find((o) => o.time.unitSource === 'stated' && o.time.value === ch.time.value);
    if (fromText) ch.time = { ...ch.time, unit: fromText, unitSource: 'description' };
    else if (sibling?.time.unit)
      ch.time = { ...ch.time, unit: sibling.time.unit, unitSource: 'other_channel' };
  }
  return channels;
}

export { parseNumber };
