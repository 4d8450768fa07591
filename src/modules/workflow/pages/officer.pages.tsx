/**
 * The officers' processing pages under /can-bo/ho-so — the work list with its search box, the dossier
 * page and its action forms (post, then redirect back with a banner) — and, registered from here so
 * the module adds one line, the inbox and search API. For the processing roles only.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { AppContext } from '../../../platform/module.js';
import { isDossierCode, NO_ERRORS } from '../../dossiers/index.js';
import { officerLinks } from '../../identity/index.js';
import { registerInboxApi } from '../inbox.api.js';
import type { InboxView } from '../inbox.repository.js';
import { OfficerInboxView as InboxPage } from './inbox.view.js';

import { m } from './officer.messages.js';
import { registerDossierActionPages } from './officer-actions.pages.js';
import { field, fieldErrors, INBOX_PATH, OFFICER_CSS_PATH, officerDossierHref } from './officer-parts.js';
import {
  DUE_SOON_MS,
  type InboxQueryText,
  inboxCounts,
  loadInbox,
  officerScope,
  PROCESSING_ROLES,
  PROCESSORS,
  readInboxQuery,
  searchForOfficer,
} from './officer-work.service.js';

/** Pages of the results module the inbox links to (a later module: by path only). */
const SIGNING_PATH = '/can-bo/ky-so';
const REGISTER_PATH = '/can-bo/so-van-ban';

const CSS = readFileSync(new URL('./officer.css', import.meta.url), 'utf8');
const KEYS: (keyof InboxQueryText)[] = [
  'view',
  'cursor',
  'procedure',
  'field',
  'status',
  'channel',
  'from',
  'to',
];

async function inboxPage(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const query = Object.fromEntries(KEYS.map((k) => [k, field(req.query, k)])) as unknown as InboxQueryText;
  const q = field(req.query, 'q').trim();
  const scope = await officerScope(ctx.db, req.principal as Principal);
  const now = ctx.clock.now();
  const hrefOf = (over: Partial<InboxQueryText>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...over })) if (v) params.set(k, v);
    const s = params.toString();
    return s ? `${INBOX_PATH}?${s}` : INBOX_PATH;
  };
  const roles = new Set((req.principal as Principal).kind === 'officer' ? scope.roles : []);
  const roleLinks = [
    ...(roles.has('agency_leader') ? [{ href: SIGNING_PATH, text: m.signingLink[req.lang] }] : []),
    ...(roles.has('clerk') ? [{ href: REGISTER_PATH, text: m.registerLink[req.lang] }] : []),
  ];
  const base = {
    ctx: pageContext(req),
    q,
    query,
    hrefOf,
    now,
    soon: new Date(now.getTime() + DUE_SOON_MS),
    roleLinks,
  };
  let parsed: ReturnType<typeof readInboxQuery>;
  try {
    parsed = readInboxQuery(query);
  } catch (err) {
    if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
    return reply
      .status(400)
      .html(
        <InboxPage
          {...base}
          view={(query.view || 'mine') as InboxView}
          page={null}
          counts={null}
          search={null}
          errors={fieldErrors(err, req.lang)}
        />,
      );
  }
  const counts = await inboxCounts(ctx, scope, parsed.narrow);
  if (q) {
    const rows = await searchForOfficer(ctx, scope, q);
    // A scanned or typed code that finds its dossier opens it at once.
    if (rows?.length === 1 && isDossierCode(q.toUpperCase()))
      return reply.redirect(officerDossierHref(rows[0]!.code), 303);
    return reply
      .header('cache-control', 'private, no-store')
      .html(
        <InboxPage
          {...base}
          view={parsed.view}
          page={null}
          counts={counts}
          search={{ rows }}
          errors={NO_ERRORS}
        />,
      );
  }
  const page = await loadInbox(ctx, scope, parsed);
  return reply
    .header('cache-control', 'private, no-store')
    .html(
      <InboxPage {...base} view={parsed.view} page={page} counts={counts} search={null} errors={NO_ERRORS} />,
    );
}

/** The API, the pages and the officers' menu link of processing. */
export function registerOfficerWork(app: App, ctx: AppContext) {
  registerInboxApi(app, ctx);
  if (!officerLinks.some((l) => l.href === INBOX_PATH))
    officerLinks.push({ href: INBOX_PATH, label: m.linkLabel, roles: PROCESSING_ROLES });
  app.get(OFFICER_CSS_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
  app.get(INBOX_PATH, { config: { access: PROCESSORS } }, (req, reply) => inboxPage(ctx, req, reply));
  registerDossierActionPages(app, ctx);
}
