/**
 * Đổi mật khẩu bắt buộc: an officer whose password an administrator reset (must_change_password)
 * may use nothing but the password change until it is done. Pure rule; identity's access hook
 * applies it to every route that needs a caller, so no page or API can forget it.
 */

/** Where the officer is sent. */
export const PASSWORD_CHANGE_PATH = '/can-bo/doi-mat-khau';

/** The routes such an officer may still call ("METHOD /route"): the change itself, who am I, logout. */
export const OPEN_DURING_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  `GET ${PASSWORD_CHANGE_PATH}`,
  `POST ${PASSWORD_CHANGE_PATH}`,
  'POST /can-bo/dang-xuat',
  'POST /can-bo/dang-xuat-tat-ca',
  'GET /api/v1/me',
  'POST /api/v1/auth/logout',
]);

export interface GateInput {
  mustChangePassword: boolean;
  /** The route as registered (`/quan-tri/can-bo/:id`), not the URL. */
  route: string;
  method: string;
  api: boolean;
  /** Public routes (home page, catalogue, login page) are not held back. */
  publicRoute: boolean;
}

/** 'pass', 'redirect' (pages: to the change page) or 'refuse' (API: 403 auth.password_change_required). */
export function passwordChangeGate(i: GateInput): 'pass' | 'redirect' | 'refuse' {
  if (!i.mustChangePassword || i.publicRoute) return 'pass';
  const method = i.method === 'HEAD' ? 'GET' : i.method;
  if (OPEN_DURING_PASSWORD_CHANGE.has(`${method} ${i.route}`)) return 'pass';
  return i.api ? 'refuse' : 'redirect';
}
