/**
 * GET /api/v1/audit: the audit log search as JSON (same filters, scope and audit trail as the page
 * /quan-tri/nhat-ky). Filters are checked by the service so that every problem comes back at once,
 * in Vietnamese and English, as 400 audit.invalid_filter with one entry per field.
 */
import Type, { type TSchema } from 'typebox';
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import { AUDIT_ACCESS } from './audit-log.pages.js';
import type { AuditSearchRow } from './audit-search.repository.js';
import { searchAudit } from './audit-search.service.js';
import { ACTION_LABELS } from './views/audit-log.messages.js';

const tags = ['audit'];
const text = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }));
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const AuditQuery = Type.Object(
  {
    person: text(
      'Người thực hiện: tên đăng nhập, họ tên (không cần dấu), mã / actor: username, name (accents optional) or id',
    ),
    agencyId: text('Cơ quan (kể cả đơn vị trực thuộc) / agency id, its sub-agencies included'),
    objectType: text('Loại đối tượng / object type, e.g. officer, api_token, citizen_account'),
    objectId: text('Mã đối tượng (cần objectType) / object id (needs objectType)'),
    action: text('Hành động / action code, e.g. auth.login'),
    from: text('Từ ngày / from day (YYYY-MM-DD or DD/MM/YYYY, Asia/Ho_Chi_Minh), inclusive'),
    to: text('Đến ngày / to day (YYYY-MM-DD or DD/MM/YYYY, Asia/Ho_Chi_Minh), inclusive'),
    after: text('Con trỏ trang sau / cursor: `next` of the previous page'),
  },
  { additionalProperties: false },
);

const AuditEntryJson = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    kind: Type.String({ description: 'officer, citizen, token, anonymous or system' }),
    id: Nullable(Type.String()),
    label: Nullable(Type.String({ description: 'username of an officer, as logged' })),
    name: Nullable(Type.String({ description: 'full name of an officer' })),
  }),
  agencyId: Nullable(Type.String()),
  action: Type.String(),
  actionLabel: Nullable(Type.Object({ vi: Type.String(), en: Type.String() })),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  ip: Nullable(Type.String()),
  linked: Type.Boolean({ description: 'Linked into the hash chain (false: pending, linked within seconds)' }),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntryJson),
  next: Nullable(Type.String({ description: 'Pass as `after` for the next, older page' })),
});

export function auditEntryJson(r: AuditSearchRow) {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at.toISOString(),
    actor: { kind: r.actor_kind, id: r.actor_id, label: r.actor_label, name: r.actor_name },
    agencyId: r.agency_id,
    action: r.action,
    actionLabel: ACTION_LABELS[r.action] ?? null,
    objectType: r.object_type,
    objectId: r.object_id,
    details: (r.details ?? {}) as Record<string, unknown>,
    ip: r.ip,
    linked: r.linked,
  };
}

export function registerAuditLogApi(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.get(
    '/api/v1/audit',
    {
      config: { access: AUDIT_ACCESS },
      schema: {
        tags,
        summary: 'Tra cứu nhật ký kiểm tra / Search the audit log (newest first)',
        description:
          'Inspectors and system administrators see every entry; an agency administrator the entries of ' +
          'its agencies and their sub-agencies (an entry naming no agency, such as a login, belongs to the ' +
          'agencies where its actor holds a role). 50 entries a page, keyset: pass `next` as `after`. ' +
          '400 audit.invalid_filter lists each wrong filter. Every search is itself audited (audit.searched).',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const page = await searchAudit(ctx, req.principal, req.query, { ip: req.ip ?? null, via: 'api' });
      return { items: page.items.map(auditEntryJson), next: page.next };
    },
  );
}
