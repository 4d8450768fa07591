import type { PropsWithChildren } from '@kitajs/html';
import { type Lang, platformMessages as m, translator } from './i18n.js';

export interface PageContext {
  lang: Lang;
  /** Path and query of the current page, to switch language in place. */
  url: string;
  /** Who is logged in: the header shows the name and a logout button (a form with its CSRF token). */
  user?: { name: string; kind: 'officer' | 'citizen'; logoutAction: string; csrf: string };
}

/** The same page in the other language: ?lang= is remembered in a cookie by the lang hook. */
export function switchLanguageHref(url: string, to: Lang): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', to);
  return `${u.pathname}${u.search}`;
}

export function Layout(props: PropsWithChildren<{ ctx: PageContext; title: string }>) {
  const t = translator(props.ctx.lang);
  const other: Lang = props.ctx.lang === 'vi' ? 'en' : 'vi';
  return (
    <>
      {'<!doctype html>'}
      <html lang={props.ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${props.title} · ${t(m.portalName)}`}</title>
          <link rel="stylesheet" href="/assets/app.css" />
        </head>
        <body>
          <a class="skip-link" href="#main" safe>
            {t(m.skipToContent)}
          </a>
          <header class="site-header">
            <div class="wrap site-header__inner">
              <a class="brand" href="/">
                <span class="brand__mark" aria-hidden="true">
                  MC
                </span>
                <span class="brand__name" safe>
                  {t(m.portalName)}
                </span>
              </a>
              <nav aria-label={t(m.mainNav)}>
                <a
                  href={switchLanguageHref(props.ctx.url, other)}
                  lang={other}
                  aria-label={t(m.switchLanguageLabel)}
                  safe
                >
                  {t(m.switchLanguage)}
                </a>
              </nav>
            </div>
            {props.ctx.user ? <UserBar lang={props.ctx.lang} user={props.ctx.user} /> : ''}
          </header>
          <main id="main" class="wrap" tabindex="-1">
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p safe>{t(m.footerLicence)}</p>
              <p>
                <a href="/api/docs" safe>
                  {t(m.apiDocs)}
                </a>
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

function UserBar(props: { lang: Lang; user: NonNullable<PageContext['user']> }) {
  const t = translator(props.lang);
  const home = props.user.kind === 'officer' ? '/can-bo' : '/tai-khoan';
  return (
    <div class="site-user">
      <div class="wrap site-user__inner">
        <span>
          <span class="site-user__label" safe>
            {`${t(m.loggedInAs)}: `}
          </span>
          <a class="site-user__name" href={home} safe>
            {props.user.name}
          </a>
        </span>
        <form method="post" action={props.user.logoutAction}>
          <CsrfField token={props.user.csrf} />
          <button class="site-user__logout" type="submit" safe>
            {t(m.logout)}
          </button>
        </form>
      </div>
    </div>
  );
}

/** An error summary at the top of a page; each item links to its field (GOV.UK pattern). */
export function ErrorSummary(props: { lang: Lang; items: { field?: string; text: string }[] }) {
  const t = translator(props.lang);
  if (props.items.length === 0) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1">
      <h2 safe>{t(m.errorSummary)}</h2>
      <ul>
        {props.items.map((item) =>
          item.field ? (
            <li>
              <a href={`#${item.field}`} safe>
                {item.text}
              </a>
            </li>
          ) : (
            <li safe>{item.text}</li>
          ),
        )}
      </ul>
    </div>
  );
}

/** Hidden CSRF token for every form that changes something (checked by the csrf hook). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/**
 * Keyset paging links under a list: back to the first page, and the next page. Nothing when the list
 * fits one page. Texts come from the page (a log says "newer / older", a register "first / next").
 */
export function Pager(props: {
  label: string;
  firstText: string;
  nextText: string;
  firstHref?: string | null | undefined;
  nextHref?: string | null | undefined;
}) {
  if (!props.firstHref && !props.nextHref) return '';
  return (
    <nav class="pager" aria-label={props.label}>
      {props.firstHref ? (
        <a href={props.firstHref} safe>
          {props.firstText}
        </a>
      ) : (
        ''
      )}
      {props.nextHref ? (
        <a href={props.nextHref} rel="next" safe>
          {props.nextText}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}

/**
 * A data table that scrolls inside the page on a narrow screen: a caption for screen readers, one
 * header cell per column, the rows given as children.
 */
export function DataTable(props: PropsWithChildren<{ caption: string; columns: string[]; class?: string }>) {
  return (
    <div class="table-scroll">
      <table class={props.class ?? 'data-table desk-table'}>
        <caption class="visually-hidden" safe>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" safe>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
