/**
 * The dossier at the desk (/mot-cua/ho-so/:code) and its actions: receive (Mẫu 01), ask for
 * completion (Mẫu 02), refuse (Mẫu 03), take cash, confirm a withdrawal, scan files in. Each form
 * posts, then redirects back (303) with a banner and the slip to print. A form read from an older
 * state of the dossier (row version) is not applied: the fresh state is shown with a clear message.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../../platform/audit/record.js';
import type { AppError } from '../../../../platform/errors.js';
import type { App } from '../../../../platform/http/app-type.js';
import { pageContext } from '../../../../platform/http/lang.js';
import type { AppContext } from '../../../../platform/module.js';
import { withdrawDossier } from '../../citizen-actions.service.js';
import type { Dossier } from '../../dossier.js';
import { uploadParts } from '../../dossier-attachments.api.js';
import { removeAttachment } from '../../dossier-attachments.service.js';
import { dossierNotFound, getDossierForCaller, isDeskOf } from '../../dossier-read.service.js';
import { transition } from '../../lifecycle.js';
import { receiveDossier, recordCashPayment, refuseDossier, requestCompletion } from '../../review.service.js';
import { m } from './desk.messages.js';
import { COMPLETION_ROWS, type DeskActionsProps, OTHER } from './desk-actions.view.js';
import { type Banner, DeskDossierView } from './desk-dossier.view.js';
import { DESK, field, formErrors, isFormError, principalOf } from './desk-http.js';
import { DESK_PATH, dossierHref, type FormErrors, NO_ERRORS, slipHref } from './desk-parts.js';

type Params = { Params: { code: string } };

const DONE = {
  created: { text: m.doneCreated },
  received: { text: m.doneReceived, slip: 'receipt' },
  completion: { text: m.doneCompletion, slip: 'completion-request' },
  refused: { text: m.doneRefused, slip: 'refusal' },
  paid: { text: m.donePaid, slip: 'receipt' },
  withdrawn: { text: m.doneWithdrawn },
  uploaded: { text: m.doneUploaded },
  removed: { text: m.doneRemoved },
} as const;
type Done = keyof typeof DONE;
const isDone = (v: string): v is Done => Object.hasOwn(DONE, v);

async function deskDossier(ctx: AppContext, req: FastifyRequest, code: string): Promise<Dossier> {
  const p = principalOf(req);
  const d = await getDossierForCaller(ctx.db, p, code);
  // Another desk's dossier answers as an unknown one: codes cannot be probed.
  if (!(await isDeskOf(ctx.db, p, d.receivingAgency.id))) throw dossierNotFound(code);
  return d;
}

const owed = (d: Dossier) =>
  d.feeLines.reduce((s, l) => s + l.amount, 0) - d.payments.reduce((s, p) => s + p.amount, 0);

function available(d: Dossier): DeskActionsProps['can'] {
  const ok = (a: Parameters<typeof transition>[1]) =>
    transition({ status: d.status, subState: d.subState }, a, 'officer').ok;
  return {
    receive: ok('receive'),
    completion: ok('request_completion'),
    refuse: ok('refuse'),
    payment: d.receivedAt !== null && ![3, 7, 8].includes(d.status) && owed(d) > 0,
    withdraw: ok('withdraw') && d.withdrawRequestedAt !== null,
  };
}

interface RenderOpts {
  banner?: Banner | null;
  errors?: FormErrors;
  form?: Record<string, string>;
  status?: number;
}

async function render(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  d: Dossier,
  o: RenderOpts = {},
) {
  const lang = req.lang;
  const done = field(req.query, 'xong');
  let banner = o.banner ?? null;
  if (banner === null && !o.errors && isDone(done)) {
    const entry = DONE[done];
    banner = {
      text: entry.text[lang],
      slip: 'slip' in entry ? { href: slipHref(d.code, entry.slip), label: m.printSlip[lang] } : undefined,
    };
  }
  const p = principalOf(req);
  await recordAudit(
    ctx.db,
    {
      actorKind: 'officer',
      actorId: p.id,
      actorLabel: p.kind === 'officer' ? p.username : p.name,
      agencyId: d.receivingAgency.id,
      action: 'dossier.viewed',
      objectType: 'dossier',
      objectId: d.id,
      details: { code: d.code, page: 'desk' },
      ip: req.ip,
    },
    ctx.clock.now(),
  );
  return reply
    .status(o.status ?? 200)
    .header('cache-control', 'private, no-store')
    .html(
      <DeskDossierView
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        d={d}
        banner={banner}
        errors={o.errors ?? NO_ERRORS}
        actions={{ form: o.form ?? {}, can: available(d), due: owed(d) }}
        canUpload={transition({ status: d.status, subState: d.subState }, 'add_attachment', 'officer').ok}
      />,
    );
}

const amountOf = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(/[.\s,đ]/g, '')));
const paymentOf = (body: unknown) => {
  const amount = field(body, 'payment.amount');
  const receiptNumber = field(body, 'payment.receiptNumber');
  return amount.trim() || receiptNumber.trim() ? { amount: amountOf(amount), receiptNumber } : null;
};

/** Completion rows with a document named (chosen or written), and the form index of each. */
function missingRows(body: unknown) {
  const rows: { name: string; reason: string; index: number }[] = [];
  for (let i = 0; i < COMPLETION_ROWS; i++) {
    const chosen = field(body, `missing.${i}.name`);
    const name = chosen === OTHER || chosen === '' ? field(body, `missing.${i}.other`) : chosen;
    const reason = field(body, `missing.${i}.reason`);
    if (name.trim() || reason.trim()) rows.push({ name, reason, index: i });
  }
  return rows;
}

type Action = {
  done: Done;
  run: (ctx: AppContext, req: FastifyRequest, d: Dossier) => Promise<unknown>;
  /** Error fields of the service renamed to the form's. */
  rename?: (field: string, req: FastifyRequest) => string;
};

const ACTIONS: Record<string, Action> = {
  'tiep-nhan': {
    done: 'received',
    run: (ctx, req, d) =>
      receiveDossier(ctx, principalOf(req), d.id, {
        exemption: field(req.body, 'exemption') || null,
        payment: paymentOf(req.body),
        note: field(req.body, 'note') || null,
      }),
  },
  'yeu-cau-bo-sung': {
    done: 'completion',
    run: (ctx, req, d) =>
      requestCompletion(ctx, principalOf(req), d.id, {
        missing: missingRows(req.body).map(({ name, reason }) => ({ name, reason })),
        reason: field(req.body, 'generalReason') || null,
      }),
    rename: (f, req) => {
      const hit = /^missing\.(\d+)\.(\w+)$/.exec(f);
      if (!hit) return f === 'missing' ? 'missing.0.name' : f;
      const row = missingRows(req.body)[Number(hit[1])];
      return `missing.${row?.index ?? 0}.${hit[2]}`;
    },
  },
  'tu-choi': {
    done: 'refused',
    run: (ctx, req, d) => refuseDossier(ctx, principalOf(req), d.id, { reason: field(req.body, 'reason') }),
  },
  'thu-tien': {
    done: 'paid',
    run: (ctx, req, d) =>
      recordCashPayment(
        ctx,
        principalOf(req),
        d.id,
        paymentOf(req.body) ?? { amount: Number.NaN, receiptNumber: '' },
      ),
  },
  rut: {
    done: 'withdrawn',
    run: (ctx, req, d) =>
      withdrawDossier(ctx, principalOf(req), d.id, { reason: field(req.body, 'withdrawReason') }),
    rename: (f) => (f === 'reason' ? 'withdrawReason' : f),
  },
};

const changed = (lang: 'vi' | 'en'): Banner => ({ text: m.changedMeanwhile[lang], warning: true });
const isChange = (err: AppError) =>
  err.code === 'dossier.changed' || err.code === 'dossier.action_not_allowed';

function postedForm(body: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries((body as Record<string, unknown>) ?? {}).filter(
      ([k, v]) => k !== '_csrf' && typeof v === 'string',
    ),
  ) as Record<string, string>;
}

function registerActions(app: App, ctx: AppContext) {
  for (const [path, action] of Object.entries(ACTIONS)) {
    app.post<Params>(`${DESK_PATH}/ho-so/:code/${path}`, { config: { access: DESK } }, async (req, reply) => {
      const d = await deskDossier(ctx, req, req.params.code);
      const version = field(req.body, 'rowVersion');
      if (version !== '' && version !== String(d.rowVersion))
        return render(ctx, req, reply, d, { banner: changed(req.lang), status: 409 });
      try {
        await action.run(ctx, req, d);
        return reply.redirect(`${dossierHref(d.code)}?xong=${action.done}`, 303);
      } catch (err) {
        if (!isFormError(err) || err.kind === 'forbidden') throw err;
        const fresh = await deskDossier(ctx, req, d.id);
        if (isChange(err)) return render(ctx, req, reply, fresh, { banner: changed(req.lang), status: 409 });
        const errors = formErrors(err, req.lang);
        errors.items = errors.items.map((i) => ({ ...i, field: action.rename?.(i.field, req) ?? i.field }));
        return render(ctx, req, reply, fresh, { errors, form: postedForm(req.body), status: err.status });
      }
    });
  }
}

function registerFiles(app: App, ctx: AppContext) {
  app.post<Params>(
    `${DESK_PATH}/ho-so/:code/tep`,
    {
      config: { access: DESK },
      // The body is a multipart stream read by the handler: the CSRF check takes its token from the query.
      preValidation: async (req) => {
        if (req.isMultipart()) req.body = { _csrf: field(req.query, '_csrf') };
      },
    },
    async (req, reply) => {
      const d = await deskDossier(ctx, req, req.params.code);
      let componentId = '';
      try {
        await uploadParts(ctx, req, principalOf(req), d.id, (name, value) => {
          if (name === 'componentId') componentId = value;
        });
        return reply.redirect(`${dossierHref(d.code)}?xong=uploaded#thanh-phan`, 303);
      } catch (err) {
        if (!isFormError(err) || err.kind === 'forbidden') throw err;
        const fresh = await deskDossier(ctx, req, d.id);
        const c = fresh.components.find((x) => x.id === componentId);
        const errors = {
          items: [{ field: c ? `file-${c.position}` : 'thanh-phan', text: err.text[req.lang] }],
        };
        return render(ctx, req, reply, fresh, { errors, status: err.status });
      }
    },
  );
  app.post<{ Params: { code: string; fileId: string } }>(
    `${DESK_PATH}/ho-so/:code/tep/:fileId/go`,
    { config: { access: DESK } },
    async (req, reply) => {
      const d = await deskDossier(ctx, req, req.params.code);
      try {
        await removeAttachment(ctx, principalOf(req), d.id, req.params.fileId);
        return reply.redirect(`${dossierHref(d.code)}?xong=removed#thanh-phan`, 303);
      } catch (err) {
        if (!isFormError(err) || err.kind === 'forbidden') throw err;
        const fresh = await deskDossier(ctx, req, d.id);
        return render(ctx, req, reply, fresh, {
          errors: formErrors(err, req.lang, 'thanh-phan'),
          status: err.status,
        });
      }
    },
  );
}

export function registerDeskDossierPages(app: App, ctx: AppContext) {
  app.get<Params>(`${DESK_PATH}/ho-so/:code`, { config: { access: DESK } }, async (req, reply) =>
    render(ctx, req, reply, await deskDossier(ctx, req, req.params.code)),
  );
  registerActions(app, ctx);
  registerFiles(app, ctx);
}
