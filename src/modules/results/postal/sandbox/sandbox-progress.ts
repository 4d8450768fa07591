/**
 * The sandbox's parcels move on by themselves: a job every minute calls back each order's status not
 * called back yet (signed, as the real service does), then moves each order that has waited
 * POSTAL_SANDBOX_STEP_SECONDS one status on (accepted → in transit → delivered) and calls back.
 * Every order moves at most one status per run. The event id is the item code and the status, so a
 * callback sent again (after a failed answer) is the same event to the receiver.
 */
import { defineJob, type JobDefinition } from '../../../../platform/jobs.js';
import type { AppContext } from '../../../../platform/module.js';
import type { PostalSettings } from '../postal-settings.js';
import { signCallback } from '../postal-signature.js';
import {
  listDue,
  listUnnotified,
  moveSandboxOrder,
  recordCallback,
  type SandboxOrder,
  type SandboxStatus,
} from './sandbox.repository.js';

export const SANDBOX_PROGRESS_JOB = 'results.postal_sandbox_progress';
const BATCH = 200;

const NEXT: Partial<Record<SandboxStatus, SandboxStatus>> = {
  accepted: 'in_transit',
  in_transit: 'delivered',
};

const LOCATION: Record<SandboxStatus, (o: SandboxOrder) => string> = {
  accepted: () => 'Bưu cục giao dịch (sandbox)',
  in_transit: () => 'Trung tâm khai thác vận chuyển (sandbox)',
  delivered: (o) => o.receiver.Address ?? '',
  cancelled: () => '',
};

const NOTE: Record<SandboxStatus, string> = {
  accepted: 'Bưu điện đã nhận bưu gửi',
  in_transit: 'Bưu gửi đang được vận chuyển',
  delivered: 'Phát thành công',
  cancelled: 'Đã hủy',
};

/** Calls back the order's current status, signed; records whether the receiver took it. */
export async function notifyStatus(
  ctx: AppContext,
  settings: PostalSettings,
  o: SandboxOrder,
): Promise<boolean> {
  const body = JSON.stringify({
    ItemCode: o.itemCode,
    OrderNumber: o.orderNumber,
    EventId: `${o.itemCode}:${o.status}`,
    Status: o.status,
    Time: o.statusAt.toISOString(),
    Location: LOCATION[o.status](o),
    Note: NOTE[o.status],
  });
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  let error: string | null = null;
  try {
    const res = await fetch(settings.callbackUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-postal-timestamp': String(timestamp),
        'x-postal-signature': signCallback(settings.callbackSecret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) error = `HTTP ${res.status}`;
  } catch (err) {
    error = (err as Error).message || 'connection failed';
  }
  await recordCallback(ctx.db, o.itemCode, o.status, error);
  if (error)
    ctx.log.warn({ itemCode: o.itemCode, status: o.status, error }, 'postal sandbox callback failed');
  return error === null;
}

/** Moves one order one status on now (the demo page's button), and calls back. */
export async function advanceSandboxOrder(
  ctx: AppContext,
  settings: PostalSettings,
  o: SandboxOrder,
): Promise<SandboxOrder | undefined> {
  const to = NEXT[o.status];
  if (!to) return undefined;
  const moved = await moveSandboxOrder(ctx.db, o.itemCode, o.status, to, ctx.clock.now());
  if (moved) await notifyStatus(ctx, settings, moved);
  return moved;
}

/** One run of the progression: what the job does every minute. */
export async function progressSandbox(ctx: AppContext, settings: PostalSettings): Promise<void> {
  const touched = new Set<string>();
  for (const o of await listUnnotified(ctx.db, BATCH)) {
    touched.add(o.itemCode);
    await notifyStatus(ctx, settings, o);
  }
  const before = new Date(ctx.clock.now().getTime() - settings.sandboxStepSeconds * 1000);
  for (const o of await listDue(ctx.db, before, BATCH)) {
    if (touched.has(o.itemCode)) continue;
    await advanceSandboxOrder(ctx, settings, o);
  }
}

export function sandboxProgressJob(ctx: AppContext, settings: PostalSettings): JobDefinition {
  return defineJob({
    name: SANDBOX_PROGRESS_JOB,
    cron: '* * * * *',
    retryLimit: 0,
    handler: () => progressSandbox(ctx, settings),
  });
}
