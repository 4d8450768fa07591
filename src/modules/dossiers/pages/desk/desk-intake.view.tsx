/** The counter form: find the procedure, look the citizen up, enter the dossier, create it. */
import { translator } from '../../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../../platform/html/layout.js';
import type { ProcedureSearchHit } from '../../../catalogue/index.js';
import { m } from './desk.messages.js';
import type { IntakeForm } from './desk-intake.js';
import {
  DESK_PATH,
  type FormErrors,
  INTAKE_PATH,
  NO_ERRORS,
  RadioGroup,
  SelectField,
  StyleSheet,
  TextField,
} from './desk-parts.js';

export interface IntakeLookups {
  find: string;
  hits: ProcedureSearchHit[] | null;
  lookup: string;
  found: boolean | null;
}

function Lookups(props: { lang: PageContext['lang']; form: IntakeForm; lookups: IntakeLookups }) {
  const t = translator(props.lang);
  const { lookups, form } = props;
  const keep = (name: string, value: string | undefined) =>
    value ? <input type="hidden" name={name} value={value} /> : '';
  return (
    <div class="desk-lookups">
      <search aria-label={t(m.findProcedure)}>
        <form class="desk-lookup" method="get" action={INTAKE_PATH}>
          <TextField
            name="tim"
            id="tim"
            label={t(m.findProcedure)}
            value={lookups.find}
            errors={NO_ERRORS}
            type="search"
          />
          {keep('cccd', lookups.lookup)}
          <button class="button button--secondary" type="submit" safe>
            {t(m.findProcedureButton)}
          </button>
        </form>
        {lookups.hits === null ? (
          ''
        ) : lookups.hits.length === 0 ? (
          <p class="notice" safe>
            {t(m.noProcedures)}
          </p>
        ) : (
          <ul class="desk-hits">
            {lookups.hits.map((h) => {
              const q = new URLSearchParams({ 'thu-tuc': h.code });
              if (lookups.lookup) q.set('cccd', lookups.lookup);
              return (
                <li>
                  <a href={`${INTAKE_PATH}?${q}`}>
                    <span safe>{t(m.choose)}</span> <code safe>{h.code}</code>
                  </a>{' '}
                  <span safe>{h.name}</span>
                </li>
              );
            })}
          </ul>
        )}
      </search>
      <search aria-label={t(m.lookupCitizen)}>
        <form class="desk-lookup" method="get" action={INTAKE_PATH}>
          <TextField
            name="cccd"
            id="cccd"
            label={t(m.lookupCitizen)}
            value={lookups.lookup}
            errors={NO_ERRORS}
            inputmode="numeric"
          />
          {keep('thu-tuc', form.procedureCode)}
          <button class="button button--secondary" type="submit" safe>
            {t(m.lookupButton)}
          </button>
        </form>
        {lookups.found === null ? (
          ''
        ) : (
          <p class="notice" role="status" safe>
            {t(lookups.found ? m.citizenFound : m.citizenNotFound)}
          </p>
        )}
      </search>
    </div>
  );
}

export function DeskIntakeView(props: {
  ctx: PageContext;
  csrf: string;
  form: IntakeForm;
  errors: FormErrors;
  lookups: IntakeLookups;
  /** The communes a dossier can be routed to, by name; empty: the code is typed. */
  communes: { code: string; name: string }[];
}) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const { form, errors } = props;
  const communeField = () => {
    const value = form['applicant.communeCode'] ?? '';
    const known = props.communes.some((c) => c.code === value);
    return (
      <SelectField
        name="applicant.communeCode"
        label={t(m.communeCode)}
        errors={errors}
        selected={value}
        options={[
          { value: '', label: t(m.chooseCommune) },
          ...(value && !known ? [{ value, label: value }] : []),
          ...props.communes.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
        ]}
      />
    );
  };
  const person = (prefix: 'applicant' | 'owner', fields: readonly string[]) =>
    fields.map((f) =>
      prefix === 'applicant' && f === 'communeCode' && props.communes.length > 0 ? (
        communeField()
      ) : (
        <TextField
          name={`${prefix}.${f}`}
          label={t(m[f as 'name'])}
          hint={f === 'communeCode' ? t(m.communeHint) : undefined}
          value={form[`${prefix}.${f}`]}
          errors={errors}
          type={f === 'birthDate' ? 'date' : f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
          inputmode={f === 'communeCode' || f === 'idNumber' ? 'numeric' : undefined}
          required={prefix === 'applicant' && (f === 'name' || f === 'idNumber')}
        />
      ),
    );
  return (
    <Layout ctx={props.ctx} title={t(m.intakeTitle)}>
      <StyleSheet />
      <p>
        <a href={DESK_PATH} safe>
          {t(m.backToList)}
        </a>
      </p>
      <h1 safe>{t(m.intakeTitle)}</h1>
      <p class="lead" safe>
        {t(m.intakeLead)}
      </p>
      <ErrorSummary lang={lang} items={errors.items} />
      <Lookups lang={lang} form={form} lookups={props.lookups} />
      <form class="stacked-form desk-intake" method="post" action={INTAKE_PATH} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="key" value={form.key ?? ''} />
        <TextField
          name="procedureCode"
          label={t(m.procedureCode)}
          hint={t(m.procedureCodeHint)}
          value={form.procedureCode}
          errors={errors}
          required
        />
        <fieldset>
          <legend safe>{t(m.applicant)}</legend>
          <div class="desk-grid">
            {person('applicant', [
              'name',
              'idNumber',
              'birthDate',
              'phone',
              'email',
              'address',
              'communeCode',
            ])}
          </div>
        </fieldset>
        <fieldset>
          <legend safe>{t(m.owner)}</legend>
          <div class="desk-grid">{person('owner', ['name', 'idNumber', 'birthDate', 'address'])}</div>
        </fieldset>
        <RadioGroup
          name="channel"
          label={t(m.channel)}
          errors={errors}
          selected={form.channel || '1'}
          options={[
            { value: '1', label: t(m.channel1Long) },
            { value: '3', label: t(m.channel3Long) },
            { value: '2', label: t(m.channel2Long) },
          ]}
        />
        <RadioGroup
          name="returnMethod"
          label={t(m.returnMethod)}
          errors={errors}
          selected={form.returnMethod || 'desk'}
          options={[
            { value: 'desk', label: t(m.returnDesk) },
            { value: 'post', label: t(m.returnPost) },
            { value: 'online', label: t(m.returnOnline) },
          ]}
        />
        <TextField
          name="returnAddress"
          label={t(m.returnAddress)}
          value={form.returnAddress}
          errors={errors}
        />
        <button class="button" type="submit" safe>
          {t(m.createButton)}
        </button>
      </form>
    </Layout>
  );
}
