/**
 * The catalogue's administration pages per role: who gets in, the draft's section forms (errors next
 * to the field, values kept, rows added without JavaScript, post-redirect-get), an agency's workflow
 * refused over the legal time, the preview, and publishing version 2 into the history.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { insertAgency } from '../../../../test/factories-agencies.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../../test/factories-identity.js';
import { csrfProbe, postForm } from '../../../../test/page-forms.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Role } from '../../../platform/http/access.js';
import { catalogueModule } from '../index.js';
import { insertSampleProcedure } from './catalogue-admin.fixtures.js';
import { selectDraft } from './drafts.repository.js';

const clock = fixedClock('2026-10-05T03:00:00Z');

describe('catalogue administration pages', async () => {
  const { app, ctx } = await buildTestApp({ modules: [catalogueModule], clock, extraRoutes: csrfProbe });
  const db = ctx.db;
  const province = await insertAgency(db, { kind: 'provincial_committee', name: 'UBND tỉnh', units: ['22'] });
  const commune = await insertAgency(db, { parentId: province.id, name: 'UBND xã Thử Nghiệm' });
  const other = await insertAgency(db, { parentId: province.id, name: 'UBND xã Bên Cạnh' });
  const login = async (role: Role, agencyId: string) => {
    const o = await insertOfficer(db, { grants: [{ role, agencyId }] });
    return { username: o.username, cookie: await sessionCookie(db, { officerId: o.id }) };
  };
  const system = await login('system_admin', province.id);
  const provinceAdmin = await login('agency_admin', province.id);
  const communeAdmin = await login('agency_admin', commune.id);
  const specialist = await login('specialist', province.id);
  const citizen = await sessionCookie(db, { citizenId: (await insertCitizen(db)).id });
  const procedure = await insertSampleProcedure(db, new Date('2026-01-01T00:00:00Z'));
  const get = (url: string, cookie?: string) =>
    app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
  const page = `/quan-tri/thu-tuc/${procedure.code}`;
  const draft = `${page}/ban-nhap`;
  const rowVersion = async () => String((await selectDraft(db, procedure.id))?.rowVersion ?? 1);

  it('sends anonymous visitors to the login, refuses citizens and other officers', async () => {
    for (const url of ['/quan-tri/thu-tuc', page]) {
      const anonymous = await get(url);
      assert.equal(anonymous.statusCode, 302);
      assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
      assert.equal((await get(url, citizen)).statusCode, 403);
      assert.equal((await get(url, specialist.cookie)).statusCode, 403);
    }
    assert.equal((await postForm(app, draft, '')).statusCode, 401);
    assert.equal((await postForm(app, draft, specialist.cookie)).statusCode, 403);
  });

  it('lists and finds procedures by code or by name without diacritics', async () => {
    const res = await get(
      `/quan-tri/thu-tuc?q=${encodeURIComponent('giay phep thu nghiem')}`,
      communeAdmin.cookie,
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`href="/quan-tri/thu-tuc/${procedure.code.replace('.', '\\.')}"`));
    const none = await get('/quan-tri/thu-tuc?q=khong-co-thu-tuc-nay', system.cookie);
    assert.match(none.body, /Không có thủ tục nào khớp/);
  });

  it('starts a draft (post-redirect-get) and edits the fees: errors next to the field, values kept', async () => {
    assert.match((await get(page, provinceAdmin.cookie)).body, /Tạo bản nháp/);
    const start = await postForm(app, draft, provinceAdmin.cookie);
    assert.equal(start.statusCode, 303);
    assert.equal(start.headers.location, `${draft}?ok=started`);
    assert.match((await get(page, provinceAdmin.cookie)).body, /Tiếp tục sửa bản nháp/);
    const fees = `${draft}/phi`;
    assert.equal((await get(fees, provinceAdmin.cookie)).statusCode, 200);
    const base = {
      rowVersion: await rowVersion(),
      'channel-count': '2',
      'channel-0-timeValue': '7',
      'channel-0-timeUnit': 'ngay-lam-viec',
      'channel-1-timeValue': '7',
      'channel-1-timeUnit': 'ngay-lam-viec',
      'fee-count': '1',
      'fee-0-from': '0',
      'fee-0-kind': 'le_phi',
      'fee-0-collected': 'before',
      'fee-0-channel': '',
      'fee-0-exemptions': 'Hộ nghèo <b>',
    };
    const bad = await postForm(app, fees, provinceAdmin.cookie, {
      ...base,
      'fee-0-amount': 'năm mươi',
      action: 'save',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<span class="qt-error" id="fee-0-amount-error">Nhập số tiền bằng đồng/);
    assert.match(bad.body, /value="năm mươi"/);
    assert.match(bad.body, /Hộ nghèo &lt;b>/, 'typed text kept, escaped');
    assert.match(bad.body, /<a href="#fee-0-amount">/);
    const added = await postForm(app, fees, provinceAdmin.cookie, {
      ...base,
      'fee-0-amount': '1',
      action: 'add-fee',
    });
    assert.equal(added.statusCode, 200);
    assert.match(added.body, /name="fee-1-amount"/);
    assert.match(added.body, /name="fee-count" value="2"/);
    const saved = await postForm(app, fees, provinceAdmin.cookie, {
      ...base,
      'fee-0-amount': '25.000',
      action: 'save',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal((await selectDraft(db, procedure.id))?.content.feeLines[0]?.amount, 25_000);
    const en = await postForm(app, `${fees}?lang=en`, provinceAdmin.cookie, {
      ...base,
      'fee-0-amount': 'x',
      action: 'save',
    });
    assert.match(en.body, /Enter the amount in dong/);
  });

  it('adds a 50% online reduction and keeps component rows as typed on error', async () => {
    const reductions = `${draft}/giam-phi`;
    const res = await postForm(app, reductions, system.cookie, {
      rowVersion: await rowVersion(),
      'reduction-count': '1',
      'reduction-0-channel': 'online',
      'reduction-0-percent': '50',
      'reduction-0-validFrom': '2026-07-01',
      'reduction-0-validTo': '2026-12-31',
      'reduction-0-legalBasis': 'Nghị quyết 12/2026/NQ-HĐND',
      action: 'save',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await selectDraft(db, procedure.id))?.content.feeReductions[0]?.percent, 50);
    const bad = await postForm(app, `${draft}/thanh-phan`, system.cookie, {
      rowVersion: await rowVersion(),
      'component-count': '1',
      'component-0-from': '0',
      'component-0-name': 'Tờ khai',
      'component-0-originals': '1',
      'component-0-certifiedCopies': '0',
      'component-0-copies': '0',
      'component-0-requirement': 'conditional',
      'component-0-conditionText': '',
      action: 'save',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="component-0-conditionText-error">Nhập điều kiện phải nộp/);
  });

  it('keeps a commune administrator to its own agency’s workflow, refused over the legal time', async () => {
    assert.equal((await get(`${draft}/phi`, communeAdmin.cookie)).statusCode, 403);
    const mine = `${draft}/quy-trinh?co-quan=${encodeURIComponent(commune.code)}`;
    assert.equal(
      (await get(`${draft}/quy-trinh?co-quan=${encodeURIComponent(other.code)}`, communeAdmin.cookie))
        .statusCode,
      403,
    );
    const form = await get(mine, communeAdmin.cookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="step-count" value="5"/, 'starts from the default of the level');
    const steps = (hours: string[]) => ({
      rowVersion: '0',
      'step-count': String(hours.length),
      ...Object.fromEntries(
        hours.flatMap((h, i) => [
          [`step-${i}-kind`, i === 0 ? 'receive_transfer' : 'appraise'],
          [`step-${i}-role`, `Bộ phận ${i + 1}`],
          [`step-${i}-hours`, h],
        ]),
      ),
    });
    const refused = await postForm(app, mine, communeAdmin.cookie, {
      ...steps(['40', '20']),
      rowVersion: await rowVersion(),
      action: 'save',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(
      refused.body,
      /Tổng thời gian các bước 60 giờ vượt thời hạn luật định 56 giờ \(7 ngày làm việc\)/,
    );
    assert.match(refused.body, /value="40"/);
    const moved = await postForm(app, mine, communeAdmin.cookie, {
      ...steps(['4', '8,5']),
      action: 'up-step-1',
    });
    assert.match(moved.body, /name="step-0-hours"[^>]*value="8,5"/);
    const ok = await postForm(app, mine, communeAdmin.cookie, {
      ...steps(['4', '8,5']),
      rowVersion: await rowVersion(),
      action: 'save',
    });
    assert.equal(ok.statusCode, 303);
    const saved = (await selectDraft(db, procedure.id))?.content.workflows.find(
      (w) => w.agencyCode === commune.code,
    );
    assert.deepEqual(
      saved?.steps.map((s) => s.budgetMinutes),
      [240, 510],
    );
    const overview = await get(draft, communeAdmin.cookie);
    assert.match(overview.body, /Bản nháp có thay đổi ngoài phạm vi bạn quản trị/);
  });

  it('previews the draft as a citizen sees it, refuses a past date, publishes version 2 with who and when', async () => {
    const preview = await get(`${draft}/xem-truoc`, system.cookie);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /bản nháp, chưa công bố/);
    assert.match(preview.body, /25[.,]000/);
    const past = await postForm(app, `${draft}/cong-bo`, system.cookie, {
      rowVersion: await rowVersion(),
      effectiveFrom: '2026-10-01',
    });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /id="effectiveFrom-error">Chọn hôm nay hoặc một ngày sau/);
    const draftId = (await selectDraft(db, procedure.id))?.id as string;
    const fields = { rowVersion: await rowVersion(), effectiveFrom: '2026-10-05', draftId };
    const published = await postForm(app, `${draft}/cong-bo`, system.cookie, fields);
    assert.equal(published.statusCode, 303);
    assert.equal(published.headers.location, `${page}?ok=published`);
    const again = await postForm(app, `${draft}/cong-bo`, system.cookie, fields);
    assert.equal(again.statusCode, 303, 'a resubmitted form answers as the first');
    const history = await get(`${page}?ok=published`, system.cookie);
    assert.match(history.body, /Đã công bố phiên bản mới/);
    const rows = history.body.match(/data-testid="version-row"/g) ?? [];
    assert.equal(rows.length, 2);
    assert.match(
      history.body,
      new RegExp(
        `Phiên bản 2</a></td><td>2026-10-05 10:00</td><td>2026-10-05 10:00</td><td>${system.username}`,
      ),
    );
    assert.equal((await get(`${page}/phien-ban/1`, system.cookie)).statusCode, 200);
    assert.equal((await get(`${page}/phien-ban/9`, system.cookie)).statusCode, 404);
  });

  it('discards a draft', async () => {
    await postForm(app, draft, system.cookie);
    assert.ok(await selectDraft(db, procedure.id));
    const res = await postForm(app, `${draft}/huy`, system.cookie);
    assert.equal(res.statusCode, 303);
    assert.equal(await selectDraft(db, procedure.id), undefined);
  });
});
