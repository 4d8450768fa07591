/**
 * The one-stop desk (bộ phận một cửa) under /mot-cua: the work list and the counter form. The
 * dossier page and its actions are in desk-dossier.pages.tsx. Officers with the one_stop role only.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../../../../platform/errors.js';
import type { App } from '../../../../platform/http/app-type.js';
import { pageContext } from '../../../../platform/http/lang.js';
import type { AppContext } from '../../../../platform/module.js';
import { searchProcedures } from '../../../catalogue/index.js';
import { officerLinks } from '../../../identity/index.js';
import { submitDossier } from '../../submission.service.js';
import { communesOffered } from '../citizen/intake-choices.js';
import { m } from './desk.messages.js';
import { registerDeskDossierPages } from './desk-dossier.pages.js';
import { DESK, field, formErrors, isFormError, principalOf } from './desk-http.js';
import { FORM_FIELDS, type IntakeForm, intakeInput, prefillFromAccount } from './desk-intake.js';
import { DeskIntakeView, type IntakeLookups } from './desk-intake.view.js';
import { type DeskQuery, listDesk, readSearch } from './desk-list.service.js';
import { DeskListView } from './desk-list.view.js';
import { DESK_CSS_PATH, DESK_PATH, dossierHref, INTAKE_PATH, NO_ERRORS } from './desk-parts.js';

const CSS = readFileSync(new URL('./desk.css', import.meta.url), 'utf8');
function registerList(app: App, ctx: AppContext) {
  app.get(DESK_PATH, { config: { access: DESK } }, async (req, reply) => {
    const query: DeskQuery = {
      q: field(req.query, 'q'),
      status: field(req.query, 'status'),
      channel: field(req.query, 'channel'),
      procedureCode: field(req.query, 'procedureCode'),
      after: field(req.query, 'sau'),
    };
    const page = await listDesk(ctx.db, principalOf(req), query);
    const search = readSearch(query.q);
    // A scanned or typed code that finds its dossier opens it at once.
    if (search && 'code' in search && page.rows.length === 1 && !query.after)
      return reply.redirect(dossierHref(page.rows[0]!.code), 303);
    const href = (sau?: string) => {
      const params = new URLSearchParams({
        q: query.q,
        status: query.status,
        channel: query.channel,
        procedureCode: query.procedureCode,
      });
      if (sau) params.set('sau', sau);
      return `${DESK_PATH}?${params}`;
    };
    return reply.html(
      <DeskListView
        ctx={pageContext(req)}
        query={query}
        page={page}
        nextHref={page.next ? href(page.next) : null}
        firstHref={query.after ? href() : null}
      />,
    );
  });
}

async function lookups(ctx: AppContext, req: FastifyRequest, form: IntakeForm): Promise<IntakeLookups> {
  const find = field(req.query, 'tim').trim();
  const lookup = field(req.query, 'cccd').trim();
  const hits = find ? (await searchProcedures(ctx.db, { q: find, limit: 10 }, ctx.clock.now())).hits : null;
  let found: boolean | null = null;
  if (lookup) {
    const prefill = await prefillFromAccount(ctx.db, lookup);
    found = prefill !== undefined;
    Object.assign(form, prefill ?? { 'applicant.idNumber': lookup });
  }
  return { find, hits, lookup, found };
}

function registerIntake(app: App, ctx: AppContext) {
  const render = async (req: FastifyRequest, reply: FastifyReply, form: IntakeForm, err?: AppError) => {
    const [found, communes] = await Promise.all([
      err ? { find: '', hits: null, lookup: '', found: null } : lookups(ctx, req, form),
      communesOffered(ctx.db, ctx.clock.now()),
    ]);
    return reply
      .status(err ? err.status : 200)
      .html(
        <DeskIntakeView
          ctx={pageContext(req)}
          csrf={reply.generateCsrf()}
          form={form}
          errors={
            err
              ? formErrors(err, req.lang, err.code.startsWith('catalogue.') ? 'procedureCode' : '')
              : NO_ERRORS
          }
          lookups={found}
          communes={communes}
        />,
      );
  };
  app.get(INTAKE_PATH, { config: { access: DESK } }, async (req, reply) =>
    render(req, reply, { key: randomUUID(), procedureCode: field(req.query, 'thu-tuc').trim() }),
  );
  app.post(INTAKE_PATH, { config: { access: DESK } }, async (req, reply) => {
    const form = Object.fromEntries(FORM_FIELDS.map((n) => [n, field(req.body, n)])) as IntakeForm;
    if (!/^[\x21-\x7e]{8,200}$/.test(form.key ?? '')) form.key = randomUUID();
    try {
      const out = await submitDossier(ctx, principalOf(req), intakeInput(form), `desk:${form.key}`);
      return reply.redirect(`${dossierHref(out.dossier.code)}?xong=created`, 303);
    } catch (err) {
      if (isFormError(err) && err.kind !== 'forbidden') return render(req, reply, form, err);
      throw err;
    }
  });
}

export function registerDeskPages(app: App, ctx: AppContext) {
  if (!officerLinks.some((l) => l.href === DESK_PATH))
    officerLinks.push({ href: DESK_PATH, label: m.linkLabel, roles: ['one_stop'] });
  app.get(DESK_CSS_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
  registerList(app, ctx);
  registerIntake(app, ctx);
  registerDeskDossierPages(app, ctx);
}
