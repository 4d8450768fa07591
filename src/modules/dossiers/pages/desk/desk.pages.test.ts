import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../../test/build-test-app.js';
import {
  ONLINE_PROCEDURE,
  officerPrincipal,
  onlineBody,
  seedIntakeWorld,
  WARD,
} from '../../../../../test/factories-dossiers.js';
import { insertOfficer } from '../../../../../test/factories-identity.js';
import { csrfFor, csrfProbe, postForm } from '../../../../../test/page-forms.js';
import { fixedClock } from '../../../../platform/clock.js';
import { submitDossier } from '../../submission.service.js';
import { sessionAt as sessionOn } from './desk-test-support.js';

const clock = fixedClock('2026-12-07T01:30:00Z'); // Monday 08:30 in Vietnam
const { app, ctx } = await buildTestApp({ clock, extraRoutes: csrfProbe });
const db = ctx.db;
const world = await seedIntakeWorld(db, clock);

const sessionAt = (owner: { officerId: string } | { citizenId: string }) => sessionOn(db, clock, owner);
const desk = officerPrincipal(world.desk);
const otherDeskOfficer = await insertOfficer(db, {
  grants: [{ agencyId: world.otherWardCentre.id, role: 'one_stop' }],
});
const cookie = {
  desk: await sessionAt({ officerId: world.desk.id }),
  otherDesk: await sessionAt({ officerId: otherDeskOfficer.id }),
  specialist: await sessionAt({ officerId: world.specialist.id }),
  citizen: await sessionAt({ citizenId: world.citizen.id }),
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let seq = 0;
async function newDossier(over: Record<string, unknown> = {}) {
  seq += 1;
  return (await submitDossier(ctx, desk, onlineBody(over) as never, `desk-page-${seq}-key`)).dossier;
}
const get = (url: string, c: string | null = cookie.desk) =>
  app.inject({ url, headers: { accept: 'text/html', ...(c ? { cookie: c } : {}) } });
const statusOf = async (id: string) =>
  db
    .selectFrom('dossiers')
    .select(['status', 'sub_state', 'row_version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('desk pages: who may open them', () => {
  it('sends the anonymous to the officer login, refuses citizens and officers without one_stop', async () => {
    const d = await newDossier();
    for (const url of ['/mot-cua', '/mot-cua/tiep-nhan', `/mot-cua/ho-so/${d.code}`]) {
      const anonymous = await get(url, null);
      assert.equal(anonymous.statusCode, 302, url);
      assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
      assert.equal((await get(url, cookie.citizen)).statusCode, 403, url);
      assert.equal((await get(url, cookie.specialist)).statusCode, 403, url);
      assert.equal((await get(url)).statusCode, 200, url);
    }
    assert.equal(
      (await get(`/mot-cua/ho-so/${d.code}`, cookie.otherDesk)).statusCode,
      404,
      'another desk: unknown',
    );
  });

  it('links the desk from the officers’ landing page for one_stop only', async () => {
    assert.match((await get('/can-bo')).body, /href="\/mot-cua"[^>]*>Tiếp nhận hồ sơ \(một cửa\)/);
    assert.doesNotMatch((await get('/can-bo', cookie.specialist)).body, /href="\/mot-cua"/);
  });
});

describe('desk work list', () => {
  it('shows the ward desk its dossiers, new ones first, and not another ward’s desk', async () => {
    const d = await newDossier();
    const page = await get('/mot-cua');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(d.code));
    assert.match(page.body, /Mới đăng ký/);
    assert.match(page.body, /<table class="data-table desk-table">/);
    assert.match(page.body, /\d+ hồ sơ/);
    const other = await get('/mot-cua', cookie.otherDesk);
    assert.equal(other.statusCode, 200);
    assert.ok(!other.body.includes(d.code));
    assert.match(other.body, /Không có hồ sơ nào khớp/);
  });

  it('finds a dossier by its code (opening it), by ID number, by phone and by a name without diacritics', async () => {
    const d = await newDossier({
      applicant: {
        ...onlineBody().applicant,
        name: 'Phạm Đức Thắng',
        idNumber: '022199000777',
        phone: '0987000777',
      },
    });
    const byCode = await get(`/mot-cua?q=${encodeURIComponent(d.code.toLowerCase())}`);
    assert.equal(byCode.statusCode, 303);
    assert.equal(byCode.headers.location, `/mot-cua/ho-so/${d.code}`);
    for (const q of ['022199000777', '0987 000 777', 'pham duc thang', 'duc thang']) {
      const res = await get(`/mot-cua?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200, q);
      assert.ok(res.body.includes(d.code), q);
      assert.match(res.body, /1 hồ sơ/, q);
    }
    const none = await get(`/mot-cua?q=${encodeURIComponent('khong co ai')}`);
    assert.ok(!none.body.includes(d.code));
    const filtered = await get(`/mot-cua?status=3&procedureCode=${ONLINE_PROCEDURE}`);
    assert.ok(!filtered.body.includes(d.code));
  });
});

describe('counter creation', () => {
  it('creates a walk-in dossier filed by the officer, once per form key, then opens it', async () => {
    const form = await get('/mot-cua/tiep-nhan?thu-tuc=1.990001');
    assert.equal(form.statusCode, 200);
    const key = /name="key" value="([^"]+)"/.exec(form.body)?.[1];
    assert.ok(key);
    assert.match(
      form.body,
      /id="procedureCode"[^>]*value="1\.990001"|value="1\.990001"[^>]*id="procedureCode"/,
    );
    const fields = {
      key,
      procedureCode: ONLINE_PROCEDURE,
      'applicant.name': 'Lê Văn Tâm',
      'applicant.idNumber': '022188001234',
      'applicant.phone': '0911222333',
      'applicant.address': 'Tổ 3, khu 5, phường Hạ Long',
      'applicant.communeCode': WARD,
      'owner.name': 'Lê Minh An',
      'owner.birthDate': '2026-11-20',
      channel: '1',
      returnMethod: 'desk',
    };
    const made = await postForm(app, '/mot-cua/tiep-nhan', cookie.desk, fields);
    assert.equal(made.statusCode, 303, made.body);
    const to = String(made.headers.location);
    assert.match(to, /^\/mot-cua\/ho-so\/[A-Z0-9.]+-261207-\d{4}\?xong=created$/);
    const code = to.slice('/mot-cua/ho-so/'.length, to.indexOf('?'));
    const row = await db
      .selectFrom('dossiers')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(row.filed_by, 'officer');
    assert.equal(row.channel, 1);
    assert.equal(row.receiving_agency_id, world.wardCentre.id);
    const again = await postForm(app, '/mot-cua/tiep-nhan', cookie.desk, fields);
    assert.equal(again.headers.location, to, 'a resent form makes no second dossier');
    const page = await get(to);
    assert.match(page.body, /Đã tạo hồ sơ\./);
    assert.match(page.body, /Lê Văn Tâm/);
    assert.match(page.body, /022188001234/, 'the desk sees personal data');
    assert.match(page.body, /Lê Minh An/);
    assert.match(page.body, /Cán bộ tiếp nhận nhập/);
  });

  it('shows field errors with a summary linking to the fields', async () => {
    const res = await postForm(app, '/mot-cua/tiep-nhan', cookie.desk, {
      key: 'desk-form-error-1',
      procedureCode: ONLINE_PROCEDURE,
      'applicant.name': '',
      'applicant.idNumber': '12',
      channel: '1',
      returnMethod: 'desk',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /href="#applicant\.name"/);
    assert.match(res.body, /id="applicant\.name-error"/);
    assert.match(res.body, /Hãy nhập họ và tên\./);
    const unknown = await postForm(app, '/mot-cua/tiep-nhan', cookie.desk, {
      key: 'desk-form-error-2',
      procedureCode: '9.999999',
      'applicant.name': 'Lê Văn Tâm',
      'applicant.idNumber': '022188001234',
      channel: '1',
      returnMethod: 'desk',
    });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /href="#procedureCode"/);
  });

  it('prefills the applicant from a citizen account found by ID number', async () => {
    const res = await get(`/mot-cua/tiep-nhan?cccd=${world.citizen.accountKey}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Đã tìm thấy tài khoản công dân/);
    assert.match(res.body, /value="Nguyễn Thị Hường"/);
    // The commune is picked by name from the province's communes, the citizen's own preselected.
    const select = /<select[^>]*name="applicant\.communeCode"[^>]*>([\s\S]*?)<\/select>/.exec(res.body)?.[1];
    assert.ok(select, 'a commune select');
    assert.match(select, new RegExp(`<option value="${WARD}" selected[^>]*>[^<]+\\(${WARD}\\)</option>`));
    assert.match(select, /<option value="">— Chọn xã, phường —<\/option>/);
  });
});

describe('desk actions on a dossier', () => {
  it('receives a dossier with a cash payment: status 2 and the receipt slip to print', async () => {
    const d = await newDossier();
    const res = await postForm(app, `/mot-cua/ho-so/${d.code}/tiep-nhan`, cookie.desk, {
      rowVersion: String(d.rowVersion),
      'payment.amount': '50.000',
      'payment.receiptNumber': 'BL-0001',
      note: 'Đủ giấy tờ',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/mot-cua/ho-so/${d.code}?xong=received`);
    assert.equal((await statusOf(d.id)).status, 2);
    const page = await get(String(res.headers.location));
    assert.match(page.body, /Đã tiếp nhận hồ sơ\./);
    assert.ok(page.body.includes(`href="/api/v1/dossiers/${d.code}/slips/receipt.pdf"`));
    assert.match(page.body, /Được tiếp nhận/);
    assert.match(page.body, /biên lai số BL-0001/);
    const pdf = await get(`/api/v1/dossiers/${d.code}/slips/receipt.pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  });

  it('asks for completion with the missing documents (Mẫu 02), and wants at least one', async () => {
    const d = await newDossier();
    const empty = await postForm(app, `/mot-cua/ho-so/${d.code}/yeu-cau-bo-sung`, cookie.desk, {
      rowVersion: String(d.rowVersion),
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Hãy nêu ít nhất một giấy tờ cần bổ sung/);
    assert.match(empty.body, /href="#missing\.0\.name"/);
    const noReason = await postForm(app, `/mot-cua/ho-so/${d.code}/yeu-cau-bo-sung`, cookie.desk, {
      rowVersion: String(d.rowVersion),
      'missing.1.name': d.components[0]!.name,
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /href="#missing\.1\.reason"/);
    const res = await postForm(app, `/mot-cua/ho-so/${d.code}/yeu-cau-bo-sung`, cookie.desk, {
      rowVersion: String(d.rowVersion),
      'missing.0.name': d.components[1]!.name,
      'missing.0.reason': 'Bản chụp không rõ',
      'missing.1.name': '__other',
      'missing.1.other': 'Sổ hộ khẩu',
      'missing.1.reason': 'Bổ sung bản sao',
      generalReason: 'Hồ sơ chưa đủ',
    });
    assert.equal(res.statusCode, 303, res.body);
    const s = await statusOf(d.id);
    assert.equal(s.status, 1);
    assert.equal(s.sub_state, 'awaiting_completion');
    const page = await get(String(res.headers.location));
    assert.match(page.body, /Chờ công dân bổ sung, hoàn thiện/);
    assert.ok(page.body.includes(`/api/v1/dossiers/${d.code}/slips/completion-request.pdf`));
    assert.match(page.body, /Sổ hộ khẩu: Bổ sung bản sao/);
  });

  it('refuses only with a reason (Mẫu 03)', async () => {
    const d = await newDossier();
    const without = await postForm(app, `/mot-cua/ho-so/${d.code}/tu-choi`, cookie.desk, {
      rowVersion: String(d.rowVersion),
      reason: '  ',
    });
    assert.equal(without.statusCode, 400);
    assert.match(without.body, /href="#reason"[^>]*>Hãy nêu lý do từ chối tiếp nhận\./);
    assert.equal((await statusOf(d.id)).status, 1);
    const res = await postForm(app, `/mot-cua/ho-so/${d.code}/tu-choi`, cookie.desk, {
      rowVersion: String(d.rowVersion),
      reason: 'Không thuộc thẩm quyền',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await statusOf(d.id)).status, 3);
    const page = await get(String(res.headers.location));
    assert.ok(page.body.includes(`/api/v1/dossiers/${d.code}/slips/refusal.pdf`));
    assert.match(page.body, /Không được tiếp nhận/);
    assert.match(page.body, /Không còn thao tác tiếp nhận nào/);
  });

  it('shows the fresh state, and changes nothing, when the form was read before someone else’s change', async () => {
    const d = await newDossier();
    await postForm(app, `/mot-cua/ho-so/${d.code}/tu-choi`, cookie.desk, {
      rowVersion: String(d.rowVersion),
      reason: 'Trùng hồ sơ',
    });
    const stale = await postForm(app, `/mot-cua/ho-so/${d.code}/tiep-nhan`, cookie.desk, {
      rowVersion: String(d.rowVersion),
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Hồ sơ vừa được người khác thay đổi/);
    assert.match(stale.body, /Không được tiếp nhận/);
    assert.equal((await statusOf(d.id)).status, 3);
  });

  it('takes a scan through the page’s upload form and shows it on the component', async () => {
    const d = await newDossier();
    const c = d.components[0]!;
    const csrf = await csrfFor(app, cookie.desk);
    const fd = new FormData();
    fd.append('componentId', c.id);
    fd.append('file', new Blob([PDF], { type: 'application/pdf' }), 'to-khai.pdf');
    const r = new Request('http://x', { method: 'POST', body: fd });
    const res = await app.inject({
      method: 'POST',
      url: `/mot-cua/ho-so/${d.code}/tep?_csrf=${encodeURIComponent(csrf.token)}`,
      headers: {
        cookie: csrf.cookie,
        'content-type': r.headers.get('content-type') ?? '',
        accept: 'text/html',
      },
      payload: Buffer.from(await r.arrayBuffer()),
    });
    assert.equal(res.statusCode, 303, res.body);
    const page = await get(`/mot-cua/ho-so/${d.code}`);
    assert.match(page.body, /to-khai\.pdf/);
    assert.match(page.body, /1 · Đã số hóa/);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /capture="environment"/);
    const noToken = await app.inject({
      method: 'POST',
      url: `/mot-cua/ho-so/${d.code}/tep`,
      headers: {
        cookie: csrf.cookie,
        'content-type': r.headers.get('content-type') ?? '',
        accept: 'text/html',
      },
      payload: Buffer.from(await new Request('http://x', { method: 'POST', body: fd }).arrayBuffer()),
    });
    assert.equal(noToken.statusCode, 403, 'the CSRF check holds for multipart forms');

    const bad = new FormData();
    bad.append('componentId', c.id);
    bad.append('file', new Blob([Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500)])]), 'scan.pdf');
    const badReq = new Request('http://x', { method: 'POST', body: bad });
    const refused = await app.inject({
      method: 'POST',
      url: `/mot-cua/ho-so/${d.code}/tep?_csrf=${encodeURIComponent(csrf.token)}`,
      headers: {
        cookie: csrf.cookie,
        'content-type': badReq.headers.get('content-type') ?? '',
        accept: 'text/html',
      },
      payload: Buffer.from(await badReq.arrayBuffer()),
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /href="#file-\d+"[^>]*>Tệp là chương trình chạy được/);
  });
});
