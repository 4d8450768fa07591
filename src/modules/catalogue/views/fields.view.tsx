/**
 * /thu-tuc/linh-vuc: every field with its number of procedures; and /thu-tuc/linh-vuc/{slug}/ma-qr:
 * one field's sheet to print and post at the one-stop desk, a large QR code to its procedures and
 * their list with codes.
 */
import { translator } from '../../../platform/html/i18n.js';
import { Layout, type PageContext } from '../../../platform/html/layout.js';
import { fill, m } from './messages.js';
import { fieldQrHref, procedureHref, StyleSheet, searchHref } from './parts.js';
import { PrintLayout } from './print-layout.view.js';
import { fieldSlug, formatNumber, readableUrl } from './public-format.js';

export function FieldsPage(props: { ctx: PageContext; fields: { name: string; count: number }[] }) {
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t(m.fieldsTitle)}>
      <StyleSheet />
      <nav class="breadcrumbs" aria-label={t(m.breadcrumbs)}>
        <ol>
          <li>
            <a href={searchHref({})} safe>
              {t(m.searchTitle)}
            </a>
          </li>
        </ol>
      </nav>
      <h1 safe>{t(m.fieldsTitle)}</h1>
      <p class="lead" safe>
        {t(m.fieldsLead)}
      </p>
      <ul class="field-list">
        {props.fields.map((f) => (
          <li>
            <a class="field-list__name" href={searchHref({ field: f.name })} lang="vi" safe>
              {f.name}
            </a>
            <span class="muted" safe>
              {fill(t(m.procedureCount), { count: formatNumber(f.count, props.ctx.lang) })}
            </span>
            <a
              class="field-list__qr"
              href={fieldQrHref(fieldSlug(f.name))}
              aria-label={fill(t(m.qrLinkFor), { name: f.name })}
              safe
            >
              {t(m.qrLink)}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface FieldQrProps {
  ctx: PageContext;
  field: string;
  /** The absolute address the QR code opens. */
  url: string;
  /** SVG markup from the qrcode library (views/qr.ts). */
  qrSvg: string;
  procedures: { code: string; name: string }[];
  today: string;
}

export function FieldQrPage(props: FieldQrProps) {
  const t = translator(props.ctx.lang);
  const title = fill(t(m.qrTitle), { name: props.field });
  // Markup made by the qrcode library from our own absolute URL: trusted (see views/qr.ts).
  const safeQr = props.qrSvg;
  return (
    <PrintLayout ctx={props.ctx} title={title} back={searchHref({ field: props.field })} today={props.today}>
      <h1 class="qr-sheet__title" safe>
        {title}
      </h1>
      <figure class="qr-sheet__code">
        {safeQr}
        <figcaption>
          <span safe>{t(m.qrScan)}</span>
          <br />
          <span class="print-qr__url" safe>
            {readableUrl(props.url)}
          </span>
        </figcaption>
      </figure>
      <ol class="qr-sheet__list">
        {props.procedures.map((p) => (
          <li>
            <span class="qr-sheet__code-text" safe>
              {p.code}
            </span>{' '}
            <a href={procedureHref(p.code)} lang="vi" safe>
              {p.name}
            </a>
          </li>
        ))}
      </ol>
    </PrintLayout>
  );
}
