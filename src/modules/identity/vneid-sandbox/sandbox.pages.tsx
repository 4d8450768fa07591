/**
 * Mounts the VNeID sandbox (demo mode only) at /vneid-sandbox: oidc-provider answers every path
 * under it (discovery, authorize, token, userinfo, jwks, end_session), except its interaction pages
 * `/vneid-sandbox/dang-nhap/:uid`, which are ours (pick an account, then consent).
 *
 * oidc-provider is a Koa app reading the raw request itself: its route hijacks the reply in
 * onRequest, before Fastify parses a body or checks CSRF (the provider has its own checks; the token
 * endpoint is called server to server), with the prefix stripped from the URL and the full URL kept
 * in originalUrl, as oidc-provider expects when mounted under a path.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { AppContext } from '../../../platform/module.js';
import type { OidcSettings } from '../oidc-settings.js';
import {
  SANDBOX_CSS_PATH,
  SandboxConsentView,
  SandboxLoginView,
  SandboxMessageView,
} from './sandbox.views.js';
import { findSandboxAccount } from './sandbox-people.js';
import { createSandboxProvider, INTERACTION_PATH, SANDBOX_PATH } from './sandbox-provider.js';

const CSS = readFileSync(new URL('./sandbox.css', import.meta.url), 'utf8');
const PUBLIC = { config: { access: 'public' as const } };

function value(source: unknown, name: string): string {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

async function details(provider: Provider, req: FastifyRequest, reply: FastifyReply) {
  try {
    return await provider.interactionDetails(req.raw, reply.raw);
  } catch {
    return undefined;
  }
}

function expired(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(400)
    .html(<SandboxMessageView ctx={pageContext(req)} kind="error" code="interaction_expired" />);
}

/**
 * The provider is made at the first request to the sandbox (key generation and oidc-provider's
 * start-up cost a second of CPU that most test apps and many runs never need).
 */
export function registerVneidSandbox(app: App, ctx: AppContext, settings: OidcSettings) {
  let made: Promise<{ provider: Provider; callback: ReturnType<Provider['callback']> }> | undefined;
  const sandbox = () => {
    made ??= createSandboxProvider({
      issuer: `${ctx.config.baseUrl}${SANDBOX_PATH}`,
      client: {
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        redirectUri: settings.redirectUri,
        postLogoutRedirectUri: settings.postLogoutRedirectUri,
      },
      dataDir: ctx.config.dataDir,
      serverSecret: ctx.serverSecret,
      db: ctx.db,
      clock: ctx.clock,
    }).then((provider) => {
      provider.on('server_error', (_ctx: unknown, err: unknown) =>
        ctx.log.error({ err }, 'VNeID sandbox error'),
      );
      return { provider, callback: provider.callback() };
    });
    made.catch(() => {
      made = undefined;
    });
    return made;
  };
  const providerOf = async () => (await sandbox()).provider;
  const publicBase = new URL(ctx.config.baseUrl);

  app.route({
    method: ['GET', 'POST'],
    url: `${SANDBOX_PATH}/*`,
    ...PUBLIC,
    schema: { hide: true },
    onRequest(req, reply, done) {
      reply.hijack();
      const raw = req.raw as IncomingMessage & { originalUrl?: string };
      const url = raw.url ?? '/';
      raw.originalUrl = url;
      raw.url = url.slice(SANDBOX_PATH.length) || '/';
      // The provider builds its URLs from the public base URL, however the request reached us
      // (through a TLS proxy, or app.inject from the relying party): they always match the issuer.
      raw.headers['x-forwarded-proto'] = publicBase.protocol.slice(0, -1);
      raw.headers['x-forwarded-host'] = publicBase.host;
      sandbox()
        .then(({ callback }) => callback(raw, reply.raw))
        .catch((err: unknown) => {
          req.log.error({ err }, 'VNeID sandbox failed to start');
          reply.raw.statusCode = 503;
          reply.raw.end();
        });
      done();
    },
    handler: async () => undefined,
  });

  app.get(SANDBOX_CSS_PATH, { ...PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );

  app.get(`${INTERACTION_PATH}/:uid`, { ...PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const d = await details(await providerOf(), req, reply);
    if (!d) return expired(req, reply);
    const action = `${INTERACTION_PATH}/${d.uid}`;
    const csrf = reply.generateCsrf();
    if (d.prompt.name === 'login') {
      return reply.html(<SandboxLoginView ctx={pageContext(req)} csrf={csrf} action={action} />);
    }
    const account = findSandboxAccount(d.session?.accountId ?? '');
    return reply.html(
      <SandboxConsentView
        ctx={pageContext(req)}
        csrf={csrf}
        action={action}
        clientName="motcua"
        accountLabel={account?.label ?? ''}
      />,
    );
  });

  app.post(`${INTERACTION_PATH}/:uid`, { ...PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const provider = await providerOf();
    const d = await details(provider, req, reply);
    if (!d) return expired(req, reply);
    const action = value(req.body, 'action');
    const refuse = {
      error: 'access_denied',
      error_description: 'The person cancelled the login or refused consent',
    };
    let result: Record<string, unknown>;
    if (action === 'cancel' || action === 'deny') {
      result = refuse;
    } else if (d.prompt.name === 'login') {
      const account = findSandboxAccount(value(req.body, 'account'));
      if (!account) return reply.redirect(`${INTERACTION_PATH}/${d.uid}`, 303);
      const acr = account.claims.loAs === 'LoA1' ? 'LoA1' : 'LoA2';
      result = { login: { accountId: account.sub, acr, amr: ['vneid'] } };
    } else {
      const accountId = d.session?.accountId ?? '';
      const clientId = String(d.params.client_id ?? '');
      const grant =
        (d.grantId && (await provider.Grant.find(d.grantId))) || new provider.Grant({ accountId, clientId });
      const missingScope = d.prompt.details.missingOIDCScope;
      grant.addOIDCScope(Array.isArray(missingScope) ? missingScope.join(' ') : 'openid');
      const missingClaims = d.prompt.details.missingOIDCClaims;
      if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims as string[]);
      result = { consent: { grantId: await grant.save() } };
    }
    const to = await provider.interactionResult(req.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
    return reply.redirect(to, 303);
  });
}
