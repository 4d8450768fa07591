/** The workflow module's events as in-app messages: to the citizen, named officers, a step's pool, a desk. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { seedIntakeWorld } from '../../../test/factories-dossiers.js';
import { insertOfficer } from '../../../test/factories-identity.js';
import type { WorkflowEvent } from '../workflow/index.js';
import { selectMessages } from './notifications.repository.js';
import { workflowEventJob } from './workflow-event.job.js';

const { ctx } = await buildTestApp();
const db = ctx.db;
const world = await seedIntakeWorld(db);
const leader = await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role: 'agency_leader' }] });
const run = (e: WorkflowEvent) =>
  workflowEventJob(ctx).handler(e, { signal: new AbortController().signal } as never);
const latest = async (kind: 'citizen' | 'officer', id: string) =>
  (await selectMessages(db, { kind, id }, 1))[0];
const base = {
  at: '2026-03-04T03:00:00.000Z',
  dossierCode: 'H22.102-260302-0042',
  procedureName: 'Đăng ký khai sinh',
  accountId: world.citizen.id,
};

describe('workflow events as messages', () => {
  it('tells the citizen of an obligation with its amount, once however often it is delivered', async () => {
    const e: WorkflowEvent = {
      ...base,
      eventId: 'x:request_payment:1',
      kind: 'payment_requested',
      to: { citizen: true },
      detail: '1.500.000 đồng — Lệ phí trước bạ',
    };
    await run(e);
    await run(e);
    const mine = await selectMessages(db, { kind: 'citizen', id: world.citizen.id }, 10);
    assert.equal(mine.filter((m) => m.event_key === e.eventId).length, 1);
    assert.equal(mine[0]!.title, 'Hồ sơ H22.102-260302-0042: thực hiện nghĩa vụ tài chính');
    assert.match(mine[0]!.body, /bạn cần nộp: 1\.500\.000 đồng — Lệ phí trước bạ/);
    assert.equal(mine[0]!.link, '/ho-so-cua-toi/H22.102-260302-0042');
  });

  it('tells the apology to the citizen and to the desk of the receiving centre', async () => {
    await run({
      ...base,
      eventId: 'x:extend:1',
      kind: 'apology_sent',
      to: { citizen: true, deskAgencyId: world.wardCentre.id },
      detail: '17:00 10/03/2026',
    });
    assert.match((await latest('citizen', world.citizen.id))!.body, /Ngày hẹn trả mới: 17:00 10\/03\/2026/);
    const desk = (await latest('officer', world.desk.id))!;
    assert.equal(desk.title, 'Hồ sơ H22.102-260302-0042 đã gia hạn');
    assert.equal(desk.link, '/can-bo/ho-so/H22.102-260302-0042');
  });

  it('asks the leaders of the competent body to approve a drafted letter (a role pool)', async () => {
    await run({
      ...base,
      eventId: 'x:apology_drafted',
      kind: 'apology_drafted',
      to: { role: { agencyId: world.ward.id, role: 'agency_leader' } },
      dueAt: '2026-03-09T02:00:00.000Z',
    });
    const m = (await latest('officer', leader.id))!;
    assert.equal(m.title, 'Thư xin lỗi hồ sơ H22.102-260302-0042 chờ phê duyệt');
    assert.match(m.body, /hẹn trả lúc 09:00 09\/03\/2026/);
    assert.notEqual((await latest('officer', world.specialist.id))?.event_key, 'x:apology_drafted');
  });

  it('writes the morning digest and the weekly list, lists without lines left out', async () => {
    await run({
      eventId: 'digest:1',
      kind: 'daily_digest',
      at: base.at,
      to: { officerIds: [world.specialist.id] },
      lists: [
        { title: 'Quá hạn', lines: [] },
        {
          title: 'Đến hạn hôm nay',
          lines: [
            { code: 'H22.102-260302-0001', procedureName: 'Khai sinh', dueAt: '2026-03-04T09:00:00.000Z' },
          ],
        },
      ],
    });
    const digest = (await latest('officer', world.specialist.id))!;
    assert.equal(digest.title, 'Hồ sơ cần xử lý hôm nay');
    assert.equal(digest.body, 'Đến hạn hôm nay (1): H22.102-260302-0001 (hạn 16:00 04/03/2026)');
    await run({
      eventId: 'unreceived:1',
      kind: 'weekly_unreceived',
      at: base.at,
      to: { deskAgencyId: world.wardCentre.id },
      lists: [
        {
          title: 'Hồ sơ trực tuyến chưa tiếp nhận',
          lines: [{ code: 'H22.102-260301-0007', procedureName: 'Khai sinh', dueAt: null }],
        },
      ],
    });
    const weekly = (await latest('officer', world.desk.id))!;
    assert.equal(weekly.title, 'Hồ sơ trực tuyến chưa tiếp nhận');
    assert.equal(weekly.body, 'Hồ sơ trực tuyến chưa tiếp nhận (1): H22.102-260301-0007');
    assert.equal(weekly.link, '/can-bo/ho-so');
  });
});
