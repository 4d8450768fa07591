/** Request helpers of the citizen's dossier pages. */
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../../../platform/http/access.js';

export const CITIZEN = { config: { access: { citizen: true as const } } };

export type Citizen = Extract<Principal, { kind: 'citizen' }>;

/** The logged-in citizen (the route's access rule lets no one else in). */
export function citizenOf(req: FastifyRequest): Citizen {
  const p = req.principal;
  if (p?.kind !== 'citizen') throw new Error('citizen route reached without a citizen');
  return p;
}

/** One value of a query parameter (the first when repeated), trimmed. */
export function queryValue(req: FastifyRequest, name: string): string {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim() : '';
}

/**
 * A multipart form is read part by part in the handler, after the CSRF check: its token comes in the
 * form's action URL (`?_csrf=`), handed to the check as the body it reads. Referrer-Policy
 * no-referrer keeps it from leaking; it is bound to the secret in the signed cookie anyway.
 */
export async function multipartCsrf(req: FastifyRequest) {
  if (!req.isMultipart()) return;
  const token = queryValue(req, '_csrf');
  (req as { body: unknown }).body = { _csrf: token };
}
