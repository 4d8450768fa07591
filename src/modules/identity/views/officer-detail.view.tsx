/** One officer: details, roles (grant, revoke), account actions, and a temporary password shown once. */

import { translator } from '../../../platform/html/i18n.js';
import { CsrfField, ErrorSummary, Layout, type PageContext } from '../../../platform/html/layout.js';
import type { Role } from '../../../platform/http/access.js';
import type { OfficerSummary } from '../officers-admin.service.js';
import { fill, m, ROLE_LABELS } from './officers-admin.messages.js';
import {
  AgencySelect,
  type FormErrors,
  Notice,
  OFFICERS_PATH,
  officerHref,
  RoleSelect,
  StyleSheet,
  TextField,
} from './officers-admin.parts.js';
import { statusText } from './officers-list.view.js';

export interface DetailProps {
  ctx: PageContext;
  csrf: string;
  officer: OfficerSummary;
  nameOf: (id: string) => string;
  canManage: boolean;
  isSelf: boolean;
  /** Agencies and roles the caller may grant. */
  agencies: { id: string; name: string }[];
  roles: readonly Role[];
  errors: FormErrors;
  /** Form values sent back after an error. */
  form?: Record<string, string | undefined>;
  done?: string;
  temporaryPassword?: string;
  now: Date;
}

function TemporaryPassword(props: { ctx: PageContext; username: string; password: string | undefined }) {
  const t = translator(props.ctx.lang);
  if (!props.password) return '';
  return (
    <section class="once" aria-labelledby="once-title">
      <h2 id="once-title" safe>
        {t(m.tempPasswordTitle)}
      </h2>
      <p safe>{fill(t(m.tempPasswordBody), { username: props.username })}</p>
      <p>
        <code class="once__secret" data-testid="temporary-password" safe>
          {props.password}
        </code>
      </p>
    </section>
  );
}

function Action(props: { href: string; csrf: string; label: string; hint?: string; danger?: boolean }) {
  return (
    <form class="action" method="post" action={props.href}>
      <CsrfField token={props.csrf} />
      <button class={props.danger ? 'button button--danger' : 'button button--secondary'} type="submit" safe>
        {props.label}
      </button>
      {props.hint ? (
        <span class="hint" safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
    </form>
  );
}

function Roles(props: DetailProps) {
  const t = translator(props.ctx.lang);
  const o = props.officer;
  const manage = props.canManage && !props.isSelf;
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title" safe>
        {t(m.roles)}
      </h2>
      {o.grants.length === 0 ? (
        <p class="muted" safe>
          {t(m.noRoles)}
        </p>
      ) : (
        ''
      )}
      <ul class="grant-rows">
        {o.grants.map((g) => {
          const role = t(ROLE_LABELS[g.role]);
          const agency = props.nameOf(g.agencyId);
          return (
            <li>
              <span safe>{`${role} · ${agency}`}</span>
              {manage && props.roles.includes(g.role) ? (
                <form method="post" action={`${officerHref(o.id)}/vai-tro/thu-hoi`}>
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="agencyId" value={g.agencyId} />
                  <input type="hidden" name="role" value={g.role} />
                  <button
                    class="button button--small button--secondary"
                    type="submit"
                    aria-label={fill(t(m.revokeLabel), { role, agency })}
                    safe
                  >
                    {t(m.revoke)}
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ul>
      {props.canManage && props.agencies.length > 0 ? (
        <form class="inline-form" method="post" action={`${officerHref(o.id)}/vai-tro`}>
          <CsrfField token={props.csrf} />
          <h3 safe>{t(m.addRole)}</h3>
          <AgencySelect
            lang={props.ctx.lang}
            id="agencyId"
            agencies={props.agencies}
            selected={props.form?.agencyId}
            errors={props.errors}
            emptyLabel={t(m.chooseAgency)}
          />
          <RoleSelect
            lang={props.ctx.lang}
            id="role"
            roles={props.roles}
            selected={props.form?.role}
            errors={props.errors}
            emptyLabel={t(m.chooseRole)}
          />
          <button class="button" type="submit" safe>
            {t(m.grant)}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function AccountActions(props: DetailProps) {
  const t = translator(props.ctx.lang);
  const o = props.officer;
  const base = officerHref(o.id);
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title" safe>
        {t(m.account)}
      </h2>
      <dl class="facts">
        <dt safe>{t(m.statusLabel)}</dt>
        <dd data-testid="officer-status" safe>
          {statusText(props.ctx.lang, o, props.now)}
        </dd>
        <dt safe>{t(m.totpLabel)}</dt>
        <dd safe>{o.totp_enabled_at ? t(m.totpOn) : t(m.totpOff)}</dd>
        {o.must_change_password ? (
          <>
            <dt safe>{t(m.passwordLabel)}</dt>
            <dd safe>{t(m.mustChange)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {props.canManage && !props.isSelf ? (
        <div class="actions">
          <Action
            href={`${base}/mat-khau`}
            csrf={props.csrf}
            label={t(m.resetPassword)}
            hint={t(m.resetPasswordHint)}
          />
          <Action href={`${base}/totp`} csrf={props.csrf} label={t(m.resetTotp)} hint={t(m.resetTotpHint)} />
          {o.disabled_at ? (
            <Action href={`${base}/mo-khoa`} csrf={props.csrf} label={t(m.enable)} />
          ) : (
            <Action
              href={`${base}/khoa`}
              csrf={props.csrf}
              label={t(m.disable)}
              hint={t(m.disableHint)}
              danger
            />
          )}
        </div>
      ) : (
        ''
      )}
    </section>
  );
}

function Profile(props: DetailProps) {
  const t = translator(props.ctx.lang);
  const o = props.officer;
  const v = (field: string, fallback: string | null) => props.form?.[field] ?? fallback;
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title" safe>
        {t(m.profile)}
      </h2>
      <form class="stacked-form" method="post" action={officerHref(o.id)} novalidate>
        <CsrfField token={props.csrf} />
        <TextField
          name="fullName"
          label={t(m.fullNameLabel)}
          value={v('fullName', o.full_name)}
          errors={props.errors}
        />
        <TextField
          name="email"
          label={t(m.emailLabel)}
          value={v('email', o.email)}
          errors={props.errors}
          type="email"
        />
        <TextField
          name="phone"
          label={t(m.phoneLabel)}
          value={v('phone', o.phone)}
          errors={props.errors}
          type="tel"
        />
        <TextField
          name="jobTitle"
          label={t(m.jobTitleLabel)}
          value={v('jobTitle', o.job_title)}
          errors={props.errors}
        />
        <button class="button" type="submit" safe>
          {t(m.save)}
        </button>
      </form>
    </section>
  );
}

function ReadOnlyProfile(props: DetailProps) {
  const t = translator(props.ctx.lang);
  const o = props.officer;
  const rows: [string, string | null][] = [
    [t(m.emailLabel), o.email],
    [t(m.phoneLabel), o.phone],
    [t(m.jobTitleLabel), o.job_title],
  ];
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title" safe>
        {t(m.profile)}
      </h2>
      <p class="notice" safe>
        {t(m.readOnly)}
      </p>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <>
            <dt safe>{label}</dt>
            <dd safe>{value ?? '—'}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

export function OfficerDetailView(props: DetailProps) {
  const o = props.officer;
  const t = translator(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={o.full_name}>
      <StyleSheet />
      <p>
        <a href={OFFICERS_PATH} safe>
          {t(m.backToList)}
        </a>
      </p>
      <h1 safe>{o.full_name}</h1>
      <p>
        <code safe>{o.username}</code>
      </p>
      <Notice text={props.done} />
      <ErrorSummary lang={props.ctx.lang} items={props.errors.items} />
      <TemporaryPassword ctx={props.ctx} username={o.username} password={props.temporaryPassword} />
      <Roles {...props} />
      <AccountActions {...props} />
      {props.canManage ? <Profile {...props} /> : <ReadOnlyProfile {...props} />}
    </Layout>
  );
}
