/**
 * The VNeID sandbox: a real OpenID Connect provider (oidc-provider) that plays the national portal's
 * single sign-on in demo mode. It registers motcua as its one client, signs with a key kept in
 * DATA_DIR, and answers userinfo with the full claim set of DOMAIN.md §10. Its sessions, grants and
 * codes are kept in PostgreSQL (sandbox-adapter.ts): a restart logs nobody out of the sandbox, and
 * every web process on the database shares them.
 */
import { createHash } from 'node:crypto';
import type { KoaContext, default as Provider } from 'oidc-provider';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { isLang } from '../../../platform/html/i18n.js';
import type { PageContext } from '../../../platform/html/layout.js';
import { SandboxLogoutView, SandboxMessageView } from './sandbox.views.js';
import { sandboxStoreAdapter } from './sandbox-adapter.js';
import { sandboxSigningKey } from './sandbox-keys.js';
import { findSandboxAccount, SANDBOX_CLAIMS } from './sandbox-people.js';

export const SANDBOX_PATH = '/vneid-sandbox';
export const INTERACTION_PATH = `${SANDBOX_PATH}/dang-nhap`;

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

/** The page context of a page oidc-provider renders: the full URL (with our prefix) and the language. */
function koaPage(ctx: KoaContext): PageContext {
  const url = ctx.req.originalUrl ?? ctx.req.url ?? '/';
  const asked = new URL(url, 'http://x').searchParams.get('lang');
  const lang = isLang(asked) ? asked : ctx.cookies.get('lang');
  return { lang: isLang(lang) ? lang : 'vi', url };
}

async function html(ctx: KoaContext, page: JSX.Element) {
  ctx.type = 'html';
  ctx.body = await page;
}

export async function createSandboxProvider(o: {
  issuer: string;
  client: SandboxClient;
  dataDir: string;
  serverSecret: string;
  db: Db;
  clock: Clock;
}): Promise<Provider> {
  // Loaded on first use: a deployment outside demo mode never loads oidc-provider at all.
  const { default: OidcProvider } = await import('oidc-provider');
  const signingKey = await sandboxSigningKey(o.dataDir, o.serverSecret);
  const cookieKey = createHash('sha256')
    .update(`motcua:vneid-sandbox:cookies:${o.serverSecret}`)
    .digest('hex');
  const provider = new OidcProvider(o.issuer, {
    adapter: sandboxStoreAdapter(o.db, o.clock),
    clients: [
      {
        client_id: o.client.clientId,
        client_secret: o.client.clientSecret,
        client_name: 'motcua',
        redirect_uris: [o.client.redirectUri],
        post_logout_redirect_uris: [o.client.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [cookieKey] },
    // The national portal asks only for scope=openid and gets every claim in userinfo.
    claims: { openid: SANDBOX_CLAIMS },
    acrValues: ['LoA1', 'LoA2'],
    async findAccount(_ctx: unknown, sub: string) {
      const account = findSandboxAccount(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContext, form: string) =>
          html(ctx, <SandboxLogoutView ctx={koaPage(ctx)} form={form} />),
        postLogoutSuccessSource: (ctx: KoaContext) =>
          html(ctx, <SandboxMessageView ctx={koaPage(ctx)} kind="loggedOut" />),
      },
    },
    // Whether PKCE is sent is motcua's configuration (OIDC_PKCE); when sent, it is checked.
    pkce: { required: () => false },
    renderError: (ctx: KoaContext, out: { error?: string }) =>
      html(
        ctx,
        <SandboxMessageView ctx={koaPage(ctx)} kind="error" code={String(out.error ?? 'server_error')} />,
      ),
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 120,
      IdToken: 3600,
      Interaction: 900,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
  });
  // X-Forwarded-Proto/Host are set by our own mount from BASE_URL (sandbox.pages.tsx), never the client's.
  provider.proxy = true;
  return provider;
}
