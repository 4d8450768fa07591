import { platformMessages as m, translator } from './i18n.js';
import { ErrorSummary, Layout, type PageContext } from './layout.js';

export function NotFoundPage(props: { ctx: PageContext }) {
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t(m.notFoundTitle)}>
      <h1 safe>{t(m.notFoundTitle)}</h1>
      <p safe>{t(m.notFoundBody)}</p>
      <p>
        <a href="/" safe>
          {t(m.backHome)}
        </a>
      </p>
    </Layout>
  );
}

export function ErrorPage(props: {
  ctx: PageContext;
  status: number;
  message?: string;
  fields?: { field: string; text: string }[];
  requestId: string;
}) {
  const t = translator(props.ctx.lang);
  const title = props.status >= 500 ? t(m.errorTitle) : t(m.requestFailedTitle);
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={props.ctx.lang} items={props.fields ?? []} />
      <p safe>{props.status >= 500 ? t(m.errorBody) : (props.message ?? '')}</p>
      <p class="muted">
        <span safe>{`${t(m.requestId)}: `}</span>
        <code safe>{props.requestId}</code>
      </p>
      <p>
        <a href="/" safe>
          {t(m.backHome)}
        </a>
      </p>
    </Layout>
  );
}
