/**
 * Administration pages of the working calendar (quản trị lịch làm việc), no JavaScript, post-
 * redirect-get: `GET /quan-tri/lich-lam-viec?nam=` the year as month grids with its proposed and
 * pending days, `POST …/ngay` confirms one day and `POST …/nam` the year's proposals against the
 * official notice (system administrators: the calendar is province-wide), `POST …/them-ngay` adds a
 * day; editing and removing one day: calendar-day-admin.pages.tsx;
 * `GET|POST /quan-tri/co-quan/{code}/gio-lam-viec` an agency's office hours from a date (its agency
 * administrators, or a system administrator).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { auditActorOf } from '../../platform/audit/actor.js';
import { AppError, type FieldError, validationError } from '../../platform/errors.js';
import { translator } from '../../platform/html/i18n.js';
import type { Role } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import {
  agencyAdminHref,
  assertMayAdministerAgency,
  type FormError,
  formErrors,
  formValue,
  getAgencyByCode,
} from '../admin-units/index.js';
import { listOfficeHours, localDate, periodInForce, setOfficeHours } from './agency-office-hours.service.js';
import { cam } from './calendar-admin.messages.js';
import { addCalendarDay } from './calendar-day-add.service.js';
import { formKeyOf, registerDayPages } from './calendar-day-admin.pages.js';
import { confirmDay, confirmYear, FIRST_YEAR, LAST_YEAR, listCalendarDays } from './calendar-days.service.js';
import { writerOf } from './day-request-key.js';
import { civilFromEpochDay, epochDayOf } from './local-time.js';
import {
  DEFAULT_OFFICE_HOURS_SPEC,
  defineOfficeHours,
  describeOfficeHours,
  type OfficeHoursSpec,
  parseSessions,
} from './office-hours.js';
import {
  ADMIN_CALENDAR_PATH,
  CalendarAdminPage,
  FORM_WEEKDAYS,
  type OfficeHoursForm,
  OfficeHoursPage,
} from './views/calendar-admin.view.js';

type Deps = Pick<AppContext, 'db' | 'clock'>;
const SYSTEM = { officer: ['system_admin'] as readonly Role[] };
const ADMINS = { officer: ['agency_admin', 'system_admin'] as readonly Role[] };
const YearQuery = Type.Object(
  {
    nam: Type.Optional(Type.Integer({ minimum: FIRST_YEAR, maximum: LAST_YEAR })),
    ok: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
const NOTICES = {
  added: cam.dayAdded,
  day: cam.dayConfirmed,
  year: cam.yearConfirmed,
  saved: cam.saved,
  edited: cam.dayEdited,
  removed: cam.dayRemoved,
} as const;
const noticeOf = (req: FastifyRequest) => {
  const ok = (req.query as Record<string, unknown>)?.ok as keyof typeof NOTICES;
  return NOTICES[ok] ? translator(req.lang)(NOTICES[ok]) : undefined;
};
const actorOf = (req: FastifyRequest) => auditActorOf(req.principal, req.ip);
const currentYear = (deps: Deps) => civilFromEpochDay(epochDayOf(deps.clock.now().getTime())).year;

type AddedDay = { date: string; kind: string; name: string; source: string };

async function showYear(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  year: number,
  extra: { errors?: FormError[]; yearSource?: string; added?: AddedDay; formKey?: string } = {},
) {
  return reply.html(
    <CalendarAdminPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      year={year}
      rows={await listCalendarDays(deps.db, year)}
      errors={extra.errors ?? []}
      yearSource={extra.yearSource ?? ''}
      added={extra.added ?? { date: '', kind: 'holiday', name: '', source: '' }}
      formKey={extra.formKey ?? formKeyOf(req)}
      notice={noticeOf(req)}
    />,
  );
}

function registerYearPages(app: App, deps: Deps) {
  app.get(
    ADMIN_CALENDAR_PATH,
    { config: { access: SYSTEM }, schema: { querystring: YearQuery } },
    (req, reply) =>
      showYear(
        deps,
        req,
        reply,
        req.query.nam ?? civilFromEpochDay(epochDayOf(deps.clock.now().getTime())).year,
      ),
  );

  app.post(`${ADMIN_CALENDAR_PATH}/ngay`, { config: { access: SYSTEM } }, async (req, reply) => {
    const date = formValue(req, 'date');
    const year = Number(date.slice(0, 4));
    try {
      await confirmDay(deps, { date, source: formValue(req, `source-${date}`) }, actorOf(req));
      return reply.redirect(`${ADMIN_CALENDAR_PATH}?nam=${year}&ok=day`, 303);
    } catch (e) {
      const errors = formErrors(e, req.lang, () => `source-${date}`);
      if (!errors || !(year >= FIRST_YEAR && year <= LAST_YEAR)) throw e;
      reply.status(400);
      return showYear(deps, req, reply, year, {
        errors: errors.map((x) => (x.field === 'source' ? { ...x, field: `source-${date}` } : x)),
      });
    }
  });

  app.post(`${ADMIN_CALENDAR_PATH}/them-ngay`, { config: { access: SYSTEM } }, async (req, reply) => {
    const added = {
      date: formValue(req, 'add-date'),
      kind: formValue(req, 'add-kind'),
      name: formValue(req, 'add-name'),
      source: formValue(req, 'add-source'),
    };
    const parsed = Number(added.date.slice(0, 4));
    const year = parsed >= FIRST_YEAR && parsed <= LAST_YEAR ? parsed : currentYear(deps);
    const formKey = formKeyOf(req);
    try {
      await addCalendarDay(deps, added, writerOf(req, formKey));
      return reply.redirect(`${ADMIN_CALENDAR_PATH}?nam=${year}&ok=added`, 303);
    } catch (e) {
      const errors = formErrors(e, req.lang, () => 'date');
      if (!errors) throw e;
      reply.status(400);
      const named = errors.map((x) => (x.field ? { ...x, field: `add-${x.field}` } : x));
      return showYear(deps, req, reply, year, { errors: named, added, formKey });
    }
  });

  app.post(`${ADMIN_CALENDAR_PATH}/nam`, { config: { access: SYSTEM } }, async (req, reply) => {
    const year = Number(formValue(req, 'year'));
    const source = formValue(req, 'source');
    try {
      await confirmYear(deps, { year, source }, actorOf(req));
      return reply.redirect(`${ADMIN_CALENDAR_PATH}?nam=${year}&ok=year`, 303);
    } catch (e) {
      const errors = formErrors(e, req.lang, () => 'source');
      if (!errors || !(year >= FIRST_YEAR && year <= LAST_YEAR)) throw e;
      reply.status(400);
      return showYear(deps, req, reply, year, { errors, yearSource: source });
    }
  });
}

const sessionsOf = (text: string) =>
  text
    .split(/[,;]/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The spec typed in the form, or `calendar.invalid_office_hours` naming each bad day. */
function readSpec(values: OfficeHoursForm): OfficeHoursSpec {
  const problems: FieldError[] = [];
  const byWeekday: Record<string, string[]> = {};
  for (const field of [...FORM_WEEKDAYS, 'makeupDay'] as const) {
    const sessions = sessionsOf(values[field]);
    try {
      parseSessions(sessions);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push({ field, message: e.text });
    }
    if (field !== 'makeupDay') byWeekday[field] = sessions;
  }
  const text = { vi: 'Giờ làm việc chưa hợp lệ.', en: 'The office hours are not valid.' };
  if (problems.length > 0) throw validationError('calendar.invalid_office_hours', text, problems);
  const makeup = sessionsOf(values.makeupDay);
  return { byWeekday, ...(makeup.length > 0 ? { makeupDay: makeup } : {}) };
}

function formOfSpec(spec: OfficeHoursSpec, validFrom: string): OfficeHoursForm {
  const described = describeOfficeHours(defineOfficeHours(spec));
  const values = { validFrom, source: '', makeupDay: described.makeupDay.join(', ') } as OfficeHoursForm;
  for (const d of FORM_WEEKDAYS) values[d] = (described.byWeekday[d] ?? []).join(', ');
  return values;
}

type CodeParams = { Params: { code: string } };

function registerOfficeHoursPages(app: App, deps: Deps) {
  const path = '/quan-tri/co-quan/:code/gio-lam-viec';
  const load = async (req: FastifyRequest<CodeParams>) => {
    const agency = await getAgencyByCode(deps.db, req.params.code, deps.clock.now());
    await assertMayAdministerAgency(deps.db, req.principal, agency.id);
    return { agency, periods: await listOfficeHours(deps.db, agency.id) };
  };
  const show = (
    req: FastifyRequest<CodeParams>,
    reply: FastifyReply,
    data: Awaited<ReturnType<typeof load>>,
    values: OfficeHoursForm,
    errors: FormError[],
  ) =>
    reply.html(
      <OfficeHoursPage
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        agency={data.agency}
        agencyHref={agencyAdminHref(data.agency.code)}
        periods={data.periods}
        values={values}
        errors={errors}
        notice={noticeOf(req)}
      />,
    );

  app.get<CodeParams>(path, { config: { access: ADMINS } }, async (req, reply) => {
    const data = await load(req);
    const today = localDate(deps.clock.now());
    const spec = periodInForce(data.periods, today)?.spec ?? DEFAULT_OFFICE_HOURS_SPEC;
    return show(req, reply, data, formOfSpec(spec, today), []);
  });

  app.post<CodeParams>(path, { config: { access: ADMINS } }, async (req, reply) => {
    const data = await load(req);
    const values = {
      validFrom: formValue(req, 'validFrom'),
      source: formValue(req, 'source'),
    } as OfficeHoursForm;
    for (const f of [...FORM_WEEKDAYS, 'makeupDay'] as const) values[f] = formValue(req, f);
    try {
      const spec = readSpec(values);
      await setOfficeHours(
        deps,
        { agencyId: data.agency.id, validFrom: values.validFrom, spec, source: values.source },
        actorOf(req),
      );
      return reply.redirect(`${agencyAdminHref(data.agency.code)}/gio-lam-viec?ok=saved`, 303);
    } catch (e) {
      const errors = formErrors(e, req.lang);
      if (!errors) throw e;
      reply.status(400);
      return show(req, reply, data, values, errors);
    }
  });
}

export function registerCalendarAdminPages(app: App, deps: Deps) {
  registerYearPages(app, deps);
  registerDayPages(app, deps);
  registerOfficeHoursPages(app, deps);
}
