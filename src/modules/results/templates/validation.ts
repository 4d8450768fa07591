/**
 * A result template as typed in the form (strings), checked and normalised before it is saved:
 * title required, ký hiệu of 1–10 capital letters or digits (Đ included), data lines from the
 * allowed sources only and at most 12, validity 1–1200 months, no unknown {placeholder}. Each
 * problem is a bilingual message at the form field it belongs to. Pure.
 */
import type { FieldError } from '../../../platform/errors.js';
import {
  FIELD_SOURCES,
  isFieldSource,
  MAX_FIELDS,
  type TemplateContent,
  unknownPlaceholders,
} from './template.js';

export interface TemplateInput {
  title: string;
  symbolKind: string;
  intro: string;
  grantLine: string;
  closing: string;
  validityMonths: string;
  signerTitle: string;
  fields: { label: string; source: string }[];
}

const LIMITS = {
  title: 200,
  intro: 3000,
  grantLine: 500,
  closing: 2000,
  signerTitle: 120,
  label: 120,
} as const;

const err = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/** Trimmed, NFC, line ends unified, blank lines and trailing spaces dropped; null when empty. */
function text(v: string): string | null {
  const t = v
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
  return t.length > 0 ? t : null;
}

function checkText(
  errors: FieldError[],
  name: 'intro' | 'grantLine' | 'closing',
  value: string | null,
  label: { vi: string; en: string },
) {
  if (!value) return;
  if (value.length > LIMITS[name])
    errors.push(
      err(
        name,
        `${label.vi} dài quá ${LIMITS[name]} ký tự.`,
        `${label.en} is longer than ${LIMITS[name]} characters.`,
      ),
    );
  const unknown = unknownPlaceholders(value);
  if (unknown.length > 0) {
    const list = unknown.map((u) => `{${u}}`).join(', ');
    errors.push(
      err(
        name,
        `${label.vi} có chỗ điền không có trong danh sách: ${list}. Hãy sửa theo danh sách chỗ điền bên dưới.`,
        `${label.en} uses placeholders that do not exist: ${list}. Use the placeholders listed below.`,
      ),
    );
  }
}

function checkValidity(errors: FieldError[], raw: string): number | null {
  const v = raw.trim();
  if (v === '') return null;
  const n = /^\d{1,4}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1200) {
    errors.push(
      err(
        'validityMonths',
        'Nhập thời hạn bằng số tháng, từ 1 đến 1200; để trống nếu văn bản có giá trị vĩnh viễn.',
        'Enter the validity as a number of months from 1 to 1200; leave it empty for a permanent document.',
      ),
    );
    return null;
  }
  return n;
}

function checkFields(errors: FieldError[], rows: TemplateInput['fields']): TemplateContent['fields'] {
  if (rows.length > MAX_FIELDS)
    errors.push(
      err(
        'fields',
        `Mẫu có nhiều nhất ${MAX_FIELDS} dòng thông tin.`,
        `A template has at most ${MAX_FIELDS} data lines.`,
      ),
    );
  const out: TemplateContent['fields'] = [];
  rows.slice(0, MAX_FIELDS).forEach((row, i) => {
    const label = row.label.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!label)
      errors.push(
        err(`field-${i}-label`, 'Nhập nhãn của dòng thông tin.', 'Enter the label of the data line.'),
      );
    else if (label.length > LIMITS.label)
      errors.push(
        err(
          `field-${i}-label`,
          `Nhãn dài quá ${LIMITS.label} ký tự.`,
          `The label is longer than ${LIMITS.label} characters.`,
        ),
      );
    if (!isFieldSource(row.source))
      errors.push(
        err(
          `field-${i}-source`,
          'Chọn dữ liệu của dòng trong danh sách.',
          `Choose the line’s data from the list (${FIELD_SOURCES.length} choices).`,
        ),
      );
    else out.push({ label, source: row.source });
  });
  return out;
}

/** The template to store, or the field errors (every problem at once). */
export function validateTemplate(
  input: TemplateInput,
): { ok: true; content: TemplateContent } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!title)
    errors.push(err('title', 'Nhập tên văn bản kết quả.', 'Enter the title of the result document.'));
  else if (title.length > LIMITS.title)
    errors.push(
      err(
        'title',
        `Tên văn bản dài quá ${LIMITS.title} ký tự.`,
        `The title is longer than ${LIMITS.title} characters.`,
      ),
    );
  const symbolKind = input.symbolKind.normalize('NFC').trim().toLocaleUpperCase('vi');
  if (!/^[A-ZĐ0-9]{1,10}$/u.test(symbolKind))
    errors.push(
      err(
        'symbolKind',
        'Ký hiệu loại văn bản gồm 1 đến 10 chữ cái in hoa hoặc chữ số, không dấu cách (ví dụ GCN, QĐ).',
        'The document kind symbol is 1 to 10 capital letters or digits, no spaces (e.g. GCN, QĐ).',
      ),
    );
  const intro = text(input.intro);
  const grantLine = text(input.grantLine);
  const closing = text(input.closing);
  checkText(errors, 'intro', intro, { vi: 'Phần căn cứ', en: 'The intro' });
  checkText(errors, 'grantLine', grantLine, { vi: 'Dòng cấp', en: 'The grant line' });
  checkText(errors, 'closing', closing, { vi: 'Phần kết', en: 'The closing' });
  const validityMonths = checkValidity(errors, input.validityMonths);
  const signerTitle = input.signerTitle.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
  if (signerTitle && signerTitle.length > LIMITS.signerTitle)
    errors.push(
      err(
        'signerTitle',
        `Chức danh người ký dài quá ${LIMITS.signerTitle} ký tự.`,
        `The signer’s title is longer than ${LIMITS.signerTitle} characters.`,
      ),
    );
  const fields = checkFields(errors, input.fields);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    content: { title, symbolKind, intro, grantLine, fields, closing, validityMonths, signerTitle },
  };
}
