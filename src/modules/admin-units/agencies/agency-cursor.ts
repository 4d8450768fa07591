/**
 * Keyset cursor of agency lists: the (sort key, id) of the last row of a page, as an opaque base64url
 * string the client passes back as `after`. Pure.
 */
import { validationError } from '../../../platform/errors.js';

export interface AgencyCursor {
  sortKey: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeAgencyCursor(cursor: AgencyCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortKey, cursor.id]), 'utf8').toString('base64url');
}

/** Reads a cursor made by {@link encodeAgencyCursor}; anything else is `agency.invalid_cursor` on `after`. */
export function decodeAgencyCursor(text: string): AgencyCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      UUID.test(value[1])
    ) {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    // fall through: not base64url JSON
  }
  const message = {
    vi: 'Tham số "after" không hợp lệ: hãy dùng đúng giá trị "next" của trang trước.',
    en: 'Invalid "after": pass the "next" value of the previous page unchanged.',
  };
  throw validationError('agency.invalid_cursor', message, [{ field: 'after', message }]);
}
