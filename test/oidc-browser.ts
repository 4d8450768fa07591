/**
 * A browser-like client for the citizens' login tests: follows the OIDC redirects between motcua and
 * the VNeID sandbox (same app), keeps cookies by path as a browser does, posts forms with the CSRF
 * token the page carries.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../src/platform/http/app-type.js';

interface StoredCookie {
  value: string;
  path: string;
}

export class OidcBrowser {
  readonly jar = new Map<string, StoredCookie>();
  /** Every URL visited, in order (redirects included). */
  readonly visited: string[] = [];
  constructor(private readonly app: App) {}

  cookieFor(url: string): string {
    const path = new URL(url, 'http://x').pathname;
    return [...this.jar]
      .filter(
        ([, c]) =>
          path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/',
      )
      .map(([k, c]) => `${k}=${c.value}`)
      .join('; ');
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      const gone = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (gone) this.jar.delete(c.name);
      else this.jar.set(c.name, { value: c.value, path: c.path ?? '/' });
    }
    return res;
  }

  private relative(url: string) {
    const u = new URL(url, 'http://localhost:3000');
    return `${u.pathname}${u.search}`;
  }

  async get(url: string) {
    const path = this.relative(url);
    this.visited.push(path);
    return this.keep(
      await this.app.inject({ url: path, headers: { cookie: this.cookieFor(path), accept: 'text/html' } }),
    );
  }

  async post(url: string, fields: Record<string, string>) {
    const path = this.relative(url);
    this.visited.push(`POST ${path}`);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: this.cookieFor(path),
          accept: 'text/html',
        },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** Follows redirects (at most 10) from a response, as a browser does with GET. */
  async follow(res: LightMyRequestResponse) {
    let current = res;
    for (let i = 0; i < 10 && current.statusCode >= 300 && current.statusCode < 400; i++) {
      current = await this.get(String(current.headers.location));
    }
    return current;
  }

  async open(url: string) {
    return this.follow(await this.get(url));
  }

  /** Submits the page's form (the one whose action is given) with its CSRF token and the fields. */
  async submit(page: LightMyRequestResponse, action: string, fields: Record<string, string>) {
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on the page (HTTP ${page.statusCode})`);
    return this.follow(await this.post(action, { ...fields, _csrf: token }));
  }

  get sessionToken() {
    return this.jar.get('motcua_sid')?.value;
  }
}

/** The action attribute of the first form on a page whose action starts with the prefix. */
export function formAction(html: string, prefix: string): string {
  const match = new RegExp(`<form[^>]*action="(${prefix.replace(/[/.]/g, '\\$&')}[^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no form posting to ${prefix}`);
  return match[1].replace(/&amp;/g, '&');
}
