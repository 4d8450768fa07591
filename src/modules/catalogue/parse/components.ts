/**
 * Thành phần hồ sơ: groups of "title + header 'Tên giấy tờMẫu đơn, tờ khaiSố lượng' + rows", each
 * row a document name, an optional glued form file name ("….doc") and a quantity ("1 bản chính",
 * "0 bản chính,1 bản sao"), e.g. "(mẫu NA17)101-Mau A17 tam tru cho nguoi nuoc ngoai.doc1 bản chính".
 */
import { cleanLine } from './text.js';

export interface ParsedComponent {
  groupTitle: string | null;
  name: string;
  templateFile: string | null;
  originals: number;
  certifiedCopies: number;
  copies: number;
  requirement: 'required' | 'conditional';
  conditionText: string | null;
  reusableData: boolean;
  /** The quantity's digits had a date's year glued to them ("31/12/20251 bản chính"). */
  yearGlued: boolean;
}

export const COMPONENT_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const QUANTITY =
  /(\d+) bản (chính|sao)(?:, ?(\d+) bản (chính|sao))?(?! ?(?:hoặc|và|có|được|chứng|của|[a-zà-ỹđ]))/gu;
const EXTENSION = /\.(docx|doc|pdf|xlsx|xls|zip|rar|odt|jpg|png)$/iu;

/** Splits the glued form file name off the end of a row's name ("…(mẫu NA17)101-Mau A17….doc"). */
export function splitTemplateFile(text: string): { name: string; file: string | null } {
  if (!EXTENSION.test(text)) return { name: text, file: null };
  const from = Math.max(0, text.length - 70);
  const window = text.slice(from);
  const boundary = /[.;)](?=[\p{Lu}\p{N}])|[\p{Ll}](?=\p{Lu})/gu;
  for (const m of window.matchAll(boundary)) {
    const at = from + (m.index ?? 0) + 1;
    const file = text.slice(at);
    if (file.length < 5 || EXTENSION.test(file) === false) continue;
    return { name: cleanLine(text.slice(0, at)), file: cleanLine(file) };
  }
  return { name: text, file: null };
}

/** "…31/12/20251" before " bản": a year of four digits then the count. */
function countOf(digits: string, before: string): { count: number; yearGlued: boolean } {
  if (digits.length >= 5 && /\/$/.test(before)) return { count: Number(digits.slice(4)), yearGlued: true };
  if (digits.length > 3) return { count: Number(digits.slice(-1)), yearGlued: true };
  return { count: Number(digits), yearGlued: false };
}

const CONDITIONAL = /^(?:[-+*•\s]*)(Trường hợp|Đối với|Nếu|Ngoài ra|Riêng)\b|\(nếu có\)|trong trường hợp/iu;
const CERTIFIED = /bản sao (có )?chứng thực|bản sao được chứng thực|sao y/iu;
const REUSE = /cơ sở dữ liệu|kho quản lý dữ liệu|khai thác|không phải (nộp|xuất trình)/iu;

function rowOf(
  groupTitle: string | null,
  text: string,
  q: RegExpMatchArray,
  before: string,
): ParsedComponent | null {
  const { name, file } = splitTemplateFile(text);
  const clean = cleanLine(name).replace(/^[-+*•]+\s*/u, '');
  if (clean === '') return null;
  const first = countOf(q[1] ?? '0', before);
  const originals = q[2] === 'chính' ? first.count : q[4] === 'chính' ? Number(q[3]) : 0;
  let copies = q[2] === 'sao' ? first.count : q[4] === 'sao' ? Number(q[3]) : 0;
  let certifiedCopies = 0;
  if (copies > 0 && CERTIFIED.test(clean)) [certifiedCopies, copies] = [copies, 0];
  const conditional = CONDITIONAL.exec(clean);
  return {
    groupTitle,
    name: clean,
    templateFile: file,
    originals,
    certifiedCopies,
    copies,
    requirement: conditional ? 'conditional' : 'required',
    conditionText: conditional ? clean.slice(0, 300) : null,
    reusableData: REUSE.test(clean),
    yearGlued: first.yearGlued,
  };
}

/** The component table; null when the record has none. */
export function parseComponents(raw: string): ParsedComponent[] | null {
  const text = raw.normalize('NFC');
  const parts = text.split(COMPONENT_HEADER);
  if (parts.length < 2) return null;
  const out: ParsedComponent[] = [];
  let title = cleanLine(parts[0] ?? '');
  for (let g = 1; g < parts.length; g++) {
    const body = parts[g] ?? '';
    const groupTitle = title === '' || title === '--' ? null : title.replace(/:$/, '');
    let from = 0;
    for (const q of body.matchAll(QUANTITY)) {
      const at = q.index ?? 0;
      let digitsStart = at;
      const rowText = body.slice(from, digitsStart);
      const row = rowOf(groupTitle, rowText, q, rowText.slice(-1));
      if (row) out.push(row);
      from = at + q[0].length;
      digitsStart = from;
    }
    title = cleanLine(body.slice(from));
  }
  return out;
}
