/** A browser-like client for the officers' login tests: a cookie jar, forms posted with their CSRF token. */
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../src/platform/db/database.js';
import type { App } from '../src/platform/http/app-type.js';

export class Browser {
  readonly jar = new Map<string, string>();
  constructor(private readonly app: App) {}

  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string) {
    return this.keep(await this.app.inject({ url, headers: { cookie: this.cookie, accept: 'text/html' } }));
  }

  /** Opens the page of the form (for its CSRF token) and posts it, as a person does. */
  async submit(formPage: string, action: string, fields: Record<string, string>) {
    const page = await this.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${formPage} (HTTP ${page.statusCode})`);
    return this.post(action, { ...fields, _csrf: token });
  }

  async post(url: string, fields: Record<string, string>) {
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: this.cookie,
          accept: 'text/html',
        },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  get sessionToken() {
    return this.jar.get('motcua_sid');
  }
}

export function auditActions(db: Db, actorLabel: string) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'details', 'actor_id'])
    .where('actor_label', '=', actorLabel)
    .orderBy('seq')
    .execute();
}
