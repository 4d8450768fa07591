/**
 * The relying party (openid-client): authorization-code flow with state, nonce and (unless
 * OIDC_PKCE=false) PKCE S256; ID token validated by openid-client, then userinfo; RP-initiated
 * logout. Discovery is lazy (first login) and retried after a failure. When the issuer is the
 * built-in sandbox, the back-channel calls (discovery, token, userinfo) go to this same app through
 * app.inject: no dependence on the server reaching its own public URL (proxies, hairpin NAT).
 */
import * as client from 'openid-client';
import type { App } from '../../platform/http/app-type.js';
import type { OidcSettings } from './oidc-settings.js';

/** What must survive from the start of a login to its callback (kept in a sealed cookie). */
export interface FlowState {
  state: string;
  nonce: string;
  verifier: string | null;
  next: string;
}

export class CallbackError extends Error {
  constructor(
    readonly reason: 'provider_error' | 'state' | 'exchange',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** A fetch that hands the request to the app itself (the sandbox lives in the same process). */
export function injectFetch(app: App): client.CustomFetch {
  return async (url, options) => {
    const u = new URL(url);
    const body = options.body;
    const res = await app.inject({
      method: options.method as 'GET',
      url: `${u.pathname}${u.search}`,
      headers: { ...options.headers, host: u.host, 'accept-encoding': 'identity' },
      payload:
        typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : undefined,
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      for (const one of [v].flat()) if (one !== undefined) headers.append(k, String(one));
    }
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return new Response(empty ? null : res.rawPayload, { status: res.statusCode, headers });
  };
}

export class CitizenSso {
  #configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcSettings,
    private readonly fetchImpl?: client.CustomFetch,
  ) {}

  private configuration(): Promise<client.Configuration> {
    const s = this.settings;
    const insecure = s.issuer.startsWith('http://');
    this.#configuration ??= client
      .discovery(new URL(s.issuer), s.clientId, undefined, client.ClientSecretBasic(s.clientSecret), {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: 15,
        ...(this.fetchImpl ? { [client.customFetch]: this.fetchImpl } : {}),
      })
      .then((c) => {
        if (this.fetchImpl) c[client.customFetch] = this.fetchImpl;
        return c;
      })
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw error;
      });
    return this.#configuration;
  }

  /** The provider's authorization URL and what the callback will need to check. */
  async start(next: string): Promise<{ url: URL; flow: FlowState }> {
    const config = await this.configuration();
    const flow: FlowState = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: this.settings.pkce ? client.randomPKCECodeVerifier() : null,
      next,
    };
    const params: Record<string, string> = {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid',
      state: flow.state,
      nonce: flow.nonce,
    };
    if (flow.verifier) {
      params.code_challenge = await client.calculatePKCECodeChallenge(flow.verifier);
      params.code_challenge_method = 'S256';
    }
    if (this.settings.acrValues) params.acr_values = this.settings.acrValues;
    return { url: client.buildAuthorizationUrl(config, params), flow };
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token), then reads userinfo. */
  async finish(callbackUrl: URL, flow: FlowState) {
    const error = callbackUrl.searchParams.get('error');
    if (error) throw new CallbackError('provider_error', error.slice(0, 100));
    if (callbackUrl.searchParams.get('state') !== flow.state)
      throw new CallbackError('state', 'state mismatch');
    const config = await this.configuration();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        pkceCodeVerifier: flow.verifier ?? undefined,
        idTokenExpected: true,
      });
    } catch (e) {
      throw new CallbackError(
        'exchange',
        e instanceof Error ? e.message.slice(0, 200) : 'token exchange failed',
      );
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new CallbackError('exchange', 'no ID token');
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return {
      idToken: tokens.id_token ?? null,
      accessToken: tokens.access_token,
      /** Seconds from now, as the token response said (expires_in); null when it did not. */
      accessTokenExpiresIn: tokens.expiresIn() ?? null,
      subject: idClaims.sub,
      claims: userinfo as Record<string, unknown>,
    };
  }

  /** Where to send the browser to end the provider's session too; null when it offers none. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
      client_id: this.settings.clientId,
    };
    if (idToken) params.id_token_hint = idToken;
    return client.buildEndSessionUrl(config, params).href;
  }
}
