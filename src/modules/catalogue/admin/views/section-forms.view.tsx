/** The draft editor's content sections as forms, values as typed and errors next to each field. */
import { type Lang, translator } from '../../../../platform/html/i18n.js';
import type { PageContext } from '../../../../platform/html/layout.js';
import { Field, type FormError, Select } from '../../../admin-units/index.js';
import type { ProcedureContent } from '../../content.js';
import { CHANNEL_LABELS, FEE_KINDS, ONLINE_LABELS, TIME_UNITS } from '../../views/messages.js';
import type { FormState } from '../form-state.js';
import type { SectionKey } from '../section-forms.js';
import { cm } from './catalogue-admin.messages.js';
import { AdminPage, Checkbox, DraftForm, draftHref, Rows, SaveButton, SECTION_PATHS } from './form-parts.js';

export interface SectionPageProps {
  ctx: PageContext;
  csrf: string;
  code: string;
  name: string;
  section: SectionKey;
  rowVersion: number;
  content: ProcedureContent;
  state: FormState;
  errors: readonly FormError[];
  notice?: string | undefined;
}

type Body = { lang: Lang; s: FormState; errors: readonly FormError[]; content: ProcedureContent };

function General({ lang, s, errors }: Body) {
  const t = translator(lang);
  const f = s.fields;
  return (
    <>
      <Field name="name" label={t(cm.name)} value={f.name} errors={errors} required multiline />
      <Field name="field" label={t(cm.field)} value={f.field} errors={errors} />
      <Select
        name="onlineLevel"
        label={t(cm.onlineLevel)}
        value={f.onlineLevel ?? 'none'}
        errors={errors}
        options={(['none', 'mot_phan', 'toan_trinh'] as const).map((v) => ({
          value: v,
          label: t(ONLINE_LABELS[v]),
        }))}
      />
      <p class="qt-hint" safe>
        {t(cm.onlineHint)}
      </p>
      <Field
        name="conditionsText"
        label={t(cm.conditions)}
        value={f.conditionsText}
        errors={errors}
        multiline
      />
      <Field name="stepsText" label={t(cm.stepsText)} value={f.stepsText} errors={errors} multiline />
      <Checkbox
        name="cutOffSameDay"
        label={t(cm.cutOffSameDay)}
        checked={f.cutOffSameDay === 'on'}
        errors={errors}
      />
      <Field name="cutOffTime" label={t(cm.cutOffTime)} value={f.cutOffTime} errors={errors} />
      <Field name="cutOffText" label={t(cm.cutOffText)} value={f.cutOffText} errors={errors} multiline />
    </>
  );
}

function Components({ lang, s, errors }: Body) {
  const t = translator(lang);
  const rows = s.rows.component ?? [];
  return (
    <Rows
      lang={lang}
      group="component"
      count={rows.length}
      legend={(i) => `${t(cm.component)} ${i + 1}`}
      addText={t(cm.addComponent)}
      row={(i) => {
        const r = rows[i] ?? {};
        const n = (k: string) => `component-${i}-${k}`;
        return (
          <>
            <input type="hidden" name={n('from')} value={r.from ?? 'new'} />
            <Field
              name={n('name')}
              label={t(cm.componentName)}
              value={r.name}
              errors={errors}
              required
              multiline
            />
            <div class="dm-grid">
              <Field
                name={n('originals')}
                label={t(cm.originals)}
                value={r.originals}
                errors={errors}
                type="number"
              />
              <Field
                name={n('certifiedCopies')}
                label={t(cm.certifiedCopies)}
                value={r.certifiedCopies}
                errors={errors}
                type="number"
              />
              <Field name={n('copies')} label={t(cm.copies)} value={r.copies} errors={errors} type="number" />
            </div>
            <Select
              name={n('requirement')}
              label={t(cm.requirement)}
              value={r.requirement ?? 'required'}
              errors={errors}
              options={[
                { value: 'required', label: t(cm.required) },
                { value: 'conditional', label: t(cm.conditional) },
              ]}
            />
            <Field
              name={n('conditionText')}
              label={t(cm.conditionText)}
              value={r.conditionText}
              errors={errors}
            />
            <Checkbox
              name={n('reusableData')}
              label={t(cm.reusableData)}
              checked={r.reusableData === 'on'}
              errors={errors}
            />
          </>
        );
      }}
    />
  );
}

function Fees({ lang, s, errors, content }: Body) {
  const t = translator(lang);
  const channels = s.rows.channel ?? [];
  const fees = s.rows.fee ?? [];
  const channelName = (i: number) => {
    const kind = content.channels[i]?.kind;
    return kind ? `${i + 1}. ${t(CHANNEL_LABELS[kind])}` : String(i + 1);
  };
  return (
    <>
      <h2 safe>{t(cm.timeValue)}</h2>
      <Rows
        lang={lang}
        group="channel"
        count={content.channels.length}
        legend={channelName}
        fixed
        row={(i) => {
          const r = channels[i] ?? {};
          const n = (k: string) => `channel-${i}-${k}`;
          return (
            <div class="dm-grid">
              <Field name={n('timeValue')} label={t(cm.timeValue)} value={r.timeValue} errors={errors} />
              <Select
                name={n('timeUnit')}
                label={t(cm.timeUnit)}
                value={r.timeUnit ?? ''}
                errors={errors}
                options={[
                  { value: '', label: t(cm.noUnit) },
                  ...(['gio', 'ngay-lam-viec', 'ngay', 'thang'] as const).map((u) => ({
                    value: u,
                    label: t(TIME_UNITS[u]),
                  })),
                ]}
              />
            </div>
          );
        }}
      />
      <h2 safe>{t(cm.feeLine)}</h2>
      <Rows
        lang={lang}
        group="fee"
        count={fees.length}
        legend={(i) => `${t(cm.feeLine)} ${i + 1}`}
        addText={t(cm.addFee)}
        row={(i) => {
          const r = fees[i] ?? {};
          const n = (k: string) => `fee-${i}-${k}`;
          return (
            <>
              <input type="hidden" name={n('from')} value={r.from ?? 'new'} />
              <div class="dm-grid">
                <Select
                  name={n('kind')}
                  label={t(cm.feeKind)}
                  value={r.kind ?? 'le_phi'}
                  errors={errors}
                  options={(['phi', 'le_phi', 'unspecified'] as const).map((k) => ({
                    value: k,
                    label: t(FEE_KINDS[k]),
                  }))}
                />
                <Field name={n('amount')} label={t(cm.amount)} value={r.amount} errors={errors} />
                <Select
                  name={n('collected')}
                  label={t(cm.collected)}
                  value={r.collected ?? 'before'}
                  errors={errors}
                  options={(['before', 'after', 'unspecified'] as const).map((k) => ({
                    value: k,
                    label: t(cm[k]),
                  }))}
                />
                <Select
                  name={n('channel')}
                  label={t(cm.feeChannel)}
                  value={r.channel ?? ''}
                  errors={errors}
                  options={[
                    { value: '', label: t(cm.allChannels) },
                    ...content.channels.map((_, c) => ({ value: String(c), label: channelName(c) })),
                  ]}
                />
              </div>
              <Field
                name={n('exemptions')}
                label={t(cm.exemptions)}
                value={r.exemptions}
                errors={errors}
                multiline
              />
            </>
          );
        }}
      />
    </>
  );
}

function Reductions({ lang, s, errors }: Body) {
  const t = translator(lang);
  const rows = s.rows.reduction ?? [];
  return (
    <Rows
      lang={lang}
      group="reduction"
      count={rows.length}
      legend={(i) => `${t(cm.reduction)} ${i + 1}`}
      addText={t(cm.addReduction)}
      row={(i) => {
        const r = rows[i] ?? {};
        const n = (k: string) => `reduction-${i}-${k}`;
        return (
          <>
            <div class="dm-grid">
              <Select
                name={n('channel')}
                label={t(cm.channel)}
                value={r.channel ?? 'online'}
                errors={errors}
                options={[
                  { value: 'any', label: t(cm.anyChannel) },
                  ...(['direct', 'online', 'postal'] as const).map((k) => ({
                    value: k,
                    label: t(CHANNEL_LABELS[k]),
                  })),
                ]}
              />
              <Field
                name={n('percent')}
                label={t(cm.percent)}
                value={r.percent}
                errors={errors}
                type="number"
              />
              <Field
                name={n('validFrom')}
                label={t(cm.validFrom)}
                value={r.validFrom}
                errors={errors}
                type="date"
              />
              <Field
                name={n('validTo')}
                label={t(cm.validTo)}
                value={r.validTo}
                errors={errors}
                type="date"
              />
            </div>
            <Field
              name={n('legalBasis')}
              label={t(cm.legalBasis)}
              value={r.legalBasis}
              errors={errors}
              multiline
            />
          </>
        );
      }}
    />
  );
}

const BODIES = { general: General, components: Components, fees: Fees, reductions: Reductions } as const;

export function SectionPage(props: SectionPageProps) {
  const t = translator(props.ctx.lang);
  const Body = BODIES[props.section];
  return (
    <AdminPage
      ctx={props.ctx}
      title={`${t(cm[props.section])} — ${props.code}`}
      back={{ href: draftHref(props.code), text: t(cm.backToDraft) }}
      errors={props.errors}
      notice={props.notice}
    >
      <p lang="vi" safe>
        {props.name}
      </p>
      <DraftForm
        action={draftHref(props.code, SECTION_PATHS[props.section])}
        csrf={props.csrf}
        rowVersion={props.rowVersion}
        saveText={t(cm.save)}
      >
        <Body lang={props.ctx.lang} s={props.state} errors={props.errors} content={props.content} />
        <SaveButton text={t(cm.save)} />
      </DraftForm>
    </AdminPage>
  );
}
