/**
 * One day of the calendar, for system administrators (the calendar is province-wide), no
 * JavaScript, post-redirect-get: `GET|POST /quan-tri/lich-lam-viec/ngay/{date}` edits its kind,
 * name and legal source; `GET|POST …/ngay/{date}/xoa` removes it, after a confirmation page that
 * asks for the reason. Each form carries a hidden key, so a double click changes the day once.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { type FormError, formErrors, formValue } from '../admin-units/index.js';
import { editCalendarDay, getCalendarDay, removeCalendarDay } from './calendar-day-edit.service.js';
import { calendarDayHistory } from './calendar-days.service.js';
import { requestKeyOf, writerOf } from './day-request-key.js';
import {
  ADMIN_CALENDAR_PATH,
  type DayForm,
  EditDayPage,
  RemoveDayPage,
} from './views/calendar-day-admin.view.js';

type Deps = Pick<AppContext, 'db' | 'clock'>;
type DateParams = { Params: { date: string } };
const SYSTEM = { officer: ['system_admin'] as readonly Role[] };

/** The hidden key a form came back with (kept when it is shown again), or a fresh one. */
export function formKeyOf(req: FastifyRequest): string {
  try {
    return requestKeyOf(formValue(req, 'form-key')) ?? newId();
  } catch {
    return newId();
  }
}

const yearDone = (date: string, ok: string) => `${ADMIN_CALENDAR_PATH}?nam=${date.slice(0, 4)}&ok=${ok}`;

async function showEdit(
  deps: Deps,
  req: FastifyRequest<DateParams>,
  reply: FastifyReply,
  values?: DayForm,
  errors: FormError[] = [],
) {
  const row = await getCalendarDay(deps.db, req.params.date);
  const events = await calendarDayHistory(deps.db, row.date);
  return reply.html(
    <EditDayPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      row={row}
      values={values ?? { kind: row.kind, name: row.name, source: row.source, formKey: newId() }}
      errors={errors}
      events={events.map((e) => ({ ...e, at: new Date(e.at) }))}
    />,
  );
}

async function showRemove(
  deps: Deps,
  req: FastifyRequest<DateParams>,
  reply: FastifyReply,
  reason = '',
  errors: FormError[] = [],
) {
  const row = await getCalendarDay(deps.db, req.params.date);
  return reply.html(
    <RemoveDayPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      row={row}
      reason={reason}
      formKey={formKeyOf(req)}
      errors={errors}
    />,
  );
}

export function registerDayPages(app: App, deps: Deps) {
  const edit = `${ADMIN_CALENDAR_PATH}/ngay/:date`;
  app.get<DateParams>(edit, { config: { access: SYSTEM } }, (req, reply) => showEdit(deps, req, reply));

  app.post<DateParams>(edit, { config: { access: SYSTEM } }, async (req, reply) => {
    const values = {
      kind: formValue(req, 'kind'),
      name: formValue(req, 'name'),
      source: formValue(req, 'source'),
      formKey: formKeyOf(req),
    };
    try {
      await editCalendarDay(deps, req.params.date, values, writerOf(req, values.formKey));
      return reply.redirect(yearDone(req.params.date, 'edited'), 303);
    } catch (e) {
      const errors = formErrors(e, req.lang, () => 'kind');
      if (!errors) throw e;
      reply.status(400);
      return showEdit(deps, req, reply, values, errors);
    }
  });

  const remove = `${ADMIN_CALENDAR_PATH}/ngay/:date/xoa`;
  app.get<DateParams>(remove, { config: { access: SYSTEM } }, (req, reply) => showRemove(deps, req, reply));

  app.post<DateParams>(remove, { config: { access: SYSTEM } }, async (req, reply) => {
    const reason = formValue(req, 'reason');
    try {
      const writer = writerOf(req, formKeyOf(req));
      await removeCalendarDay(deps, req.params.date, { reason }, writer);
      return reply.redirect(yearDone(req.params.date, 'removed'), 303);
    } catch (e) {
      const errors = formErrors(e, req.lang, () => 'reason');
      if (!errors) throw e;
      reply.status(400);
      return showRemove(deps, req, reply, reason, errors);
    }
  });
}
