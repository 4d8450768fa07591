/** The dossier at the desk, everything on one screen: people, components and files, fees, slips, history, actions. */
import { type Lang, translator } from '../../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext } from '../../../../platform/html/layout.js';
import type { Dossier, DossierComponent, Person } from '../../dossier.js';
import { actionLabel } from '../../history-labels.js';
import { ACCEPT } from '../citizen/intake.view.js';
import { m } from './desk.messages.js';
import { DeskActions, type DeskActionsProps } from './desk-actions.view.js';
import {
  CHANNEL_LABELS,
  DESK_PATH,
  FILED_BY_LABELS,
  type FormErrors,
  fileHref,
  money,
  StyleSheet,
  slipHref,
  statusText,
  when,
} from './desk-parts.js';

const DIGITIZATION = [m.dig0, m.dig1, m.dig2, m.dig3] as const;
const SLIP_LINKS = {
  receipt: { label: m.slipReceipt, kind: 'receipt' },
  completion_request: { label: m.slipCompletion, kind: 'completion-request' },
  refusal: { label: m.slipRefusal, kind: 'refusal' },
} as const;

export interface Banner {
  text: string;
  slip?: { href: string; label: string };
  warning?: boolean;
}

function PersonFacts(props: { lang: Lang; title: string; p: Person }) {
  const t = translator(props.lang);
  const rows: [string, string | null][] = [
    [t(m.name), props.p.name],
    [t(m.idNumber), props.p.idNumber],
    [t(m.birthDate), props.p.birthDate],
    [t(m.phone), props.p.phone],
    [t(m.email), props.p.email],
    [t(m.address), props.p.address],
    [t(m.communeCode), props.p.communeCode],
  ];
  return (
    <section class="desk-card">
      <h2 safe>{props.title}</h2>
      <dl class="desk-facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <>
              <dt safe>{k}</dt>
              <dd safe>{v}</dd>
            </>
          ))}
      </dl>
    </section>
  );
}

function FileCell(props: { lang: Lang; d: Dossier; c: DossierComponent; csrf: string; canEdit: boolean }) {
  const t = translator(props.lang);
  if (props.c.files.length === 0)
    return (
      <span class="muted" safe>
        {t(m.noFiles)}
      </span>
    );
  return (
    <ul class="desk-files">
      {props.c.files.map((f) => (
        <li>
          <a href={fileHref(props.d.code, f.id)} safe>
            {f.fileName}
          </a>{' '}
          <span class="muted" safe>{`(${Math.max(1, Math.round(f.size / 1024))} KB)`}</span>
          {props.canEdit ? (
            <form
              method="post"
              action={`${DESK_PATH}/ho-so/${props.d.code}/tep/${f.id}/go`}
              class="desk-inline"
            >
              <input type="hidden" name="_csrf" value={props.csrf} />
              <button class="button button--small button--secondary" type="submit" safe>
                {t(m.removeFile)}
              </button>
            </form>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** Lets a phone open its camera; @kitajs/html's input type does not know the attribute. */
const CAPTURE = { capture: 'environment' } as Record<string, string>;

function UploadForm(props: { lang: Lang; d: Dossier; c: DossierComponent; csrf: string }) {
  const t = translator(props.lang);
  const id = `file-${props.c.position}`;
  // Multipart bodies are read as a stream by the handler, so the CSRF token travels in the query.
  const action = `${DESK_PATH}/ho-so/${props.d.code}/tep?_csrf=${encodeURIComponent(props.csrf)}`;
  return (
    <form class="desk-upload" method="post" action={action} enctype="multipart/form-data">
      <input type="hidden" name="componentId" value={props.c.id} />
      <label for={id} class="visually-hidden" safe>
        {`${t(m.uploadLabel)}: ${props.c.name}`}
      </label>
      <input id={id} type="file" name="file" multiple accept={ACCEPT} {...CAPTURE} />
      <button class="button button--small" type="submit" safe>
        {t(m.uploadButton)}
      </button>
    </form>
  );
}

function Components(props: { lang: Lang; d: Dossier; csrf: string; canUpload: boolean }) {
  const t = translator(props.lang);
  return (
    <section>
      <h2 id="thanh-phan" safe>
        {t(m.components)}
      </h2>
      {props.canUpload ? (
        <p class="hint" safe>
          {t(m.uploadHint)}
        </p>
      ) : (
        ''
      )}
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {t(m.colNo)}
              </th>
              <th scope="col" safe>
                {t(m.colComponent)}
              </th>
              <th scope="col" safe>
                {t(m.colCopies)}
              </th>
              <th scope="col" safe>
                {t(m.colDigitization)}
              </th>
              <th scope="col" safe>
                {t(m.colFiles)}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.d.components.map((c, i) => (
              <tr>
                <td safe>{String(i + 1)}</td>
                <td class="data-table__name">
                  <span safe>{c.name}</span>{' '}
                  <span
                    class="muted"
                    safe
                  >{`(${t(c.requirement === 'required' ? m.required : m.conditional)})`}</span>
                </td>
                <td
                  data-label={t(m.colCopies)}
                  safe
                >{`${c.originals} / ${c.certifiedCopies} / ${c.copies}`}</td>
                <td data-label={t(m.colDigitization)}>
                  <span
                    class={`dig dig--${c.digitization}`}
                    safe
                  >{`${c.digitization} · ${t(DIGITIZATION[c.digitization])}`}</span>
                </td>
                <td class="desk-files-cell" data-label={t(m.colFiles)}>
                  <FileCell lang={props.lang} d={props.d} c={c} csrf={props.csrf} canEdit={props.canUpload} />
                  {props.canUpload ? (
                    <UploadForm lang={props.lang} d={props.d} c={c} csrf={props.csrf} />
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FeesAndSlips(props: { lang: Lang; d: Dossier }) {
  const t = translator(props.lang);
  const { d } = props;
  return (
    <>
      {d.feeLines.length > 0 ? (
        <section class="desk-card">
          <h2 safe>{t(m.fees)}</h2>
          <ul class="desk-list">
            {d.feeLines.map((f) => (
              <li
                safe
              >{`${f.name}: ${money(f.amount)} (${t(f.collected === 'before' ? m.feeBefore : m.feeAfter)})${f.adjustment ? ` · ${f.adjustment}` : ''}`}</li>
            ))}
          </ul>
          {d.payments.length > 0 ? (
            <>
              <h3 safe>{t(m.payments)}</h3>
              <ul class="desk-list">
                {d.payments.map((p) => (
                  <li
                    safe
                  >{`${when(p.recordedAt)}: ${money(p.amount)}, ${t(m.receipt)} ${p.receiptNumber}`}</li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {d.slips.length > 0 ? (
        <section class="desk-card">
          <h2 safe>{t(m.slips)}</h2>
          <ul class="desk-list">
            {[...new Set(d.slips.map((s) => s.kind))].map((k) => (
              <li>
                <a href={slipHref(d.code, SLIP_LINKS[k].kind)} safe>
                  {t(SLIP_LINKS[k].label)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

function History(props: { lang: Lang; d: Dossier }) {
  const t = translator(props.lang);
  return (
    <section>
      <h2 safe>{t(m.history)}</h2>
      <ol class="desk-timeline">
        {props.d.history.map((h) => (
          <li>
            <time datetime={h.at.toISOString()} safe>
              {when(h.at)}
            </time>{' '}
            <strong safe>{actionLabel(h.action)[props.lang]}</strong>{' '}
            <span class="muted" safe>{`${h.actorName}${h.agencyName ? ` · ${h.agencyName}` : ''}`}</span>
            {h.content ? <p safe>{h.content}</p> : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function DeskDossierView(props: {
  ctx: PageContext;
  csrf: string;
  d: Dossier;
  banner: Banner | null;
  errors: FormErrors;
  actions: Omit<DeskActionsProps, 'lang' | 'd' | 'csrf' | 'errors'>;
  canUpload: boolean;
}) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const { d } = props;
  return (
    <Layout ctx={props.ctx} title={`${t(m.dossierTitle)} ${d.code}`}>
      <StyleSheet />
      <p>
        <a href={DESK_PATH} safe>
          {t(m.backToList)}
        </a>
      </p>
      {props.banner ? (
        <div class={props.banner.warning ? 'desk-banner desk-banner--warning' : 'desk-banner'} role="status">
          <p safe>{props.banner.text}</p>
          {props.banner.slip ? (
            <p>
              <a class="button" href={props.banner.slip.href} safe>
                {props.banner.slip.label}
              </a>
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} items={props.errors.items} />
      <h1>
        <span safe>{`${t(m.dossierTitle)} `}</span>
        <code safe>{d.code}</code>
      </h1>
      <p class="desk-status">
        <strong safe>{statusText(lang, d.status, d.subState)}</strong>
        {d.withdrawRequestedAt && ![3, 7].includes(d.status) ? (
          <strong class="flag" safe>
            {t(m.withdrawAskedText)}
          </strong>
        ) : (
          ''
        )}
      </p>
      <dl class="desk-facts desk-facts--wide">
        <dt safe>{t(m.procedure)}</dt>
        <dd safe>{`${d.procedureCode} · ${d.procedureName}`}</dd>
        <dt safe>{t(m.channel)}</dt>
        <dd safe>{`${t(CHANNEL_LABELS[d.channel])} · ${t(m.filedBy)}: ${t(FILED_BY_LABELS[d.filedBy])}`}</dd>
        <dt safe>{t(m.receivingAgency)}</dt>
        <dd safe>{d.receivingAgency.name}</dd>
        <dt safe>{t(m.competentAgency)}</dt>
        <dd safe>{d.competentAgency.name}</dd>
        <dt safe>{t(m.submittedAt)}</dt>
        <dd safe>{when(d.submittedAt)}</dd>
        <dt safe>{t(m.receivedAt)}</dt>
        <dd safe>{when(d.receivedAt)}</dd>
        <dt safe>{t(m.dueAt)}</dt>
        <dd safe>{when(d.dueAt)}</dd>
      </dl>
      <div class="desk-columns">
        <PersonFacts lang={lang} title={t(m.applicant)} p={d.applicant} />
        {d.owner ? <PersonFacts lang={lang} title={t(m.owner)} p={d.owner} /> : ''}
      </div>
      <Components lang={lang} d={d} csrf={props.csrf} canUpload={props.canUpload} />
      <DeskActions lang={lang} d={d} csrf={props.csrf} errors={props.errors} {...props.actions} />
      <div class="desk-columns">
        <FeesAndSlips lang={lang} d={d} />
      </div>
      <History lang={lang} d={d} />
    </Layout>
  );
}
