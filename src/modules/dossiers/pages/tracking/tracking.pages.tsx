/**
 * Public tracking pages (issue item 9), plain GET pages that work without JavaScript:
 * - `/tra-cuu`: the form; submitted (GET `?code=&check=`) it redirects to the dossier's address;
 * - `/tra-cuu/{code}?check=NNNN` or `?t=<token>` (the slip's QR code): status and timeline.
 * A wrong check number and an unknown code get the same 404 and the form again, so neither can be
 * told from the other; the global rate limit bounds guessing the 4 digits.
 */
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { AppError, type Bilingual } from '../../../../platform/errors.js';
import type { App } from '../../../../platform/http/app-type.js';
import { pageContext } from '../../../../platform/http/lang.js';
import type { AppContext } from '../../../../platform/module.js';
import { trackDossier } from '../../tracking.service.js';
import {
  m,
  TRACKING_PATH,
  TRACKING_STYLESHEET,
  type TrackingForm,
  TrackingFormPage,
  TrackingResultPage,
  trackingHref,
} from './tracking.view.js';

const STYLESHEET = readFileSync(new URL('./tracking.css', import.meta.url), 'utf8');

/** One query parameter (the first when repeated), trimmed and bounded. */
function param(req: FastifyRequest, name: string): string {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim().slice(0, 200) : '';
}

const normalCode = (code: string) => code.trim().toUpperCase().slice(0, 60);

function formErrors(form: TrackingForm) {
  const errors: { field: string; text: Bilingual }[] = [];
  if (!form.code) errors.push({ field: 'code', text: m.codeMissing });
  if (!/^\d{4}$/.test(form.check)) errors.push({ field: 'check', text: m.checkInvalid });
  return errors;
}

export function registerTrackingPages(app: App, ctx: Pick<AppContext, 'db' | 'serverSecret'>) {
  app.get(
    TRACKING_STYLESHEET,
    { config: { access: 'public' }, schema: { hide: true } },
    async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(STYLESHEET),
  );

  app.get(TRACKING_PATH, { config: { access: 'public' } }, async (req, reply) => {
    const page = pageContext(req);
    const form = { code: normalCode(param(req, 'code')), check: param(req, 'check') };
    if (!form.code && !form.check) return reply.html(<TrackingFormPage ctx={page} form={form} errors={[]} />);
    const errors = formErrors(form);
    if (errors.length > 0) {
      const items = errors.map((e) => ({ field: e.field, text: e.text[page.lang] }));
      return reply.status(400).html(<TrackingFormPage ctx={page} form={form} errors={items} />);
    }
    return reply.redirect(`${trackingHref(form.code)}?check=${encodeURIComponent(form.check)}`, 303);
  });

  app.get<{ Params: { code: string } }>(
    `${TRACKING_PATH}/:code`,
    { config: { access: 'public' } },
    async (req, reply) => {
      const page = pageContext(req);
      const code = normalCode(req.params.code);
      const token = param(req, 't');
      const form = { code, check: param(req, 'check') };
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (!token && !form.check) return reply.html(<TrackingFormPage ctx={page} form={form} errors={[]} />);
      try {
        const proof = token ? { token } : { check: form.check };
        const view = await trackDossier(ctx.db, ctx.serverSecret, code, proof);
        return reply.html(<TrackingResultPage ctx={page} view={view} />);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'dossier.tracking_not_found') throw err;
        // The same answer for an unknown code and a wrong check number; the digits are not echoed.
        const errors = [{ field: 'code', text: err.text[page.lang] }];
        return reply
          .status(404)
          .html(<TrackingFormPage ctx={page} form={{ code, check: '' }} errors={errors} />);
      }
    },
  );
}
