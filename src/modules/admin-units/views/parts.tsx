/** Small pieces shared by the unit pages. */

/** Where the public pages live (Vietnamese paths: "đơn vị hành chính"). */
export const PAGES_PATH = '/don-vi-hanh-chinh';
/** The pages' own stylesheet (form fields, lists, merge badges), served by this module. */
export const STYLESHEET_PATH = `${PAGES_PATH}/admin-units.css`;

/** The link to a unit's page on a date. */
export function unitHref(code: string, date: string): string {
  return `${PAGES_PATH}/${encodeURIComponent(code)}?${new URLSearchParams({ ngay: date })}`;
}

/** A search page address with the given parameters (empty ones left out). */
export function searchHref(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${PAGES_PATH}?${text}` : PAGES_PATH;
}

/**
 * The stylesheet link. The shared layout has no slot in <head>, and a stylesheet link is allowed in
 * the body (HTML "body-ok"), so it opens the page content.
 */
export function StyleSheet() {
  return <link rel="stylesheet" href={STYLESHEET_PATH} />;
}

/** The message next to a field in error (empty when there is none). */
export function FieldError(props: { id: string; text: string | undefined }) {
  if (!props.text) return '';
  return (
    <span class="field-error" id={props.id} safe>
      {props.text}
    </span>
  );
}
