/** Small pieces shared by the public catalogue pages: addresses, the stylesheet link, badges. */
import { translator } from '../../../platform/html/i18n.js';
import type { PageContext } from '../../../platform/html/layout.js';
import type { OnlineLevel } from '../content.js';
import { ONLINE_BADGES } from './messages.js';

/** Where the public pages live (Vietnamese paths: "thủ tục", "lĩnh vực", "bản in", "mã QR"). */
export const CATALOGUE_PATH = '/thu-tuc';
export const FIELDS_PATH = `${CATALOGUE_PATH}/linh-vuc`;
/** The pages' own stylesheet, served by this module (the layout links only app.css). */
export const STYLESHEET_PATH = `${CATALOGUE_PATH}/thu-tuc.css`;

export const procedureHref = (code: string) => `${CATALOGUE_PATH}/${encodeURIComponent(code)}`;
export const printHref = (code: string) => `${procedureHref(code)}/ban-in`;
export const fieldQrHref = (slug: string) => `${FIELDS_PATH}/${encodeURIComponent(slug)}/ma-qr`;

/** The search page with the given parameters (empty ones left out). */
export function searchHref(params: Record<string, string | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${CATALOGUE_PATH}?${text}` : CATALOGUE_PATH;
}

/** A stylesheet link in the body (HTML allows it: "body-ok"), as the unit pages do. */
export function StyleSheet() {
  return <link rel="stylesheet" href={STYLESHEET_PATH} />;
}

export function OnlineBadge(props: { ctx: PageContext; level: OnlineLevel }) {
  const t = translator(props.ctx.lang);
  return (
    <span class={`badge badge--${props.level.replace('_', '-')}`} safe>
      {t(ONLINE_BADGES[props.level])}
    </span>
  );
}
