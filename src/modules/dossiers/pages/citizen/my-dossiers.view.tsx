/** `/ho-so-cua-toi` (my dossiers and drafts) and `/kho-du-lieu` (my data store). */
import { CsrfField, Layout, type PageContext, Pager } from '../../../../platform/html/layout.js';
import type { StoredDocument } from '../../data-store.service.js';
import { type DossierStatus, STATUS_NAMES, SUB_STATE_NAMES, type SubState } from '../../lifecycle.js';
import { m } from './messages.js';
import {
  DATA_STORE_PATH,
  dateOnly,
  dateTime,
  dossierPath,
  intakePath,
  MY_DOSSIERS_PATH,
  Style,
  t as tr,
} from './parts.js';

export interface MyDossierRow {
  code: string;
  procedureName: string;
  status: DossierStatus;
  subState: SubState;
  submittedAt: Date;
  dueAt: Date | null;
}

export interface DraftRow {
  id: string;
  procedureCode: string;
  procedureName: string;
  updatedAt: Date;
}

export function statusText(lang: PageContext['lang'], status: DossierStatus, sub: SubState) {
  return sub ? `${STATUS_NAMES[status][lang]} — ${SUB_STATE_NAMES[sub][lang]}` : STATUS_NAMES[status][lang];
}

export function MyDossiersPage(p: {
  ctx: PageContext;
  csrf: string;
  dossiers: MyDossierRow[];
  drafts: DraftRow[];
  nextHref: string | null;
  firstHref: string | null;
}) {
  const t = tr(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.myDossiers)}>
      <Style />
      <h1 safe>{t(m.myDossiers)}</h1>
      <p>
        <a href="/thu-tuc" safe>
          {t(m.newDossier)}
        </a>
        {' · '}
        <a href={DATA_STORE_PATH} safe>
          {t(m.dataStore)}
        </a>
        {' · '}
        <a href="/thong-bao" safe>
          {t(m.notifications)}
        </a>
      </p>
      {p.dossiers.length === 0 ? (
        <p safe>{t(m.noDossiers)}</p>
      ) : (
        <div class="table-wrap">
          <table class="list">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(m.code)}
                </th>
                <th scope="col" safe>
                  {t(m.procedure)}
                </th>
                <th scope="col" safe>
                  {t(m.status)}
                </th>
                <th scope="col" safe>
                  {t(m.submittedAt)}
                </th>
                <th scope="col" safe>
                  {t(m.dueAt)}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.dossiers.map((d) => (
                <tr>
                  <td>
                    <a href={dossierPath(d.code)} safe>
                      {d.code}
                    </a>
                  </td>
                  <td safe>{d.procedureName}</td>
                  <td safe>{statusText(p.ctx.lang, d.status, d.subState)}</td>
                  <td safe>{dateTime(d.submittedAt)}</td>
                  <td safe>{dateOnly(d.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t(m.paging)}
        firstText={t(m.firstPage)}
        nextText={t(m.nextPage)}
        firstHref={p.firstHref}
        nextHref={p.nextHref}
      />
      <h2 safe>{t(m.drafts)}</h2>
      {p.drafts.length === 0 ? (
        <p safe>{t(m.noDrafts)}</p>
      ) : (
        <ul class="files">
          {p.drafts.map((d) => (
            <li>
              <span
                safe
              >{`${d.procedureName} (${d.procedureCode}) — ${t(m.savedAt)} ${dateTime(d.updatedAt)}`}</span>
              <a class="button button--small" href={`${intakePath(d.procedureCode)}?nhap=${d.id}`} safe>
                {t(m.resume)}
              </a>
              <form class="inline" method="post" action={`${MY_DOSSIERS_PATH}/nhap/${d.id}/xoa`}>
                <CsrfField token={p.csrf} />
                <button
                  class="button button--secondary button--small"
                  type="submit"
                  aria-label={`${t(m.delete)} ${d.procedureName}`}
                  safe
                >
                  {t(m.delete)}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function DataStorePage(p: { ctx: PageContext; documents: StoredDocument[] }) {
  const t = tr(p.ctx.lang);
  return (
    <Layout ctx={p.ctx} title={t(m.dataStore)}>
      <Style />
      <h1 safe>{t(m.dataStore)}</h1>
      <p class="hint" safe>
        {t(m.dataStoreLead)}
      </p>
      {p.documents.length === 0 ? (
        <p safe>{t(m.noDocuments)}</p>
      ) : (
        <div class="table-wrap">
          <table class="list">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(m.docName)}
                </th>
                <th scope="col" safe>
                  {t(m.docCode)}
                </th>
                <th scope="col" safe>
                  {t(m.source)}
                </th>
                <th scope="col" safe>
                  {t(m.date)}
                </th>
                <th scope="col" safe>
                  {t(m.view)}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.documents.map((d) => (
                <tr>
                  <td safe>{d.name}</td>
                  <td>
                    <code safe>{d.code}</code>
                  </td>
                  <td>
                    {d.sourceDossierCode ? (
                      <a href={dossierPath(d.sourceDossierCode)} safe>
                        {d.sourceDossierCode}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td safe>{dateOnly(d.issuedAt)}</td>
                  <td>
                    <a href={`${DATA_STORE_PATH}/${d.id}`} aria-label={`${t(m.view)}: ${d.name}`} safe>
                      {t(m.view)}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
