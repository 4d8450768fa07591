/**
 * The postal sandbox's demo page (demo mode only): `GET /postal-sandbox` lists the sandbox's orders,
 * and `POST /postal-sandbox/buu-gui/{ItemCode}/chuyen-trang-thai` moves one on at once (a form with
 * its CSRF token, post-redirect-get), for a demonstration that cannot wait a minute per step.
 */

import { translator } from '../../../../platform/html/i18n.js';
import { CsrfField, Layout, type PageContext } from '../../../../platform/html/layout.js';
import type { App } from '../../../../platform/http/app-type.js';
import { pageContext } from '../../../../platform/http/lang.js';
import type { AppContext } from '../../../../platform/module.js';
import { DeskStyleSheet } from '../../../dossiers/index.js';
import { type PostalSettings, SANDBOX_PATH } from '../postal-settings.js';
import { postalSandboxMessages as m } from './sandbox.messages.js';
import { findSandboxOrder, listSandboxOrders, type SandboxOrder } from './sandbox.repository.js';
import { advanceSandboxOrder } from './sandbox-progress.js';

const PUBLIC = { config: { access: 'public' as const }, schema: { hide: true } };
const advancePath = (itemCode: string) => `${SANDBOX_PATH}/buu-gui/${itemCode}/chuyen-trang-thai`;
const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/** Only the last digits of a phone number: the page is public. */
const maskTel = (tel: string | undefined) => (tel ? `***${tel.slice(-3)}` : '');

function OrderRow(p: { ctx: PageContext; o: SandboxOrder; csrf: string }) {
  const t = translator(p.ctx.lang);
  const o = p.o;
  const canAdvance = o.status === 'accepted' || o.status === 'in_transit';
  return (
    <tr>
      <td class="data-table__name">
        <code safe>{o.itemCode}</code>
      </td>
      <td data-label={t(m.orderNumber)} safe>
        {o.orderNumber}
      </td>
      <td data-label={t(m.receiver)} safe>{`${o.receiver.Name ?? ''} ${maskTel(o.receiver.Tel)}`}</td>
      <td data-label={t(m.cod)}>{o.codAmount ? o.codAmount.toLocaleString('vi-VN') : '0'}</td>
      <td data-label={t(m.status)} safe>
        {t(m[o.status])}
      </td>
      <td data-label={t(m.notified)} safe>
        {t(o.notifiedStatus === o.status ? m.notifiedYes : m.notifiedNo)}
      </td>
      <td>
        {canAdvance ? (
          <form method="post" action={advancePath(o.itemCode)}>
            <CsrfField token={p.csrf} />
            <button class="button button--small" type="submit" safe>
              {t(m.advance)}
            </button>
          </form>
        ) : (
          <span class="muted" safe>
            {t(m.final)}
          </span>
        )}
      </td>
    </tr>
  );
}

function SandboxPage(p: {
  ctx: PageContext;
  orders: SandboxOrder[];
  csrf: string;
  stepSeconds: number;
  flash?: string;
}) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.title)}>
      {/* The desk's stylesheet: its tables scroll inside the page on a phone (.table-scroll). */}
      <DeskStyleSheet />
      <h1 safe>{t(m.title)}</h1>
      <p class="notice" safe>
        {t(m.banner)}
      </p>
      <p class="lead" safe>
        {fill(t(m.lead), { seconds: String(p.stepSeconds) })}
      </p>
      {p.flash ? (
        <p role="status" safe>
          {p.flash}
        </p>
      ) : (
        ''
      )}
      {p.orders.length === 0 ? (
        <p safe>{t(m.empty)}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(m.itemCode)}
                </th>
                <th scope="col" safe>
                  {t(m.orderNumber)}
                </th>
                <th scope="col" safe>
                  {t(m.receiver)}
                </th>
                <th scope="col" safe>
                  {t(m.cod)}
                </th>
                <th scope="col" safe>
                  {t(m.status)}
                </th>
                <th scope="col" safe>
                  {t(m.notified)}
                </th>
                <th scope="col" safe>
                  {t(m.action)}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.orders.map((o) => (
                <OrderRow ctx={p.ctx} o={o} csrf={p.csrf} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function registerSandboxPages(app: App, ctx: AppContext, settings: PostalSettings) {
  app.get(SANDBOX_PATH, PUBLIC, async (req, reply) => {
    const pc = pageContext(req);
    const t = translator(pc.lang);
    const q = req.query as Record<string, unknown>;
    const item = typeof q.buu_gui === 'string' ? q.buu_gui.slice(0, 20) : '';
    let flash: string | undefined;
    if (item && q.ket_qua === 'ok') {
      const o = await findSandboxOrder(ctx.db, item);
      if (o) flash = fill(t(m.advanced), { item, status: t(m[o.status]) });
    } else if (item && q.ket_qua === 'khong') {
      flash = fill(t(m.notAdvanced), { item });
    }
    const orders = await listSandboxOrders(ctx.db, 100);
    return reply.html(
      <SandboxPage
        ctx={pc}
        orders={orders}
        csrf={reply.generateCsrf()}
        stepSeconds={settings.sandboxStepSeconds}
        flash={flash}
      />,
    );
  });

  app.post(`${SANDBOX_PATH}/buu-gui/:itemCode/chuyen-trang-thai`, PUBLIC, async (req, reply) => {
    const { itemCode } = req.params as { itemCode: string };
    const o = await findSandboxOrder(ctx.db, itemCode);
    const moved = o ? await advanceSandboxOrder(ctx, settings, o) : undefined;
    const query = new URLSearchParams({ buu_gui: itemCode, ket_qua: moved ? 'ok' : 'khong' });
    return reply.redirect(`${SANDBOX_PATH}?${query}`, 303);
  });
}
