/**
 * Kết quả: "NameMã: KQ.G15.000031NameMã: …" followed by page text that leaked in ("Từ khóa…",
 * "Chọn cơ quan thực hiện…Nộp hồ sơ").
 */
import { cleanLine } from './text.js';

export interface ParsedResult {
  name: string;
  code: string | null;
  codeValid: boolean;
}

export const RESULT_CODE = /^KQ\.G\d{2}\.\d{5,7}$/;
const LEAK = /Từ khóa|Chọn cơ quan thực hiện/u;
const CODE = /^\s*(KQ\.G\d{2}\.\d{5,7}|[A-Za-z0-9][A-Za-z0-9.-]*?)(?=\p{Lu}\p{Ll}|\p{Lu}{2,}\p{Ll}|$|\s)/u;

export function parseResults(raw: string): ParsedResult[] {
  const text = raw.normalize('NFC');
  const leak = LEAK.exec(text);
  const body = leak ? text.slice(0, leak.index) : text;
  const parts = body.split('Mã:');
  const out: ParsedResult[] = [];
  let name = cleanLine(parts[0] ?? '');
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const m = CODE.exec(part);
    const code = m?.[1] ?? null;
    if (name !== '') out.push({ name, code, codeValid: code !== null && RESULT_CODE.test(code) });
    name = cleanLine(m ? part.slice(m[0].length) : part);
  }
  if (name !== '') out.push({ name, code: null, codeValid: false });
  return out;
}
