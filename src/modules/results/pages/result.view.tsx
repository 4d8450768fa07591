/**
 * The result page of a dossier for officers (/can-bo/ho-so/:code/ket-qua): the result's facts, the
 * signed document in a viewer, the leader's "approve and sign" form at the approval step, and the
 * desk's return forms once the dossier is decided. The batch signing page (/can-bo/ky-so) lists the
 * leader's dossiers waiting for a signature with a box each.
 */
import { translator } from '../../../platform/html/i18n.js';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Layout,
  type PageContext,
} from '../../../platform/html/layout.js';
import {
  type Dossier,
  type FormErrors,
  formatWhen,
  NO_ERRORS,
  RadioGroup,
  TextField,
} from '../../dossiers/index.js';
import { type InboxRow, OfficerStyles, officerDossierHref } from '../../workflow/index.js';
import type { ResultRow } from '../results.service.js';
import { m } from './results.messages.js';

export const resultPageHref = (code: string) => `${officerDossierHref(code)}/ket-qua`;
export const BATCH_PATH = '/can-bo/ky-so';

export interface Banner {
  text: string;
  warning?: boolean;
}

export interface ResultPageProps {
  ctx: PageContext;
  d: Dossier;
  result: ResultRow | undefined;
  verifyUrl: string | null;
  csrf: string;
  banner: Banner | null;
  canSign: boolean;
  canReturn: boolean;
  /** Handles the dossier now and the result is not signed: may upload the document instead. */
  canUpload: boolean;
  defaultTitle: string;
  posted: {
    form: 'sign' | 'desk' | 'online' | 'post' | 'upload';
    values: Record<string, string>;
    errors: FormErrors;
  } | null;
  /** The postal order of the result, if the desk sent it by post. */
  postal: { itemCode: string | null; state: string; stateLabel: string; lastError: string | null } | null;
}

function Facts(props: { rows: [string, string | null | undefined][] }) {
  return (
    <dl class="desk-facts">
      {props.rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <>
            <dt safe>{k}</dt>
            <dd safe>{v}</dd>
          </>
        ))}
    </dl>
  );
}

function SignForm(props: ResultPageProps) {
  const t = translator(props.ctx.lang);
  const mine = props.posted?.form === 'sign' ? props.posted : null;
  return (
    <form method="post" action={`${resultPageHref(props.d.code)}/ky`} class="wf-actions-form">
      <h2 safe>{t(m.signTitle)}</h2>
      <p safe>{t(m.signLead)}</p>
      <CsrfField token={props.csrf} />
      <TextField
        id="signerTitle"
        name="signerTitle"
        label={t(m.signerTitle)}
        hint={`${t(m.signerTitleHint)} (${props.defaultTitle})`}
        value={mine?.values.signerTitle ?? ''}
        errors={mine?.errors ?? NO_ERRORS}
      />
      <button class="button" type="submit" safe>
        {t(m.signButton)}
      </button>
    </form>
  );
}

function UploadForm(props: ResultPageProps) {
  const t = translator(props.ctx.lang);
  const uploaded = props.result?.source === 'uploaded';
  const error = props.posted?.form === 'upload' ? props.posted.errors.items[0]?.text : undefined;
  return (
    <section class="desk-card" aria-labelledby="tai-len-title">
      <h2 id="tai-len-title" safe>
        {t(m.uploadTitle)}
      </h2>
      <p class="hint" safe>
        {uploaded ? t(m.uploadedNow) : t(m.uploadLead)}
      </p>
      <form
        method="post"
        action={`${resultPageHref(props.d.code)}/tai-len?_csrf=${encodeURIComponent(props.csrf)}`}
        enctype="multipart/form-data"
      >
        <div class={error ? 'field field--error' : 'field'}>
          <label for="file" safe>
            {t(m.uploadFile)}
          </label>
          {error ? (
            <span class="field-error" id="file-error" safe>
              {error}
            </span>
          ) : (
            ''
          )}
          <input
            id="file"
            type="file"
            name="file"
            accept="application/pdf,.pdf"
            required
            aria-describedby={error ? 'file-error' : undefined}
          />
        </div>
        <button class="button button--secondary" type="submit" safe>
          {t(m.uploadButtonResult)}
        </button>
      </form>
      {uploaded ? (
        <form method="post" action={`${resultPageHref(props.d.code)}/mau`}>
          <CsrfField token={props.csrf} />
          <button class="button button--secondary" type="submit" safe>
            {t(m.useTemplate)}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function ReturnForms(props: ResultPageProps) {
  const t = translator(props.ctx.lang);
  const desk = props.posted?.form === 'desk' ? props.posted : null;
  const post = props.posted?.form === 'post' ? props.posted : null;
  const chosen = { desk: m.methodDesk, online: m.methodOnline, post: m.methodPost }[props.d.returnMethod];
  return (
    <section class="desk-card" id="tra-ket-qua" aria-labelledby="tra-ket-qua-title">
      <h2 id="tra-ket-qua-title" safe>
        {t(m.returnTitle)}
      </h2>
      <p
        safe
      >{`${t(m.returnMethodChosen)}: ${t(chosen)}${props.d.returnAddress ? ` — ${props.d.returnAddress}` : ''}`}</p>
      <form method="post" action={`${resultPageHref(props.d.code)}/tra`}>
        <h3 safe>{t(m.deskReturn)}</h3>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="method" value="desk" />
        <RadioGroup
          name="pickedUpBy"
          label={t(m.pickedUpBy)}
          errors={desk?.errors ?? NO_ERRORS}
          selected={desk?.values.pickedUpBy ?? 'applicant'}
          options={[
            { value: 'applicant', label: `${t(m.pickApplicant)}: ${props.d.applicant.name}` },
            { value: 'authorised', label: t(m.pickAuthorised) },
          ]}
        />
        <TextField
          name="recipientName"
          label={t(m.recipientName)}
          hint={t(m.recipientNameHint)}
          value={desk?.values.recipientName ?? ''}
          errors={desk?.errors ?? NO_ERRORS}
          autocomplete="off"
        />
        <TextField
          name="recipientIdNumber"
          label={t(m.recipientId)}
          hint={t(m.recipientIdHint)}
          value={desk?.values.recipientIdNumber ?? ''}
          errors={desk?.errors ?? NO_ERRORS}
          inputmode="numeric"
          required
        />
        <TextField
          name="authorisationNote"
          label={t(m.authorisation)}
          value={desk?.values.authorisationNote ?? ''}
          errors={desk?.errors ?? NO_ERRORS}
        />
        <button class="button" type="submit" safe>
          {t(m.deskButton)}
        </button>
      </form>
      <form method="post" action={`${resultPageHref(props.d.code)}/buu-chinh`}>
        <h3 safe>{t(m.postReturn)}</h3>
        {props.postal ? (
          <p class="desk-banner" role="status" safe>
            {`${t(m.postalOrder)}: ${props.postal.itemCode ?? '—'} — ${props.postal.stateLabel}${props.postal.lastError ? ` (${props.postal.lastError})` : ''}`}
          </p>
        ) : (
          ''
        )}
        <p class="hint" safe>
          {t(m.postLead)}
        </p>
        <CsrfField token={props.csrf} />
        <TextField
          name="address"
          label={t(m.postAddress)}
          value={post?.values.address ?? props.d.returnAddress ?? props.d.applicant.address ?? ''}
          errors={post?.errors ?? NO_ERRORS}
        />
        <TextField
          name="phone"
          label={t(m.postPhone)}
          value={post?.values.phone ?? props.d.applicant.phone ?? ''}
          errors={post?.errors ?? NO_ERRORS}
          inputmode="tel"
        />
        <button
          class={props.d.returnMethod === 'post' ? 'button' : 'button button--secondary'}
          type="submit"
          safe
        >
          {t(m.postButton)}
        </button>
      </form>
      <form method="post" action={`${resultPageHref(props.d.code)}/tra`}>
        <h3 safe>{t(m.onlineReturn)}</h3>
        <p class="hint" safe>
          {t(m.onlineLead)}
        </p>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="method" value="online" />
        <button
          class={props.d.returnMethod === 'online' ? 'button' : 'button button--secondary'}
          type="submit"
          safe
        >
          {t(m.onlineButton)}
        </button>
      </form>
    </section>
  );
}

export function ResultPage(props: ResultPageProps) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const r = props.result;
  const pdfHref = r?.state === 'signed' ? `/api/v1/results/${r.id}.pdf` : null;
  const errors = props.posted?.errors.items ?? [];
  return (
    <Layout ctx={props.ctx} title={`${t(m.resultTitle)} ${props.d.code}`}>
      <OfficerStyles />
      <p>
        <a href={officerDossierHref(props.d.code)} safe>
          {t(m.backToDossier)}
        </a>
      </p>
      <h1 safe>{`${t(m.resultTitle)} ${props.d.code}`}</h1>
      <p safe>{`${props.d.procedureCode} · ${props.d.procedureName}`}</p>
      {props.banner ? (
        <div class={props.banner.warning ? 'desk-banner desk-banner--warning' : 'desk-banner'} role="status">
          <p safe>{props.banner.text}</p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} items={errors.map((e) => ({ field: e.field || undefined, text: e.text }))} />
      <section class="desk-card">
        {r ? (
          <Facts
            rows={[
              [t(m.kind), r.name],
              [t(m.source), r.source === 'uploaded' ? t(m.sourceUploaded) : t(m.sourceGenerated)],
              [t(m.resultCode), r.result_code],
              [t(m.numberSymbol), r.number_symbol],
              [
                t(m.state),
                r.returned_at
                  ? t(m.stateReturned)
                  : r.state === 'signed'
                    ? t(m.stateSigned)
                    : t(m.stateDraft),
              ],
              [t(m.signedBy), r.signer_name ? `${r.signer_name} (${r.signer_title ?? ''})` : null],
              [t(m.signedAt), r.signed_at ? formatWhen(r.signed_at) : null],
              [
                t(m.certificate),
                r.certificate_subject
                  ? `${r.certificate_subject}${r.certificate_demo ? ` — ${t(m.demoCertificate)}` : ''}`
                  : null,
              ],
              [t(m.dataStoreCode), r.data_store_code],
              [t(m.returnedAt), r.returned_at ? formatWhen(r.returned_at) : null],
              [
                t(m.postalOrder),
                props.postal ? `${props.postal.itemCode ?? '—'} — ${props.postal.stateLabel}` : null,
              ],
              [t(m.signFailed), r.sign_error],
            ]}
          />
        ) : (
          <p safe>{t(m.noResultYet)}</p>
        )}
        {props.verifyUrl ? (
          <p>
            <a href={props.verifyUrl} safe>
              {t(m.verifyLink)}
            </a>
          </p>
        ) : (
          ''
        )}
        {pdfHref ? (
          <>
            <p>
              <a href={pdfHref} target="_blank" rel="noopener" safe>
                {t(m.openPdf)}
              </a>
            </p>
            <details class="wf-pdf" open>
              <summary safe>{t(m.viewPdf)}</summary>
              <iframe
                src={pdfHref}
                title={`${r?.name ?? ''} ${r?.number_symbol ?? ''}`}
                loading="lazy"
              ></iframe>
            </details>
          </>
        ) : (
          ''
        )}
      </section>
      {props.canSign ? <SignForm {...props} /> : ''}
      {props.canUpload ? <UploadForm {...props} /> : ''}
      {props.canReturn ? <ReturnForms {...props} /> : ''}
    </Layout>
  );
}

export function BatchPage(props: {
  ctx: PageContext;
  rows: InboxRow[];
  csrf: string;
  banner: Banner | null;
  failures: { dossier: string; text: string }[];
}) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const cols = [m.select, m.colCode, m.colProcedure, m.colApplicant, m.colDue];
  return (
    <Layout ctx={props.ctx} title={t(m.batchTitle)}>
      <OfficerStyles />
      <h1 safe>{t(m.batchTitle)}</h1>
      {props.banner ? (
        <div class={props.banner.warning ? 'desk-banner desk-banner--warning' : 'desk-banner'} role="status">
          <p safe>{props.banner.text}</p>
          {props.failures.length > 0 ? (
            <ul>
              {props.failures.map((f) => (
                <li safe>{`${f.dossier}: ${f.text}`}</li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      <p safe>{t(m.batchLead)}</p>
      {props.rows.length === 0 ? (
        <p class="notice" safe>
          {t(m.batchNone)}
        </p>
      ) : (
        <form method="post" action={BATCH_PATH}>
          <CsrfField token={props.csrf} />
          <DataTable caption={t(m.batchTitle)} columns={cols.map((c) => t(c))}>
            {props.rows.map((r) => (
              <tr>
                <td class="data-table__name">
                  <input
                    type="checkbox"
                    name="dossiers"
                    value={r.code}
                    id={`ky-${r.id}`}
                    aria-label={`${t(m.select)} ${r.code}`}
                  />
                </td>
                <td data-label={t(m.colCode)}>
                  <a href={resultPageHref(r.code)} safe>
                    {r.code}
                  </a>
                </td>
                <td data-label={t(m.colProcedure)} safe>
                  {r.procedure_name}
                </td>
                <td data-label={t(m.colApplicant)} safe>
                  {r.applicant_name ?? '—'}
                </td>
                <td data-label={t(m.colDue)} safe>
                  {formatWhen(r.step_due_at)}
                </td>
              </tr>
            ))}
          </DataTable>
          <button class="button" type="submit" safe>
            {t(m.batchButton)}
          </button>
        </form>
      )}
    </Layout>
  );
}
