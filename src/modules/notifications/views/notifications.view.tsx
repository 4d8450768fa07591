/** The in-app messages page (/thong-bao for citizens, /can-bo/thong-bao for officers). */
import { defineMessages, translator } from '../../../platform/html/i18n.js';
import { CsrfField, Layout, type PageContext } from '../../../platform/html/layout.js';

export const NOTIFICATIONS_CSS = '/thong-bao/tai-nguyen/thong-bao.css';

const m = defineMessages({
  title: { vi: 'Thông báo', en: 'Notifications' },
  unread: { vi: 'chưa đọc', en: 'unread' },
  none: { vi: 'Bạn chưa có thông báo nào.', en: 'You have no notifications.' },
  markAll: { vi: 'Đánh dấu đã đọc tất cả', en: 'Mark all as read' },
  open: { vi: 'Xem', en: 'Open' },
  latest: { vi: 'Hiển thị 50 thông báo gần nhất.', en: 'The 50 latest notifications are shown.' },
});

const DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export interface MessageRow {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
}

export function NotificationsPage(p: {
  ctx: PageContext;
  csrf: string;
  action: string;
  messages: MessageRow[];
  unread: number;
}) {
  const t = translator(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.title)}>
      <link rel="stylesheet" href={NOTIFICATIONS_CSS} />
      <h1 safe>{p.unread > 0 ? `${t(m.title)} (${p.unread} ${t(m.unread)})` : t(m.title)}</h1>
      {p.messages.length === 0 ? (
        <p safe>{t(m.none)}</p>
      ) : (
        <>
          <ul class="messages">
            {p.messages.map((x) => (
              <li class={x.read ? 'message' : 'message message--unread'}>
                <strong safe>{x.title}</strong>
                {x.read ? '' : <span class="badge" safe>{` ${t(m.unread)}`}</span>}
                <span class="when" safe>
                  {DATE.format(x.createdAt)}
                </span>
                <p safe>{x.body}</p>
                {x.link ? (
                  <a href={x.link} aria-label={`${t(m.open)}: ${x.title}`} safe>
                    {t(m.open)}
                  </a>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
          <p class="muted" safe>
            {t(m.latest)}
          </p>
        </>
      )}
      {p.unread > 0 ? (
        <form method="post" action={p.action}>
          <CsrfField token={p.csrf} />
          <button class="button button--secondary" type="submit" safe>
            {t(m.markAll)}
          </button>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}
