/**
 * Money in the records' words: "25,000 Việt Nam Đồng", "100,000 VNĐ", "50.000 đồng", "10 USD",
 * "từ 50.000 đến 100.000 đồng", "Miễn phí", "Không". Amounts are integers (VND, or whole USD).
 */

export type Currency = 'VND' | 'USD';

export interface Amount {
  amount: number;
  amountMax: number | null;
  currency: Currency;
  /** "giao dịch" of "(/giao dịch)", "tờ khai" of "20.000 đ/tờ khai": what one amount pays for. */
  perUnit: string | null;
}

export type FeeText = { kind: 'free' } | { kind: 'unknown' } | ({ kind: 'amount' } & Amount);

const CURRENCY = '(Việt Nam Đồng|VNĐ|VND|vnđ|vnd|đồng|Đồng|đ|Đ|USD)';
const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{3})+|\d+)`;
const AMOUNT = new RegExp(String.raw`${NUMBER}\s*${CURRENCY}(?![\p{L}])`, 'u');
const RANGE = new RegExp(
  String.raw`(?:từ\s+)?${NUMBER}\s*(?:${CURRENCY}\s*)?(?:đến|-|–)\s*${NUMBER}\s*${CURRENCY}(?![\p{L}])`,
  'u',
);
const PER_UNIT = /^\s*\/\s*([^)(;,.\d][^)(;,.]{0,40}?)\s*(?:[)(;,.]|$)/u;

/** "25,000" and "25.000" are both twenty-five thousand: both separators group thousands here. */
export function parseNumber(text: string): number {
  return Number(text.replace(/[.,]/g, ''));
}

function currencyOf(word: string): Currency {
  return word === 'USD' ? 'USD' : 'VND';
}

function perUnitAfter(text: string, from: number): string | null {
  const m = PER_UNIT.exec(text.slice(from));
  return m?.[1] ? m[1].trim() : null;
}

/** The first amount (or range) in free text, or null. */
export function findAmount(text: string): Amount | null {
  const range = RANGE.exec(text);
  if (range) {
    const [lo, hi] = [parseNumber(range[1] ?? ''), parseNumber(range[3] ?? '')];
    if (hi >= lo) {
      return {
        amount: lo,
        amountMax: hi,
        currency: currencyOf(range[4] ?? ''),
        perUnit: perUnitAfter(text, range.index + range[0].length),
      };
    }
  }
  const m = AMOUNT.exec(text);
  if (!m) return null;
  return {
    amount: parseNumber(m[1] ?? ''),
    amountMax: null,
    currency: currencyOf(m[2] ?? ''),
    perUnit: perUnitAfter(text, m.index + m[0].length),
  };
}

/** A fee cell or phrase: free ("Miễn phí", "Không", "Không thu"), unknown, or an amount. */
export function parseFeeText(text: string): FeeText | null {
  const t = text.trim();
  if (/^(Miễn phí|Miễn|Không thu( phí| lệ phí)?|Không|Không có|0 ?(đồng|VNĐ))\.?$/iu.test(t))
    return { kind: 'free' };
  if (/^(Không có thông tin|Chưa quy định|Không quy định)\.?$/iu.test(t)) return { kind: 'unknown' };
  const a = findAmount(t);
  return a ? { kind: 'amount', ...a } : null;
}
