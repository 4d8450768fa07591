/**
 * In-app messages: `/thong-bao` for citizens, `/can-bo/thong-bao` for officers. Reading the list
 * changes nothing; "Đánh dấu đã đọc tất cả" is a form (post-redirect-get).
 */
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import { countUnread, markAllRead, type Recipient, selectMessages } from './notifications.repository.js';
import { NOTIFICATIONS_CSS, NotificationsPage } from './views/notifications.view.js';

const CSS = readFileSync(new URL('./views/notifications.css', import.meta.url), 'utf8');
const LIMIT = 50;

const recipientOf = (req: FastifyRequest): Recipient => {
  const p = req.principal;
  if (p?.kind !== 'citizen' && p?.kind !== 'officer') throw new Error('notifications page without a person');
  return { kind: p.kind, id: p.id };
};

export function registerNotificationPages(app: App, ctx: AppContext) {
  app.get(NOTIFICATIONS_CSS, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
  const pages = [
    { path: '/thong-bao', access: { citizen: true as const } },
    { path: '/can-bo/thong-bao', access: { officer: 'any' as const } },
  ];
  for (const { path, access } of pages) {
    app.get(path, { config: { access } }, async (req, reply) => {
      const to = recipientOf(req);
      const [rows, unread] = await Promise.all([selectMessages(ctx.db, to, LIMIT), countUnread(ctx.db, to)]);
      return reply.html(
        <NotificationsPage
          ctx={pageContext(req)}
          csrf={reply.generateCsrf()}
          action={path}
          unread={unread}
          messages={rows.map((r) => ({
            id: r.id,
            title: r.title,
            body: r.body,
            link: r.link,
            createdAt: r.created_at,
            read: r.read_at !== null,
          }))}
        />,
      );
    });
    app.post(path, { config: { access } }, async (req, reply) => {
      await markAllRead(ctx.db, recipientOf(req), ctx.clock.now());
      return reply.redirect(path, 303);
    });
  }
}
