import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { v7 } from 'uuid';
import { buildTestApp } from '../../../test/build-test-app.js';
import { officerPrincipal, onlineBody, seedIntakeWorld } from '../../../test/factories-dossiers.js';
import { insertOfficer } from '../../../test/factories-identity.js';
import { multipartBody } from '../../../test/page-forms.js';
import { fixedClock } from '../../platform/clock.js';
import { sessionAt as sessionOn } from './pages/desk/desk-test-support.js';
import { requestCompletion } from './review.service.js';
import { submitDossier } from './submission.service.js';

const clock = fixedClock('2026-12-07T01:30:00Z');
const { app, ctx } = await buildTestApp({ clock, env: { UPLOAD_MAX_FILE_MB: '1' } });
const db = ctx.db;
const world = await seedIntakeWorld(db, clock);

const sessionAt = (owner: { officerId: string } | { citizenId: string }) => sessionOn(db, clock, owner);
const desk = officerPrincipal(world.desk);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const cookies = {
  desk: await sessionAt({ officerId: world.desk.id }),
  otherDesk: await sessionAt({ officerId: world.provinceDesk.id }),
  specialist: await sessionAt({ officerId: world.specialist.id }),
  citizen: await sessionAt({ citizenId: world.citizen.id }),
};

/** A dossier filed at the ward's desk for the world's citizen (linked by ID number). */
async function newDossier(key: string) {
  const body = onlineBody({
    applicant: { ...onlineBody().applicant, idNumber: world.citizen.accountKey },
  });
  return (await submitDossier(ctx, desk, body as never, key)).dossier;
}

const multipart = multipartBody;

async function upload(
  code: string,
  cookie: string | null,
  componentId: string,
  file = { bytes: PDF, name: 'to-khai.pdf', type: 'application/pdf' },
  key: string = v7(),
) {
  const body = await multipart([
    ['componentId', componentId],
    ['file', file],
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/attachments`,
    headers: {
      ...body.headers,
      ...(cookie ? { cookie } : {}),
      'idempotency-key': key,
      accept: 'application/json',
    },
    payload: body.payload,
  });
}

describe('dossier attachments API', () => {
  it('lets the desk upload a scan to a component by id or position; the component becomes digitized', async () => {
    const d = await newDossier('att-desk-0001');
    const c = d.components[0]!;
    const res = await upload(d.code, cookies.desk, c.id);
    assert.equal(res.statusCode, 201, res.body);
    const files = (
      res.json() as { files: { id: string; fileName: string; mediaType: string; size: number }[] }
    ).files;
    assert.equal(files.length, 1);
    assert.equal(files[0]!.fileName, 'to-khai.pdf');
    assert.equal(files[0]!.mediaType, 'application/pdf');
    assert.equal(files[0]!.size, PDF.length);
    const byPosition = await upload(d.code, cookies.desk, String(d.components[1]!.position));
    assert.equal(byPosition.statusCode, 201, byPosition.body);
    const row = await db
      .selectFrom('dossier_components')
      .select('digitization')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.digitization, 1);

    const got = await app.inject({
      url: `/api/v1/dossiers/${d.code}/attachments/${files[0]!.id}`,
      headers: { cookie: cookies.desk },
    });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.match(String(got.headers['content-disposition']), /^inline; filename="to-khai\.pdf"/);
    assert.equal(got.headers['cache-control'], 'private, no-store');
    assert.deepEqual(got.rawPayload, PDF);

    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/v1/dossiers/${d.code}/attachments/${files[0]!.id}`,
      headers: { cookie: cookies.desk, 'idempotency-key': v7() },
    });
    assert.equal(gone.statusCode, 204, gone.body);
    const after = await app.inject({
      url: `/api/v1/dossiers/${d.code}/attachments/${files[0]!.id}`,
      headers: { cookie: cookies.desk },
    });
    assert.equal(after.statusCode, 404);
    assert.equal((after.json() as { code: string }).code, 'attachment.not_found');
    const back = await db
      .selectFrom('dossier_components')
      .select('digitization')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    assert.equal(back.digitization, 0, 'no file left: not digitized any more');
  });

  it('stores a file once under one Idempotency-Key, for a retry after the answer and for copies sent at once', async () => {
    const d = await newDossier('att-replay-0001');
    const c = d.components[0]!;
    const file = { bytes: PDF, name: 'ban-quet.pdf', type: 'application/pdf' };
    const key = v7();
    const first = await upload(d.code, cookies.desk, c.id, file, key);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const again = await upload(d.code, cookies.desk, c.id, file, key);
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json());

    const racing = v7();
    const copies = await Promise.all(
      Array.from({ length: 4 }, () => upload(d.code, cookies.desk, c.id, file, racing)),
    );
    for (const r of copies) assert.equal(r.statusCode, 201, r.body);
    const ids = new Set(copies.map((r) => (r.json() as { files: { id: string }[] }).files[0]!.id));
    assert.equal(ids.size, 1, 'every copy answers with the one stored file');

    const rows = await db
      .selectFrom('dossier_files')
      .select(['id', 'request_key'])
      .where('dossier_id', '=', d.id)
      .execute();
    assert.equal(rows.length, 2, 'two keys, two files');
    const history = await db
      .selectFrom('dossier_history')
      .select('id')
      .where('dossier_id', '=', d.id)
      .where('action', '=', 'add_attachment')
      .execute();
    assert.equal(history.length, 2, 'one history entry per stored file');

    const fresh = await upload(d.code, cookies.desk, c.id, file, v7());
    assert.equal(fresh.statusCode, 201);
    assert.notEqual((fresh.json() as { files: { id: string }[] }).files[0]!.id, [...ids][0]);

    const bad = await upload(d.code, cookies.desk, c.id, file, 'có dấu cách');
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { code: string }).code, 'request.invalid_idempotency_key');
  });

  it('lets the citizen upload only while the dossier awaits completion', async () => {
    const d = await newDossier('att-citizen-01');
    const c = d.components[0]!;
    const early = await upload(d.code, cookies.citizen, c.id);
    assert.equal(early.statusCode, 409, early.body);
    assert.equal((early.json() as { code: string }).code, 'dossier.action_not_allowed');
    await requestCompletion(ctx, desk, d.id, { missing: [{ name: c.name, reason: 'Bản chụp bị mờ' }] });
    const res = await upload(d.code, cookies.citizen, c.id);
    assert.equal(res.statusCode, 201, res.body);
    const id = (res.json() as { files: { id: string }[] }).files[0]!.id;
    const got = await app.inject({
      url: `/api/v1/dossiers/${d.code}/attachments/${id}`,
      headers: { cookie: cookies.citizen },
    });
    assert.equal(got.statusCode, 200);
  });

  it('answers 401, 403 and 404 by role', async () => {
    const d = await newDossier('att-roles-001');
    const c = d.components[0]!;
    const anonymous = await upload(d.code, null, c.id);
    assert.equal(anonymous.statusCode, 401);
    const specialist = await upload(d.code, cookies.specialist, c.id);
    assert.equal(specialist.statusCode, 403);
    assert.equal((specialist.json() as { code: string }).code, 'auth.forbidden');
    const otherDesk = await upload(d.code, cookies.otherDesk, c.id);
    assert.equal(otherDesk.statusCode, 404, 'another desk cannot even see it');
    const stranger = await insertOfficer(db, {
      grants: [{ agencyId: world.otherWardCentre.id, role: 'one_stop' }],
    });
    const strangerRes = await upload(d.code, await sessionAt({ officerId: stranger.id }), c.id);
    assert.equal(strangerRes.statusCode, 404);
    const noComponent = await upload(d.code, cookies.desk, v7());
    assert.equal(noComponent.statusCode, 404);
    assert.equal((noComponent.json() as { code: string }).code, 'dossier.component_not_found');
    const unknown = await upload('G22.0001-261207-9999', cookies.desk, c.id);
    assert.equal(unknown.statusCode, 404);
  });

  it('refuses a disguised executable with its code and a clear message, and a file over the limit', async () => {
    const d = await newDossier('att-refuse-01');
    const c = d.components[0]!;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]);
    const res = await upload(d.code, cookies.desk, c.id, {
      bytes: exe,
      name: 'scan.pdf',
      type: 'application/pdf',
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const problem = res.json() as { code: string; detail?: string; title?: string };
    assert.equal(problem.code, 'attachment.executable');
    assert.match(JSON.stringify(problem), /chương trình chạy được/);
    const big = Buffer.concat([PDF, Buffer.alloc(1_048_576, 0x20)]);
    const tooBig = await upload(d.code, cookies.desk, c.id, {
      bytes: big,
      name: 'lon.pdf',
      type: 'application/pdf',
    });
    assert.equal(tooBig.statusCode, 413, tooBig.body);
    assert.equal((tooBig.json() as { code: string }).code, 'attachment.too_large');
    const rows = await db.selectFrom('dossier_files').select('id').where('dossier_id', '=', d.id).execute();
    assert.equal(rows.length, 0, 'nothing refused is attached');
  });

  it('wants the component before the files, and multipart at all', async () => {
    const d = await newDossier('att-order-001');
    const body = await multipart([
      ['file', { bytes: PDF, name: 'a.pdf', type: 'application/pdf' }],
      ['componentId', d.components[0]!.id],
    ]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${d.code}/attachments`,
      headers: { ...body.headers, cookie: cookies.desk, 'idempotency-key': v7() },
      payload: body.payload,
    });
    assert.equal(res.statusCode, 400);
    assert.equal((res.json() as { code: string }).code, 'attachment.component_required');
    const json = await app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${d.code}/attachments`,
      headers: { 'content-type': 'application/json', cookie: cookies.desk },
      payload: '{}',
    });
    assert.equal(json.statusCode, 415);
    assert.equal((json.json() as { code: string }).code, 'attachment.multipart_required');
  });
});
