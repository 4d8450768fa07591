import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { fastifyKitaHtml } from '@kitajs/fastify-html-plugin';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { adminUnitsModule } from './modules/admin-units/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { catalogueModule } from './modules/catalogue/index.js';
import { dossiersModule } from './modules/dossiers/index.js';
import { identityAccess, identityModule } from './modules/identity/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { resultsModule } from './modules/results/index.js';
import { workflowModule } from './modules/workflow/index.js';
import { heartbeatJob } from './platform/heartbeat.js';
import { registerAccess } from './platform/http/access.js';
import type { App } from './platform/http/app-type.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerHealth } from './platform/http/health.js';
import { registerLanguage } from './platform/http/lang.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerSecurity } from './platform/http/security.js';
import { newId } from './platform/ids.js';
import type { JobDefinition } from './platform/jobs.js';
import type { AppContext, AppModule } from './platform/module.js';
import { portalModule } from './portal/index.js';

/**
 * The composition root: every module is wired here by hand, in the dependency order of
 * ARCHITECTURE.md §4.2 (admin-units → calendar → identity → catalogue → dossiers → workflow →
 * results, payments, queue, feedback → notifications, statistics), then the portal pages.
 */
export const MODULES: AppModule[] = [
  adminUnitsModule,
  calendarModule,
  identityModule,
  catalogueModule,
  dossiersModule,
  workflowModule,
  notificationsModule,
  resultsModule,
  portalModule,
];

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const ASSETS_DIR = fileURLToPath(new URL('./platform/html/assets/', import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Every job any module defines, plus the platform's heartbeat. */
export function jobDefinitions(ctx: AppContext, modules = MODULES, startedAt = new Date()): JobDefinition[] {
  return [heartbeatJob(ctx.db, ctx.clock, startedAt), ...modules.flatMap((m) => m.jobs?.(ctx) ?? [])];
}

export interface BuildOptions {
  modules?: AppModule[];
  /** Extra routes (tests register probe routes through this). */
  extraRoutes?: (app: App) => void | Promise<void>;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    bodyLimit: 1_048_576,
  }).withTypeProvider<TypeBoxTypeProvider>() as App;

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // First, so that every route registered after it is checked for an access rule.
  const routes = registerAccess(app, identityAccess(ctx));
  app.decorate('declaredRoutes', routes);
  await app.register(fastifyCompress, { threshold: 1024 });
  await registerSecurity(app, {
    cookieSecret: ctx.serverSecret,
    rateLimitMax: ctx.config.rateLimitMax,
    secureCookies: ctx.config.baseUrl.startsWith('https://'),
  });
  await app.register(fastifyKitaHtml);
  registerLanguage(app);
  registerErrorHandling(app);
  registerMetrics(app, ctx.pool);
  await registerOpenApi(app, ctx.config.baseUrl, VERSION);
  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    maxAge: '1d',
    decorateReply: false,
  });
  registerHealth(app, ctx.pool);

  // Attachments arrive as multipart parts streamed to the file store; the counts bound a form's parts.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: ctx.config.uploadMaxFileMb * 1_048_576, files: 20, fields: 200, parts: 250 },
  });
  for (const module of opts.modules ?? MODULES) await module.routes?.(app, ctx);
  await opts.extraRoutes?.(app);
  await app.ready();
  return app;
}
