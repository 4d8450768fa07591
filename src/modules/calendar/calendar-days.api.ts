/**
 * JSON write API of the calendar's days, for integrators: `POST /api/v1/calendar/days` adds a day,
 * `PATCH /api/v1/calendar/days/{date}` changes its kind, name and legal source, `DELETE …/{date}`
 * removes it with a reason. System administrators (session) or tokens with `calendar:write`; the
 * same use cases as the administration pages. An `Idempotency-Key` makes a retry harmless.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import {
  CalendarDaySchema,
  calendarDayJson,
  DayParams,
  EditDayBody,
  IdempotencyHeaders,
  NewDayBody,
  RemoveDayBody,
} from './calendar.schemas.js';
import { addCalendarDay } from './calendar-day-add.service.js';
import { editCalendarDay, getCalendarDay, removeCalendarDay } from './calendar-day-edit.service.js';
import { requestKeyOf, writerOf } from './day-request-key.js';

const tags = ['calendar'];
const WRITERS = { officer: ['system_admin'] as readonly Role[], token: ['calendar:write'] };

/** A body field as sent when it is a string, else '' (the service then names it). */
const field = (req: FastifyRequest, name: string): string => {
  const v = (req.body as Record<string, unknown> | null | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};
/** Who calls, and the Idempotency-Key they sent. */
const by = (req: FastifyRequest) =>
  writerOf(req, requestKeyOf(req.headers['idempotency-key'] as string | undefined));
const has = (req: FastifyRequest, name: string) =>
  typeof (req.body as Record<string, unknown> | null | undefined)?.[name] === 'string';

type DateParams = { Params: { date: string } };

export function registerCalendarDaysApi(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.post(
    '/api/v1/calendar/days',
    {
      config: { access: WRITERS },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Thêm ngày nghỉ hoặc ngày làm bù / Add a day off or a make-up working day',
        description:
          'Confirmed on entry, with its legal source. 400 names every bad field; 409 calendar.day_exists when ' +
          'the date already has a row (PATCH it). A date removed earlier is added back, its history kept.',
        headers: IdempotencyHeaders,
        body: NewDayBody,
        response: { 201: CalendarDaySchema },
      },
    },
    async (req, reply) => {
      const input = { date: field(req, 'date'), kind: field(req, 'kind'), name: field(req, 'name') };
      const day = await addCalendarDay(ctx, { ...input, source: field(req, 'source') }, by(req));
      return reply.status(201).send(calendarDayJson(day));
    },
  );

  app.patch<DateParams>(
    '/api/v1/calendar/days/:date',
    {
      config: { access: WRITERS },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Sửa ngày trong lịch / Edit a day',
        description:
          'New kind and name (each defaults to the current one) and the legal source (required). The status ' +
          'stays; the history keeps the old content, who changed it and when. 404 for a date without a row.',
        params: DayParams,
        headers: IdempotencyHeaders,
        body: EditDayBody,
        response: { 200: CalendarDaySchema },
      },
    },
    async (req) => {
      const row = await getCalendarDay(ctx.db, req.params.date);
      const input = {
        kind: has(req, 'kind') ? field(req, 'kind') : row.kind,
        name: has(req, 'name') ? field(req, 'name') : row.name,
        source: field(req, 'source'),
      };
      return calendarDayJson(await editCalendarDay(ctx, row.date, input, by(req)));
    },
  );

  app.delete<DateParams>(
    '/api/v1/calendar/days/:date',
    {
      config: { access: WRITERS },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Xóa ngày khỏi lịch / Remove a day',
        description:
          'The day no longer counts in deadlines nor shows; its history is kept, with the reason (required, ' +
          'in the JSON body). 404 for a date without a row.',
        params: DayParams,
        headers: IdempotencyHeaders,
        body: RemoveDayBody,
        response: { 204: { type: 'null', description: 'Removed' } },
      },
    },
    async (req, reply) => {
      await removeCalendarDay(ctx, req.params.date, { reason: field(req, 'reason') }, by(req));
      return reply.status(204).send();
    },
  );
}
