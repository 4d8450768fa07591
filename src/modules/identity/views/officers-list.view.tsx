/** The officer list (dense table, GET filter form, keyset pages) and the form that adds an officer. */

import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext, Pager } from '../../../platform/html/layout.js';
import type { Grant, Role } from '../../../platform/http/access.js';
import type { OfficerSummary } from '../officers-admin.service.js';
import { m, ROLE_LABELS } from './officers-admin.messages.js';
import {
  AgencySelect,
  type FormErrors,
  OFFICERS_PATH,
  officerHref,
  RoleSelect,
  StyleSheet,
  TextField,
} from './officers-admin.parts.js';

export interface ListFilter {
  q: string;
  agencyId: string;
  role: string;
}

export function GrantList(props: {
  lang: PageContext['lang'];
  grants: Grant[];
  nameOf: (id: string) => string;
}) {
  const t = translator(props.lang);
  if (props.grants.length === 0)
    return (
      <span class="muted" safe>
        {t(m.noRoles)}
      </span>
    );
  return (
    <ul class="grant-list">
      {props.grants.map((g) => (
        <li safe>{`${t(ROLE_LABELS[g.role])} · ${props.nameOf(g.agencyId)}`}</li>
      ))}
    </ul>
  );
}

export function statusText(lang: PageContext['lang'], o: OfficerSummary, now: Date): string {
  const t = translator(lang);
  if (o.disabled_at) return t(m.disabled);
  if (o.locked_until && o.locked_until > now) return t(m.locked);
  return t(m.active);
}

export function OfficerListView(props: {
  ctx: PageContext;
  filter: ListFilter;
  agencies: { id: string; name: string }[];
  items: OfficerSummary[];
  nameOf: (id: string) => string;
  nextHref: string | null;
  firstHref: string | null;
  canCreate: boolean;
  now: Date;
}) {
  const t = translator(props.ctx.lang);
  const lang = props.ctx.lang;
  return (
    <Layout ctx={props.ctx} title={t(m.listTitle)}>
      <StyleSheet />
      <h1 safe>{t(m.listTitle)}</h1>
      <p class="lead" safe>
        {t(m.listLead)}
      </p>
      {props.canCreate ? (
        <p>
          <a class="button" href={`${OFFICERS_PATH}/moi`} safe>
            {t(m.newOfficer)}
          </a>
        </p>
      ) : (
        ''
      )}
      <search aria-label={t(m.filter)}>
        <form class="filter-form" method="get" action={OFFICERS_PATH}>
          <TextField
            name="q"
            label={t(m.qLabel)}
            value={props.filter.q}
            errors={{ items: [] }}
            type="search"
          />
          <AgencySelect
            lang={lang}
            id="filter-agency"
            agencies={props.agencies}
            selected={props.filter.agencyId}
            emptyLabel={t(m.anyAgency)}
          />
          <RoleSelect lang={lang} id="filter-role" selected={props.filter.role} emptyLabel={t(m.anyRole)} />
          <button class="button button--secondary" type="submit" safe>
            {t(m.filter)}
          </button>
        </form>
      </search>
      {props.items.length === 0 ? (
        <p class="notice" safe>
          {t(m.noOfficers)}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(m.colName)}
                </th>
                <th scope="col" safe>
                  {t(m.colUsername)}
                </th>
                <th scope="col" safe>
                  {t(m.colRoles)}
                </th>
                <th scope="col" safe>
                  {t(m.colStatus)}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((o) => (
                <tr>
                  <td class="data-table__name">
                    <a href={officerHref(o.id)} safe>
                      {o.full_name}
                    </a>
                  </td>
                  <td data-label={t(m.colUsername)}>
                    <code safe>{o.username}</code>
                  </td>
                  <td data-label={t(m.colRoles)}>
                    <GrantList lang={lang} grants={o.grants} nameOf={props.nameOf} />
                  </td>
                  <td data-label={t(m.colStatus)} safe>
                    {statusText(lang, o, props.now)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t(m.pagination)}
        firstText={t(m.firstPage)}
        nextText={t(m.nextPage)}
        firstHref={props.firstHref}
        nextHref={props.nextHref}
      />
    </Layout>
  );
}

export interface CreateForm {
  username?: string;
  fullName?: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
  agencyId?: string;
  role?: string;
}

export function CreateOfficerView(props: {
  ctx: PageContext;
  csrf: string;
  form: CreateForm;
  errors: FormErrors;
  agencies: { id: string; name: string }[];
  roles: readonly Role[];
}) {
  const t = translator(props.ctx.lang);
  const lang = props.ctx.lang;
  const { form, errors } = props;
  return (
    <Layout ctx={props.ctx} title={t(m.createTitle)}>
      <StyleSheet />
      <p>
        <a href={OFFICERS_PATH} safe>
          {t(m.backToList)}
        </a>
      </p>
      <h1 safe>{t(m.createTitle)}</h1>
      <p class="lead" safe>
        {t(m.createLead)}
      </p>
      <ErrorSummary lang={lang} items={errors.items} />
      <form class="stacked-form" method="post" action={OFFICERS_PATH} novalidate>
        <CsrfField token={props.csrf} />
        <TextField
          name="username"
          label={t(m.usernameLabel)}
          hint={t(m.usernameHint)}
          value={form.username}
          errors={errors}
          required
        />
        <TextField
          name="fullName"
          label={t(m.fullNameLabel)}
          value={form.fullName}
          errors={errors}
          required
        />
        <TextField name="email" label={t(m.emailLabel)} value={form.email} errors={errors} type="email" />
        <TextField name="phone" label={t(m.phoneLabel)} value={form.phone} errors={errors} type="tel" />
        <TextField name="jobTitle" label={t(m.jobTitleLabel)} value={form.jobTitle} errors={errors} />
        <fieldset>
          <legend safe>{t(m.firstRole)}</legend>
          <AgencySelect
            lang={lang}
            id="agencyId"
            agencies={props.agencies}
            selected={form.agencyId}
            errors={errors}
            emptyLabel={t(m.chooseAgency)}
          />
          <RoleSelect
            lang={lang}
            id="role"
            roles={props.roles}
            selected={form.role}
            errors={errors}
            emptyLabel={t(m.chooseRole)}
          />
        </fieldset>
        <button class="button" type="submit" safe>
          {t(m.create)}
        </button>
      </form>
    </Layout>
  );
}
