/**
 * One form per action the officer may take now. The fields come from what the transition table says
 * the action needs (reason, target step, assignee, receipt number, new due time), so an action added
 * to the table shows up here with its fields without a change to this page.
 */
import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, type PageContext } from '../../../platform/html/layout.js';
import {
  ATTACHMENT_ACCEPT,
  type FormErrors,
  NO_ERRORS,
  SelectField,
  TextArea,
  TextField,
} from '../../dossiers/index.js';
import { actionName, m } from './officer.messages.js';
import { actionHref, officerDossierHref } from './officer-parts.js';

export interface ActionFormsProps {
  ctx: PageContext;
  code: string;
  rowVersion: number;
  csrf: string;
  actions: { action: string; needs: readonly string[] }[];
  /** Steps before the current one (return_step's choices). */
  earlierSteps: { position: number; name: string }[];
  assignees: { id: string; full_name: string }[];
  /** The action posted last, what was typed in it, and its errors. */
  posted: { action: string; form: Record<string, string>; errors: FormErrors } | null;
  /** Working documents the caller uploaded that no action carried yet (a refused action's files). */
  waitingFiles: { id: string; fileName: string }[];
  /** The current step's kind: at "approve_sign" the decision is the result's signature. */
  currentStepKind?: string | null;
}

/** The result page of the results module: where the leader signs and the desk returns the result. */
export const resultHref = (code: string) => `${officerDossierHref(code)}/ket-qua`;

/**
 * Actions taken on the result page instead of a bare form here: the leader's decision at the
 * approve-and-sign step is the signature, and the return records who received the result.
 */
const onResultPage = (action: string, stepKind: string | null | undefined) =>
  action === 'return_result' || (action === 'complete' && stepKind === 'approve_sign');

/** Actions whose form sends working documents along (multipart). */
export const FILE_ACTIONS: ReadonlySet<string> = new Set([
  'forward',
  'transfer',
  'return_step',
  'receive_handover',
  'complete',
  'request_supplement',
  'stop',
]);

function AttachFields(props: ActionFormsProps & { action: string }) {
  const t = translator(props.ctx.lang);
  const id = `${props.action}-files`;
  const errors = props.posted?.action === props.action ? props.posted.errors : NO_ERRORS;
  const error = errors.items.find((e) => e.field === 'files')?.text;
  return (
    <>
      {props.waitingFiles.length > 0 ? (
        <fieldset class="wf-waiting">
          <legend safe>{t(m.attachWaiting)}</legend>
          {props.waitingFiles.map((f) => (
            <label>
              <input type="checkbox" name="fileIds" value={f.id} checked /> <span safe>{f.fileName}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        ''
      )}
      <div class={error ? 'field field--error' : 'field'}>
        <label for={id} safe>
          {t(m.attachFiles)}
        </label>
        <span class="hint" id={`${id}-hint`} safe>
          {t(m.attachHint)}
        </span>
        {error ? (
          <span class="field-error" id={`${id}-error`} safe>
            {error}
          </span>
        ) : (
          ''
        )}
        <input
          id={id}
          type="file"
          name="files"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
    </>
  );
}

const DANGER = new Set(['stop', 'withdraw', 'return_step']);

function Fields(props: ActionFormsProps & { action: string; needs: readonly string[] }) {
  const t = translator(props.ctx.lang);
  const mine = props.posted?.action === props.action ? props.posted : null;
  const value = (name: string) => mine?.form[name] ?? '';
  const errors = mine?.errors ?? NO_ERRORS;
  const id = (name: string) => `${props.action}-${name}`;
  const needs = new Set(props.needs);
  return (
    <>
      {needs.has('targetStep') ? (
        <SelectField
          id={id('targetStep')}
          name="targetStep"
          label={t(m.targetStep)}
          errors={errors}
          selected={value('targetStep')}
          options={[
            { value: '', label: t(m.chooseOne) },
            ...props.earlierSteps.map((s) => ({
              value: String(s.position),
              label: `${s.position + 1}. ${s.name}`,
            })),
          ]}
        />
      ) : (
        ''
      )}
      {needs.has('assignee') ? (
        <SelectField
          id={id('assignee')}
          name="assignee"
          label={t(m.assignee)}
          errors={errors}
          selected={value('assignee')}
          options={[
            { value: '', label: t(m.chooseOne) },
            ...props.assignees.map((o) => ({ value: o.id, label: o.full_name })),
          ]}
        />
      ) : (
        ''
      )}
      {needs.has('receiptNumber') ? (
        <>
          <TextField
            id={id('receiptNumber')}
            name="receiptNumber"
            label={t(m.receiptNumber)}
            value={value('receiptNumber')}
            errors={errors}
            required
          />
          <TextField
            id={id('amount')}
            name="amount"
            label={t(m.amount)}
            value={value('amount')}
            errors={errors}
            inputmode="numeric"
          />
          <SelectField
            id={id('method')}
            name="method"
            label={t(m.method)}
            errors={errors}
            selected={value('method') || 'cash'}
            options={[
              { value: 'cash', label: t(m.cash) },
              { value: 'transfer', label: t(m.transfer) },
            ]}
          />
        </>
      ) : (
        ''
      )}
      {needs.has('newDueAt') ? (
        <TextField
          id={id('newDueAt')}
          name="newDueAt"
          label={t(m.newDueAt)}
          type="datetime-local"
          value={value('newDueAt')}
          errors={errors}
          required
        />
      ) : (
        ''
      )}
      {needs.has('reason') ? (
        <TextArea
          id={id('reason')}
          name="reason"
          label={t(m.reason)}
          value={value('reason')}
          errors={errors}
          required
        />
      ) : (
        ''
      )}
      {props.action !== 'claim' ? (
        <TextField id={id('note')} name="note" label={t(m.note)} value={value('note')} errors={errors} />
      ) : (
        ''
      )}
    </>
  );
}

export function ActionForms(props: ActionFormsProps) {
  const t = translator(props.ctx.lang);
  if (props.actions.length === 0)
    return (
      <p class="notice" safe>
        {t(m.noActions)}
      </p>
    );
  return (
    <div class="wf-actions">
      {props.actions.some((a) => onResultPage(a.action, props.currentStepKind)) ? (
        <p class="wf-result-link">
          <a class="button" href={resultHref(props.code)} safe>
            {props.actions.some((a) => a.action === 'return_result') ? t(m.goReturn) : t(m.goSign)}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.actions
        .filter((a) => !onResultPage(a.action, props.currentStepKind))
        .map(({ action, needs }) => (
          // A form with files is read as a stream by the handler: its CSRF token travels in the URL.
          <form
            method="post"
            action={
              FILE_ACTIONS.has(action)
                ? `${actionHref(props.code, action)}?_csrf=${encodeURIComponent(props.csrf)}`
                : actionHref(props.code, action)
            }
            enctype={FILE_ACTIONS.has(action) ? 'multipart/form-data' : undefined}
            aria-labelledby={`${action}-title`}
          >
            <h3 id={`${action}-title`} safe>
              {t(actionName(action))}
            </h3>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="rowVersion" value={String(props.rowVersion)} />
            <Fields {...props} action={action} needs={needs} />
            {FILE_ACTIONS.has(action) ? <AttachFields {...props} action={action} /> : ''}
            <button class={DANGER.has(action) ? 'button button--danger' : 'button'} type="submit" safe>
              {t(actionName(action))}
            </button>
          </form>
        ))}
    </div>
  );
}
