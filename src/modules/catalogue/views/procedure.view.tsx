/**
 * A procedure's public page (/thu-tuc/{code}) and its printable version (/thu-tuc/{code}/ban-in):
 * the version in force today, or on the day asked for with a notice saying so.
 */
import { translator } from '../../../platform/html/i18n.js';
import { Layout, type PageContext } from '../../../platform/html/layout.js';
import type { ProcedureVersion } from '../catalogue.service.js';
import { fill, LEVEL_LABELS, m } from './messages.js';
import { OnlineBadge, printHref, procedureHref, StyleSheet, searchHref } from './parts.js';
import { PrintLayout } from './print-layout.view.js';
import { ProcedureSections } from './procedure-sections.view.js';
import { formatDay, readableUrl, vietnamDay, webUrl } from './public-format.js';

export interface ProcedurePageProps {
  ctx: PageContext;
  version: ProcedureVersion;
  /** The day asked for with ?at=, or null for today's version. */
  at: string | null;
  /** Today in Vietnam (YYYY-MM-DD): which fee reductions are in force. */
  today: string;
}

function Facts(props: ProcedurePageProps) {
  const t = translator(props.ctx.lang);
  const { content, code } = props.version;
  return (
    <dl class="facts proc-facts">
      <dt safe>{t(m.code)}</dt>
      <dd safe>{code}</dd>
      {content.field ? (
        <>
          <dt safe>{t(m.field)}</dt>
          <dd>
            <a href={searchHref({ field: content.field })} lang="vi" safe>
              {content.field}
            </a>
          </dd>
        </>
      ) : (
        ''
      )}
      {content.levels.length > 0 ? (
        <>
          <dt safe>{t(m.levels)}</dt>
          <dd safe>{content.levels.map((l) => t(LEVEL_LABELS[l])).join(', ')}</dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t(m.online)}</dt>
      <dd>
        <OnlineBadge ctx={props.ctx} level={content.onlineLevel} />
      </dd>
    </dl>
  );
}

function versionLine(props: Pick<ProcedurePageProps, 'ctx' | 'version'>): string {
  const t = translator(props.ctx.lang);
  return fill(t(m.version), {
    n: props.version.versionNumber,
    date: formatDay(vietnamDay(props.version.effectiveFrom)),
  });
}

/**
 * Nộp hồ sơ trực tuyến: our own form (the dossiers module's /nop-ho-so/{code}) when the version is
 * offered online; the national portal's page of the procedure stays as a secondary link.
 */
function ApplyOnline(props: ProcedurePageProps) {
  const t = translator(props.ctx.lang);
  const { content, code } = props.version;
  const online = content.onlineLevel !== 'none' || content.channels.some((c) => c.kind === 'online');
  if (!online) return '';
  const url = webUrl(content.source.url);
  return (
    <div class="apply">
      <a class="button" href={`/nop-ho-so/${encodeURIComponent(code)}`} aria-describedby="apply-note" safe>
        {t(m.applyOnline)}
      </a>
      <p class="muted apply__note" id="apply-note" safe>
        {t(m.applyOnlineNote)}
      </p>
      {url ? (
        <p>
          <a href={url} safe>
            {t(m.applyOnNationalPortal)}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export function ProcedurePage(props: ProcedurePageProps) {
  const t = translator(props.ctx.lang);
  const { content, code } = props.version;
  return (
    <Layout ctx={props.ctx} title={content.name}>
      <StyleSheet />
      <nav class="breadcrumbs" aria-label={t(m.breadcrumbs)}>
        <ol>
          <li>
            <a href={searchHref({})} safe>
              {t(m.searchTitle)}
            </a>
          </li>
          {content.field ? (
            <li>
              <a href={searchHref({ field: content.field })} lang="vi" safe>
                {content.field}
              </a>
            </li>
          ) : (
            ''
          )}
        </ol>
      </nav>
      <h1 lang="vi" safe>
        {content.name}
      </h1>
      {props.at ? (
        <div class="notice notice--warning" role="note">
          <p safe>{fill(t(m.pastNotice), { date: formatDay(props.at) })}</p>
          <p>
            <a href={procedureHref(code)} safe>
              {t(m.seeCurrent)}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      <Facts {...props} />
      <p class="muted" safe>
        {versionLine(props)}
      </p>
      <ApplyOnline {...props} />
      <ProcedureSections ctx={props.ctx} content={content} today={props.today} />
      <p class="proc-print">
        <a
          class="button button--secondary"
          href={props.at ? `${printHref(code)}?at=${props.at}` : printHref(code)}
          safe
        >
          {t(m.print)}
        </a>
      </p>
    </Layout>
  );
}

export interface PrintPageProps extends ProcedurePageProps {
  /** The QR code (SVG markup from the qrcode library) linking to the procedure page. */
  qrSvg: string;
  pageUrl: string;
}

export function ProcedurePrintPage(props: PrintPageProps) {
  const t = translator(props.ctx.lang);
  const { content, code } = props.version;
  // Markup made by the qrcode library from our own absolute URL: trusted (see views/qr.ts).
  const safeQr = props.qrSvg;
  return (
    <PrintLayout
      ctx={props.ctx}
      title={fill(t(m.printTitle), { name: content.name })}
      back={procedureHref(code)}
      today={props.today}
    >
      <header class="print-head">
        <div class="print-head__text">
          <h1 lang="vi" safe>
            {content.name}
          </h1>
          <Facts {...props} />
          <p class="muted" safe>
            {versionLine(props)}
          </p>
          {props.at ? <p safe>{fill(t(m.pastNotice), { date: formatDay(props.at) })}</p> : ''}
        </div>
        <figure class="print-qr">
          {safeQr}
          <figcaption>
            <span safe>{t(m.scanToOpen)}</span>
            <br />
            <span class="print-qr__url" safe>
              {readableUrl(props.pageUrl)}
            </span>
          </figcaption>
        </figure>
      </header>
      <ProcedureSections ctx={props.ctx} content={content} today={props.today} printed />
      {content.decisionNumber ? (
        <p class="muted" safe>
          {fill(t(m.sourceNote), { decision: content.decisionNumber })}
        </p>
      ) : (
        ''
      )}
    </PrintLayout>
  );
}
