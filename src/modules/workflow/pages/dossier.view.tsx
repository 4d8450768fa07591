/**
 * The dossier on one screen for the officer who processes it (/can-bo/ho-so/:code): status and
 * current step, deadlines, a form per action, the applicant, the components with their files (images
 * shown, PDFs in a viewer in the page), the working documents, the steps with their timeliness, and
 * the history. Signing and returning the result happen on the result page (/ket-qua) of the results
 * module, which this page links to.
 */
import { translator } from '../../../platform/html/i18n.js';
import { ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import { CHANNEL_LABELS, formatWhen, statusText } from '../../dossiers/index.js';
import { ActionForms, type ActionFormsProps, resultHref } from './action-forms.view.js';
import { Components, FactList, History, PersonCard, Steps, WorkingFiles } from './dossier-sections.view.js';
import { m } from './officer.messages.js';
import type { OfficerDossierPage } from './officer-dossier.service.js';
import { dueState, INBOX_PATH, OfficerStyles } from './officer-parts.js';

export interface Banner {
  text: string;
  warning?: boolean;
}

export function OfficerDossierView(props: {
  ctx: PageContext;
  page: OfficerDossierPage;
  banner: Banner | null;
  forms: Omit<ActionFormsProps, 'ctx' | 'code' | 'rowVersion' | 'actions'>;
  now: Date;
}) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const { d, state, pause } = props.page;
  const head = state.head;
  const current = props.page.steps.find((s) => s.id === head.step_id);
  const stepDue = dueState(head.step_due_at, props.now, props.now);
  const errors = props.forms.posted?.errors.items ?? [];
  return (
    <Layout ctx={props.ctx} title={`${t(m.dossierTitle)} ${d.code}`}>
      <OfficerStyles />
      <p>
        <a href={INBOX_PATH} safe>
          {t(m.backToInbox)}
        </a>
      </p>
      <h1 safe>{`${t(m.dossierTitle)} ${d.code}`}</h1>
      {props.banner ? (
        <div class={props.banner.warning ? 'desk-banner desk-banner--warning' : 'desk-banner'} role="status">
          <p safe>{props.banner.text}</p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary
        lang={lang}
        items={errors.map((e) => ({
          field: e.field ? `${props.forms.posted?.action}-${e.field}` : undefined,
          text: e.text,
        }))}
      />
      <p class="wf-state" safe>
        {[
          statusText(lang, head.status, null),
          current ? `${current.name} — ${props.page.agencyName(current.agency_id)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p safe>{`${d.procedureCode} · ${d.procedureName}`}</p>
      <div class="wf-columns">
        <section class="desk-card wf-deadlines">
          <h2 safe>{t(m.deadlines)}</h2>
          <FactList
            rows={[
              [t(m.receivedAt), formatWhen(d.receivedAt)],
              [t(m.appointment), formatWhen(head.due_at)],
              [t(m.originalAppointment), head.original_due_at ? formatWhen(head.original_due_at) : null],
              [
                t(m.stepDue),
                head.step_due_at
                  ? `${formatWhen(head.step_due_at)}${stepDue === 'overdue' ? ` — ${t(m.overdue)}` : ''}`
                  : null,
              ],
              [t(m.pausedSince), pause ? formatWhen(pause.requested_at) : null],
              [t(m.pauseReason), pause?.reason],
            ]}
          />
        </section>
        <section class="wf-act" id="thao-tac" aria-labelledby="thao-tac-title">
          <h2 id="thao-tac-title" safe>
            {t(m.actions)}
          </h2>
          <ActionForms
            {...props.forms}
            ctx={props.ctx}
            code={d.code}
            rowVersion={head.row_version}
            actions={state.actions}
            currentStepKind={current?.kind ?? null}
          />
        </section>
        <div class="wf-details">
          <PersonCard lang={lang} title={t(m.applicant)} p={d.applicant} personal={props.page.personalData} />
          {d.owner ? (
            <PersonCard lang={lang} title={t(m.owner)} p={d.owner} personal={props.page.personalData} />
          ) : (
            ''
          )}
          <section class="desk-card">
            <h2 safe>{t(m.facts)}</h2>
            <FactList
              rows={[
                [t(m.channel), t(CHANNEL_LABELS[d.channel])],
                [t(m.receivingAgency), d.receivingAgency.name],
                [t(m.competentAgency), d.competentAgency.name],
              ]}
            />
          </section>
          <Components lang={lang} code={d.code} components={d.components} />
          <WorkingFiles lang={lang} code={d.code} files={props.page.workingFiles} />
        </div>
      </div>
      <section class="desk-card" id="giay-to">
        <h2 safe>{t(m.documents)}</h2>
        {props.page.apology ? (
          <>
            <p safe>{t(props.page.apology.approved_at ? m.apologySent : m.apologyDraft)}</p>
            <FactList
              rows={[
                [t(m.apologyReason), props.page.apology.reason],
                [t(m.apologyUnit), props.page.agencyName(props.page.apology.responsible_agency_id)],
                [t(m.apologyNewDue), formatWhen(props.page.apology.new_due_at)],
              ]}
            />
          </>
        ) : (
          ''
        )}
        <ul>
          {head.status >= 9 || current?.kind === 'approve_sign' ? (
            <li>
              <a href={resultHref(d.code)} safe>
                {t(m.resultPage)}
              </a>
            </li>
          ) : (
            ''
          )}
          {props.page.steps.length > 0 ? (
            <li>
              <a href={`/api/v1/dossiers/${d.code}/slips/control-sheet.pdf`} safe>
                {t(m.controlSheet)}
              </a>
            </li>
          ) : (
            ''
          )}
          {props.page.apology ? (
            <li>
              <a href={`/api/v1/dossiers/${d.code}/slips/apology.pdf`} safe>
                {t(m.apologyLetter)}
              </a>
            </li>
          ) : (
            ''
          )}
          {head.status === 8 ? (
            <li>
              <a href={`/api/v1/dossiers/${d.code}/slips/stop-notice.pdf`} safe>
                {t(m.stopNotice)}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </section>
      <h2 safe>{t(m.steps)}</h2>
      <Steps lang={lang} page={props.page} now={props.now} />
      <History lang={lang} page={props.page} />
    </Layout>
  );
}
