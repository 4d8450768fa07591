/**
 * The result template pages per role (who gets in, who sees which agency), the form (rows added
 * without JavaScript, errors at the fields with what was typed kept, post-redirect-get, a
 * concurrent save refused with nothing lost) and the preview PDF on sample data.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { ONLINE_PROCEDURE, seedIntakeWorld } from '../../../../test/factories-dossiers.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../../test/page-forms.js';
import { flatten, pdfText } from '../../../../test/pdf-text.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Role } from '../../../platform/http/access.js';
import { registerResultTemplatePages } from './index.js';

const clock = fixedClock('2026-12-05T03:00:00Z');

describe('result template pages', async () => {
  const { app, ctx } = await buildTestApp({
    modules: [{ name: 'result-templates', routes: registerResultTemplatePages }],
    clock,
    extraRoutes: csrfProbe,
  });
  const db = ctx.db;
  const world = await seedIntakeWorld(db, clock);
  const login = async (role: Role, agencyId: string) => {
    const o = await insertOfficer(db, { grants: [{ role, agencyId }] });
    return sessionCookie(db, { officerId: o.id });
  };
  const wardAdmin = await login('agency_admin', world.ward.id);
  const otherAdmin = await login('agency_admin', world.otherWard.id);
  const provinceAdmin = await login('agency_admin', world.province.id);
  const specialist = await login('specialist', world.ward.id);
  const citizen = await sessionCookie(db, { citizenId: (await insertCitizen(db)).id });
  const get = (url: string, cookie?: string) =>
    app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
  const page = `/quan-tri/mau-ket-qua/${ONLINE_PROCEDURE}`;
  const wardPage = `${page}?agency=${world.ward.id}`;
  const form = (over: Record<string, string> = {}) => ({
    agency: world.ward.id,
    rowVersion: '0',
    title: 'Giấy khai sinh',
    symbolKind: 'GKS',
    intro: 'Căn cứ Luật Hộ tịch năm 2014;\nCăn cứ hồ sơ {dossier.code};',
    grantLine: '{agency} cấp {title.lower} cho:',
    closing: '',
    validityMonths: '',
    signerTitle: '',
    'field-count': '2',
    'field-0-label': 'Họ và tên',
    'field-0-source': 'applicant.name',
    'field-1-label': 'Số định danh cá nhân',
    'field-1-source': 'applicant.idNumber',
    action: 'save',
    ...over,
  });

  it('sends anonymous visitors to the login, refuses citizens and other officers', async () => {
    for (const url of ['/quan-tri/mau-ket-qua', page, `${page}/xem-truoc.pdf`]) {
      const anonymous = await get(url);
      assert.equal(anonymous.statusCode, 302);
      assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
      assert.equal((await get(url, citizen)).statusCode, 403);
      assert.equal((await get(url, specialist)).statusCode, 403);
    }
    assert.equal((await postForm(app, page, '')).statusCode, 401);
    assert.equal((await postForm(app, page, specialist, form())).statusCode, 403);
  });

  it('lists procedures for an agency administrator, searchable by name without diacritics', async () => {
    const res = await get(`/quan-tri/mau-ket-qua?q=${encodeURIComponent('dang ky khai sinh')}`, wardAdmin);
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      new RegExp(`href="/quan-tri/mau-ket-qua/${ONLINE_PROCEDURE.replace('.', '\\.')}"`),
    );
    assert.match(res.body, /Ủy ban nhân dân phường Hạ Long/);
    assert.match(res.body, /Mẫu mặc định/);
    assert.doesNotMatch(res.body, /2\.990002/);
    const none = await get('/quan-tri/mau-ket-qua?q=khong-co-thu-tuc-nay', wardAdmin);
    assert.match(none.body, /Không có thủ tục nào khớp/);
  });

  it('opens the ward’s own agency for its administrator, never another agency', async () => {
    const res = await get(page, wardAdmin);
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      new RegExp(`<option value="${world.ward.id}" selected>Ủy ban nhân dân phường Hạ Long`),
    );
    assert.doesNotMatch(res.body, /value="toan-tinh"/, 'no province-wide choice for a ward administrator');
    assert.doesNotMatch(res.body, /phường Đông Triều/);
    assert.match(res.body, /mẫu mặc định của hệ thống/);
    assert.match(res.body, /value="Giấy khai sinh"/);
    assert.equal((await get(`${page}?agency=${world.ward.id}`, otherAdmin)).statusCode, 403);
    assert.equal((await get(`${page}?agency=toan-tinh`, wardAdmin)).statusCode, 403);
    assert.equal((await get(`${page}/xem-truoc.pdf?agency=${world.ward.id}`, otherAdmin)).statusCode, 403);
    assert.equal((await postForm(app, wardPage, otherAdmin, form())).statusCode, 403);
    const mine = await get(page, otherAdmin);
    assert.match(mine.body, /phường Đông Triều/);
    assert.doesNotMatch(mine.body, /phường Hạ Long/);
    const province = await get(`${page}?agency=toan-tinh`, provinceAdmin);
    assert.equal(province.statusCode, 200);
    assert.match(province.body, /<option value="toan-tinh" selected>/);
    assert.equal((await get(`${page}?agency=khong-phai-id`, wardAdmin)).statusCode, 404);
    assert.equal((await get('/quan-tri/mau-ket-qua/1.999999', wardAdmin)).statusCode, 404);
  });

  it('adds, moves and removes rows without JavaScript, keeping what was typed', async () => {
    const added = await postForm(
      app,
      wardPage,
      wardAdmin,
      form({ title: 'Giấy "khai" <sinh>', action: 'add-field' }),
    );
    assert.equal(added.statusCode, 200);
    assert.match(added.body, /name="field-count" value="3"/);
    assert.match(added.body, /name="field-2-label"/);
    assert.match(
      added.body,
      /value="Giấy (&quot;|&#34;)khai(&quot;|&#34;) <sinh>"/,
      'typed text kept, quotes escaped',
    );
    const moved = await postForm(app, wardPage, wardAdmin, form({ action: 'up-field-1' }));
    assert.match(
      moved.body,
      /id="field-0-label"[^>]*value="Số định danh cá nhân"|value="Số định danh cá nhân"[^>]*id="field-0-label"/,
    );
    const removed = await postForm(app, wardPage, wardAdmin, form({ action: 'remove-field-0' }));
    assert.match(removed.body, /name="field-count" value="1"/);
    assert.equal((await db.selectFrom('result_templates').select('id').execute()).length, 0, 'nothing saved');
  });

  it('shows errors at the fields with what was typed, then saves (post-redirect-get) and audits', async () => {
    const bad = await postForm(
      app,
      wardPage,
      wardAdmin,
      form({
        symbolKind: 'G K',
        validityMonths: 'mười',
        intro: 'Căn cứ {ngay_cap};',
        'field-1-source': 'applicant.phone',
      }),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#symbolKind">/);
    assert.match(bad.body, /id="symbolKind-error">Ký hiệu loại văn bản gồm 1 đến 10/);
    assert.match(bad.body, /id="validityMonths-error">Nhập thời hạn/);
    assert.match(bad.body, /id="intro-error">[^<]*\{ngay_cap\}/);
    assert.match(bad.body, /id="field-1-source-error">Chọn dữ liệu/);
    assert.match(bad.body, /value="mười"/);
    assert.match(bad.body, /Căn cứ \{ngay_cap\};<\/textarea>/);
    const en = await postForm(app, `${wardPage}&lang=en`, wardAdmin, form({ symbolKind: '' }));
    assert.match(en.body, /The document kind symbol is 1 to 10/);

    const saved = await postForm(app, wardPage, wardAdmin, form({ validityMonths: '60' }));
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${wardPage}&ok=saved`);
    const after = await get(String(saved.headers.location), wardAdmin);
    assert.match(after.body, /Đã lưu mẫu kết quả/);
    assert.match(after.body, /Mẫu riêng của cơ quan này, lưu lần cuối lúc 10 giờ 00 phút, ngày 05\/12\/2026/);
    assert.match(after.body, /name="rowVersion" value="1"/);
    assert.match(after.body, /value="60"/);
    const row = await db.selectFrom('result_templates').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.agency_id, world.ward.id);
    assert.equal(row.validity_months, 60);
    assert.equal(row.symbol_kind, 'GKS');
    const audit = await db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'results.template_saved')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.object_id),
      [row.id],
    );
    const list = await get('/quan-tri/mau-ket-qua', wardAdmin);
    assert.match(
      list.body,
      /<td>Ủy ban nhân dân phường Hạ Long<\/td>/,
      'the list shows the ward’s own template',
    );
  });

  it('refuses a save over someone else’s, keeping what was typed and saying so', async () => {
    const first = await postForm(
      app,
      wardPage,
      wardAdmin,
      form({ rowVersion: '1', title: 'Giấy khai sinh (người A)', validityMonths: '60' }),
    );
    assert.equal(first.statusCode, 303);
    const stale = await postForm(
      app,
      wardPage,
      wardAdmin,
      form({ rowVersion: '1', title: 'Giấy khai sinh (người B)' }),
    );
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Mẫu vừa được người khác lưu/);
    assert.match(stale.body, /value="Giấy khai sinh \(người B\)"/);
    assert.match(stale.body, /name="rowVersion" value="2"/, 'saving again replaces it on purpose');
    assert.match(stale.body, /Mở mẫu đã lưu/);
    const row = await db
      .selectFrom('result_templates')
      .select(['title', 'row_version'])
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { title: 'Giấy khai sinh (người A)', row_version: 2 });
  });

  it('renders the preview PDF on sample data, watermarked, nothing signed', async () => {
    const res = await app.inject({
      url: `${page}/xem-truoc.pdf?agency=${world.ward.id}`,
      headers: { cookie: wardAdmin },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const text = flatten(await pdfText(res.rawPayload));
    assert.match(text, /Nguyễn Văn Mẫu/);
    assert.match(text, /GIẤY KHAI SINH \(NGƯỜI A\)/);
    assert.match(text, /MẪU XEM TRƯỚC/);
    assert.match(text, /Số: 01\/GKS-UBND/);
    assert.match(text, /hiệu lực kể từ ngày ký đến hết ngày 04\/12\/2031/);
    assert.doesNotMatch(text, /Ký bởi/);
    assert.doesNotMatch(res.rawPayload.toString('latin1'), /\/ByteRange/);
    const province = await app.inject({
      url: `${page}/xem-truoc.pdf?agency=toan-tinh`,
      headers: { cookie: provinceAdmin },
    });
    assert.equal(province.statusCode, 200);
    const provinceText = flatten(await pdfText(province.rawPayload));
    assert.match(provinceText, /GIẤY KHAI SINH/);
    assert.match(provinceText, /ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH/);
  });
});
