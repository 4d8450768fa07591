/** `/ho-so-cua-toi/{code}`: one dossier for its citizen: status, timeline, slips, files, completion, withdrawal. */
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../../platform/html/layout.js';
import type { Dossier } from '../../dossier.js';
import { actionLabel } from '../../history-labels.js';
import { ACCEPT } from './intake.view.js';
import { m } from './messages.js';
import { statusText } from './my-dossiers.view.js';
import {
  Banner,
  DATA_STORE_PATH,
  dateTime,
  dossierPath,
  errorOf,
  type FormErrors,
  Style,
  sizeText,
  t as tr,
} from './parts.js';

const SLIP_LINKS = [
  ['receipt', 'receipt', m.slipReceipt],
  ['completion_request', 'completion-request', m.slipCompletion],
  ['refusal', 'refusal', m.slipRefusal],
] as const;

export function DossierPage(p: {
  ctx: PageContext;
  csrf: string;
  dossier: Dossier;
  /** The results returned to the citizen (their data-store entries). */
  results: { id: string; name: string; issuedAt: Date }[];
  errors: FormErrors;
  banner: string | null;
  values: { reason?: string; note?: string };
}) {
  const t = tr(p.ctx.lang);
  const d = p.dossier;
  const base = dossierPath(d.code);
  const awaiting = d.status === 1 && d.subState === 'awaiting_completion';
  const completion = [...d.slips].reverse().find((s) => s.kind === 'completion_request');
  const canWithdraw = [1, 2, 4, 5, 6].includes(d.status) && !(d.status !== 1 && d.withdrawRequestedAt);
  const reasonError = errorOf(p.errors, 'reason');
  return (
    <Layout ctx={p.ctx} title={`${t(m.code)} ${d.code}`}>
      <Style />
      <ErrorSummary lang={p.ctx.lang} items={p.errors} />
      {p.banner ? (
        <Banner text={p.banner} strong={p.banner === t(m.submittedBanner) ? d.code : undefined} />
      ) : (
        ''
      )}
      <h1 safe>{d.procedureName}</h1>
      <dl class="facts">
        <dt safe>{t(m.code)}</dt>
        <dd>
          <strong safe>{d.code}</strong>
        </dd>
        <dt safe>{t(m.status)}</dt>
        <dd safe>{statusText(p.ctx.lang, d.status, d.subState)}</dd>
        <dt safe>{t(m.submittedAt)}</dt>
        <dd safe>{dateTime(d.submittedAt)}</dd>
        <dt safe>{t(m.dueAt)}</dt>
        <dd safe>{dateTime(d.dueAt)}</dd>
      </dl>
      {d.withdrawRequestedAt && d.status !== 7 ? (
        <p class="notice" safe>
          {t(m.withdrawPending)}
        </p>
      ) : (
        ''
      )}
      {awaiting && completion?.details.missing?.length ? (
        <section class="panel">
          <h2 safe>{t(m.missingTitle)}</h2>
          <ul>
            {completion.details.missing.map((x) => (
              <li>
                <strong safe>{x.name}</strong>
                <span safe>{`: ${x.reason}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {p.results.length > 0 ? (
        <section class="panel" aria-labelledby="ket-qua">
          <h2 id="ket-qua" safe>
            {t(m.resultsTitle)}
          </h2>
          <ul>
            {p.results.map((r) => (
              <li>
                <a href={`${DATA_STORE_PATH}/${r.id}`} safe>
                  {r.name}
                </a>
                <span safe>{` — ${t(m.resultSigned)} ${dateTime(r.issuedAt)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {d.slips.length > 0 || d.history.some((h) => h.action === 'extend') ? (
        <>
          <h2 safe>{t(m.slips)}</h2>
          <ul>
            {SLIP_LINKS.filter(([kind]) => d.slips.some((s) => s.kind === kind)).map(([, path, label]) => (
              <li>
                <a href={`/api/v1/dossiers/${encodeURIComponent(d.code)}/slips/${path}.pdf`} safe>
                  {t(label)}
                </a>
              </li>
            ))}
            {d.history.some((h) => h.action === 'extend') ? (
              <li>
                <a href={`/api/v1/dossiers/${encodeURIComponent(d.code)}/slips/apology.pdf`} safe>
                  {t(m.slipApology)}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 safe>{t(m.components)}</h2>
      {awaiting ? <p safe>{t(m.completionLead)}</p> : ''}
      {d.components.map((c) => {
        const id = `components.${c.position}`;
        const error = errorOf(p.errors, id);
        return (
          <section class={`slot field${error ? ' field--error' : ''}`}>
            <h3 safe>{`${c.position + 1}. ${c.name}`}</h3>
            {c.digitization >= 2 ? (
              <p class="hint" safe>
                {t(m.reused)}
              </p>
            ) : (
              ''
            )}
            {error ? (
              <span class="field-error" safe>
                {error}
              </span>
            ) : (
              ''
            )}
            {c.files.length === 0 ? (
              <p class="hint" safe>
                {t(m.noFile)}
              </p>
            ) : (
              <ul class="files">
                {c.files.map((f) => (
                  <li>
                    <a href={`${base}/tep/${f.id}`} safe>
                      {f.fileName}
                    </a>
                    <span safe>{`(${sizeText(f.size)})`}</span>
                    {awaiting ? (
                      <form class="inline" method="post" action={`${base}/go-tep`}>
                        <CsrfField token={p.csrf} />
                        <input type="hidden" name="fileId" value={f.id} />
                        <button
                          class="button button--secondary button--small"
                          type="submit"
                          aria-label={`${t(m.remove)} ${f.fileName}`}
                          safe
                        >
                          {t(m.remove)}
                        </button>
                      </form>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ul>
            )}
            {awaiting ? (
              <form
                method="post"
                action={`${base}/them-tep?_csrf=${encodeURIComponent(p.csrf)}`}
                enctype="multipart/form-data"
              >
                <input type="hidden" name="component" value={String(c.position)} />
                <label for={id} safe>
                  {t(m.addFile)}
                </label>
                <input id={id} type="file" name="file" accept={ACCEPT} />
                <button class="button button--secondary button--small" type="submit" safe>
                  {t(m.upload)}
                </button>
              </form>
            ) : (
              ''
            )}
          </section>
        );
      })}
      {awaiting ? (
        <form class="panel" method="post" action={`${base}/bo-sung`}>
          <CsrfField token={p.csrf} />
          <div class="field">
            <label for="note" safe>
              {t(m.note)}
            </label>
            <textarea id="note" name="note" rows="3" safe>
              {p.values.note ?? ''}
            </textarea>
          </div>
          <button class="button" type="submit" safe>
            {t(m.sendCompletion)}
          </button>
        </form>
      ) : (
        ''
      )}
      <h2 safe>{t(m.timeline)}</h2>
      <ol class="timeline">
        {d.history.map((h) => (
          <li>
            <span class="when" safe>
              {dateTime(h.at)}
            </span>
            <strong safe>{actionLabel(h.action)[p.ctx.lang]}</strong>
            <span safe>{` — ${h.actorName}${h.agencyName ? `, ${h.agencyName}` : ''}`}</span>
            {h.content ? <div safe>{h.content}</div> : ''}
          </li>
        ))}
      </ol>
      {canWithdraw ? (
        <form class="panel" method="post" action={`${base}/rut`} novalidate>
          <h2 safe>{t(m.withdrawTitle)}</h2>
          {d.status !== 1 ? <p safe>{t(m.withdrawReceived)}</p> : ''}
          <CsrfField token={p.csrf} />
          <div class={reasonError ? 'field field--error' : 'field'}>
            <label for="reason" safe>
              {t(m.withdrawReason)}
            </label>
            {reasonError ? (
              <span class="field-error" id="reason-error" safe>
                {reasonError}
              </span>
            ) : (
              ''
            )}
            <textarea
              id="reason"
              name="reason"
              rows="3"
              required
              aria-describedby={reasonError ? 'reason-error' : undefined}
              safe
            >
              {p.values.reason ?? ''}
            </textarea>
          </div>
          <button class="button button--danger" type="submit" safe>
            {t(m.withdraw)}
          </button>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}
