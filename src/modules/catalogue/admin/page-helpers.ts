/** What the catalogue's administration pages share: access, the caller, form values, notices, errors. */
import type { FastifyRequest } from 'fastify';
import { auditActorOf } from '../../../platform/audit/actor.js';
import { translator } from '../../../platform/html/i18n.js';
import type { Role } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/module.js';
import { type FormError, formErrors } from '../../admin-units/index.js';
import type { Caller } from './drafts.service.js';
import { formFieldOf } from './form-state.js';
import { cm } from './views/catalogue-admin.messages.js';

export const ADMINS: readonly Role[] = ['agency_admin', 'system_admin'];
export type Deps = Pick<AppContext, 'db' | 'clock'>;
export type CodeParams = { Params: { code: string } };

export const queryValue = (req: FastifyRequest, name: string) => {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim() : '';
};
export const bodyValue = (req: FastifyRequest, name: string) => {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim() : '';
};
export const callerOf = (req: FastifyRequest): Caller => ({
  principal: req.principal,
  actor: auditActorOf(req.principal, req.ip),
});
export const rowVersionOf = (req: FastifyRequest) => {
  const n = Number.parseInt(bodyValue(req, 'rowVersion'), 10);
  return Number.isFinite(n) ? n : undefined;
};

/** A use case's error as the items of a form's error summary, content paths named as form fields. */
export function pageErrors(
  e: unknown,
  req: FastifyRequest,
  paths: Record<string, string> = {},
): FormError[] | undefined {
  const errors = formErrors(e, req.lang);
  return errors?.map((x) => (x.field ? { ...x, field: formFieldOf(x.field, paths) } : x));
}

const NOTICES = {
  saved: cm.saved,
  started: cm.started,
  discarded: cm.discarded,
  published: cm.published,
} as const;
export function noticeOf(req: FastifyRequest): string | undefined {
  const ok = queryValue(req, 'ok') as keyof typeof NOTICES;
  return NOTICES[ok] ? translator(req.lang)(NOTICES[ok]) : undefined;
}
