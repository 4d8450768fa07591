import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { insertAgency } from '../../../../test/factories-agencies.js';
import {
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
  TAX_PARTNER,
} from '../../../../test/factories-dossiers.js';
import { insertOfficer, sessionCookie } from '../../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../../test/page-forms.js';
import type { Role } from '../../../platform/http/access.js';
import { receiveDossier } from '../../dossiers/index.js';
import { applyProcessingAction } from '../processing.service.js';
import { PROCESSING_ROLES } from './officer-work.service.js';

const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
const db = ctx.db;
const world = await seedIntakeWorld(db);
await insertAgency(db, { kind: 'tax', name: TAX_PARTNER, parentId: world.province.id, units: ['22'] });
const desk = officerPrincipal(world.desk);
const otherSpecialist = await insertOfficer(db, {
  grants: [{ agencyId: world.otherWard.id, role: 'specialist' }],
});

/** A dossier handed over to the ward: its appraisal step waits to be received. */
async function handedOver(key: string) {
  const d = await submitOnlineDossier(ctx, world, key);
  await receiveDossier(ctx, desk, d.code, {});
  await applyProcessingAction(ctx, desk, d.code, 'start');
  await applyProcessingAction(ctx, desk, d.code, 'transfer');
  return d;
}
const a = await handedOver('officer-pages-0001');

const cookie = {
  specialist: await sessionCookie(db, { officerId: world.specialist.id }),
  other: await sessionCookie(db, { officerId: otherSpecialist.id }),
  citizen: await sessionCookie(db, { citizenId: world.citizen.id }),
};
const get = (url: string, c: string | null = cookie.specialist) =>
  app.inject({ url, headers: { accept: 'text/html', ...(c ? { cookie: c } : {}) } });
const page = `/can-bo/ho-so/${a.code}`;

describe('officer pages: who may open them', () => {
  it('each processing role 200; other roles and citizens 403; the anonymous to the login', async () => {
    const roles: Role[] = [...PROCESSING_ROLES, 'agency_admin', 'system_admin'];
    for (const role of roles) {
      const o = await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role }] });
      const c = await sessionCookie(db, { officerId: o.id });
      const allowed = (PROCESSING_ROLES as readonly Role[]).includes(role);
      for (const url of ['/can-bo/ho-so', page]) {
        assert.equal((await get(url, c)).statusCode, allowed ? 200 : 403, `${role} ${url}`);
      }
    }
    for (const url of ['/can-bo/ho-so', page]) {
      assert.equal((await get(url, cookie.citizen)).statusCode, 403, url);
      const anonymous = await get(url, null);
      assert.equal(anonymous.statusCode, 302, url);
      assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
    }
    const post = await postForm(app, `${page}/thao-tac/claim`, cookie.citizen);
    assert.equal(post.statusCode, 403);
  });

  it('a dossier outside the officer’s agencies answers as an unknown one (404)', async () => {
    assert.equal((await get(page, cookie.other)).statusCode, 404);
    assert.equal((await get('/can-bo/ho-so/H22.999-260101-0001')).statusCode, 404);
  });
});

describe('the work list', () => {
  it('shows the six lists with counts, and the unclaimed dossier with its step', async () => {
    const res = await get('/can-bo/ho-so?view=unclaimed');
    assert.equal(res.statusCode, 200);
    for (const text of ['Của tôi', 'Chưa nhận', 'Sắp đến hạn', 'Quá hạn', 'Chờ bổ sung', 'Chờ nộp phí']) {
      assert.ok(res.body.includes(`<span>${text}</span>`), text);
    }
    assert.match(
      res.body,
      /aria-current="page"><span>Chưa nhận<\/span> <span class="wf-count">\(1\)<\/span>/,
    );
    assert.ok(res.body.includes(a.code));
    assert.ok(res.body.includes('Chuyên viên'));
    assert.match(res.body, /autofocus/);
    const home = await get('/can-bo');
    assert.ok(home.body.includes('href="/can-bo/ho-so"'), 'the officers’ landing page links to the list');
    assert.ok(home.body.includes('Hồ sơ cần xử lý'));
  });

  it('a scanned code opens its dossier; a name lists the matches; bad filters say why', async () => {
    const scanned = await get(`/can-bo/ho-so?q=${encodeURIComponent(a.code.toLowerCase())}`);
    assert.equal(scanned.statusCode, 303);
    assert.equal(scanned.headers.location, page);
    const byName = await get('/can-bo/ho-so?q=nguyen%20thi%20huong');
    assert.equal(byName.statusCode, 200);
    assert.ok(byName.body.includes(a.code));
    const none = await get(`/can-bo/ho-so?q=${encodeURIComponent(a.code)}`, cookie.other);
    assert.ok(none.body.includes('Không tìm thấy hồ sơ nào'));
    const bad = await get('/can-bo/ho-so?from=2026-02-30');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('Ngày không hợp lệ'));
  });
});

describe('the dossier page and its actions', () => {
  it('shows the applicant, components, steps, deadlines and the actions the officer may take', async () => {
    const res = await get(page);
    assert.equal(res.statusCode, 200);
    for (const text of [
      'Nguyễn Thị Hường',
      'Tờ khai đăng ký khai sinh',
      'to-khai.pdf',
      'Các bước xử lý',
      'Chờ tiếp nhận liên thông',
      'Hẹn trả kết quả',
      'Tiếp nhận hồ sơ liên thông',
      'Chuyển liên thông',
    ]) {
      assert.ok(res.body.includes(text), text);
    }
    assert.match(res.body, /href="\/api\/v1\/dossiers\/[^"]+\/attachments\/[0-9a-f-]+"/);
  });

  it('applies an action, redirects back with a banner, and the history shows it', async () => {
    const posted = await postForm(app, `${page}/thao-tac/receive_handover`, cookie.specialist);
    assert.equal(posted.statusCode, 303, posted.body);
    assert.equal(posted.headers.location, `${page}?xong=receive_handover`);
    const claimed = await postForm(app, `${page}/thao-tac/claim`, cookie.specialist);
    assert.equal(claimed.statusCode, 303, claimed.body);
    const res = await get(`${page}?xong=claim`);
    assert.ok(res.body.includes('Đã thực hiện: Nhận xử lý.'));
    assert.ok(res.body.includes('Cán bộ')); // the holder's name in the steps table
    const history = res.body.slice(res.body.indexOf('Quá trình xử lý'));
    assert.ok(history.includes('Nhận xử lý'));
    assert.ok(history.includes('Tiếp nhận hồ sơ liên thông'));
    const mine = await get('/can-bo/ho-so');
    assert.ok(mine.body.includes(a.code));
  });

  it('keeps what was typed and says why when a field is missing', async () => {
    const res = await postForm(app, `${page}/thao-tac/stop`, cookie.specialist, { note: 'Ghi chú đã gõ' });
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('Hãy ghi rõ lý do.'));
    assert.ok(res.body.includes('href="#stop-reason"'));
    assert.ok(res.body.includes('value="Ghi chú đã gõ"'));
  });

  it('shows the fresh state when the form was read before someone else changed the dossier', async () => {
    const head = await db
      .selectFrom('dossiers')
      .select('row_version')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    const res = await postForm(app, `${page}/thao-tac/transfer`, cookie.specialist, {
      rowVersion: String(head.row_version - 1),
    });
    assert.equal(res.statusCode, 409);
    assert.ok(res.body.includes('Hồ sơ vừa được người khác thay đổi'));
    const after = await db
      .selectFrom('dossiers')
      .select('row_version')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.row_version, head.row_version);
  });

  it('gives the head of the agency a select of the officers who may hold the step, and assigns it', async () => {
    const b = await handedOver('officer-pages-0002');
    await applyProcessingAction(ctx, officerPrincipal(world.specialist), b.code, 'receive_handover');
    const head = await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role: 'department_head' }] });
    const c = await sessionCookie(db, { officerId: head.id });
    const url = `/can-bo/ho-so/${b.code}`;
    const res = await get(url, c);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('Giao cán bộ xử lý'));
    assert.ok(res.body.includes('id="assign-assignee"'));
    assert.ok(res.body.includes(`<option value="${world.specialist.id}"`));
    assert.ok(!res.body.includes(`<option value="${otherSpecialist.id}"`), 'not an officer of another ward');
    const missing = await postForm(app, `${url}/thao-tac/assign`, c);
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.body.includes('href="#assign-assignee"'));
    const done = await postForm(app, `${url}/thao-tac/assign`, c, { assignee: world.specialist.id });
    assert.equal(done.statusCode, 303, done.body);
    const row = await db
      .selectFrom('dossiers')
      .select('step_assignee')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.step_assignee, world.specialist.id);
  });

  it('refuses an action of someone else’s step (403) and an unknown action (400), on the page', async () => {
    const o = await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role: 'specialist' }] });
    const res = await postForm(
      app,
      `${page}/thao-tac/transfer`,
      await sessionCookie(db, { officerId: o.id }),
    );
    assert.equal(res.statusCode, 403);
    assert.ok(res.body.includes(a.code));
    const unknown = await postForm(app, `${page}/thao-tac/teleport`, cookie.specialist);
    assert.equal(unknown.statusCode, 400);
    assert.ok(unknown.body.includes('Không có thao tác này.'));
  });
});

describe('the dossier page: documents and the apology letter', () => {
  it('links the control sheet, and shows a drafted apology letter with its reason and new date', async () => {
    const d = await handedOver('officer-pages-apology');
    const before = await get(`/can-bo/ho-so/${d.code}`);
    assert.ok(before.body.includes(`/api/v1/dossiers/${d.code}/slips/control-sheet.pdf`));
    assert.ok(!before.body.includes('slips/apology.pdf'));
    const head = await db
      .selectFrom('dossiers')
      .select(['id', 'due_at', 'competent_agency_id'])
      .where('code', '=', d.code)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('dossier_apologies')
      .values({
        id: crypto.randomUUID(),
        dossier_id: head.id,
        drafted_at: new Date(),
        reason: 'Cần xác minh nguồn gốc đất',
        responsible_agency_id: head.competent_agency_id,
        old_due_at: head.due_at!,
        new_due_at: new Date(head.due_at!.getTime() + 86_400_000),
      })
      .execute();
    const after = await get(`/can-bo/ho-so/${d.code}`);
    assert.ok(after.body.includes('Dự thảo thư xin lỗi chờ lãnh đạo phê duyệt'));
    assert.ok(after.body.includes('Cần xác minh nguồn gốc đất'));
    assert.ok(after.body.includes(`/api/v1/dossiers/${d.code}/slips/apology.pdf`));
    const pdf = await get(`/api/v1/dossiers/${d.code}/slips/apology.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  });
});
