/**
 * The postal sandbox's API (demo mode only), imitating VNPost's: POST /postal-sandbox/api/token,
 * POST /postal-sandbox/api/orders, POST /postal-sandbox/api/orders/{ItemCode}/cancel. Answers are
 * JSON in the service's own shape ({ Status, Code, Message } on errors, messages in Vietnamese as
 * VNPost's are), not motcua's problem+json.
 *
 * These are server-to-server calls outside /api/, where the house's CSRF check on form posts would
 * refuse them (there is no form and no cookie). So each route answers in its own preValidation hook,
 * after Fastify parsed the JSON body and before the global CSRF preHandler: a reply sent in a hook
 * ends the request there.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../../platform/http/app-type.js';
import type { AppContext } from '../../../../platform/module.js';
import { type PostalSettings, SANDBOX_PATH } from '../postal-settings.js';
import { newItemCode } from './item-code.js';
import { findSandboxOrder, insertSandboxOrder, moveSandboxOrder } from './sandbox.repository.js';
import { ACCESS_SECONDS, issueToken, readToken } from './sandbox-tokens.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const fail = (status: number, code: string, message: string): Answer => ({
  status,
  body: { Status: 'error', Code: code, Message: message },
});

type Body = Record<string, unknown>;
const str = (o: unknown, key: string): string => {
  const v = (o as Body | undefined)?.[key];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
};

function tokens(settings: PostalSettings, ctx: AppContext, body: Body): Answer {
  const now = ctx.clock.now();
  let customer: string | undefined;
  if (str(body, 'GrantType') === 'refresh_token') {
    customer = readToken(settings.secret, 'refresh', str(body, 'RefreshToken'), now);
    if (!customer) return fail(401, 'INVALID_REFRESH_TOKEN', 'Refresh token không hợp lệ hoặc đã hết hạn');
  } else {
    const ok = str(body, 'CustomerCode') === settings.customerCode && str(body, 'Secret') === settings.secret;
    if (!ok) return fail(401, 'INVALID_CREDENTIALS', 'Mã khách hàng hoặc mật khẩu không đúng');
    customer = settings.customerCode;
  }
  return {
    status: 200,
    body: {
      Status: 'success',
      AccessToken: issueToken(settings.secret, 'access', customer, now),
      RefreshToken: issueToken(settings.secret, 'refresh', customer, now),
      ExpiresIn: ACCESS_SECONDS,
    },
  };
}

function caller(settings: PostalSettings, ctx: AppContext, req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  return readToken(settings.secret, 'access', token, ctx.clock.now());
}

/** What VNPost refuses an order for: the fields a parcel cannot leave without. */
function orderProblems(body: Body): string[] {
  const problems: string[] = [];
  const need = (path: string, value: string, message: string) => {
    if (!value) problems.push(`${path}: ${message}`);
  };
  need('OrderNumber', str(body, 'OrderNumber'), 'Mã đơn hàng không được để trống');
  need('Sender.Name', str(body.Sender, 'Name'), 'Tên người gửi không được để trống');
  need('Sender.Address', str(body.Sender, 'Address'), 'Địa chỉ người gửi không được để trống');
  need('Receiver.Name', str(body.Receiver, 'Name'), 'Tên người nhận không được để trống');
  need('Receiver.Address', str(body.Receiver, 'Address'), 'Địa chỉ người nhận không được để trống');
  const tel = str(body.Receiver, 'Tel');
  need('Receiver.Tel', tel, 'Số điện thoại người nhận không được để trống');
  if (tel && !/^\+?[0-9 .-]{8,15}$/.test(tel))
    problems.push('Receiver.Tel: Số điện thoại người nhận không hợp lệ');
  const cod = body.CODAmount;
  if (cod !== undefined && cod !== null && !(Number.isSafeInteger(cod) && (cod as number) >= 0)) {
    problems.push('CODAmount: Số tiền thu hộ phải là số nguyên không âm');
  }
  return problems;
}

const fields = (o: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((o as Body | undefined) ?? {}).flatMap(([k, v]) =>
      typeof v === 'string' || typeof v === 'number' ? [[k, String(v)]] : [],
    ),
  );

async function createOrder(ctx: AppContext, customer: string, body: Body): Promise<Answer> {
  if (str(body, 'CustomerCode') !== customer)
    return fail(403, 'CUSTOMER_MISMATCH', 'Mã khách hàng không khớp với token');
  const problems = orderProblems(body);
  if (problems.length > 0) return fail(400, 'INVALID_DATA', problems.join('; '));
  for (let attempt = 0; ; attempt++) {
    try {
      const order = await insertSandboxOrder(ctx.db, {
        itemCode: newItemCode(),
        customerCode: customer,
        orderNumber: str(body, 'OrderNumber'),
        codAmount: typeof body.CODAmount === 'number' ? body.CODAmount : null,
        sender: fields(body.Sender),
        receiver: fields(body.Receiver),
        description: str(body, 'Description') || null,
        flagConfig: str(body, 'FlagConfig') || null,
        at: ctx.clock.now(),
      });
      return {
        status: 200,
        body: { Status: 'success', ItemCode: order.itemCode, OrderStatus: order.status },
      };
    } catch (err) {
      // An item code drawn twice (1 in 10^8): draw again.
      if ((err as { code?: string }).code !== '23505' || attempt >= 3) throw err;
    }
  }
}

async function cancelOrder(ctx: AppContext, customer: string, itemCode: string): Promise<Answer> {
  const order = await findSandboxOrder(ctx.db, itemCode);
  if (!order || order.customerCode !== customer)
    return fail(404, 'NOT_FOUND', `Không tìm thấy bưu gửi ${itemCode}`);
  if (order.status === 'cancelled') return { status: 200, body: { Status: 'success', ItemCode: itemCode } };
  if (order.status === 'delivered')
    return fail(400, 'ALREADY_DELIVERED', 'Bưu gửi đã phát thành công, không thể hủy');
  const moved = await moveSandboxOrder(ctx.db, itemCode, order.status, 'cancelled', ctx.clock.now());
  if (!moved) return fail(409, 'STATUS_CHANGED', 'Trạng thái bưu gửi vừa thay đổi, vui lòng thử lại');
  return { status: 200, body: { Status: 'success', ItemCode: itemCode } };
}

export function registerSandboxApi(app: App, ctx: AppContext, settings: PostalSettings) {
  const route = (url: string, answer: (req: FastifyRequest) => Promise<Answer> | Answer) =>
    app.post(
      `${SANDBOX_PATH}${url}`,
      {
        config: { access: 'public' },
        schema: { hide: true },
        preValidation: async (req: FastifyRequest, reply: FastifyReply) => {
          const a = await Promise.resolve()
            .then(() => answer(req))
            .catch((err: unknown) => {
              req.log.error({ err }, 'postal sandbox failed');
              return fail(500, 'SERVER_ERROR', 'Lỗi hệ thống');
            });
          return reply.code(a.status).type('application/json; charset=utf-8').send(a.body);
        },
      },
      async () => undefined,
    );
  const authorised = (req: FastifyRequest, then: (customer: string) => Promise<Answer>) => {
    const customer = caller(settings, ctx, req);
    return customer ? then(customer) : fail(401, 'UNAUTHORIZED', 'Token không hợp lệ hoặc đã hết hạn');
  };
  route('/api/token', (req) => tokens(settings, ctx, (req.body ?? {}) as Body));
  route('/api/orders', (req) => authorised(req, (c) => createOrder(ctx, c, (req.body ?? {}) as Body)));
  route('/api/orders/:itemCode/cancel', (req) =>
    authorised(req, (c) => cancelOrder(ctx, c, (req.params as { itemCode: string }).itemCode)),
  );
}
