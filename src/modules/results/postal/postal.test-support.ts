/**
 * Test support for return by post: the whole app on a real port (so that the HTTP client and the
 * sandbox's callbacks go over real HTTP), with the postal routes, the sandbox and its job, a delivered
 * hook that records its calls, and a dossier of the intake world to send.
 */
import net from 'node:net';
import { buildTestApp } from '../../../../test/build-test-app.js';
import {
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
} from '../../../../test/factories-dossiers.js';
import { csrfProbe } from '../../../../test/page-forms.js';
import type { Clock } from '../../../platform/clock.js';
import { defineJob } from '../../../platform/jobs.js';
import type { AppContext, AppModule } from '../../../platform/module.js';
import { DOSSIER_EVENT_JOB, dossiersModule } from '../../dossiers/index.js';
import type { SendByPostInput } from './postal.service.js';
import { registerPostalRoutes } from './postal-callback.api.js';
import { postalSettings } from './postal-settings.js';
import { postalJobs, registerPostalSandbox } from './sandbox/sandbox.js';

/** A port nobody listens on right now (the app takes it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Delivered {
  dossierId: string;
  orderId: string;
  at: Date;
}

export async function postalTestApp(
  opts: { clock?: Clock; env?: Record<string, string>; failDeliveredTimes?: number } = {},
) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const delivered: Delivered[] = [];
  let failures = opts.failDeliveredTimes ?? 0;
  const postal: AppModule = {
    name: 'postal-test',
    jobs: (ctx) => postalJobs(ctx),
    async routes(app, ctx) {
      await registerPostalRoutes(app, ctx, {
        onDelivered: async (_ctx, d) => {
          if (failures > 0) {
            failures -= 1;
            throw new Error('the dossier could not move to status 10 (test)');
          }
          delivered.push(d);
        },
      });
      registerPostalSandbox(app, ctx);
    },
  };
  const t = await buildTestApp({
    env: { BASE_URL: base, PORT: String(port), POSTAL_SANDBOX_STEP_SECONDS: '0', ...opts.env },
    modules: [postal],
    extraRoutes: csrfProbe,
    // Submitting a dossier enqueues its event, which notifications (a later module) consumes: only
    // its queue is needed here, no worker runs it.
    jobs: (ctx) => [
      ...(dossiersModule.jobs?.(ctx) ?? []),
      defineJob({ name: DOSSIER_EVENT_JOB, handler: async () => undefined }),
    ],
    clock: opts.clock,
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  const settings = postalSettings(t.ctx.config, t.ctx.serverSecret);
  if (!settings) throw new Error('postal settings missing in demo mode');
  const world = await seedIntakeWorld(t.ctx.db, t.ctx.clock);
  const officer = officerPrincipal(world.desk);
  let n = 0;
  const dossier = async () => submitOnlineDossier(t.ctx, world, `postal-${++n}-${Date.now()}`);
  return { ...t, base, settings, delivered, world, officer, dossier };
}

export function orderInput(
  d: { id: string; code: string },
  over: Partial<SendByPostInput> = {},
): SendByPostInput {
  return {
    dossierId: d.id,
    dossierCode: d.code,
    sender: {
      province: 'Quảng Ninh',
      district: 'Hạ Long',
      address: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
      name: 'UBND phường Hạ Long',
      tel: '02033825000',
    },
    receiver: {
      name: 'Nguyễn Thị Hường',
      address: 'Số 18, tổ 5, khu 3, phường Hạ Long',
      tel: '0912345678',
      province: 'Quảng Ninh',
    },
    codAmount: null,
    description: 'Kết quả giải quyết thủ tục hành chính',
    ...over,
  };
}

/** The sandbox's progression, run once as the cron would. */
export async function runProgress(ctx: AppContext) {
  const job = postalJobs(ctx)[0];
  if (!job) throw new Error('no sandbox job outside demo mode');
  await job.handler({}, { id: 'test', log: ctx.log, signal: new AbortController().signal });
}
