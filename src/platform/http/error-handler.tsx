import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Bilingual } from '../errors.js';
import { ErrorPage, NotFoundPage } from '../html/error-pages.js';
import type { App } from './app-type.js';
import { pageContext } from './lang.js';

/**
 * The one place where errors become HTTP answers: application/problem+json (RFC 9457) under /api,
 * an HTML page elsewhere. A 500 says nothing about its cause; the log has it, under the request id
 * that both answers show.
 */
export const isApiRequest = (req: FastifyRequest) => req.url.startsWith('/api/');

const GENERIC: Record<number, { code: string; text: Bilingual }> = {
  400: { code: 'request.invalid', text: { vi: 'Yêu cầu không hợp lệ', en: 'The request is not valid' } },
  403: {
    code: 'request.forbidden',
    text: { vi: 'Bạn không có quyền thực hiện việc này', en: 'You are not allowed to do this' },
  },
  404: { code: 'request.not_found', text: { vi: 'Không tìm thấy', en: 'Not found' } },
  405: {
    code: 'request.method_not_allowed',
    text: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  },
  413: { code: 'request.too_large', text: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' } },
  415: {
    code: 'request.unsupported_media_type',
    text: { vi: 'Định dạng dữ liệu không được hỗ trợ', en: 'Unsupported content type' },
  },
  429: {
    code: 'request.rate_limited',
    text: {
      vi: 'Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
      en: 'Too many requests; try again in a few minutes',
    },
  },
  500: { code: 'internal', text: { vi: 'Đã có lỗi xảy ra', en: 'Something went wrong' } },
};

export const CSRF_ERROR = new AppError('forbidden', 'request.csrf', {
  vi: 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và gửi lại.',
  en: 'The form has expired or is not valid. Please reload the page and submit it again.',
});

interface Normalised {
  status: number;
  code: string;
  text: Bilingual;
  fields: { field: string; message: Bilingual }[];
}

function normalise(error: FastifyError | AppError): Normalised {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, text: error.text, fields: error.fields };
  }
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, code: CSRF_ERROR.code, text: CSRF_ERROR.text, fields: [] };
  }
  if (error.validation) {
    const fields = error.validation.map((v) => ({
      field:
        v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(v.params?.missingProperty ?? ''),
      message: { vi: `Giá trị không hợp lệ: ${v.message ?? ''}`, en: `Invalid value: ${v.message ?? ''}` },
    }));
    return {
      status: 400,
      code: 'request.validation',
      text: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
      fields,
    };
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  const generic = GENERIC[status] ?? { code: `request.status_${status}`, text: GENERIC[400]!.text };
  return { status, code: generic.code, text: generic.text, fields: [] };
}

export function problemBody(req: FastifyRequest, n: Normalised) {
  const lang = req.lang;
  return {
    type: `urn:motcua:problem:${n.code}`,
    title: n.text[lang],
    status: n.status,
    code: n.code,
    detail: `${n.text.vi} / ${n.text.en}`,
    instance: req.url,
    requestId: String(req.id),
    ...(n.fields.length > 0
      ? { errors: n.fields.map((f) => ({ field: f.field, message: f.message[lang], messages: f.message })) }
      : {}),
  };
}

function send(req: FastifyRequest, reply: FastifyReply, n: Normalised) {
  reply.status(n.status);
  if (isApiRequest(req)) {
    return reply.type('application/problem+json; charset=utf-8').send(problemBody(req, n));
  }
  const ctx = pageContext(req);
  if (n.status === 404) return reply.html(<NotFoundPage ctx={ctx} />);
  return reply.html(
    <ErrorPage
      ctx={ctx}
      status={n.status}
      message={n.text[req.lang]}
      fields={n.fields.map((f) => ({ field: f.field, text: f.message[req.lang] }))}
      requestId={String(req.id)}
    />,
  );
}

export function registerErrorHandling(app: App) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const n = normalise(error);
    if (n.status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: n.code, status: n.status }, 'request rejected');
    if (n.status === 429 && error.statusCode === 429)
      reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    return send(req, reply, n);
  });
  // Unknown paths are rate limited too: they are what scanners hit.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (req, reply) =>
    send(req, reply, normalise(new AppError('not_found', GENERIC[404]!.code, GENERIC[404]!.text))),
  );
}
