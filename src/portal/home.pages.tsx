import { defineMessages, translator } from '../platform/html/i18n.js';
import { Layout } from '../platform/html/layout.js';
import type { App } from '../platform/http/app-type.js';
import { pageContext } from '../platform/http/lang.js';

const m = defineMessages({
  title: { vi: 'Thủ tục hành chính một cửa', en: 'One-stop administrative procedures' },
  lead: {
    vi: 'Đây là hệ thống một cửa điện tử của tỉnh và các xã, phường. Người dân và doanh nghiệp tìm thủ tục, nộp hồ sơ trực tuyến hoặc tại Bộ phận Một cửa, nộp phí, theo dõi tiến độ và nhận kết quả điện tử có chữ ký số.',
    en: 'This is the one-stop e-government system of the province and its communes. Citizens and businesses find a procedure, submit a dossier online or at the one-stop desk, pay fees, follow its progress and receive a digitally signed electronic result.',
  },
  catalogueLink: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  trackingLink: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
  citizensTitle: { vi: 'Người dân, doanh nghiệp', en: 'Citizens and businesses' },
  citizensBody: {
    vi: 'Đăng nhập bằng VNeID, nộp hồ sơ từ điện thoại, dùng lại giấy tờ đã số hóa, nhận kết quả tại nhà hoặc qua bưu điện, đánh giá mức độ hài lòng.',
    en: 'Log in with VNeID, submit from a phone, reuse documents already digitized, receive the result at home or by post, and rate the service.',
  },
  officersTitle: { vi: 'Cán bộ một cửa, chuyên viên', en: 'One-stop and specialist officers' },
  officersBody: {
    vi: 'Tiếp nhận và số hóa hồ sơ, xử lý theo quy trình nội bộ, chuyển liên thông, yêu cầu bổ sung, được nhắc trước khi quá hạn.',
    en: 'Receive and digitize dossiers, work them through the internal workflow, hand them between agencies, ask for supplements, and be reminded before anything is late.',
  },
  leadersTitle: { vi: 'Lãnh đạo', en: 'Leaders' },
  leadersBody: {
    vi: 'Ký số kết quả, theo dõi trực tuyến tỷ lệ đúng hạn, tỷ lệ trực tuyến, số hóa, thanh toán và Bộ chỉ số theo Quyết định 766 theo từng cơ quan, xã, phường.',
    en: 'Sign results digitally and watch on-time, online, digitization and payment rates and the Decision 766 index, live, per agency and commune.',
  },
});

export function registerHomePage(app: App) {
  app.get('/', { config: { access: 'public' } }, (req, reply) => {
    const ctx = pageContext(req);
    const t = translator(ctx.lang);
    const cards = [
      [m.citizensTitle, m.citizensBody],
      [m.officersTitle, m.officersBody],
      [m.leadersTitle, m.leadersBody],
    ] as const;
    return reply.html(
      <Layout ctx={ctx} title={t(m.title)}>
        <h1 safe>{t(m.title)}</h1>
        <p class="lead" safe>
          {t(m.lead)}
        </p>
        <p>
          <a class="button" href="/thu-tuc" safe>
            {t(m.catalogueLink)}
          </a>{' '}
          <a class="button button--secondary" href="/tra-cuu" safe>
            {t(m.trackingLink)}
          </a>
        </p>
        <ul class="cards">
          {cards.map(([title, body]) => (
            <li class="card">
              <h2 safe>{t(title)}</h2>
              <p safe>{t(body)}</p>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
}
