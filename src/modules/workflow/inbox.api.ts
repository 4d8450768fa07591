/**
 * JSON API of the officer's work: GET /api/v1/inbox (hộp việc: six views, filters, keyset pages,
 * a count capped at 500) and GET /api/v1/dossiers/search (one search key, only dossiers the officer
 * may see). For the processing roles only.
 */
import { Type } from 'typebox';
import type { Principal } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import { INBOX_VIEWS, type InboxRow } from './inbox.repository.js';
import {
  type InboxQueryText,
  loadInbox,
  officerScope,
  PROCESSORS,
  readInboxQuery,
  searchForOfficer,
} from './pages/officer-work.service.js';
import type { SearchRow } from './search.repository.js';

const tags = ['workflow'];
const DateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

const Row = Type.Object({
  id: Type.String(),
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
  channel: Type.Integer({ minimum: 1, maximum: 3 }),
  applicantName: Type.Union([Type.String(), Type.Null()]),
  dueAt: DateTime,
  step: Type.Union([
    Type.Null(),
    Type.Object({
      role: Type.String(),
      dueAt: DateTime,
      assignee: Type.Union([Type.String(), Type.Null()]),
    }),
  ]),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
const rowJson = (r: InboxRow | SearchRow) => ({
  id: r.id,
  code: r.code,
  procedureCode: r.procedure_code,
  procedureName: r.procedure_name,
  status: r.status,
  channel: r.channel,
  applicantName: r.applicant_name,
  dueAt: iso(r.due_at),
  step: r.step_role
    ? {
        role: r.step_role,
        dueAt: iso(r.step_due_at),
        assignee: 'step_assignee' in r ? r.step_assignee : null,
      }
    : null,
});

const text = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }));
const InboxQuerySchema = Type.Object({
  view: Type.Optional(
    Type.String({
      enum: [...INBOX_VIEWS],
      description:
        'mine (my steps), unclaimed (my agencies’ steps of my roles nobody holds), due-soon, overdue, ' +
        'supplement (status 5), payment (status 6); default mine',
    }),
  ),
  cursor: text('the `next` of the previous page'),
  procedure: text('procedure code, e.g. 1.001234'),
  field: text('lĩnh vực of the procedure'),
  status: text('status code 1–10'),
  channel: text('1 direct, 2 online, 3 post'),
  from: text('received on or after this day (YYYY-MM-DD, Viet Nam time)'),
  to: text('received on or before this day (YYYY-MM-DD, Viet Nam time)'),
});

export function registerInboxApi(app: App, ctx: AppContext) {
  app.get<{ Querystring: Partial<InboxQueryText> }>(
    '/api/v1/inbox',
    {
      config: { access: PROCESSORS },
      schema: {
        tags,
        summary: 'Hộp việc của cán bộ / The officer’s inbox',
        description:
          'One view, sorted by the current step’s due time (undated last), 30 rows a page; `next` is the ' +
          'cursor of the next page. `count` is exact up to 500; `more` says there are more than 500. ' +
          'Errors (400): request.validation (unknown view), inbox.invalid_cursor, inbox.invalid_date, ' +
          'inbox.invalid_filter.',
        querystring: InboxQuerySchema,
        response: {
          200: Type.Object({
            items: Type.Array(Row),
            next: Type.Union([Type.String(), Type.Null()]),
            count: Type.Integer({ minimum: 0, maximum: 500 }),
            more: Type.Boolean({ description: 'more than 500' }),
          }),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const query = readInboxQuery({
        view: q.view ?? '',
        cursor: q.cursor ?? '',
        procedure: q.procedure ?? '',
        field: q.field ?? '',
        status: q.status ?? '',
        channel: q.channel ?? '',
        from: q.from ?? '',
        to: q.to ?? '',
      });
      const scope = await officerScope(ctx.db, req.principal as Principal);
      const page = await loadInbox(ctx, scope, query);
      return { ...page, items: page.items.map(rowJson) };
    },
  );

  app.get<{ Querystring: { q: string } }>(
    '/api/v1/dossiers/search',
    {
      config: { access: PROCESSORS },
      schema: {
        tags,
        summary: 'Tìm hồ sơ / Find dossiers',
        description:
          'By dossier code (typed or scanned), identification or phone number, or the applicant’s name ' +
          '(diacritics optional). Only dossiers received, decided or currently processed in an agency ' +
          'the officer’s grants cover (sub-agencies included); province-wide roles see all. At most 30, ' +
          'most recently submitted first; a text that is no search key gives none.',
        querystring: Type.Object({ q: Type.String({ maxLength: 200 }) }),
        response: { 200: Type.Object({ items: Type.Array(Row) }) },
      },
    },
    async (req) => {
      const scope = await officerScope(ctx.db, req.principal as Principal);
      const rows = await searchForOfficer(ctx, scope, req.query.q);
      return { items: (rows ?? []).map(rowJson) };
    },
  );
}
