/**
 * Officer administration pages (quản trị cán bộ) under /quan-tri/can-bo: the list, adding an officer,
 * one officer's page with its roles and account actions. Forms post, then redirect (PRG); a temporary
 * password travels once to the next page in a sealed, short-lived cookie and is never put in a URL.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { type Access, type Principal, ROLES } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import type { AgencyTree } from './agency-tree.repository.js';
import { isRole, isUuid } from './officer-input.js';
import * as service from './officers-admin.service.js';
import { isSystemAdmin, SYSTEM_GRANTED_ROLES } from './policy.js';
import { open, seal, secretBoxKey } from './secret-box.js';
import { OfficerDetailView } from './views/officer-detail.view.js';
import { DONE, isDoneKey } from './views/officers-admin.messages.js';
import { OFFICERS_CSS_PATH, OFFICERS_PATH, officerHref } from './views/officers-admin.parts.js';
import { type CreateForm, CreateOfficerView, OfficerListView } from './views/officers-list.view.js';

const CSS = readFileSync(new URL('./views/officers-admin.css', import.meta.url), 'utf8');
const ONCE_COOKIE = 'motcua_once';

/** Administrators change; inspectors read (the service refuses them any change). */
export const OFFICER_ADMIN_READ: Access = { officer: ['agency_admin', 'system_admin', 'inspector'] };
export const OFFICER_ADMIN_WRITE: Access = { officer: ['agency_admin', 'system_admin'] };

type Ctx = Pick<AppContext, 'db' | 'clock' | 'serverSecret' | 'config'>;
type Body = Record<string, unknown>;

const text = (source: unknown, name: string): string => {
  const v = (source as Body | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};
const principal = (req: FastifyRequest): Principal => req.principal as Principal;
const nameOf = (tree: AgencyTree) => (id: string) => tree.nameOf(id) ?? id;
const grantableRoles = (p: Principal) =>
  isSystemAdmin(p) ? ROLES : ROLES.filter((r) => !SYSTEM_GRANTED_ROLES.includes(r));
const fieldErrors = (err: AppError, lang: 'vi' | 'en') => ({
  items:
    err.fields.length > 0
      ? err.fields.map((f) => ({ field: f.field, text: f.message[lang] }))
      : [{ field: '', text: err.text[lang] }],
});

function passOnce(ctx: Ctx, reply: FastifyReply, officerId: string, password: string) {
  reply.setCookie(ONCE_COOKIE, seal(secretBoxKey(ctx.serverSecret), JSON.stringify([officerId, password])), {
    path: OFFICERS_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.baseUrl.startsWith('https://'),
    maxAge: 300,
  });
}

/** The temporary password passed to this officer's page, if any; the cookie is spent either way. */
function takeOnce(ctx: Ctx, req: FastifyRequest, reply: FastifyReply, officerId: string): string | undefined {
  const sealed = req.cookies[ONCE_COOKIE];
  if (!sealed) return undefined;
  reply.clearCookie(ONCE_COOKIE, { path: OFFICERS_PATH });
  try {
    const [id, password] = JSON.parse(open(secretBoxKey(ctx.serverSecret), sealed)) as [string, string];
    return id === officerId ? password : undefined;
  } catch {
    return undefined;
  }
}

async function renderDetail(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: {
    errors?: { items: { field: string; text: string }[] };
    form?: Record<string, string>;
    status?: number;
  } = {},
) {
  const actor = principal(req);
  const found = await service.getOfficerForAdmin(ctx, actor, id);
  const page = pageContext(req);
  const done = text(req.query, 'xong');
  return reply
    .status(extra.status ?? 200)
    .html(
      <OfficerDetailView
        ctx={page}
        csrf={reply.generateCsrf()}
        officer={found.officer}
        nameOf={nameOf(found.tree)}
        canManage={found.canManage}
        isSelf={found.isSelf}
        agencies={found.canManage ? service.agencyChoices(actor, found.tree) : []}
        roles={grantableRoles(actor)}
        errors={extra.errors ?? { items: [] }}
        form={extra.form}
        done={isDoneKey(done) && !extra.errors ? DONE[done][page.lang] : undefined}
        temporaryPassword={extra.errors ? undefined : takeOnce(ctx, req, reply, id)}
        now={ctx.clock.now()}
      />,
    );
}

function registerList(app: App, ctx: Ctx) {
  app.get(OFFICERS_PATH, { config: { access: OFFICER_ADMIN_READ } }, async (req, reply) => {
    const actor = principal(req);
    const filter = {
      q: text(req.query, 'q').trim(),
      agencyId: text(req.query, 'agencyId'),
      role: text(req.query, 'role'),
    };
    const after = text(req.query, 'sau');
    const found = await service.listOfficers(ctx, actor, {
      q: filter.q,
      agencyId: isUuid(filter.agencyId) ? filter.agencyId : undefined,
      role: isRole(filter.role) ? filter.role : undefined,
      after,
    });
    const href = (sau?: string) => {
      const params = new URLSearchParams({ q: filter.q, agencyId: filter.agencyId, role: filter.role });
      if (sau) params.set('sau', sau);
      return `${OFFICERS_PATH}?${params}`;
    };
    return reply.html(
      <OfficerListView
        ctx={pageContext(req)}
        filter={filter}
        agencies={service.agencyChoices(actor, found.tree)}
        items={found.items}
        nameOf={nameOf(found.tree)}
        nextHref={found.next ? href(found.next) : null}
        firstHref={after ? href() : null}
        canCreate={
          actor.kind === 'officer' &&
          actor.grants.some((g) => g.role === 'agency_admin' || g.role === 'system_admin')
        }
        now={ctx.clock.now()}
      />,
    );
  });
}

function registerCreate(app: App, ctx: Ctx) {
  const form = async (req: FastifyRequest, reply: FastifyReply, values: CreateForm, err?: AppError) => {
    const actor = principal(req);
    const agencies = await service.grantableAgencies(ctx, actor);
    return reply
      .status(err ? err.status : 200)
      .html(
        <CreateOfficerView
          ctx={pageContext(req)}
          csrf={reply.generateCsrf()}
          form={values}
          errors={err ? fieldErrors(err, req.lang) : { items: [] }}
          agencies={agencies}
          roles={grantableRoles(actor)}
        />,
      );
  };

  app.get(`${OFFICERS_PATH}/moi`, { config: { access: OFFICER_ADMIN_WRITE } }, (req, reply) =>
    form(req, reply, {}),
  );

  app.post(OFFICERS_PATH, { config: { access: OFFICER_ADMIN_WRITE } }, async (req, reply) => {
    const names = ['username', 'fullName', 'email', 'phone', 'jobTitle', 'agencyId', 'role'] as const;
    const values = Object.fromEntries(names.map((n) => [n, text(req.body, n)])) as CreateForm;
    try {
      const created = await service.createOfficer(ctx, principal(req), values);
      passOnce(ctx, reply, created.id, created.temporaryPassword);
      return reply.redirect(`${officerHref(created.id)}?xong=created`, 303);
    } catch (err) {
      if (err instanceof AppError && (err.kind === 'validation' || err.kind === 'conflict')) {
        return form(req, reply, values, err);
      }
      throw err;
    }
  });
}

type Action = (actor: Principal, id: string, body: unknown) => Promise<string | undefined>;

function registerDetail(app: App, ctx: Ctx) {
  app.get<{ Params: { id: string } }>(
    `${OFFICERS_PATH}/:id`,
    { config: { access: OFFICER_ADMIN_READ } },
    async (req, reply) => {
      if (!isUuid(req.params.id)) throw service.notFoundError();
      return renderDetail(ctx, req, reply, req.params.id);
    },
  );

  const grantForm = (body: unknown) => ({ agencyId: text(body, 'agencyId'), role: text(body, 'role') });
  const actions: [string, string, Action][] = [
    [
      '',
      'updated',
      async (a, id, b) => {
        const names = ['fullName', 'email', 'phone', 'jobTitle'] as const;
        await service.updateOfficerProfile(ctx, a, id, Object.fromEntries(names.map((n) => [n, text(b, n)])));
        return undefined;
      },
    ],
    ['/vai-tro', 'granted', async (a, id, b) => void (await service.grantRole(ctx, a, id, grantForm(b)))],
    [
      '/vai-tro/thu-hoi',
      'revoked',
      async (a, id, b) => void (await service.revokeRole(ctx, a, id, grantForm(b))),
    ],
    ['/khoa', 'disabled', async (a, id) => void (await service.disableOfficer(ctx, a, id))],
    ['/mo-khoa', 'enabled', async (a, id) => void (await service.enableOfficer(ctx, a, id))],
    ['/mat-khau', 'password', (a, id) => service.resetOfficerPassword(ctx, a, id)],
    ['/totp', 'totp', async (a, id) => void (await service.resetOfficerTotp(ctx, a, id))],
  ];
  for (const [suffix, done, act] of actions) {
    app.post<{ Params: { id: string } }>(
      `${OFFICERS_PATH}/:id${suffix}`,
      { config: { access: OFFICER_ADMIN_WRITE } },
      async (req, reply) => {
        const id = req.params.id;
        if (!isUuid(id)) throw service.notFoundError();
        try {
          const password = await act(principal(req), id, req.body);
          if (password) passOnce(ctx, reply, id, password);
          return reply.redirect(`${officerHref(id)}?xong=${done}`, 303);
        } catch (err) {
          if (!(err instanceof AppError) || !(err.kind === 'validation' || err.kind === 'conflict'))
            throw err;
          const form = Object.fromEntries(
            Object.entries((req.body as Body) ?? {}).filter(
              ([k, v]) => k !== '_csrf' && typeof v === 'string',
            ),
          ) as Record<string, string>;
          return renderDetail(ctx, req, reply, id, {
            errors: fieldErrors(err, req.lang),
            form,
            status: err.status,
          });
        }
      },
    );
  }
}

export function registerOfficerAdminPages(app: App, ctx: Ctx) {
  app.get(OFFICERS_CSS_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
  registerList(app, ctx);
  registerCreate(app, ctx);
  registerDetail(app, ctx);
}
