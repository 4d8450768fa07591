/**
 * Làm mới chỉ mục tra cứu (hourly): a published version whose effective_from has arrived replaces
 * its procedure's search row. Publishing and the import refresh the rows they touch at once; this
 * job catches the versions published ahead of their date. Rows already holding the version in force
 * are skipped, so an hour with nothing due writes nothing. Idempotent.
 */
import { defineJob } from '../../../platform/jobs.js';
import type { AppContext } from '../../../platform/module.js';
import { refreshSearchRows } from './search.repository.js';

export const CATALOGUE_REFRESH_SEARCH_JOB = 'catalogue.refresh-search';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export function refreshSearch(ctx: Ctx) {
  return refreshSearchRows(ctx.db, 'all', ctx.clock.now());
}

/**
 * At minute 1 of every hour (Vietnam time): a version effective from midnight is searchable within
 * a minute of it. Also once at worker start, which fills the table after the migration adds it.
 */
export function refreshSearchJob(ctx: Ctx) {
  return defineJob<Record<string, never>>({
    name: CATALOGUE_REFRESH_SEARCH_JOB,
    cron: '1 * * * *',
    retryLimit: 2,
    runAtStart: true,
    handler: async (_data, { log }) => {
      const started = performance.now();
      const changed = await refreshSearch(ctx);
      log.info({ ...changed, ms: Math.round(performance.now() - started) }, 'procedure search refreshed');
    },
  });
}
