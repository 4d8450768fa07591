/**
 * Reminders (issue 7 points 8–9), as scheduled jobs that emit events for the notifications module:
 * - every quarter of an hour, the warning before a step's or a dossier's due time (DUE_WARNING_WORKING_DAYS
 *   working days before it, on the agency's own calendar); a dossier about to be late also gets its
 *   apology letter (Mẫu 04) drafted for a leader of the competent body to approve;
 * - each morning, each officer's digest of the steps they hold: due today, due tomorrow, overdue;
 * - each Monday morning, each centre's list of online dossiers not yet received.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { defineJob } from '../../platform/jobs.js';
import type { AppContext } from '../../platform/module.js';
import { loadWorkingCalendar, type WorkingCalendar } from '../calendar/index.js';
import { appendDossierHistory } from '../dossiers/index.js';
import { type DigestLine, emitWorkflowEvent } from './events.js';
import { stepDueAt, warnAt } from './step-deadlines.js';

export const DUE_WARNINGS_JOB = 'workflow.due-warnings';
export const DAILY_DIGEST_JOB = 'workflow.daily-digest';
export const WEEKLY_UNRECEIVED_JOB = 'workflow.weekly-unreceived';

/** Calendars by agency for one run of a job. */
function calendars(db: Db, at: Date) {
  const cache = new Map<string, Promise<WorkingCalendar>>();
  return (agencyId: string) => {
    let c = cache.get(agencyId);
    if (!c) {
      c = loadWorkingCalendar(db, agencyId, at);
      cache.set(agencyId, c);
    }
    return c;
  };
}

// Nothing is warned more than this many calendar days ahead, whatever the setting: the prefilter.
const HORIZON_DAYS = 60;

/** Warns about steps and dossiers about to be late; drafts the apology letter of the latter. Returns what it did. */
export async function sendDueWarnings(
  ctx: AppContext,
): Promise<{ steps: number; dossiers: number; drafts: number }> {
  const now = ctx.clock.now();
  const days = ctx.config.dueWarningWorkingDays;
  const horizon = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const calendarOf = calendars(ctx.db, now);
  const done = { steps: 0, dossiers: 0, drafts: 0 };

  const steps = await ctx.db
    .selectFrom('dossiers as d')
    .innerJoin('dossier_steps as s', 's.id', 'd.step_id')
    .select([
      'd.id',
      'd.code',
      'd.procedure_name',
      's.id as step_id',
      's.due_at',
      's.agency_id',
      's.role',
      's.claimed_by',
    ])
    .where('d.status', '=', 4)
    .where('s.state', '=', 'active')
    .where('s.warned_at', 'is', null)
    .where('s.due_at', 'is not', null)
    .where('s.due_at', '<=', horizon)
    .orderBy('s.due_at')
    .limit(5000)
    .execute();
  for (const s of steps) {
    if (warnAt(s.due_at!, await calendarOf(s.agency_id), days) > now) continue;
    await ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('dossier_steps')
        .set({ warned_at: now })
        .where('id', '=', s.step_id)
        .where('warned_at', 'is', null)
        .executeTakeFirst();
      if (r.numUpdatedRows !== 1n) return;
      await emitWorkflowEvent(ctx.jobs, trx, {
        eventId: `${s.step_id}:step_due_soon`,
        kind: 'step_due_soon',
        to: s.claimed_by ? { officerIds: [s.claimed_by] } : { role: { agencyId: s.agency_id, role: s.role } },
        at: now.toISOString(),
        dossierCode: s.code,
        procedureName: s.procedure_name,
        dueAt: s.due_at!.toISOString(),
      });
      done.steps++;
    });
  }

  const dossiers = await ctx.db
    .selectFrom('dossiers as d')
    .leftJoin('dossier_steps as s', 's.id', 'd.step_id')
    .select([
      'd.id',
      'd.code',
      'd.procedure_name',
      'd.due_at',
      'd.original_due_at',
      'd.competent_agency_id',
      'd.receiving_agency_id',
      'd.status',
      's.id as step_id',
      's.name as step_name',
      's.position',
      's.agency_id as step_agency_id',
      's.role as step_role',
      's.claimed_by',
      's.due_at as step_due_at',
    ])
    .where('d.status', '=', 4)
    .where('d.due_warned_at', 'is', null)
    .where('d.due_at', 'is not', null)
    .where('d.due_at', '<=', horizon)
    .orderBy('d.due_at')
    .limit(5000)
    .execute();
  for (const d of dossiers) {
    const calendar = await calendarOf(d.competent_agency_id);
    if (warnAt(d.due_at!, calendar, days) > now) continue;
    // The new appointment proposed: the old one plus the working time the remaining steps may take.
    const remaining = await ctx.db
      .selectFrom('dossier_steps')
      .select(sql<string>`coalesce(sum(budget_minutes), 0)`.as('minutes'))
      .where('dossier_id', '=', d.id)
      .where('position', '>=', d.position ?? 0)
      .where('state', '<>', 'done')
      .executeTakeFirstOrThrow();
    const minutes = Math.max(Number(remaining.minutes), 8 * 60);
    const proposed = stepDueAt(d.due_at!, minutes, calendar)!;
    const responsible = d.step_agency_id ?? d.competent_agency_id;
    const agency = await ctx.db
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', responsible)
      .executeTakeFirst();
    await ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('dossiers')
        .set({ due_warned_at: now })
        .where('id', '=', d.id)
        .where('due_warned_at', 'is', null)
        .executeTakeFirst();
      if (r.numUpdatedRows !== 1n) return;
      const event = {
        at: now.toISOString(),
        dossierCode: d.code,
        procedureName: d.procedure_name,
        dueAt: d.due_at!.toISOString(),
      };
      await emitWorkflowEvent(ctx.jobs, trx, {
        ...event,
        eventId: `${d.id}:dossier_due_soon`,
        kind: 'dossier_due_soon',
        to: {
          ...(d.claimed_by
            ? { officerIds: [d.claimed_by] }
            : d.step_agency_id && d.step_role
              ? { role: { agencyId: d.step_agency_id, role: d.step_role } }
              : {}),
          deskAgencyId: d.receiving_agency_id,
        },
      });
      done.dossiers++;
      // Already moved once (a second extension is refused) or a draft waits: nothing to draft.
      if (d.original_due_at) return;
      const drafted = await trx
        .insertInto('dossier_apologies')
        .values({
          id: newId(),
          dossier_id: d.id,
          drafted_at: now,
          drafted_by: null,
          step_id: d.step_id,
          reason: `Hồ sơ chưa được giải quyết xong trong thời hạn${d.step_name ? ` tại bước "${d.step_name}"` : ''}${agency ? ` (${agency.name})` : ''}.`,
          responsible_agency_id: responsible,
          old_due_at: d.due_at!,
          new_due_at: proposed,
        })
        .onConflict((oc) => oc.column('dossier_id').where('approved_at', 'is', null).doNothing())
        .executeTakeFirst();
      if (Number(drafted.numInsertedOrUpdatedRows ?? 0) !== 1) return;
      await appendDossierHistory(trx, {
        id: newId(),
        dossierId: d.id,
        at: now,
        action: 'draft_apology',
        fromStatus: d.status,
        toStatus: d.status,
        actorKind: 'system',
        actorId: null,
        actorName: 'Hệ thống',
        actorRole: null,
        agencyId: responsible,
        content:
          'Hồ sơ sắp đến hạn trả kết quả: dự thảo thư xin lỗi và hẹn lại ngày trả, chờ lãnh đạo phê duyệt.',
      });
      await emitWorkflowEvent(ctx.jobs, trx, {
        ...event,
        eventId: `${d.id}:apology_drafted`,
        kind: 'apology_drafted',
        to: { role: { agencyId: d.competent_agency_id, role: 'agency_leader' } },
      });
      done.drafts++;
    });
  }
  return done;
}

const vietnamDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Each officer's digest of the steps they hold: overdue, due today, due tomorrow (Vietnam days). */
export async function sendDailyDigests(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = vietnamDay(now);
  const tomorrow = vietnamDay(new Date(now.getTime() + 86_400_000));
  const dayEnd = new Date(`${tomorrow}T23:59:59.999+07:00`);
  const rows = await ctx.db
    .selectFrom('dossiers')
    .select(['step_assignee', 'code', 'procedure_name', 'step_due_at'])
    .where('status', '=', 4)
    .where('step_assignee', 'is not', null)
    .where('step_due_at', '<=', dayEnd)
    .orderBy('step_assignee')
    .orderBy('step_due_at')
    .execute();
  const byOfficer = new Map<string, { overdue: DigestLine[]; today: DigestLine[]; tomorrow: DigestLine[] }>();
  for (const r of rows) {
    const lists = byOfficer.get(r.step_assignee!) ?? { overdue: [], today: [], tomorrow: [] };
    byOfficer.set(r.step_assignee!, lists);
    const line = { code: r.code, procedureName: r.procedure_name, dueAt: r.step_due_at!.toISOString() };
    if (r.step_due_at! < now) lists.overdue.push(line);
    else if (vietnamDay(r.step_due_at!) === today) lists.today.push(line);
    else lists.tomorrow.push(line);
  }
  for (const [officerId, lists] of byOfficer) {
    await emitWorkflowEvent(ctx.jobs, ctx.db, {
      eventId: `digest:${officerId}:${today}`,
      kind: 'daily_digest',
      to: { officerIds: [officerId] },
      at: now.toISOString(),
      lists: [
        { title: 'Quá hạn', lines: lists.overdue },
        { title: 'Đến hạn hôm nay', lines: lists.today },
        { title: 'Đến hạn ngày mai', lines: lists.tomorrow },
      ],
    });
  }
  return byOfficer.size;
}

/** Each centre's online dossiers still waiting to be received (status 1, channel 2). */
export async function sendWeeklyUnreceived(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .selectFrom('dossiers')
    .select(['receiving_agency_id', 'code', 'procedure_name', 'submitted_at'])
    .where('status', '=', 1)
    .where('channel', '=', 2)
    .orderBy('receiving_agency_id')
    .orderBy('submitted_at')
    .execute();
  const byCentre = new Map<string, DigestLine[]>();
  for (const r of rows) {
    const lines = byCentre.get(r.receiving_agency_id) ?? [];
    byCentre.set(r.receiving_agency_id, lines);
    lines.push({ code: r.code, procedureName: r.procedure_name, dueAt: null });
  }
  for (const [agencyId, lines] of byCentre) {
    await emitWorkflowEvent(ctx.jobs, ctx.db, {
      eventId: `unreceived:${agencyId}:${vietnamDay(now)}`,
      kind: 'weekly_unreceived',
      to: { deskAgencyId: agencyId },
      at: now.toISOString(),
      lists: [{ title: 'Hồ sơ trực tuyến chưa tiếp nhận', lines }],
    });
  }
  return byCentre.size;
}

export function reminderJobs(ctx: AppContext) {
  return [
    defineJob<Record<string, never>>({
      name: DUE_WARNINGS_JOB,
      cron: '*/15 * * * *',
      async handler() {
        await sendDueWarnings(ctx);
      },
    }),
    defineJob<Record<string, never>>({
      name: DAILY_DIGEST_JOB,
      cron: '0 7 * * *',
      async handler() {
        await sendDailyDigests(ctx);
      },
    }),
    defineJob<Record<string, never>>({
      name: WEEKLY_UNRECEIVED_JOB,
      cron: '30 7 * * 1',
      async handler() {
        await sendWeeklyUnreceived(ctx);
      },
    }),
  ];
}
