/** The citizen's side of intake: the online form, my dossiers, the data store (pages that work without JS). */
import { readFileSync } from 'node:fs';
import type { App } from '../../../../platform/http/app-type.js';
import type { AppContext } from '../../../../platform/module.js';
import { registerIntakePages } from './intake.pages.js';
import { registerMyDossierPages } from './my-dossiers.pages.js';
import { CITIZEN_DOSSIERS_CSS } from './parts.js';

const CSS = readFileSync(new URL('./citizen-dossiers.css', import.meta.url), 'utf8');

export function registerCitizenDossierPages(app: App, ctx: AppContext) {
  app.get(
    CITIZEN_DOSSIERS_CSS,
    { config: { access: 'public' }, schema: { hide: true } },
    async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
  registerIntakePages(app, ctx);
  registerMyDossierPages(app, ctx);
}
