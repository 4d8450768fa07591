/** The desk's actions available now (the lifecycle decides which): each a small form posting back. */
import type { PropsWithChildren } from '@kitajs/html';
import { type Lang, translator } from '../../../../platform/html/i18n.js';
import { CsrfField } from '../../../../platform/html/layout.js';
import type { Dossier } from '../../dossier.js';
import { m } from './desk.messages.js';
import { DESK_PATH, type FormErrors, SelectField, TextArea, TextField } from './desk-parts.js';

export const COMPLETION_ROWS = 3;
export const OTHER = '__other';

export interface DeskActionsProps {
  lang: Lang;
  d: Dossier;
  csrf: string;
  errors: FormErrors;
  /** Values posted with the form that failed, to show them again. */
  form: Record<string, string>;
  can: { receive: boolean; completion: boolean; refuse: boolean; payment: boolean; withdraw: boolean };
  /** Still to pay (fee lines minus payments), in đồng. */
  due: number;
}

function ActionForm(
  props: PropsWithChildren<{
    d: Dossier;
    csrf: string;
    path: string;
    title: string;
    button: string;
    danger?: boolean;
  }>,
) {
  return (
    <section class="desk-action">
      <h3 id={`act-${props.path}`} safe>
        {props.title}
      </h3>
      <form
        method="post"
        action={`${DESK_PATH}/ho-so/${props.d.code}/${props.path}`}
        aria-labelledby={`act-${props.path}`}
        novalidate
      >
        <CsrfField token={props.csrf} />
        <input type="hidden" name="rowVersion" value={String(props.d.rowVersion)} />
        {props.children}
        <button class={props.danger ? 'button button--danger' : 'button'} type="submit" safe>
          {props.button}
        </button>
      </form>
    </section>
  );
}

function CompletionRows(props: DeskActionsProps) {
  const t = translator(props.lang);
  const options = [
    { value: '', label: '—' },
    ...props.d.components.map((c) => ({ value: c.name, label: c.name })),
    { value: OTHER, label: t(m.otherDocument) },
  ];
  return (
    <>
      {Array.from({ length: COMPLETION_ROWS }, (_, i) => (
        <fieldset class="desk-row">
          <legend safe>{`${t(m.missingName)} ${i + 1}`}</legend>
          <SelectField
            name={`missing.${i}.name`}
            label={t(m.missingName)}
            errors={props.errors}
            options={options}
            selected={props.form[`missing.${i}.name`]}
          />
          <TextField
            name={`missing.${i}.other`}
            label={t(m.otherDocument)}
            value={props.form[`missing.${i}.other`]}
            errors={props.errors}
          />
          <TextField
            name={`missing.${i}.reason`}
            label={t(m.missingReason)}
            value={props.form[`missing.${i}.reason`]}
            errors={props.errors}
          />
        </fieldset>
      ))}
    </>
  );
}

export function DeskActions(props: DeskActionsProps) {
  const t = translator(props.lang);
  const { can, d, csrf, errors, form } = props;
  const any = Object.values(can).some(Boolean);
  return (
    <section class="desk-actions">
      <h2 id="thao-tac" safe>
        {t(m.actions)}
      </h2>
      {!any ? (
        <p class="muted" safe>
          {t(m.noActions)}
        </p>
      ) : (
        ''
      )}
      {can.receive ? (
        <ActionForm d={d} csrf={csrf} path="tiep-nhan" title={t(m.receiveTitle)} button={t(m.receiveButton)}>
          <TextField name="exemption" label={t(m.exemption)} value={form.exemption} errors={errors} />
          {props.due > 0 ? (
            <div class="desk-grid">
              <TextField
                name="payment.amount"
                label={`${t(m.paymentAmount)} · ${t(m.total)} ${props.due.toLocaleString('vi-VN')} đ`}
                value={form['payment.amount']}
                errors={errors}
                inputmode="numeric"
              />
              <TextField
                name="payment.receiptNumber"
                label={t(m.receiptNumber)}
                value={form['payment.receiptNumber']}
                errors={errors}
              />
            </div>
          ) : (
            ''
          )}
          <TextArea name="note" label={t(m.note)} value={form.note} errors={errors} />
        </ActionForm>
      ) : (
        ''
      )}
      {can.completion ? (
        <ActionForm
          d={d}
          csrf={csrf}
          path="yeu-cau-bo-sung"
          title={t(m.completionTitle)}
          button={t(m.completionButton)}
        >
          <span id="missing" />
          <CompletionRows {...props} />
          <TextArea
            name="generalReason"
            label={t(m.generalReason)}
            value={form.generalReason}
            errors={errors}
          />
        </ActionForm>
      ) : (
        ''
      )}
      {can.refuse ? (
        <ActionForm
          d={d}
          csrf={csrf}
          path="tu-choi"
          title={t(m.refuseTitle)}
          button={t(m.refuseButton)}
          danger
        >
          <TextArea name="reason" label={t(m.reason)} value={form.reason} errors={errors} required />
        </ActionForm>
      ) : (
        ''
      )}
      {can.payment ? (
        <ActionForm d={d} csrf={csrf} path="thu-tien" title={t(m.paymentTitle)} button={t(m.paymentButton)}>
          <div class="desk-grid">
            <TextField
              name="payment.amount"
              label={`${t(m.paymentAmount)} · ${t(m.total)} ${props.due.toLocaleString('vi-VN')} đ`}
              value={form['payment.amount']}
              errors={errors}
              inputmode="numeric"
            />
            <TextField
              name="payment.receiptNumber"
              label={t(m.receiptNumber)}
              value={form['payment.receiptNumber']}
              errors={errors}
            />
          </div>
        </ActionForm>
      ) : (
        ''
      )}
      {can.withdraw ? (
        <ActionForm
          d={d}
          csrf={csrf}
          path="rut"
          title={t(m.withdrawTitle)}
          button={t(m.withdrawButton)}
          danger
        >
          <TextArea
            name="withdrawReason"
            label={t(m.reason)}
            value={form.withdrawReason}
            errors={errors}
            required
          />
        </ActionForm>
      ) : (
        ''
      )}
    </section>
  );
}
