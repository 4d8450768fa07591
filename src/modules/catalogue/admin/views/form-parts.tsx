/** Pieces of the catalogue's administration forms: row fieldsets, checkboxes, row buttons, page frame. */
import type { PropsWithChildren } from '@kitajs/html';
import { translator } from '../../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../../platform/html/layout.js';
import { ADMIN_CSS_PATH, type FormError, Notice } from '../../../admin-units/index.js';
import { cm } from './catalogue-admin.messages.js';

export const ADMIN_PROCEDURES_PATH = '/quan-tri/thu-tuc';
export const CATALOGUE_ADMIN_CSS_PATH = '/quan-tri/danh-muc.css';
export const adminProcedureHref = (code: string) => `${ADMIN_PROCEDURES_PATH}/${encodeURIComponent(code)}`;
export const draftHref = (code: string, part = '') =>
  `${adminProcedureHref(code)}/ban-nhap${part ? `/${part}` : ''}`;
/** A draft route's path pattern (the code left as the `:code` parameter). */
export const draftRoute = (part = '') => `${ADMIN_PROCEDURES_PATH}/:code/ban-nhap${part ? `/${part}` : ''}`;

export const SECTION_PATHS = {
  general: 'thong-tin-chung',
  components: 'thanh-phan',
  fees: 'phi',
  reductions: 'giam-phi',
} as const;

export function AdminPage(
  props: PropsWithChildren<{
    ctx: PageContext;
    title: string;
    back?: { href: string; text: string } | undefined;
    errors?: readonly FormError[] | undefined;
    notice?: string | undefined;
    warnings?: readonly string[] | undefined;
  }>,
) {
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      <link rel="stylesheet" href={CATALOGUE_ADMIN_CSS_PATH} />
      {props.back ? (
        <p>
          <a href={props.back.href} safe>
            {props.back.text}
          </a>
        </p>
      ) : (
        ''
      )}
      <h1 safe>{props.title}</h1>
      <ErrorSummary lang={props.ctx.lang} items={[...(props.errors ?? [])]} />
      <Notice text={props.notice} />
      {(props.warnings ?? []).map((w) => (
        <div class="dm-warning" role="status">
          <strong safe>{`${t(cm.warning)}: `}</strong>
          <span safe>{w}</span>
        </div>
      ))}
      {props.children}
    </Layout>
  );
}

/** A post form with its CSRF token and the draft's row version (concurrent edits are refused). */
export function DraftForm(
  props: PropsWithChildren<{
    action: string;
    csrf: string;
    rowVersion: number;
    id?: string;
    saveText?: string;
  }>,
) {
  return (
    <form method="post" action={props.action} novalidate id={props.id}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="rowVersion" value={String(props.rowVersion)} />
      {props.saveText ? (
        // Enter in a field submits the first button of the form: let that be "save", not "remove row 1".
        <button type="submit" name="action" value="save" class="dm-sr" tabindex="-1" safe>
          {props.saveText}
        </button>
      ) : (
        ''
      )}
      {props.children}
    </form>
  );
}

export const errorOf = (errors: readonly FormError[], name: string) =>
  errors.find((e) => e.field === name)?.text;

export function Checkbox(props: {
  name: string;
  label: string;
  checked: boolean;
  errors: readonly FormError[];
}) {
  const error = errorOf(props.errors, props.name);
  return (
    <div class="qt-field dm-check">
      {error ? (
        <span class="qt-error" id={`${props.name}-error`} safe>
          {error}
        </span>
      ) : (
        ''
      )}
      <label for={props.name}>
        <input type="checkbox" id={props.name} name={props.name} value="on" checked={props.checked} />{' '}
        <span safe>{props.label}</span>
      </label>
    </div>
  );
}

/** A group of rows: a fieldset per row with its remove (and move) buttons, the hidden row count. */
export function Rows(props: {
  lang: PageContext['lang'];
  group: string;
  count: number;
  legend: (i: number) => string;
  row: (i: number) => JSX.Element;
  move?: boolean;
  addText?: string;
  fixed?: boolean;
}) {
  const t = translator(props.lang);
  return (
    <>
      <input type="hidden" name={`${props.group}-count`} value={String(props.count)} />
      {Array.from({ length: props.count }, (_, i) => (
        <fieldset class="dm-row">
          <legend safe>{props.legend(i)}</legend>
          {props.row(i)}
          {props.fixed ? (
            ''
          ) : (
            <div class="dm-row-actions">
              {props.move ? (
                <>
                  <button
                    type="submit"
                    name="action"
                    value={`up-${props.group}-${i}`}
                    class="dm-small"
                    disabled={i === 0}
                  >
                    <span safe>{t(cm.up)}</span>
                    <span class="dm-sr" safe>{` ${props.legend(i)}`}</span>
                  </button>
                  <button
                    type="submit"
                    name="action"
                    value={`down-${props.group}-${i}`}
                    class="dm-small"
                    disabled={i === props.count - 1}
                  >
                    <span safe>{t(cm.down)}</span>
                    <span class="dm-sr" safe>{` ${props.legend(i)}`}</span>
                  </button>
                </>
              ) : (
                ''
              )}
              <button type="submit" name="action" value={`remove-${props.group}-${i}`} class="dm-small">
                <span safe>{t(cm.remove)}</span>
                <span class="dm-sr" safe>{` ${props.legend(i)}`}</span>
              </button>
            </div>
          )}
        </fieldset>
      ))}
      {props.addText ? (
        <p>
          <button type="submit" name="action" value={`add-${props.group}`} class="dm-secondary" safe>
            {props.addText}
          </button>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export function SaveButton(props: { text: string }) {
  return (
    <p class="qt-actions">
      <button type="submit" name="action" value="save" class="qt-button" safe>
        {props.text}
      </button>
    </p>
  );
}
