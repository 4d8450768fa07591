/**
 * Item codes as the Universal Postal Union's S10 standard writes them, as VNPost's are: two letters,
 * eight serial digits, a check digit, and the country (EB123456785VN). Pure.
 */
import { randomInt } from 'node:crypto';

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The S10 check digit of eight serial digits. */
export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

export const ITEM_CODE = /^[A-Z]{2}\d{9}VN$/;

export function isValidItemCode(code: string): boolean {
  if (!ITEM_CODE.test(code)) return false;
  return s10CheckDigit(code.slice(2, 10)) === Number(code[10]);
}

/** A new random item code of the service class EB (registered parcel, as VNPost's e-commerce items). */
export function newItemCode(): string {
  const serial = String(randomInt(0, 100_000_000)).padStart(8, '0');
  return `EB${serial}${s10CheckDigit(serial)}VN`;
}
