import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import {
  citizenPrincipal,
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
  TINY_PDF,
} from '../../../test/factories-dossiers.js';
import { fixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { cleanUpDossierFiles } from './attachments/index.js';
import { insertHistory } from './dossiers.repository.js';
import {
  attachWorkingFiles,
  findWorkingFile,
  listWorkingFiles,
  storeWorkingFile,
} from './working-files.service.js';

const clock = fixedClock('2026-12-07T02:00:00Z');
const { ctx } = await buildTestApp({ clock });
const db = ctx.db;
const world = await seedIntakeWorld(db, clock);
const specialist = officerPrincipal(world.specialist);
const desk = officerPrincipal(world.desk);
const d = await submitOnlineDossier(ctx, world, 'working-files-0001');

const pdf = (tag: string) => Readable.from([TINY_PDF, Buffer.from(`% ${tag}\n`)]);
const store = (who = specialist, tag = 'du-thao.pdf') =>
  storeWorkingFile(ctx, who, d.id, { stream: pdf(tag), fileName: tag });

async function historyRow() {
  const id = newId();
  await insertHistory(db, {
    id,
    dossierId: d.id,
    at: clock.now(),
    action: 'forward',
    fromStatus: 4,
    toStatus: 4,
    actorKind: 'officer',
    actorId: specialist.id,
    actorName: specialist.name,
    actorRole: 'specialist',
    agencyId: world.ward.id,
    content: 'Chuyển kèm dự thảo',
  });
  return id;
}

const rowOf = (id: string) =>
  db.selectFrom('dossier_files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('working documents (tài liệu xử lý)', () => {
  it('are stored attached to nothing, on no component, and only their uploader sees them waiting', async () => {
    const f = await store();
    const row = await rowOf(f.id);
    assert.equal(row.dossier_id, d.id);
    assert.equal(row.component_id, null);
    assert.equal(row.history_id, null);
    assert.equal(row.attached_at, null);
    assert.equal(row.uploaded_by_kind, 'officer');
    assert.ok((await ctx.files.has(f.sha256)) === true, 'bytes durable before the row');
    assert.deepEqual(
      (await listWorkingFiles(db, d.id, specialist.id)).map((w) => [w.id, w.historyId]),
      [[f.id, null]],
    );
    assert.deepEqual(await listWorkingFiles(db, d.id, desk.id), [], 'another officer does not see it');
    assert.deepEqual(await listWorkingFiles(db, d.id), []);
    // The dossier's components do not gain the file.
    const components = await db
      .selectFrom('dossier_files')
      .select('id')
      .where('dossier_id', '=', d.id)
      .where('component_id', 'is not', null)
      .execute();
    assert.ok(!components.some((c) => c.id === f.id));
  });

  it('a citizen cannot store one', async () => {
    await assert.rejects(
      storeWorkingFile(ctx, citizenPrincipal(world.citizen), d.id, { stream: pdf('x'), fileName: 'x.pdf' }),
      (e: { code?: string }) => e.code === 'dossier.not_found',
    );
  });

  it('an action carries them to its history entry; no file is carried twice or by someone else', async () => {
    const a = await store(specialist, 'to-trinh.pdf');
    const b = await store(specialist, 'phieu-tham-dinh.pdf');
    const others = await store(desk, 'cua-nguoi-khac.pdf');
    const h1 = await historyRow();
    assert.equal(
      await attachWorkingFiles(db, {
        dossierId: d.id,
        uploadedById: specialist.id,
        fileIds: [a.id, b.id, a.id],
        historyId: h1,
        at: clock.now(),
      }),
      2,
    );
    const carried = await rowOf(a.id);
    assert.equal(carried.history_id, h1);
    assert.ok(carried.attached_at);
    const listed = await listWorkingFiles(db, d.id);
    assert.deepEqual(
      listed.filter((w) => w.historyId === h1).map((w) => [w.fileName, w.action, w.actorName]),
      [
        ['to-trinh.pdf', 'forward', specialist.name],
        ['phieu-tham-dinh.pdf', 'forward', specialist.name],
      ],
    );
    const h2 = await historyRow();
    for (const [ids, why] of [
      [[a.id], 'already carried'],
      [[others.id], 'uploaded by another officer'],
      [[newId()], 'unknown'],
      [['not-an-id'], 'malformed'],
    ] as const) {
      await assert.rejects(
        attachWorkingFiles(db, {
          dossierId: d.id,
          uploadedById: specialist.id,
          fileIds: [...ids],
          historyId: h2,
          at: clock.now(),
        }),
        (e: { code?: string; status?: number }) => e.code === 'workflow.files_not_found' && e.status === 400,
        why,
      );
    }
    assert.equal((await rowOf(others.id)).history_id, null, 'nothing half-applied');
  });

  it('an officer who may see the dossier opens carried ones; a citizen never does', async () => {
    const [carried] = await listWorkingFiles(db, d.id);
    assert.ok(carried);
    const deskOfficer = officerPrincipal(world.desk);
    assert.equal((await findWorkingFile(db, deskOfficer, d.id, carried.id))?.id, carried.id);
    assert.equal(await findWorkingFile(db, citizenPrincipal(world.citizen), d.id, carried.id), undefined);
    assert.equal(await findWorkingFile(db, null, d.id, carried.id), undefined);
  });

  it('the nightly clean-up removes the ones no action carried, and keeps the carried ones', async () => {
    const waiting = await store(specialist, 'bo-quen.pdf');
    const carried = (await listWorkingFiles(db, d.id)).map((w) => w.id);
    assert.ok(carried.length >= 2);
    clock.advance((ctx.config.uploadOrphanHours + 1) * 3_600_000);
    const result = await cleanUpDossierFiles(ctx);
    assert.ok(result.files >= 1);
    const left = await db
      .selectFrom('dossier_files')
      .select('id')
      .where('id', 'in', [waiting.id, ...carried])
      .execute();
    assert.deepEqual(left.map((r) => r.id).sort(), [...carried].sort());
    assert.equal(await ctx.files.has(waiting.sha256), false, 'its bytes go with it');
    // A component's files are untouched.
    const components = await db
      .selectFrom('dossier_files')
      .select('id')
      .where('dossier_id', '=', d.id)
      .where('component_id', 'is not', null)
      .execute();
    assert.equal(components.length, 2);
  });
});
