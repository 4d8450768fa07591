/**
 * JSON API of the processing documents: GET /api/v1/dossiers/{id}/slips/apology.pdf,
 * control-sheet.pdf and stop-notice.pdf. Static last segments, so they sit beside the dossiers
 * module's parametric /slips/:kind (intake slips) without clashing: static wins in the router.
 * And the tracking book of an agency: GET /api/v1/agencies/{code}/tracking-book.xlsx and .pdf.
 */
import { Type } from 'typebox';
import type { Access } from '../../../platform/http/access.js';
import type { App } from '../../../platform/http/app-type.js';
import type { AppContext } from '../../../platform/module.js';
import { type ProcessingDocument, processingDocumentPdf } from './documents.service.js';
import { trackingBook } from './tracking-book.service.js';
import { trackingBookPdf } from './tracking-book-pdf.js';
import { trackingBookXlsx } from './tracking-book-xlsx.js';

const PROCESSORS = ['one_stop', 'specialist', 'department_head', 'agency_leader', 'clerk'] as const;

const DOCUMENTS: { doc: ProcessingDocument; access: Access; summary: string }[] = [
  {
    doc: 'apology',
    access: { citizen: true, officer: PROCESSORS },
    summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (PDF) / Apology letter with the new date',
  },
  {
    doc: 'control-sheet',
    access: { officer: PROCESSORS },
    summary: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF) / Processing control sheet',
  },
  {
    doc: 'stop-notice',
    access: { citizen: true, officer: PROCESSORS },
    summary: 'Thông báo dừng giải quyết hồ sơ (PDF) / Notice of stopping',
  },
];

export function registerRegistersApi(app: App, ctx: AppContext) {
  registerTrackingBookApi(app, ctx);
  for (const { doc, access, summary } of DOCUMENTS) {
    app.get<{ Params: { id: string } }>(
      `/api/v1/dossiers/:id/slips/${doc}.pdf`,
      {
        config: { access },
        schema: {
          tags: ['workflow'],
          summary,
          description:
            'Printed with the form set the dossier was received under. Errors: dossier.not_found (404, also ' +
            'for a dossier the caller may not see), workflow.document_not_issued (404: no apology letter yet, ' +
            'or the dossier is not stopped). An apology letter not yet approved prints as a draft (DỰ THẢO).',
          params: Type.Object({ id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }) }),
        },
      },
      async (req, reply) => {
        const { code, pdf } = await processingDocumentPdf(ctx, req.principal, req.params.id, doc);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${code}-${doc}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  }
}

const BOOK_FORMATS = {
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: trackingBookXlsx,
    summary: 'Sổ theo dõi hồ sơ (Excel) / Tracking book as a workbook',
  },
  pdf: {
    type: 'application/pdf',
    render: trackingBookPdf,
    summary: 'Sổ theo dõi hồ sơ (PDF) / Tracking book as PDF',
  },
} as const;

export function registerTrackingBookApi(app: App, ctx: AppContext) {
  for (const [ext, format] of Object.entries(BOOK_FORMATS)) {
    app.get<{ Params: { code: string }; Querystring: { from?: string; to?: string } }>(
      `/api/v1/agencies/:code/tracking-book.${ext}`,
      {
        config: { access: { officer: PROCESSORS } },
        schema: {
          tags: ['workflow'],
          summary: format.summary,
          description:
            'Dossiers received from `from` to `to` (local dates, both included, at most 366 days) whose ' +
            'receiving or competent agency is this agency or one under it, for officers whose roles cover it. ' +
            'Errors: workflow.invalid_period (400), agency.not_found (404), workflow.forbidden (403).',
          params: Type.Object({ code: Type.String({ description: 'Mã định danh cơ quan' }) }),
          querystring: Type.Object({
            from: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
            to: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
          }),
        },
      },
      async (req, reply) => {
        const book = await trackingBook(ctx, req.principal, req.params.code, req.query);
        return reply
          .type(format.type)
          .header(
            'content-disposition',
            `attachment; filename="so-theo-doi-${req.params.code}-${book.from}-${book.to}.${ext}"`,
          )
          .header('cache-control', 'private, no-store')
          .send(await format.render(book));
      },
    );
  }
}
