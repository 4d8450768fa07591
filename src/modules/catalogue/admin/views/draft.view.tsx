/** The draft's overview (sections, workflows, publish, discard) and an agency's workflow editor. */
import { translator } from '../../../../platform/html/i18n.js';
import { CsrfField, type PageContext } from '../../../../platform/html/layout.js';
import { Field, type FormError, Select } from '../../../admin-units/index.js';
import type { ProcedureContent } from '../../content.js';
import { LEVEL_LABELS } from '../../views/messages.js';
import type { FormState } from '../form-state.js';
import { STEP_KINDS } from '../workflow-form.js';
import { cm, STEP_KIND_LABELS } from './catalogue-admin.messages.js';
import {
  AdminPage,
  adminProcedureHref,
  DraftForm,
  draftHref,
  errorOf,
  Rows,
  SaveButton,
  SECTION_PATHS,
} from './form-parts.js';
import { instantText } from './procedure-admin.view.js';

export interface AgencyChoice {
  code: string;
  name: string;
}

export function DraftPage(props: {
  ctx: PageContext;
  csrf: string;
  code: string;
  content: ProcedureContent;
  draft: { rowVersion: number; id: string; basedOn: number; updatedBy: string; updatedAt: Date };
  mayEditContent: boolean;
  mayPublish: boolean;
  changes: { unchanged: boolean; content: boolean; agencyWorkflows: string[] };
  workflowAgencies: readonly AgencyChoice[];
  agencyNames: ReadonlyMap<string, string>;
  publish: { effectiveFrom: string; errors: readonly FormError[] };
  today: string;
  notice?: string | undefined;
}) {
  const t = translator(props.ctx.lang);
  const own = props.content.workflows.filter((w) => w.agencyCode);
  const nameOf = (code: string) => props.agencyNames.get(code) ?? code;
  return (
    <AdminPage
      ctx={props.ctx}
      title={`${t(cm.draftTitle)} — ${props.code}`}
      back={{ href: adminProcedureHref(props.code), text: t(cm.backToProcedure) }}
      errors={props.publish.errors}
      notice={props.notice}
    >
      <p lang="vi" safe>
        {props.content.name}
      </p>
      <p class="qt-hint" safe>
        {`${t(cm.draftOf)} ${props.draft.basedOn} · ${t(cm.draftBy)} ${props.draft.updatedBy}, ${instantText(props.draft.updatedAt)}`}
      </p>
      {props.mayEditContent ? (
        <>
          <h2 safe>{t(cm.sections)}</h2>
          <ul class="dm-sections">
            {(['general', 'components', 'fees', 'reductions'] as const).map((s) => (
              <li>
                <a href={draftHref(props.code, SECTION_PATHS[s])} safe>
                  {t(cm[s])}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 safe>{t(cm.workflows)}</h2>
      <ul>
        {props.content.workflows
          .filter((w) => !w.agencyCode)
          .map((w) => (
            <li
              safe
            >{`${t(cm.defaultWorkflow)} — ${t(LEVEL_LABELS[w.level])}: ${w.steps.length} ${t(cm.step).toLowerCase()}`}</li>
          ))}
      </ul>
      <h3 safe>{t(cm.agencyWorkflows)}</h3>
      {own.length === 0 ? (
        <p safe>{t(cm.noAgencyWorkflow)}</p>
      ) : (
        <ul>
          {own.map((w) => (
            <li>
              <a
                href={`${draftHref(props.code, 'quy-trinh')}?co-quan=${encodeURIComponent(w.agencyCode as string)}`}
                safe
              >
                {nameOf(w.agencyCode as string)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.workflowAgencies.length > 0 ? (
        <form method="get" action={draftHref(props.code, 'quy-trinh')} class="qt-inline dm-agency-pick">
          <div class="qt-field">
            <label for="co-quan" safe>
              {t(cm.chooseAgency)}
            </label>
            <select id="co-quan" name="co-quan">
              {props.workflowAgencies.map((a) => (
                <option value={a.code} safe>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="qt-button" safe>
            {t(cm.openWorkflow)}
          </button>
        </form>
      ) : (
        ''
      )}
      <p class="qt-actions">
        <a href={draftHref(props.code, 'xem-truoc')} safe>
          {t(cm.preview)}
        </a>
      </p>
      <section class="dm-panel" aria-labelledby="publish-title">
        <h2 id="publish-title" safe>
          {t(cm.publish)}
        </h2>
        {props.changes.unchanged ? (
          <p safe>{t(cm.noChangesYet)}</p>
        ) : (
          <ul>
            {props.changes.content ? <li safe>{t(cm.changesContent)}</li> : ''}
            {props.changes.agencyWorkflows.length ? (
              <li
                safe
              >{`${t(cm.changesWorkflows)} ${props.changes.agencyWorkflows.map(nameOf).join(', ')}`}</li>
            ) : (
              ''
            )}
          </ul>
        )}
        {props.changes.unchanged ? (
          ''
        ) : props.mayPublish ? (
          <DraftForm
            action={draftHref(props.code, 'cong-bo')}
            csrf={props.csrf}
            rowVersion={props.draft.rowVersion}
          >
            <input type="hidden" name="draftId" value={props.draft.id} />
            <Field
              name="effectiveFrom"
              label={t(cm.effectiveFrom)}
              hint={t(cm.effectiveHint)}
              type="date"
              value={props.publish.effectiveFrom || props.today}
              errors={props.publish.errors}
            />
            <button type="submit" class="qt-button" safe>
              {t(cm.publishButton)}
            </button>
          </DraftForm>
        ) : (
          <p safe>{t(cm.cannotPublish)}</p>
        )}
      </section>
      <section class="dm-panel" aria-labelledby="discard-title">
        <h2 id="discard-title" safe>
          {t(cm.discard)}
        </h2>
        <form method="post" action={draftHref(props.code, 'huy')}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="dm-danger" safe>
            {t(cm.discardButton)}
          </button>
        </form>
      </section>
    </AdminPage>
  );
}

export function WorkflowPage(props: {
  ctx: PageContext;
  csrf: string;
  code: string;
  agency: AgencyChoice;
  rowVersion: number;
  saved: boolean;
  state: FormState;
  errors: readonly FormError[];
  budget: { totalMinutes: number; legalText: string; message: string | null; refused: boolean };
  notice?: string | undefined;
}) {
  const t = translator(props.ctx.lang);
  const lang = props.ctx.lang;
  const rows = props.state.rows.step ?? [];
  const action = `${draftHref(props.code, 'quy-trinh')}?co-quan=${encodeURIComponent(props.agency.code)}`;
  const stepsError = errorOf(props.errors, 'steps');
  const hoursOf = (m: number) =>
    String(Math.round((m / 60) * 100) / 100).replace('.', lang === 'vi' ? ',' : '.');
  return (
    <AdminPage
      ctx={props.ctx}
      title={`${t(cm.workflowFor)} ${props.agency.name}`}
      back={{ href: draftHref(props.code), text: t(cm.backToDraft) }}
      errors={props.errors}
      notice={props.notice}
      warnings={!props.budget.refused && props.budget.message ? [props.budget.message] : []}
    >
      <p safe>{`${props.code}`}</p>
      {props.saved ? (
        ''
      ) : (
        <p class="qt-hint" safe>
          {t(cm.startsFromDefault)}
        </p>
      )}
      <div class={props.budget.refused ? 'dm-budget dm-budget--error' : 'dm-budget'} id="steps" tabindex="-1">
        {stepsError ? (
          <p class="qt-error" safe>
            {stepsError}
          </p>
        ) : (
          ''
        )}
        <p data-testid="budget-total" safe>
          {`${t(cm.total)}: ${hoursOf(props.budget.totalMinutes)} ${t(cm.hoursUnit)} · ${t(cm.legalTime)}: ${props.budget.legalText}`}
        </p>
      </div>
      <DraftForm
        action={action}
        csrf={props.csrf}
        rowVersion={props.rowVersion}
        saveText={t(cm.saveWorkflow)}
      >
        <Rows
          lang={lang}
          group="step"
          count={rows.length}
          move
          legend={(i) => `${t(cm.step)} ${i + 1}`}
          addText={t(cm.addStep)}
          row={(i) => {
            const r = rows[i] ?? {};
            const n = (k: string) => `step-${i}-${k}`;
            return (
              <>
                <div class="dm-grid">
                  <Select
                    name={n('kind')}
                    label={t(cm.stepKind)}
                    value={r.kind ?? 'appraise'}
                    errors={props.errors}
                    options={STEP_KINDS.map((k) => ({ value: k, label: t(STEP_KIND_LABELS[k]) }))}
                  />
                  <Field
                    name={n('hours')}
                    label={t(cm.hours)}
                    hint={r.hours ? undefined : t(cm.notSet)}
                    value={r.hours}
                    errors={props.errors}
                  />
                </div>
                <Field name={n('role')} label={t(cm.role)} value={r.role} errors={props.errors} />
                <Field
                  name={n('agencyName')}
                  label={t(cm.agencyName)}
                  hint={t(cm.agencyNameHint)}
                  value={r.agencyName}
                  errors={props.errors}
                />
              </>
            );
          }}
        />
        <Field
          name="onlineTargetHours"
          label={t(cm.onlineTarget)}
          value={props.state.fields.onlineTargetHours}
          errors={props.errors}
        />
        <SaveButton text={t(cm.saveWorkflow)} />
      </DraftForm>
      {props.saved ? (
        <form method="post" action={action}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="rowVersion" value={String(props.rowVersion)} />
          <button type="submit" name="action" value="remove-workflow" class="dm-danger" safe>
            {t(cm.removeWorkflow)}
          </button>
        </form>
      ) : (
        ''
      )}
    </AdminPage>
  );
}
