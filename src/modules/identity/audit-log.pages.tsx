/**
 * Tra cứu nhật ký kiểm tra (GET /quan-tri/nhat-ky): a GET form, so it works without JavaScript and
 * every search is a link one can keep; wrong filters re-render the form with a message per field.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { Access } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import { auditAgencyChoices, auditSearchContext, searchAudit } from './audit-search.service.js';
import { AUDIT_SEARCH_ROLES } from './policy.js';
import { AUDIT_CSS_PATH, AUDIT_PATH, type AuditForm, AuditLogView } from './views/audit-log.view.js';

const CSS = readFileSync(new URL('./views/audit-log.css', import.meta.url), 'utf8');

/** Inspectors and system administrators (everything), agency administrators (their agencies). */
export const AUDIT_ACCESS: Access = { officer: AUDIT_SEARCH_ROLES };

type Ctx = Pick<AppContext, 'db' | 'clock'>;
const FIELDS = ['person', 'agencyId', 'objectType', 'objectId', 'action', 'from', 'to'] as const;

const text = (source: unknown, name: string): string => {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.slice(0, 500) : '';
};

function pageHref(form: AuditForm, after?: string): string {
  const params = new URLSearchParams();
  for (const name of FIELDS) if (form[name]) params.set(name, form[name]);
  if (after) params.set('sau', after);
  const query = params.toString();
  return query ? `${AUDIT_PATH}?${query}` : AUDIT_PATH;
}

async function render(ctx: Ctx, req: FastifyRequest, reply: FastifyReply) {
  const form = Object.fromEntries(FIELDS.map((n) => [n, text(req.query, n)])) as unknown as AuditForm;
  const after = text(req.query, 'sau');
  const page = pageContext(req);
  try {
    const found = await searchAudit(
      ctx,
      req.principal,
      { ...form, after },
      { ip: req.ip ?? null, via: 'page' },
    );
    return reply.html(
      <AuditLogView
        ctx={page}
        form={form}
        errors={{ items: [] }}
        agencies={auditAgencyChoices(found.scope, found.tree)}
        limitedToAgencies={found.scope.kind === 'agencies'}
        items={found.items}
        agencyName={(id) => found.tree.nameOf(id) ?? id}
        nextHref={found.next ? pageHref(form, found.next) : null}
        firstHref={after ? pageHref(form) : null}
      />,
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
    const { tree, scope } = await auditSearchContext(ctx, req.principal);
    const items = err.fields.map((f) => ({
      field: (FIELDS as readonly string[]).includes(f.field) ? f.field : '',
      text: f.message[page.lang],
    }));
    return reply
      .status(400)
      .html(
        <AuditLogView
          ctx={page}
          form={form}
          errors={{ items }}
          agencies={auditAgencyChoices(scope, tree)}
          limitedToAgencies={scope.kind === 'agencies'}
          items={[]}
          agencyName={(id) => tree.nameOf(id) ?? id}
          nextHref={null}
          firstHref={null}
        />,
      );
  }
}

export function registerAuditLogPages(app: App, ctx: Ctx) {
  app.get(AUDIT_CSS_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
  app.get(AUDIT_PATH, { config: { access: AUDIT_ACCESS } }, (req, reply) => render(ctx, req, reply));
}
