import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { seedIntakeWorld, submitOnlineDossier } from '../../../test/factories-dossiers.js';
import { fixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import {
  dossierPageData,
  type InboxFilter,
  type InboxRow,
  type InboxView,
  inboxCount,
  inboxCursor,
  inboxPage,
} from './inbox.repository.js';

const NOW = new Date('2026-03-02T02:00:00Z');
const clock = fixedClock(NOW);
const { ctx } = await buildTestApp({ clock });
const world = await seedIntakeWorld(ctx.db, clock);
const template = await submitOnlineDossier(ctx, world, 'inbox-repository-0001');
const base = await ctx.db
  .selectFrom('dossiers')
  .selectAll()
  .where('id', '=', template.id)
  .executeTakeFirstOrThrow();

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const me = world.specialist.id;
const other = world.desk.id;
const W = world.ward.id;

let seq = 0;
interface Spec {
  status: number;
  assignee?: string | null;
  agency?: string;
  role?: string;
  due: Date | null;
  channel?: number;
  received?: Date | null;
  procedure?: string;
}
const rowOf = (s: Spec) => {
  seq += 1;
  return {
    ...base,
    applicant: JSON.stringify(base.applicant),
    owner: base.owner === null ? null : JSON.stringify(base.owner),
    id: newId(),
    code: `INBOX.T-260302-${String(seq).padStart(5, '0')}`,
    status: s.status,
    sub_state: null,
    step_agency_id: s.agency ?? W,
    step_role: s.role ?? 'specialist',
    step_assignee: s.assignee ?? null,
    step_due_at: s.due,
    channel: s.channel ?? base.channel,
    received_at: s.received === undefined ? base.received_at : s.received,
    procedure_code: s.procedure ?? base.procedure_code,
  };
};
async function make(s: Spec): Promise<string> {
  const row = rowOf(s);
  await ctx.db.insertInto('dossiers').values(row).execute();
  return row.id;
}

const m1 = await make({ status: 4, assignee: me, due: at(-2) });
const m2 = await make({ status: 5, assignee: me, due: at(1) });
const m3 = await make({ status: 6, assignee: me, due: at(10) });
const m4 = await make({ status: 4, assignee: me, due: null });
await make({ status: 10, assignee: me, due: at(1) }); // finished: in no view
await make({ status: 4, assignee: other, due: at(1) }); // someone else's
const u1 = await make({ status: 4, due: at(-1) });
const u2 = await make({ status: 4, due: at(2) });
const u3 = await make({ status: 4, due: null });
await make({ status: 4, role: 'agency_leader', due: at(1) }); // not my role
await make({ status: 4, agency: world.otherWard.id, due: at(1) }); // not my agency
const p5 = await make({ status: 5, due: at(1) }); // unclaimed but paused: not status 4
await make({ status: 5, agency: world.otherWard.id, due: at(1) }); // paused, not my agency
const p6 = await make({ status: 6, role: 'agency_leader', due: null }); // waiting for a fee, any role
const u7 = await make({ status: 4, due: at(2) }); // same due time as u2: the id decides
const u8 = await make({ status: 4, due: null }); // two undated: the id decides

const sortIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const [tieA, tieB] = [u2, u7].sort(sortIds);
const [nullA, nullB] = [u3, u8].sort(sortIds);
const [supA, supB] = [m2, p5].sort(sortIds);

const filter = (view: InboxView): InboxFilter => ({
  officerId: me,
  agencyIds: [W],
  roles: ['specialist', 'department_head'],
  view,
  now: NOW,
  dueSoonBefore: at(3),
});
const ids = (rows: InboxRow[]) => rows.map((r) => r.id);

async function allPages(view: InboxView, limit: number) {
  const out: InboxRow[] = [];
  let after: ReturnType<typeof inboxCursor> | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await inboxPage(ctx.db, { ...filter(view), after, limit });
    assert.ok(page.length <= limit);
    out.push(...page);
    const last = page.at(-1);
    if (!last || page.length < limit) break;
    after = inboxCursor(last);
  }
  return out;
}

const EXPECTED: Record<InboxView, string[]> = {
  mine: [m1, m2, m3, m4],
  unclaimed: [u1, tieA, tieB, nullA, nullB] as string[],
  'due-soon': [m2, tieA, tieB] as string[],
  overdue: [m1, u1],
  supplement: [supA, supB] as string[],
  payment: [m3, p6],
};

describe('inboxPage', () => {
  for (const view of Object.keys(EXPECTED) as InboxView[]) {
    it(`${view}: exactly its dossiers, by due time (undated last), then id`, async () => {
      const rows = await inboxPage(ctx.db, { ...filter(view), limit: 50 });
      assert.deepEqual(ids(rows), EXPECTED[view]);
    });
    for (const limit of [1, 2, 3]) {
      it(`${view}: keyset pages of ${limit} continue without gaps or duplicates`, async () => {
        const rows = await allPages(view, limit);
        assert.deepEqual(ids(rows), EXPECTED[view]);
      });
    }
  }

  it('returns the inbox columns, the applicant name from the jsonb', async () => {
    const [row] = await inboxPage(ctx.db, { ...filter('mine'), limit: 1 });
    assert.ok(row);
    assert.equal(row.id, m1);
    assert.equal(row.status, 4);
    assert.equal(row.step_role, 'specialist');
    assert.equal(row.step_assignee, me);
    assert.deepEqual(row.step_due_at, at(-2));
    assert.equal(row.procedure_name, base.procedure_name);
    assert.equal(row.applicant_name, (base.applicant as { name: string }).name);
    assert.match(row.code, /^INBOX\.T-/);
  });

  it('an officer with no agency or role sees only their own steps', async () => {
    const rows = await inboxPage(ctx.db, { ...filter('overdue'), agencyIds: [], roles: [], limit: 50 });
    assert.deepEqual(ids(rows), [m1]);
    assert.deepEqual(ids(await inboxPage(ctx.db, { ...filter('unclaimed'), roles: [], limit: 50 })), []);
  });
});

describe('inboxPage filters', () => {
  const n = (narrow: InboxFilter['narrow'], view: InboxView = 'unclaimed') =>
    inboxPage(ctx.db, { ...filter(view), narrow, limit: 50 }).then(ids);

  it('narrows by channel, procedure code, status, field and received date', async () => {
    const counter = await make({
      status: 4,
      due: at(4),
      channel: 1,
      received: at(-5),
      procedure: '2.990002',
    });
    const late = await make({ status: 4, due: at(5), channel: 3, received: at(-1) });
    assert.deepEqual(await n({ channel: 1 }), [counter]);
    assert.deepEqual(await n({ channel: 3 }), [late]);
    assert.deepEqual(await n({ procedureCode: '2.990002' }), [counter]);
    assert.deepEqual(await n({ receivedFrom: at(-2), receivedBefore: at(0) }), [late]);
    assert.deepEqual(await n({ receivedBefore: at(-2) }), [counter]);
    assert.deepEqual(await n({ status: 5 }, 'mine'), [m2]);
    assert.deepEqual(await n({ status: 4 }, 'supplement'), []);
    // Every row was made from the online procedure's version (lĩnh vực Hộ tịch).
    assert.deepEqual(await n({ field: 'Hộ tịch' }, 'mine'), EXPECTED.mine);
    assert.deepEqual(await n({ field: 'Lý lịch tư pháp' }, 'mine'), []);
    assert.equal(await inboxCount(ctx.db, { ...filter('unclaimed'), narrow: { channel: 1 } }), 1);
    await ctx.db.deleteFrom('dossiers').where('id', 'in', [counter, late]).execute();
  });

  it('supplement and payment need an agency: none without one', async () => {
    assert.deepEqual(ids(await inboxPage(ctx.db, { ...filter('payment'), agencyIds: [], limit: 50 })), []);
  });
});

describe('inboxCount', () => {
  it('counts each view', async () => {
    for (const view of Object.keys(EXPECTED) as InboxView[]) {
      assert.equal(await inboxCount(ctx.db, filter(view)), EXPECTED[view].length, view);
    }
  });

  it('caps at 501 ("more than 500")', async () => {
    const many = Array.from({ length: 520 }, (_, i) => rowOf({ status: 4, due: at(20 + i / 100) }));
    await ctx.db.insertInto('dossiers').values(many).execute();
    assert.equal(await inboxCount(ctx.db, filter('unclaimed')), 501);
    assert.equal(await inboxCount(ctx.db, filter('mine')), 4);
    // Pagination still walks them all, once each.
    const rows = await allPages('unclaimed', 100);
    assert.equal(rows.length, 525);
    assert.equal(new Set(ids(rows)).size, 525);
    await ctx.db
      .deleteFrom('dossiers')
      .where(
        'id',
        'in',
        many.map((r) => r.id),
      )
      .execute();
  });
});

describe('dossierPageData', () => {
  it('gives the dossier, its components, its steps in order and its history, by id or by code', async () => {
    const stepIds = [newId(), newId(), newId()];
    await ctx.db
      .insertInto('dossier_steps')
      .values(
        [2, 0, 1].map((position) => ({
          id: stepIds[position] as string,
          dossier_id: template.id,
          position,
          kind: 'appraise',
          name: `Bước ${position}`,
          role: 'specialist',
          agency_id: W,
          state: position === 0 ? 'active' : 'pending',
        })),
      )
      .execute();
    await ctx.db
      .insertInto('dossier_history')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          id: newId(),
          dossier_id: template.id,
          at: new Date(NOW.getTime() + (i + 1) * 60_000),
          action: `note_${i}`,
          to_status: 1,
          actor_kind: 'system',
          actor_name: 'Hệ thống',
        })),
      )
      .execute();
    const byId = await dossierPageData(ctx.db, template.id);
    const byCode = await dossierPageData(ctx.db, template.code);
    assert.ok(byId && byCode);
    assert.deepEqual(byId, byCode);
    assert.equal(byId.dossier.id, template.id);
    assert.deepEqual(
      byId.components.map((c) => c.position),
      [...byId.components.map((c) => c.position)].sort((a, b) => a - b),
    );
    assert.ok(byId.components.length > 0);
    assert.deepEqual(
      byId.steps.map((s) => s.id),
      stepIds,
    );
    assert.equal(byId.history.length, 50);
    assert.equal(byId.history.at(-1)?.action, 'note_59');
    const times = byId.history.map((h) => h.at.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.equal(await dossierPageData(ctx.db, newId()), undefined);
    assert.equal(await dossierPageData(ctx.db, 'KHONG.CO-260101-0001'), undefined);
  });
});
