/**
 * Tra cứu hồ sơ: the look-up form (code and the last 4 digits) and what a dossier shows to anyone who
 * proves they hold the slip: status, procedure, agencies, dates and the timeline. No personal data.
 */
import type { Bilingual } from '../../../../platform/errors.js';
import { defineMessages, translator } from '../../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext } from '../../../../platform/html/layout.js';
import { actionLabel } from '../../history-labels.js';
import type { TrackingView } from '../../tracking.service.js';

export const TRACKING_PATH = '/tra-cuu';
export const TRACKING_STYLESHEET = `${TRACKING_PATH}/tra-cuu.css`;
export const trackingHref = (code: string) => `${TRACKING_PATH}/${encodeURIComponent(code)}`;

export const m = defineMessages({
  title: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
  lead: {
    vi: 'Nhập mã hồ sơ in trên phiếu tiếp nhận và 4 số cuối của số điện thoại hoặc số định danh của người nộp.',
    en: 'Enter the dossier code printed on the receipt and the last 4 digits of the applicant’s phone or ID number.',
  },
  codeLabel: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  codeHint: { vi: 'Ví dụ: 000.00.06.H56-261207-0042', en: 'For example: 000.00.06.H56-261207-0042' },
  checkLabel: {
    vi: '4 số cuối của số điện thoại hoặc số định danh của người nộp',
    en: 'Last 4 digits of the applicant’s phone or ID number',
  },
  submit: { vi: 'Tra cứu', en: 'Look up' },
  codeMissing: { vi: 'Hãy nhập mã hồ sơ.', en: 'Enter the dossier code.' },
  checkInvalid: { vi: 'Hãy nhập đúng 4 chữ số.', en: 'Enter exactly 4 digits.' },
  dossierTitle: { vi: 'Hồ sơ {code}', en: 'Dossier {code}' },
  status: { vi: 'Trạng thái', en: 'Status' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  receiving: { vi: 'Nơi tiếp nhận', en: 'Received by' },
  competent: { vi: 'Cơ quan giải quyết', en: 'Deciding agency' },
  submittedAt: { vi: 'Ngày nộp', en: 'Submitted' },
  receivedAt: { vi: 'Ngày tiếp nhận', en: 'Received' },
  dueAt: { vi: 'Hẹn trả kết quả', en: 'Result due' },
  notYet: { vi: 'Chưa có', en: 'Not yet' },
  timeline: { vi: 'Quá trình xử lý', en: 'Timeline' },
  timeNote: { vi: 'Giờ Việt Nam (UTC+7).', en: 'Vietnam time (UTC+7).' },
  another: { vi: 'Tra cứu hồ sơ khác', en: 'Track another dossier' },
});

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** dd/MM/yyyy HH:mm in Vietnam time, whatever the server's zone. */
export function vietnamTime(at: Date): string {
  const p = Object.fromEntries(TIME.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

function StyleSheet() {
  return <link rel="stylesheet" href={TRACKING_STYLESHEET} />;
}

export interface TrackingForm {
  code: string;
  check: string;
}

export function TrackingFormPage(props: {
  ctx: PageContext;
  form: TrackingForm;
  errors: { field?: string; text: string }[];
}) {
  const t = translator(props.ctx.lang);
  const fieldError = (field: string) => props.errors.find((e) => e.field === field)?.text;
  const Field = (p: { id: keyof TrackingForm; label: Bilingual; hint?: Bilingual; check?: boolean }) => {
    const error = fieldError(p.id);
    const described = [p.hint ? `${p.id}-hint` : '', error ? `${p.id}-error` : ''].filter(Boolean).join(' ');
    return (
      <div class={error ? 'field field--error' : 'field'}>
        <label for={p.id} safe>
          {t(p.label)}
        </label>
        {p.hint ? (
          <span class="hint" id={`${p.id}-hint`} safe>
            {t(p.hint)}
          </span>
        ) : (
          ''
        )}
        {error ? (
          <span class="field-error" id={`${p.id}-error`} safe>
            {error}
          </span>
        ) : (
          ''
        )}
        <input
          id={p.id}
          name={p.id}
          type="text"
          value={props.form[p.id]}
          required
          autocomplete="off"
          spellcheck="false"
          aria-describedby={described || undefined}
          aria-invalid={error ? 'true' : undefined}
          {...(p.check ? { inputmode: 'numeric', pattern: '[0-9]{4}', maxlength: '4' } : { maxlength: '60' })}
        />
      </div>
    );
  };
  return (
    <Layout ctx={props.ctx} title={t(m.title)}>
      <StyleSheet />
      <ErrorSummary lang={props.ctx.lang} items={props.errors} />
      <h1 safe>{t(m.title)}</h1>
      <p class="lead" safe>
        {t(m.lead)}
      </p>
      <form class="tracking-form" method="get" action={TRACKING_PATH}>
        <Field id="code" label={m.codeLabel} hint={m.codeHint} />
        <Field id="check" label={m.checkLabel} check />
        <button class="button" type="submit" safe>
          {t(m.submit)}
        </button>
      </form>
    </Layout>
  );
}

export function TrackingResultPage(props: { ctx: PageContext; view: TrackingView }) {
  const { lang } = props.ctx;
  const t = translator(lang);
  const v = props.view;
  const when = (d: Date | null) => (d ? vietnamTime(d) : t(m.notYet));
  const rows: [Bilingual, string][] = [
    [m.procedure, v.procedureName],
    [m.receiving, v.receivingAgency],
    [m.competent, v.competentAgency],
    [m.submittedAt, when(v.submittedAt)],
    [m.receivedAt, when(v.receivedAt)],
    [m.dueAt, when(v.dueAt)],
  ];
  return (
    <Layout ctx={props.ctx} title={t(m.dossierTitle).replace('{code}', v.code)}>
      <StyleSheet />
      <h1 class="tracking-code" safe>
        {t(m.dossierTitle).replace('{code}', v.code)}
      </h1>
      <p class={`tracking-status tracking-status--${v.status}`}>
        <span class="tracking-status__label" safe>
          {`${t(m.status)}: `}
        </span>
        <strong safe>{v.statusName[lang]}</strong>
        {v.subStateName ? <span safe>{` (${v.subStateName[lang]})`}</span> : ''}
      </p>
      <dl class="tracking-facts">
        {rows.map(([label, value]) => (
          <div>
            <dt safe>{t(label)}</dt>
            <dd safe>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 safe>{t(m.timeline)}</h2>
      <ol class="tracking-timeline">
        {v.timeline.map((h) => (
          <li>
            <time datetime={h.at.toISOString()} safe>
              {vietnamTime(h.at)}
            </time>
            <span class="tracking-timeline__action" safe>
              {actionLabel(h.action)[lang]}
            </span>
            {h.agency ? (
              <span class="tracking-timeline__agency" safe>
                {h.agency}
              </span>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      <p class="muted" safe>
        {t(m.timeNote)}
      </p>
      <p>
        <a href={TRACKING_PATH} safe>
          {t(m.another)}
        </a>
      </p>
    </Layout>
  );
}
