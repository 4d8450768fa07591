/**
 * `POST /api/v1/postal/callback`: the postal service's tracking callback (public: it proves itself
 * by signature, X-Postal-Signature over `${X-Postal-Timestamp}.${raw body}`). The signature covers
 * the exact bytes sent, so this route lives in its own plugin whose JSON parser keeps the raw body;
 * the check runs before the body schema, so a forged call learns nothing and changes nothing.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { App } from '../../../platform/http/app-type.js';
import type { AppContext } from '../../../platform/module.js';
import { type PostalHooks, receiveTrackingEvent } from './postal-callback.service.js';
import { badSignature, badTimestamp, postalNotConfigured } from './postal-errors.js';
import { CALLBACK_PATH, postalSettings } from './postal-settings.js';
import { checkCallbackSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './postal-signature.js';
import { TRACKING_STATES } from './postal-states.js';

const CallbackBody = Type.Object({
  ItemCode: Type.String({ minLength: 1, maxLength: 40 }),
  OrderNumber: Type.Optional(Type.String({ maxLength: 100 })),
  EventId: Type.String({ minLength: 1, maxLength: 200 }),
  Status: Type.Union(TRACKING_STATES.map((s) => Type.Literal(s))),
  Time: Type.String({ format: 'date-time' }),
  Location: Type.Optional(Type.String({ maxLength: 500 })),
  Note: Type.Optional(Type.String({ maxLength: 2000 })),
});

const Answer = Type.Object({
  ok: Type.Boolean(),
  duplicate: Type.Boolean({ description: 'Đã nhận sự kiện này trước đó / This event was received before' }),
  applied: Type.Boolean({ description: 'Sự kiện đã chuyển trạng thái đơn / The event moved the order' }),
  state: Type.String(),
});

const rawBodies = new WeakMap<FastifyRequest['raw'], Buffer>();

export async function registerPostalRoutes(app: App, ctx: AppContext, hooks: PostalHooks) {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: 65_536 },
      (req, body, done) => {
        rawBodies.set(req.raw, body as Buffer);
        try {
          done(null, JSON.parse((body as Buffer).toString('utf8')));
        } catch {
          done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined);
        }
      },
    );
    scope.post(
      CALLBACK_PATH,
      {
        config: { access: 'public' },
        schema: {
          tags: ['postal'],
          summary: 'Bưu điện báo trạng thái bưu gửi / Postal tracking callback (signed)',
          body: CallbackBody,
          response: { 200: Answer },
        },
        preValidation: async (req) => {
          const settings = postalSettings(ctx.config, ctx.serverSecret);
          if (!settings) throw postalNotConfigured();
          const header = (name: string) => {
            const v = req.headers[name];
            return typeof v === 'string' ? v : undefined;
          };
          const check = checkCallbackSignature({
            secret: settings.callbackSecret,
            rawBody: rawBodies.get(req.raw) ?? Buffer.alloc(0),
            signature: header(SIGNATURE_HEADER),
            timestamp: header(TIMESTAMP_HEADER),
            now: ctx.clock.now(),
          });
          if (check === 'bad_signature') throw badSignature();
          if (check === 'bad_timestamp') throw badTimestamp();
        },
      },
      async (req) => {
        const b = req.body;
        const outcome = await receiveTrackingEvent(ctx, hooks, {
          itemCode: b.ItemCode,
          orderNumber: b.OrderNumber,
          eventId: b.EventId,
          status: b.Status,
          time: new Date(b.Time),
          location: b.Location,
          note: b.Note,
          raw: b,
        });
        return { ok: true, ...outcome };
      },
    );
  });
}
