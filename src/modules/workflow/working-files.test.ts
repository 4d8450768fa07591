import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { v7 } from 'uuid';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import {
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
  TAX_PARTNER,
  TINY_PDF,
} from '../../../test/factories-dossiers.js';
import { insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { csrfFor, csrfProbe, multipartBody } from '../../../test/page-forms.js';
import { receiveDossier } from '../dossiers/index.js';
import { applyProcessingAction } from './processing.service.js';

const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
const db = ctx.db;
const world = await seedIntakeWorld(db);
await insertAgency(db, { kind: 'tax', name: TAX_PARTNER, parentId: world.province.id, units: ['22'] });
const desk = officerPrincipal(world.desk);
const specialist = officerPrincipal(world.specialist);

/** A dossier whose appraisal step the ward's specialist holds. */
async function atSpecialist(key: string) {
  const d = await submitOnlineDossier(ctx, world, key);
  await receiveDossier(ctx, desk, d.code, {});
  await applyProcessingAction(ctx, desk, d.code, 'start');
  await applyProcessingAction(ctx, desk, d.code, 'transfer');
  await applyProcessingAction(ctx, specialist, d.code, 'receive_handover');
  await applyProcessingAction(ctx, specialist, d.code, 'claim');
  return d;
}

const cookie = {
  specialist: await sessionCookie(db, { officerId: world.specialist.id }),
  desk: await sessionCookie(db, { officerId: world.desk.id }),
  citizen: await sessionCookie(db, { citizenId: world.citizen.id }),
  otherSpecialist: await sessionCookie(db, {
    officerId: (await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role: 'specialist' }] })).id,
  }),
};
const pdf = (name: string) => ({
  bytes: Buffer.concat([TINY_PDF, Buffer.from(`% ${name}\n`)]),
  name,
  type: 'application/pdf',
});
const EXE = {
  bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(600)]),
  name: 'du-thao.pdf',
  type: 'application/pdf',
};

async function uploadApi(code: string, c: string | null, names: string[], key = v7()) {
  const body = await multipartBody(names.map((n) => ['file', pdf(n)]));
  return app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/working-files`,
    headers: { ...body.headers, 'idempotency-key': key, ...(c ? { cookie: c } : {}) },
    payload: body.payload,
  });
}

const act = (code: string, action: string, c: string, body: object) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie: c, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

describe('working documents through the API', () => {
  it('the step holder uploads them, transfer carries them; history and download show them', async () => {
    const d = await atSpecialist('working-api-0001');
    const key = v7();
    const up = await uploadApi(
      d.code,
      cookie.specialist,
      ['du-thao-quyet-dinh.pdf', 'phieu-tham-dinh.pdf'],
      key,
    );
    assert.equal(up.statusCode, 201, up.body);
    const files = (up.json() as { files: { id: string; fileName: string; sha256: string }[] }).files;
    assert.deepEqual(
      files.map((f) => f.fileName),
      ['du-thao-quyet-dinh.pdf', 'phieu-tham-dinh.pdf'],
    );
    const replay = await uploadApi(
      d.code,
      cookie.specialist,
      ['du-thao-quyet-dinh.pdf', 'phieu-tham-dinh.pdf'],
      key,
    );
    assert.equal(replay.statusCode, 201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.deepEqual(
      (replay.json() as { files: { id: string }[] }).files.map((f) => f.id),
      files.map((f) => f.id),
      'a retry stores nothing again',
    );

    const transferred = await act(d.code, 'transfer', cookie.specialist, {
      note: 'Trình lãnh đạo phòng kèm dự thảo',
      fileIds: files.map((f) => f.id),
    });
    assert.equal(transferred.statusCode, 200, transferred.body);
    const history = await db
      .selectFrom('dossier_history')
      .select(['id', 'action', 'content'])
      .where('dossier_id', '=', d.id)
      .where('action', '=', 'transfer')
      .where('actor_id', '=', world.specialist.id)
      .executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('dossier_files')
      .select(['id', 'history_id'])
      .where(
        'id',
        'in',
        files.map((f) => f.id),
      )
      .execute();
    assert.ok(rows.every((r) => r.history_id === history.id));

    const download = await app.inject({
      url: `/api/v1/dossiers/${d.code}/attachments/${files[0]!.id}`,
      headers: { cookie: cookie.desk },
    });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-security-policy']), /frame-ancestors 'self'/);
    assert.doesNotMatch(String(download.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(download.headers['x-frame-options'], 'SAMEORIGIN');
    const citizen = await app.inject({
      url: `/api/v1/dossiers/${d.code}/attachments/${files[0]!.id}`,
      headers: { cookie: cookie.citizen },
    });
    assert.equal(citizen.statusCode, 404, 'the citizen does not see working documents');
    const page = await app.inject({
      url: '/',
      headers: { accept: 'text/html' },
    });
    assert.match(
      String(page.headers['content-security-policy']),
      /frame-ancestors 'none'/,
      'pages stay unframed',
    );

    const again = await act(d.code, 'return_step', cookie.specialist, {
      reason: 'x',
      targetStep: 0,
      fileIds: [files[0]!.id],
    });
    assert.notEqual(again.statusCode, 200);
  });

  it('who may upload: the step holder only (403 others, 401 anonymous); a refused file says why', async () => {
    const d = await atSpecialist('working-api-0002');
    assert.equal((await uploadApi(d.code, cookie.otherSpecialist, ['a.pdf'])).statusCode, 403);
    assert.equal((await uploadApi(d.code, cookie.citizen, ['a.pdf'])).statusCode, 403);
    assert.equal((await uploadApi(d.code, null, ['a.pdf'])).statusCode, 401);
    const none = await uploadApi(d.code, cookie.specialist, []);
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().code, 'attachment.no_file');
    const body = await multipartBody([['file', EXE]]);
    const exe = await app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${d.code}/working-files`,
      headers: { ...body.headers, 'idempotency-key': v7(), cookie: cookie.specialist },
      payload: body.payload,
    });
    assert.equal(exe.statusCode, 422);
    assert.equal(exe.json().code, 'attachment.executable');
    const other = (await uploadApi(d.code, cookie.specialist, ['cua-toi.pdf'])).json() as {
      files: { id: string }[];
    };
    const head = await db
      .selectFrom('dossiers')
      .select('step_id')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    const foreign = await act(d.code, 'transfer', cookie.specialist, { fileIds: [v7()] });
    assert.equal(foreign.statusCode, 400);
    assert.equal(foreign.json().code, 'workflow.files_not_found');
    const still = await db
      .selectFrom('dossiers')
      .select('step_id')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.step_id, head.step_id, 'the refused transfer moved nothing');
    assert.equal(
      (await act(d.code, 'transfer', cookie.specialist, { fileIds: other.files.map((f) => f.id) }))
        .statusCode,
      200,
    );
  });
});

describe('working documents on the officer’s dossier page', () => {
  async function postMultipart(url: string, c: string, fields: Parameters<typeof multipartBody>[0]) {
    const csrf = await csrfFor(app, c);
    const body = await multipartBody(fields);
    return app.inject({
      method: 'POST',
      url: `${url}?_csrf=${encodeURIComponent(csrf.token)}`,
      headers: { ...body.headers, cookie: csrf.cookie, accept: 'text/html' },
      payload: body.payload,
    });
  }

  it('transfer with a note and a file; the page lists it under the action with a viewer', async () => {
    const d = await atSpecialist('working-page-0001');
    const page = `/can-bo/ho-so/${d.code}`;
    const before = await app.inject({
      url: page,
      headers: { accept: 'text/html', cookie: cookie.specialist },
    });
    assert.match(before.body, /enctype="multipart\/form-data"/);
    assert.match(before.body, /id="transfer-files"[^>]*type="file"|type="file"[^>]*id="transfer-files"/);
    assert.ok(before.body.includes('Tài liệu xử lý'));
    const res = await postMultipart(`${page}/thao-tac/transfer`, cookie.specialist, [
      ['note', 'Kèm dự thảo quyết định'],
      ['file', pdf('ignored-field-name.pdf')],
      ['files', pdf('du-thao-quyet-dinh.pdf')],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    const after = await app.inject({ url: page, headers: { accept: 'text/html', cookie: cookie.desk } });
    const section = after.body.slice(after.body.indexOf('id="tai-lieu-xu-ly"'));
    assert.ok(section.includes('du-thao-quyet-dinh.pdf'));
    assert.ok(section.includes('Chuyển liên thông'));
    assert.match(
      section,
      /<details class="wf-pdf"><summary>Xem trong trang: du-thao-quyet-dinh\.pdf<\/summary><iframe src="\/api\/v1\/dossiers\/[^"]+" title="du-thao-quyet-dinh\.pdf" loading="lazy"><\/iframe>/,
    );
    const history = await db
      .selectFrom('dossier_history')
      .select('content')
      .where('dossier_id', '=', d.id)
      .where('action', '=', 'transfer')
      .where('actor_id', '=', world.specialist.id)
      .executeTakeFirstOrThrow();
    assert.equal(history.content, 'Kèm dự thảo quyết định');
  });

  it('a refused action keeps the note and the uploaded file, ticked, for the retry; a bad file is named at its field', async () => {
    const d = await atSpecialist('working-page-0002');
    const page = `/can-bo/ho-so/${d.code}`;
    const refused = await postMultipart(`${page}/thao-tac/stop`, cookie.specialist, [
      ['note', 'Ghi chú đã gõ'],
      ['files', pdf('bien-ban.pdf')],
    ]);
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.body.includes('Hãy ghi rõ lý do.'));
    assert.ok(refused.body.includes('value="Ghi chú đã gõ"'));
    const waiting =
      /<input type="checkbox" name="fileIds" value="([0-9a-f-]{36})" checked\/?> <span>bien-ban\.pdf<\/span>/.exec(
        refused.body,
      );
    assert.ok(waiting, 'the uploaded file waits, ticked');
    const retry = await postMultipart(`${page}/thao-tac/stop`, cookie.specialist, [
      ['reason', 'Hồ sơ giả mạo giấy tờ'],
      ['fileIds', waiting[1]!],
      ['files', { bytes: Buffer.alloc(0), name: '', type: 'application/octet-stream' }],
    ]);
    assert.equal(retry.statusCode, 303, retry.body);
    const row = await db
      .selectFrom('dossier_files as f')
      .innerJoin('dossier_history as h', 'h.id', 'f.history_id')
      .select('h.action')
      .where('f.id', '=', waiting[1]!)
      .executeTakeFirstOrThrow();
    assert.equal(row.action, 'stop');

    const e = await atSpecialist('working-page-0003');
    const bad = await postMultipart(`/can-bo/ho-so/${e.code}/thao-tac/transfer`, cookie.specialist, [
      ['note', 'Chuyển'],
      ['files', EXE],
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#transfer-files"[^>]*>Tệp là chương trình chạy được/);
    assert.ok(bad.body.includes('value="Chuyển"'), 'what was typed stays');
    const moved = await db
      .selectFrom('dossier_history')
      .select('id')
      .where('dossier_id', '=', e.id)
      .where('action', '=', 'transfer')
      .where('actor_id', '=', world.specialist.id)
      .execute();
    assert.equal(moved.length, 0, 'nothing applied');
  });

  it('someone who may not act gets no file stored', async () => {
    const d = await atSpecialist('working-page-0004');
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('dossier_files')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('dossier_id', '=', d.id)
            .where('component_id', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const res = await postMultipart(`/can-bo/ho-so/${d.code}/thao-tac/transfer`, cookie.otherSpecialist, [
      ['files', pdf('khong-duoc.pdf')],
    ]);
    assert.equal(res.statusCode, 403);
    assert.equal(await count(), 0);
  });
});
