import type { App } from '../src/platform/http/app-type.js';

/** A public probe route that hands out a CSRF token: add it with buildTestApp's extraRoutes. */
export const CSRF_PROBE_PATH = '/__test/csrf';

export function csrfProbe(app: App) {
  app.get(CSRF_PROBE_PATH, { config: { access: 'public' } }, async (_req, reply) => ({
    token: reply.generateCsrf(),
  }));
}

/**
 * A CSRF token and the Cookie header that goes with it (the CSRF secret cookie added to `cookie`,
 * e.g. a session cookie): what a browser would send back when it posts a form of ours.
 */
export async function csrfFor(app: App, cookie = ''): Promise<{ token: string; cookie: string }> {
  const res = await app.inject({ url: CSRF_PROBE_PATH, headers: cookie ? { cookie } : {} });
  const token = (res.json() as { token: string }).token;
  const secret = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { token, cookie: [cookie, secret].filter(Boolean).join('; ') };
}

/** Posts a form as a browser does, with a valid CSRF token. */
export async function postForm(app: App, url: string, cookie: string, fields: Record<string, string> = {}) {
  const csrf = await csrfFor(app, cookie);
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrf.cookie,
      accept: 'text/html',
    },
    payload: new URLSearchParams({ ...fields, _csrf: csrf.token }).toString(),
  });
}

/** A multipart/form-data body as a browser sends it: fields and files in order. */
export async function multipartBody(
  fields: [string, string | { bytes: Buffer; name: string; type: string }][],
): Promise<{ payload: Buffer; headers: { 'content-type': string } }> {
  const fd = new FormData();
  for (const [k, v] of fields) {
    if (typeof v === 'string') fd.append(k, v);
    else fd.append(k, new Blob([v.bytes], { type: v.type }), v.name);
  }
  const r = new Request('http://x', { method: 'POST', body: fd });
  return {
    payload: Buffer.from(await r.arrayBuffer()),
    headers: { 'content-type': r.headers.get('content-type') ?? '' },
  };
}
