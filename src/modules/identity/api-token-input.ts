/** Checking what an administrator asks for in a new API token, and the errors token administration throws. */
import {
  type Bilingual,
  conflict,
  type FieldError,
  forbidden,
  notFound,
  validationError,
} from '../../platform/errors.js';
import { API_SCOPE_NAMES, type ApiScope, isApiScope } from '../../platform/http/scopes.js';

/** The longest life a token may be given: a machine credential must be renewed now and then. */
export const MAX_TOKEN_YEARS = 3;
const NAME_MAX = 100;
const DAY_MS = 86_400_000;
/** Vietnam has no daylight saving time: a calendar day there starts at 17:00 UTC the day before. */
const VN_OFFSET_MS = 7 * 3_600_000;

export interface NewApiToken {
  name: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
}

/** What the page or the API sent. `expiresOn` is a Vietnam calendar date (the last day of validity). */
export interface ApiTokenRequest {
  name?: string;
  scopes?: readonly string[];
  expiresOn?: string;
  expiresAt?: string | null;
}

const msg = {
  name: {
    vi: `Nhập tên gợi nhớ của mã (hệ thống nào dùng mã), tối đa ${NAME_MAX} ký tự`,
    en: `Enter a name for the token (which system uses it), at most ${NAME_MAX} characters`,
  },
  scopes: {
    vi: 'Chọn ít nhất một phạm vi trong danh sách',
    en: 'Choose at least one scope from the list',
  },
  unknownScope: {
    vi: 'Có phạm vi không nằm trong danh sách: {scopes}',
    en: 'Some scopes are not in the list: {scopes}',
  },
  expiresOn: {
    vi: `Ngày hết hạn phải là một ngày sau hôm nay, trong vòng ${MAX_TOKEN_YEARS} năm (định dạng năm-tháng-ngày)`,
    en: `The expiry date must be a day after today, within ${MAX_TOKEN_YEARS} years (year-month-day)`,
  },
  expiresAt: {
    vi: `Thời điểm hết hạn phải ở tương lai, trong vòng ${MAX_TOKEN_YEARS} năm (ISO 8601)`,
    en: `The expiry must be in the future, within ${MAX_TOKEN_YEARS} years (ISO 8601)`,
  },
} satisfies Record<string, Bilingual>;

const INVALID: Bilingual = {
  vi: 'Thông tin mã truy cập chưa hợp lệ',
  en: 'The token’s details are not valid',
};

/** The instant a token valid through the Vietnam date `yyyy-mm-dd` stops working (next midnight there). */
export function endOfVietnamDay(date: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const startUtc = Date.UTC(y, mo - 1, d);
  const back = new Date(startUtc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return new Date(startUtc + DAY_MS - VN_OFFSET_MS);
}

/** Today's date in Vietnam, yyyy-mm-dd (the earliest day the expiry field may name is tomorrow). */
export const vietnamToday = (now: Date) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

function readExpiry(req: ApiTokenRequest, now: Date, fields: FieldError[]): Date | null {
  const latest = new Date(now.getTime() + MAX_TOKEN_YEARS * 366 * DAY_MS);
  const within = (d: Date | undefined) => d !== undefined && d > now && d <= latest;
  const onDate = req.expiresOn?.trim();
  if (onDate) {
    const at = endOfVietnamDay(onDate);
    // Valid through a day after today: a token that dies tonight is a typing mistake.
    if (!within(at) || onDate <= vietnamToday(now)) {
      fields.push({ field: 'expiresOn', message: msg.expiresOn });
      return null;
    }
    return at ?? null;
  }
  if (req.expiresAt) {
    const at = new Date(req.expiresAt);
    if (Number.isNaN(at.getTime()) || !within(at))
      fields.push({ field: 'expiresAt', message: msg.expiresAt });
    else return at;
  }
  return null;
}

/** The request checked; throws a validation error naming each bad field. */
export function readNewApiToken(req: ApiTokenRequest, now: Date): NewApiToken {
  const fields: FieldError[] = [];
  const name = (req.name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name || name.length > NAME_MAX) fields.push({ field: 'name', message: msg.name });
  const asked = [...new Set(req.scopes ?? [])];
  const unknown = asked.filter((s) => !isApiScope(s));
  if (unknown.length > 0) {
    const list = unknown.slice(0, 5).join(', ').slice(0, 200);
    fields.push({
      field: 'scopes',
      message: {
        vi: msg.unknownScope.vi.replace('{scopes}', list),
        en: msg.unknownScope.en.replace('{scopes}', list),
      },
    });
  } else if (asked.length === 0) fields.push({ field: 'scopes', message: msg.scopes });
  const expiresAt = readExpiry(req, now, fields);
  if (fields.length > 0) throw validationError('api_token.invalid', INVALID, fields);
  // Kept in the canonical list's order, whatever order they were sent in.
  return { name, scopes: API_SCOPE_NAMES.filter((s) => asked.includes(s)), expiresAt };
}

export const apiTokenErrors = {
  notFound: () =>
    notFound('api_token.not_found', { vi: 'Không tìm thấy mã truy cập', en: 'API token not found' }),
  alreadyRevoked: () =>
    conflict('api_token.already_revoked', {
      vi: 'Mã truy cập này đã bị thu hồi trước đó',
      en: 'This API token was already revoked',
    }),
  cannotManage: () =>
    forbidden('api_token.forbidden', {
      vi: 'Chỉ quản trị hệ thống (đăng nhập bằng tài khoản cán bộ) được quản lý mã truy cập API',
      en: 'Only a system administrator (logged in as an officer) may manage API tokens',
    }),
};
