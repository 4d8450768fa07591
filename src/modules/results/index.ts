/**
 * Module results (kết quả giải quyết): the result document generated from the template of the
 * procedure's result kind, numbered in the agency's register, signed by the leader with the agency's
 * certificate (PAdES) at the approval step, verifiable in public by its QR code, kept hidden until it
 * is returned at the desk, online or by post, and then in the citizen's data store.
 */
import { defineJob } from '../../platform/jobs.js';
import type { AppModule } from '../../platform/module.js';
import { WORKFLOW_RETURNED_JOB } from '../workflow/index.js';
import { seedResultsDemo } from './demo-seed.js';
import { registerRegisterPages } from './pages/register.pages.js';
import { registerResultPages } from './pages/results.pages.js';
import { postalHooks } from './post-return.service.js';
import { postalJobs, registerPostalRoutes, registerPostalSandbox } from './postal/index.js';
import { registerResultsApi } from './results.api.js';
import { releaseOnReturned } from './return.service.js';
import { registerResultTemplatePages } from './templates/index.js';

export { verifyUrl } from './results.service.js';

export const resultsModule: AppModule = {
  name: 'results',
  demoSeed: seedResultsDemo,
  jobs: (ctx) => [
    ...postalJobs(ctx),
    defineJob<{ dossierId: string }>({
      name: WORKFLOW_RETURNED_JOB,
      async handler({ dossierId }) {
        await releaseOnReturned(ctx, dossierId);
      },
    }),
  ],
  async routes(app, ctx) {
    registerResultsApi(app, ctx);
    registerResultPages(app, ctx);
    registerResultTemplatePages(app, ctx);
    registerRegisterPages(app, ctx);
    await registerPostalRoutes(app, ctx, postalHooks);
    registerPostalSandbox(app, ctx);
  },
};
