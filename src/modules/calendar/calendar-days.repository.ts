/**
 * SQL of the calendar of days off and make-up days (calendar_days, its events and the revision
 * counters). The first parameter is always the executor: the database or an open transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { StoredDayStatus } from './day-transitions.js';
import type { CalendarDay, CalendarDayKind, CalendarDayStatus } from './holiday-calendar.js';

/** Where a row came from: the shipped official table, the generator of proposals, or an administrator. */
export type CalendarDayOrigin = 'official_table' | 'generated' | 'admin';

/** A stored calendar row: the pure model plus who confirmed it and when. */
export interface CalendarDayRecord extends CalendarDay {
  readonly origin: CalendarDayOrigin;
  readonly confirmedBy: string | null;
  readonly confirmedAt: Date | null;
}

export type RevisionScope = 'days' | 'office_hours';

const isoDate = (column: 'date' | 'break_from' | 'break_to') =>
  sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function selectDays(db: Db) {
  return db
    .selectFrom('calendar_days')
    .select([
      isoDate('date').as('date'),
      'kind',
      'status',
      'name',
      'source',
      isoDate('break_from').as('break_from'),
      isoDate('break_to').as('break_to'),
      'evidence',
      'origin',
      'confirmed_by',
      'confirmed_at',
    ])
    .where('status', '<>', 'removed')
    .orderBy('calendar_days.date');
}

type DayRow = Awaited<ReturnType<ReturnType<typeof selectDays>['execute']>>[number];

const toRecord = (r: DayRow): CalendarDayRecord => ({
  date: r.date!,
  kind: r.kind as CalendarDayKind,
  status: r.status as CalendarDayStatus,
  name: r.name,
  source: r.source,
  breakRange: r.break_from && r.break_to ? { from: r.break_from, to: r.break_to } : undefined,
  evidence: r.evidence ?? undefined,
  origin: r.origin as CalendarDayOrigin,
  confirmedBy: r.confirmed_by,
  confirmedAt: r.confirmed_at,
});

export async function selectDaysBetween(db: Db, from: string, to: string): Promise<CalendarDayRecord[]> {
  const rows = await selectDays(db)
    .where('date', '>=', sql<Date>`${from}::date`)
    .where('date', '<=', sql<Date>`${to}::date`)
    .execute();
  return rows.map(toRecord);
}

export async function selectAllDays(db: Db): Promise<CalendarDayRecord[]> {
  return (await selectDays(db).execute()).map(toRecord);
}

export async function selectDay(db: Db, date: string): Promise<CalendarDayRecord | undefined> {
  const row = await selectDays(db).where('date', '=', sql<Date>`${date}::date`).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface NewDayRow {
  day: CalendarDay;
  origin: CalendarDayOrigin;
  confirmedBy: string | null;
  at: Date;
}

const rowValues = ({ day, origin, confirmedBy, at }: NewDayRow) => ({
  date: day.date,
  kind: day.kind,
  status: day.status,
  name: day.name,
  source: day.source,
  break_from: day.breakRange?.from ?? null,
  break_to: day.breakRange?.to ?? null,
  evidence: day.evidence ?? null,
  origin,
  confirmed_by: day.status === 'confirmed' ? confirmedBy : null,
  confirmed_at: day.status === 'confirmed' ? at : null,
  created_at: at,
  updated_at: at,
});

/** Inserts rows for free dates; a date that already has a row keeps it. Returns the dates inserted. */
export async function insertDaysIfAbsent(db: Db, rows: readonly NewDayRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('calendar_days')
    .values(rows.map(rowValues))
    .onConflict((oc) => oc.column('date').doNothing())
    .returning(isoDate('date').as('date'))
    .execute();
  return inserted.map((r) => r.date!);
}

/** Replaces a row only while it is still a proposal. Returns whether it did. */
export async function replaceProposal(db: Db, row: NewDayRow): Promise<boolean> {
  const { date: _date, created_at: _created, ...values } = rowValues(row);
  const r = await db
    .updateTable('calendar_days')
    .set(values)
    .where('date', '=', sql<Date>`${row.day.date}::date`)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/**
 * Makes a removed row a row again (an administrator adds its date anew), keeping its history.
 * Returns whether it did.
 */
export async function reviveRemovedDay(db: Db, row: NewDayRow): Promise<boolean> {
  const { date: _date, created_at: _created, ...values } = rowValues(row);
  const r = await db
    .updateTable('calendar_days')
    .set(values)
    .where('date', '=', sql<Date>`${row.day.date}::date`)
    .where('status', '=', 'removed')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/**
 * Writes an edited row's kind, name and source (guarded by its status: zero rows when someone else
 * changed it first). A confirmed row is vouched for by the editor from then on.
 */
export async function updateDayContent(
  db: Db,
  change: {
    date: string;
    status: CalendarDayStatus;
    kind: CalendarDayKind;
    name: string;
    source: string;
    actor: string;
    at: Date;
  },
): Promise<boolean> {
  const confirmed = change.status === 'confirmed';
  const r = await db
    .updateTable('calendar_days')
    .set({
      kind: change.kind,
      name: change.name,
      source: change.source,
      ...(confirmed ? { confirmed_by: change.actor, confirmed_at: change.at } : {}),
      updated_at: change.at,
    })
    .where('date', '=', sql<Date>`${change.date}::date`)
    .where('status', '=', change.status)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Moves a row from `from` to `to` (guarded: zero rows when someone else moved it first). */
export async function updateDayStatus(
  db: Db,
  change: {
    date: string;
    from: StoredDayStatus;
    to: StoredDayStatus;
    source: string;
    actor: string;
    at: Date;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('calendar_days')
    .set({
      status: change.to,
      source: change.source,
      // A removed row keeps who confirmed it; otherwise only a confirmed row names its confirmer.
      ...(change.to === 'removed'
        ? {}
        : {
            confirmed_by: change.to === 'confirmed' ? change.actor : null,
            confirmed_at: change.to === 'confirmed' ? change.at : null,
          }),
      updated_at: change.at,
    })
    .where('date', '=', sql<Date>`${change.date}::date`)
    .where('status', '=', change.from)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export interface DayEvent {
  id: string;
  date: string;
  action: 'imported' | 'proposed' | 'confirmed' | 'added' | 'edited' | 'removed';
  fromStatus: StoredDayStatus | null;
  toStatus: StoredDayStatus;
  source: string;
  actor: string;
  /** The actor's name then (an officer's or an API token's), for people reading the history. */
  actorName?: string | undefined;
  at: Date;
  /** Why the row was removed (required for `removed`). */
  reason?: string | undefined;
  /** What an edited or removed row held before. */
  previous?: { kind: string; name: string; source: string; status: string } | undefined;
  /** Idempotency-Key of the API call or hidden key of the form that made this change. */
  requestKey?: string | undefined;
}

export async function insertDayEvents(db: Db, events: readonly DayEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('calendar_day_events')
    .values(
      events.map((e) => ({
        id: e.id,
        date: e.date,
        action: e.action,
        from_status: e.fromStatus,
        to_status: e.toStatus,
        source: e.source,
        actor: e.actor,
        at: e.at,
        actor_name: e.actorName ?? null,
        reason: e.reason ?? null,
        previous: e.previous ? JSON.stringify(e.previous) : null,
        request_key: e.requestKey ?? null,
      })),
    )
    .execute();
}

/** The event a request key wrote, if any (a retried request). */
export async function selectEventByRequestKey(db: Db, key: string) {
  return db
    .selectFrom('calendar_day_events')
    .select([isoDate('date').as('date'), 'action'])
    .where('request_key', '=', key)
    .executeTakeFirst();
}

/** The status of a date's row, removed rows included; undefined when the date has none. */
export async function selectStoredStatus(db: Db, date: string): Promise<StoredDayStatus | undefined> {
  const row = await db
    .selectFrom('calendar_days')
    .select('status')
    .where('date', '=', sql<Date>`${date}::date`)
    .executeTakeFirst();
  return row?.status as StoredDayStatus | undefined;
}

export async function selectDayEvents(db: Db, date: string) {
  return db
    .selectFrom('calendar_day_events')
    .select([
      'action',
      'from_status',
      'to_status',
      'source',
      'actor',
      'actor_name',
      'at',
      'reason',
      'previous',
    ])
    .where('date', '=', sql<Date>`${date}::date`)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function bumpRevision(db: Db, scope: RevisionScope): Promise<void> {
  await db
    .updateTable('calendar_revisions')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('scope', '=', scope)
    .execute();
}

export async function selectRevisions(db: Db): Promise<Record<RevisionScope, number>> {
  const rows = await db.selectFrom('calendar_revisions').select(['scope', 'revision']).execute();
  const revisions = { days: 0, office_hours: 0 };
  for (const r of rows) revisions[r.scope as RevisionScope] = r.revision;
  return revisions;
}
