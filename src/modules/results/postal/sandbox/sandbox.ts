/**
 * The postal sandbox that ships with motcua (demo mode only): the VNPost-style API, the demo page, and
 * the job that moves parcels on and calls motcua back with signed tracking events.
 */
import type { App } from '../../../../platform/http/app-type.js';
import type { JobDefinition } from '../../../../platform/jobs.js';
import type { AppContext } from '../../../../platform/module.js';
import { postalSettings } from '../postal-settings.js';
import { registerSandboxPages } from './sandbox.pages.js';
import { registerSandboxApi } from './sandbox-api.js';
import { sandboxProgressJob } from './sandbox-progress.js';

const sandboxSettings = (ctx: AppContext) =>
  ctx.config.demo ? postalSettings(ctx.config, ctx.serverSecret) : undefined;

/** Registers the sandbox's routes under /postal-sandbox; nothing outside demo mode. */
export function registerPostalSandbox(app: App, ctx: AppContext) {
  const settings = sandboxSettings(ctx);
  if (!settings) return;
  registerSandboxApi(app, ctx, settings);
  registerSandboxPages(app, ctx, settings);
}

/** The jobs of return by post: the sandbox's progression, in demo mode only. */
export function postalJobs(ctx: AppContext): JobDefinition[] {
  const settings = sandboxSettings(ctx);
  return settings ? [sandboxProgressJob(ctx, settings)] : [];
}
