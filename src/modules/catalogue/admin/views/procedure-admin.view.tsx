/** Procedure list, a procedure's versions, a past version read-only, and the draft preview. */
import { translator } from '../../../../platform/html/i18n.js';
import { CsrfField, type PageContext, Pager } from '../../../../platform/html/layout.js';
import type { ProcedureContent } from '../../content.js';
import { ONLINE_LABELS } from '../../views/messages.js';
import { StyleSheet } from '../../views/parts.js';
import { ProcedureSections } from '../../views/procedure-sections.view.js';
import type { ProcedureListItem } from '../drafts.repository.js';
import { cm } from './catalogue-admin.messages.js';
import { ADMIN_PROCEDURES_PATH, AdminPage, adminProcedureHref, draftHref } from './form-parts.js';

export const instantText = (d: Date) =>
  `${new Date(d.getTime() + 7 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16)}`;

export function ProcedureListPage(props: {
  ctx: PageContext;
  q: string;
  items: readonly ProcedureListItem[];
  next: string | null;
  after: string | null;
}) {
  const t = translator(props.ctx.lang);
  const href = (after: string | null) =>
    `${ADMIN_PROCEDURES_PATH}?q=${encodeURIComponent(props.q)}${after ? `&sau=${encodeURIComponent(after)}` : ''}`;
  return (
    <AdminPage ctx={props.ctx} title={t(cm.listTitle)}>
      <form method="get" action={ADMIN_PROCEDURES_PATH} class="qt-inline">
        <div class="qt-field">
          <label for="q" safe>
            {t(cm.search)}
          </label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
        <button type="submit" class="qt-button" safe>
          {t(cm.searchButton)}
        </button>
      </form>
      {props.items.length === 0 ? (
        <p safe>{t(cm.none)}</p>
      ) : (
        <div class="qt-table-wrap">
          <table class="qt-table dm-table">
            <caption class="dm-sr" safe>
              {t(cm.listTitle)}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(cm.code)}
                </th>
                <th scope="col" safe>
                  {t(cm.name)}
                </th>
                <th scope="col" safe>
                  {t(cm.version)}
                </th>
                <th scope="col" safe>
                  {t(cm.draft)}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((p) => (
                <tr>
                  <td>
                    <a href={adminProcedureHref(p.code)} safe>
                      {p.code}
                    </a>
                  </td>
                  <td lang="vi" safe>
                    {p.name}
                  </td>
                  <td safe>{String(p.versionNumber)}</td>
                  <td>
                    {p.hasDraft ? (
                      <span class="dm-badge" safe>
                        {t(cm.hasDraft)}
                      </span>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t(cm.pager)}
        firstText={t(cm.firstPage)}
        nextText={t(cm.nextPage)}
        firstHref={props.after ? href(null) : null}
        nextHref={props.next ? href(props.next) : null}
      />
    </AdminPage>
  );
}

export interface VersionLine {
  versionNumber: number;
  effectiveFrom: Date;
  publishedAt: Date;
  publishedBy: string;
}

export function ProcedureAdminPage(props: {
  ctx: PageContext;
  csrf: string;
  code: string;
  current: (VersionLine & { content: ProcedureContent }) | null;
  versions: readonly VersionLine[];
  hasDraft: boolean;
  notice?: string | undefined;
}) {
  const t = translator(props.ctx.lang);
  const c = props.current?.content;
  return (
    <AdminPage
      ctx={props.ctx}
      title={`${t(cm.listTitle)} — ${props.code}`}
      back={{ href: ADMIN_PROCEDURES_PATH, text: t(cm.back) }}
      notice={props.notice}
    >
      <h2 safe>{t(cm.current)}</h2>
      {c && props.current ? (
        <dl>
          <dt safe>{t(cm.name)}</dt>
          <dd lang="vi" safe>
            {c.name}
          </dd>
          <dt safe>{t(cm.version)}</dt>
          <dd
            safe
          >{`${props.current.versionNumber} (${t(cm.effectiveFrom)} ${instantText(props.current.effectiveFrom)})`}</dd>
          <dt safe>{t(cm.onlineLevel)}</dt>
          <dd safe>{t(ONLINE_LABELS[c.onlineLevel])}</dd>
        </dl>
      ) : (
        <p safe>{t(cm.noneInForce)}</p>
      )}
      {props.hasDraft ? (
        <p class="qt-actions">
          <a class="qt-button" href={draftHref(props.code)} safe>
            {t(cm.continueDraft)}
          </a>
        </p>
      ) : (
        <form method="post" action={draftHref(props.code)} class="qt-actions">
          <CsrfField token={props.csrf} />
          <button type="submit" class="qt-button" safe>
            {t(cm.startDraft)}
          </button>
        </form>
      )}
      <h2 safe>{t(cm.history)}</h2>
      <div class="qt-table-wrap">
        <table class="qt-table dm-table">
          <caption class="dm-sr" safe>
            {t(cm.history)}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t(cm.version)}
              </th>
              <th scope="col" safe>
                {t(cm.effectiveFrom)}
              </th>
              <th scope="col" safe>
                {t(cm.publishedAt)}
              </th>
              <th scope="col" safe>
                {t(cm.publishedBy)}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...props.versions].reverse().map((v) => (
              <tr data-testid="version-row">
                <td>
                  <a href={`${adminProcedureHref(props.code)}/phien-ban/${v.versionNumber}`} safe>
                    {`${t(cm.version)} ${v.versionNumber}`}
                  </a>
                </td>
                <td safe>{instantText(v.effectiveFrom)}</td>
                <td safe>{instantText(v.publishedAt)}</td>
                <td safe>{v.publishedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminPage>
  );
}

/** A procedure's content as a citizen reads it, under an administration heading (a past version, a draft). */
export function ContentPage(props: {
  ctx: PageContext;
  title: string;
  note: string;
  back: { href: string; text: string };
  content: ProcedureContent;
  today: string;
}) {
  return (
    <AdminPage ctx={props.ctx} title={props.title} back={props.back}>
      <StyleSheet />
      <p class="dm-warning" role="note" safe>
        {props.note}
      </p>
      <h2 lang="vi" safe>
        {props.content.name}
      </h2>
      <ProcedureSections ctx={props.ctx} content={props.content} today={props.today} />
    </AdminPage>
  );
}
