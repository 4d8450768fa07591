/**
 * What motcua keeps of a login's userinfo claims (DOMAIN.md §10), pure. The account key follows
 * LoaiTaiKhoan: 1 citizen → SoDinhDanh (12 digits), 2 business → MaSoThue, 3 organisation → TechID.
 */
export type Claims = Record<string, unknown>;

export interface CitizenIdentity {
  accountType: 1 | 2 | 3;
  accountKey: string;
  fullName: string;
  /** YYYY-MM-DD, or null when the SSO gave none (businesses) or gave something unreadable. */
  birthDate: string | null;
  /** loAs (level of assurance) as the SSO sent it, e.g. "LoA2". */
  loa: string | null;
  /** TaiKhoanDuocXacThucVoiVNeID: the SSO says VNeID vouched for this login. */
  vneidVerified: boolean;
}

export type ClaimsProblem = 'account_type' | 'personal_id' | 'tax_code' | 'tech_id' | 'name';

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const clean = (v: unknown) => text(v).normalize('NFC').replace(/\s+/g, ' ').trim();

function accountType(v: unknown): 1 | 2 | 3 | null {
  if (v === undefined || v === null || v === '') return 1;
  const n = Number(text(v));
  return n === 1 || n === 2 || n === 3 ? n : null;
}

/** Accepts YYYY-MM-DD, DD/MM/YYYY and YYYYMMDD; returns a real calendar date or null. */
export function birthDateOf(v: unknown): string | null {
  const s = text(v).trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})/.exec(s) ??
    (/^(\d{2})\/(\d{2})\/(\d{4})$/.test(s) ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s) : null) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = s.includes('/') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

function loaOf(v: unknown): string | null {
  const list = Array.isArray(v) ? v.map(text) : [text(v)];
  const joined = list.filter(Boolean).join(' ').slice(0, 100);
  return joined || null;
}

function keyOf(type: 1 | 2 | 3, c: Claims): { key: string } | { problem: ClaimsProblem } {
  if (type === 1) {
    const id = text(c.SoDinhDanh).trim();
    return /^\d{12}$/.test(id) ? { key: id } : { problem: 'personal_id' };
  }
  if (type === 2) {
    const tax = text(c.MaSoThue).trim() || text(c.MaSoDoanhNghiep).trim();
    return /^\d{10}(-\d{3})?$/.test(tax) ? { key: tax } : { problem: 'tax_code' };
  }
  const tech = text(c.TechID).trim();
  return tech && tech.length <= 200 ? { key: tech } : { problem: 'tech_id' };
}

export function identityFromClaims(c: Claims): CitizenIdentity | { problem: ClaimsProblem } {
  const type = accountType(c.LoaiTaiKhoan);
  if (!type) return { problem: 'account_type' };
  const key = keyOf(type, c);
  if ('problem' in key) return key;
  const fullName = (type === 1 ? clean(c.HoVaTen) : clean(c.TenDoanhNghiep) || clean(c.HoVaTen)).slice(
    0,
    300,
  );
  if (!fullName) return { problem: 'name' };
  const verified = c.TaiKhoanDuocXacThucVoiVNeID;
  return {
    accountType: type,
    accountKey: key.key,
    fullName,
    birthDate: type === 1 ? birthDateOf(c.NgayThangNamSinh) : null,
    loa: loaOf(c.loAs),
    vneidVerified: verified === 1 || verified === '1' || verified === true,
  };
}
