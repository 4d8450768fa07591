/**
 * Xác thực văn bản (public, /verify): the QR code's page of a result — issuing agency, kind, number,
 * date, the file's SHA-256 and the signature's status, never the citizen's data — and a form to
 * upload any PDF and learn whether it is an authentic, unaltered motcua result and who signed it.
 */
import { translator } from '../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import type { VerificationReport } from '../../../platform/signing/index.js';
import { DeskStyleSheet, formatWhen } from '../../dossiers/index.js';
import type { PublicResult, UploadVerdict, UploadVerification } from '../verify.service.js';
import { m } from './results.messages.js';

export const VERIFY_PATH = '/verify';
export const VERIFY_CSS_PATH = '/verify/verify.css';
const TRACKING_CSS = '/tra-cuu/tra-cuu.css';

const VERDICT = {
  authentic: m.verdictAuthentic,
  valid_not_ours: m.verdictValidNotOurs,
  altered: m.verdictAltered,
  unsigned: m.verdictUnsigned,
  not_pdf: m.verdictNotPdf,
} satisfies Record<UploadVerdict, unknown>;

function ResultFacts(props: { ctx: PageContext; r: PublicResult; report: VerificationReport | null }) {
  const t = translator(props.ctx.lang);
  const r = props.r;
  const signer = props.report?.signatures[0]?.signer ?? null;
  const rows: [string, string | null][] = [
    [t(m.issuedBy), r.agencyName],
    [t(m.kind), r.name],
    [t(m.resultCode), r.resultCode],
    [t(m.numberSymbol), r.numberSymbol],
    [t(m.issuedOn), r.issuedAt ? formatWhen(r.issuedAt) : null],
    [t(m.validUntil), r.validUntil ? (formatWhen(r.validUntil).split(' ').pop() ?? null) : t(m.permanent)],
    [t(m.signedBy), r.signerName ? `${r.signerName}${r.signerTitle ? ` (${r.signerTitle})` : ''}` : null],
    [t(m.certificate), signer ? `${signer.commonName} — ${signer.issuer}` : r.certificateSubject],
    [
      t(m.signature),
      props.report
        ? props.report.valid
          ? t(m.signatureValid)
          : `${t(m.signatureInvalid)}: ${props.report.summary}`
        : null,
    ],
  ];
  return (
    <dl class="desk-facts">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <>
            <dt safe>{k}</dt>
            <dd safe>{v}</dd>
          </>
        ))}
      <dt safe>{t(m.sha256)}</dt>
      <dd class="verify-hash" safe>
        {r.sha256}
      </dd>
    </dl>
  );
}

function UploadForm(props: { ctx: PageContext; csrf: string; error: string | null }) {
  const t = translator(props.ctx.lang);
  return (
    <form
      class="tracking-form"
      method="post"
      action={`${VERIFY_PATH}?_csrf=${encodeURIComponent(props.csrf)}`}
      enctype="multipart/form-data"
    >
      <div class={props.error ? 'field field--error' : 'field'}>
        <label for="file" safe>
          {t(m.uploadLabel)}
        </label>
        {props.error ? (
          <span class="field-error" id="file-error" safe>
            {props.error}
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
          aria-describedby={props.error ? 'file-error' : undefined}
        />
      </div>
      <button class="button" type="submit" safe>
        {t(m.uploadButton)}
      </button>
    </form>
  );
}

export function VerifyPage(props: {
  ctx: PageContext;
  csrf: string;
  found?: { result: PublicResult; report: VerificationReport; intact: boolean } | undefined;
  unknownId?: boolean;
  upload?: UploadVerification | undefined;
  error?: string | null;
}) {
  const t = translator(props.ctx.lang);
  const demo =
    props.found?.result.demoCertificate ||
    props.upload?.result?.demoCertificate ||
    props.upload?.report?.signatures.some((s) => s.isDemo);
  const verdictClass = (v: UploadVerdict) =>
    v === 'authentic' ? 'desk-banner' : 'desk-banner desk-banner--warning';
  return (
    <Layout ctx={props.ctx} title={t(m.verifyTitle)}>
      <DeskStyleSheet />
      <link rel="stylesheet" href={TRACKING_CSS} />
      <link rel="stylesheet" href={VERIFY_CSS_PATH} />
      <h1 safe>{t(m.verifyTitle)}</h1>
      <p safe>{t(m.verifyLead)}</p>
      <ErrorSummary lang={props.ctx.lang} items={props.error ? [{ field: 'file', text: props.error }] : []} />
      {props.unknownId ? (
        <p class="desk-banner desk-banner--warning" role="status" safe>
          {t(m.notFoundVid)}
        </p>
      ) : (
        ''
      )}
      {props.found ? (
        <section aria-labelledby="ket-qua">
          <p
            id="ket-qua"
            role="status"
            class={
              props.found.report.valid && props.found.intact
                ? 'desk-banner'
                : 'desk-banner desk-banner--warning'
            }
            safe
          >
            {props.found.report.valid && props.found.intact ? t(m.verdictAuthentic) : t(m.verdictAltered)}
          </p>
          <ResultFacts ctx={props.ctx} r={props.found.result} report={props.found.report} />
        </section>
      ) : (
        ''
      )}
      {props.upload ? (
        <section aria-labelledby="ket-qua-tai-len">
          <p id="ket-qua-tai-len" role="status" class={verdictClass(props.upload.verdict)} safe>
            {t(VERDICT[props.upload.verdict])}
          </p>
          <dl class="desk-facts">
            <dt safe>{t(m.uploadedHash)}</dt>
            <dd class="verify-hash" safe>
              {props.upload.sha256}
            </dd>
          </dl>
          {props.upload.result ? (
            <>
              <h2 safe>{t(m.matchesDocument)}</h2>
              <ResultFacts ctx={props.ctx} r={props.upload.result} report={props.upload.report} />
            </>
          ) : props.upload.report?.signatures[0]?.signer ? (
            <dl class="desk-facts">
              <dt safe>{t(m.signedBy)}</dt>
              <dd safe>{props.upload.report.signatures[0].signer.commonName}</dd>
              <dt safe>{t(m.signature)}</dt>
              <dd safe>{props.upload.report.summary}</dd>
            </dl>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {demo ? (
        <p class="hint" safe>
          {t(m.demoCertificate)}
        </p>
      ) : (
        ''
      )}
      <UploadForm ctx={props.ctx} csrf={props.csrf} error={props.error ?? null} />
    </Layout>
  );
}
