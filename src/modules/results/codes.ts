/**
 * The identifiers a result carries (DOMAIN.md §5.4, §8): the number and symbol (số, ký hiệu) of
 * the agency's register, the data-store code (it contains the owner's identification number, so it
 * is never shown publicly) and the public verification id (random, unguessable, no personal data).
 */
import { randomBytes } from 'node:crypto';

/** 18 random bytes, base64url: 24 characters, 144 bits. */
export const newVerificationId = (): string => randomBytes(18).toString('base64url');

export const isVerificationId = (v: string): boolean => /^[A-Za-z0-9_-]{22,64}$/.test(v);

const initials = (words: string[]) =>
  words
    .map((w) => w.normalize('NFC').charAt(0).toLocaleUpperCase('vi'))
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');

const KIND_ABBREVIATIONS: [RegExp, string][] = [
  [/^giấy chứng nhận/iu, 'GCN'],
  [/^quyết định/iu, 'QĐ'],
  [/^giấy phép/iu, 'GP'],
  [/^giấy xác nhận/iu, 'GXN'],
  [/^trích lục/iu, 'TL'],
  [/^văn bản/iu, 'VB'],
  [/^thông báo/iu, 'TB'],
  [/^chứng chỉ/iu, 'CC'],
];

/** Ký hiệu of the result's kind: "Giấy chứng nhận …" → GCN, "Quyết định …" → QĐ, else initials. */
export function kindAbbreviation(resultName: string): string {
  const name = resultName.normalize('NFC').trim();
  for (const [pattern, abbr] of KIND_ABBREVIATIONS) if (pattern.test(name)) return abbr;
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return initials(words.slice(0, 3)) || 'KQ';
}

/** The issuing agency's part of the symbol: "Ủy ban nhân dân phường Hạ Long" → UBND, "Sở Tư pháp" → STP. */
export function agencyAbbreviation(agencyName: string): string {
  const name = agencyName.normalize('NFC').trim();
  if (/^(ủy|uỷ) ban nhân dân/iu.test(name)) return 'UBND';
  if (/^công an/iu.test(name)) return 'CA';
  const place = /\s(phường|xã|tỉnh|thành phố|huyện|quận|đặc khu|khu vực)\s/iu.exec(` ${name} `);
  const own = place ? name.slice(0, place.index).trim() : name;
  const words = own.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && !/^(và|của)$/iu.test(w));
  return initials(words.slice(0, 5)) || 'CQ';
}

/** The symbol (ký hiệu) of a result: its kind's abbreviation, then the agency's ("GCN-UBND"). */
export const symbolFor = (kind: string, agencyName: string): string =>
  `${kind}-${agencyAbbreviation(agencyName)}`;

/** "15/GCN-UBND": the number as the register gives it, at least two digits as offices write it. */
export const numberSymbol = (n: number, symbol: string): string => `${String(n).padStart(2, '0')}/${symbol}`;

/**
 * {SoDinhDanhChuHoSo}.{MaKetQua}.{SoKyHieu}: the data-store code without its 2-digit suffix {NN},
 * which the data store adds (DOMAIN.md §5.4). The owner's ID number, the national result code (or KQ
 * when the catalogue has none), the number and symbol with its slash as a dash.
 */
export function dataStorePrefix(a: {
  ownerIdNumber: string;
  resultCode: string | null;
  numberSymbol: string;
}): string {
  return `${a.ownerIdNumber}.${a.resultCode ?? 'KQ'}.${a.numberSymbol.replace(/\//g, '-')}`;
}
