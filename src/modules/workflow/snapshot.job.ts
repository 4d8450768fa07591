/** The dossiers module's "received" job: the workflow snapshots the dossier's chain of steps at receipt. */
import { defineJob } from '../../platform/jobs.js';
import type { AppContext } from '../../platform/module.js';
import { DOSSIER_RECEIVED_JOB } from '../dossiers/index.js';
import { snapshotSteps } from './processing.service.js';

export const snapshotJob = (ctx: AppContext) =>
  defineJob<{ dossierId: string }>({
    name: DOSSIER_RECEIVED_JOB,
    async handler({ dossierId }) {
      await snapshotSteps(ctx, dossierId);
    },
  });
