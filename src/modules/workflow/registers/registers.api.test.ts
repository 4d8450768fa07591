/**
 * The processing documents over HTTP against a dossier processed for real: the control sheet's
 * hand-overs and marks, the apology letter (draft, then approved), the stop notice, who may fetch
 * them, and the dossiers module's intake slips still answering beside them.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { insertAgency } from '../../../../test/factories-agencies.js';
import {
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
  TAX_PARTNER,
} from '../../../../test/factories-dossiers.js';
import { insertOfficer, sessionCookie } from '../../../../test/factories-identity.js';
import { flatten, pdfText } from '../../../../test/pdf-text.js';
import type { Clock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { receiveDossier } from '../../dossiers/index.js';
import { applyProcessingAction } from '../processing.service.js';

let now = new Date('2026-03-02T02:00:00Z'); // Monday 2/3/2026 09:00 in Vietnam
const clock: Clock = { now: () => new Date(now) };
const { app, ctx } = await buildTestApp({ clock });
const db = ctx.db;
const world = await seedIntakeWorld(db);
const tax = await insertAgency(db, {
  kind: 'tax',
  name: TAX_PARTNER,
  parentId: world.province.id,
  units: ['22'],
});
const named = async (id: string, fullName: string) =>
  db.updateTable('officers').set({ full_name: fullName }).where('id', '=', id).execute();
await named(world.desk.id, 'Phạm Thị Thu Hằng');
await named(world.specialist.id, 'Lê Văn Đạt');
const taxOfficer = await insertOfficer(db, {
  fullName: 'Vũ Thị Ngọc Ánh',
  grants: [{ agencyId: tax.id, role: 'specialist' }],
});
const leader = await insertOfficer(db, {
  fullName: 'Đặng Quốc Việt',
  grants: [{ agencyId: world.ward.id, role: 'agency_leader' }],
});
const outsider = await insertOfficer(db, { grants: [{ agencyId: world.otherWard.id, role: 'specialist' }] });
const desk = officerPrincipal(world.desk);
const specialist = officerPrincipal(world.specialist);

const cookies = {
  desk: await sessionCookie(db, { officerId: world.desk.id }),
  citizen: await sessionCookie(db, { citizenId: world.citizen.id }),
  outsider: await sessionCookie(db, { officerId: outsider.id }),
};
const get = (code: string, doc: string, cookie: string | null) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/slips/${doc}`,
    headers: { ...(cookie ? { cookie } : {}), accept: 'application/json' },
  });
const textOf = async (res: Awaited<ReturnType<typeof get>>) => {
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  return flatten(await pdfText(res.rawPayload));
};

/** Received Mon 09:00, forwarded 09:10, appraised by Tue 10:00 (the ward's step was due Tue 09:10: late), at the tax office. */
const made: string[] = [];
async function processedDossier(key: string) {
  now = new Date('2026-03-02T02:00:00Z');
  const d = await submitOnlineDossier(ctx, world, key);
  made.push(d.code);
  await receiveDossier(ctx, desk, d.code, {});
  await applyProcessingAction(ctx, desk, d.code, 'start');
  now = new Date('2026-03-02T02:10:00Z');
  await applyProcessingAction(ctx, desk, d.code, 'transfer');
  await applyProcessingAction(ctx, specialist, d.code, 'receive_handover');
  await applyProcessingAction(ctx, specialist, d.code, 'claim');
  now = new Date('2026-03-03T03:00:00Z');
  await applyProcessingAction(ctx, specialist, d.code, 'transfer');
  await applyProcessingAction(ctx, officerPrincipal(taxOfficer), d.code, 'receive_handover');
  return d;
}

describe('GET /api/v1/dossiers/{id}/slips/control-sheet.pdf', () => {
  it('lists each hand-over with giver, receiver and the giving step’s mark', async () => {
    const d = await processedDossier('reg-ctl-0001');
    const text = await textOf(await get(d.code, 'control-sheet.pdf', cookies.desk));
    for (const phrase of [
      'Mẫu số 05',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      d.code,
      'Người nộp hồ sơ: Nguyễn Thị Hường',
      'I. GIAO, NHẬN HỒ SƠ',
      '09 giờ 10 phút, ngày 02/03/2026',
      '10 giờ 00 phút, ngày 03/03/2026',
      'Phạm Thị Thu Hằng',
      'Vũ Thị Ngọc Ánh',
      TAX_PARTNER,
    ]) {
      assert.ok(text.includes(phrase), `missing: ${phrase}`);
    }
    // The desk's step (due 09:30) ended at 09:10 on its due day: on time; the ward's (due Tue 09:10) at 10:00: late.
    const first = text.indexOf('09 giờ 10 phút, ngày 02/03/2026');
    const second = text.indexOf('10 giờ 00 phút, ngày 03/03/2026');
    assert.ok(text.slice(first, second).includes('Đúng hạn'));
    assert.ok(text.slice(second).includes('Quá hạn'));
    assert.ok(!text.includes('Trước hạn'));
  });

  it('is for officers who handle the dossier: citizens are refused, other agencies get 404', async () => {
    const d = await processedDossier('reg-ctl-0002');
    assert.equal((await get(d.code, 'control-sheet.pdf', null)).statusCode, 401);
    assert.equal((await get(d.code, 'control-sheet.pdf', cookies.citizen)).statusCode, 403);
    assert.equal((await get(d.code, 'control-sheet.pdf', cookies.outsider)).statusCode, 404);
    assert.equal((await get(d.id, 'control-sheet.pdf', cookies.desk)).statusCode, 200, 'by id as well');
  });
});

describe('GET /api/v1/dossiers/{id}/slips/apology.pdf', () => {
  it('404s before a letter exists, prints the draft marked DỰ THẢO, then the approved letter', async () => {
    const d = await processedDossier('reg-apo-0001');
    const missing = await get(d.code, 'apology.pdf', cookies.citizen);
    assert.equal(missing.statusCode, 404);
    const problem = missing.json() as { code: string; title: string };
    assert.equal(problem.code, 'workflow.document_not_issued');
    assert.match(problem.title, /phiếu xin lỗi/);

    const row = await db
      .selectFrom('dossiers')
      .select('due_at')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    const id = newId();
    await db
      .insertInto('dossier_apologies')
      .values({
        id,
        dossier_id: d.id,
        drafted_at: now,
        reason: 'Chờ Chi cục Thuế xác định nghĩa vụ tài chính',
        responsible_agency_id: world.ward.id,
        old_due_at: row.due_at!,
        new_due_at: new Date(row.due_at!.getTime() + 2 * 86_400_000),
      })
      .execute();
    const draft = await textOf(await get(d.code, 'apology.pdf', cookies.citizen));
    assert.ok(draft.includes('DỰ THẢO'));
    assert.ok(draft.includes('Lý do: Chờ Chi cục Thuế xác định nghĩa vụ tài chính'));
    assert.ok(draft.includes('Kính gửi: Ông/Bà Nguyễn Thị Hường'));
    assert.ok(draft.includes('ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG'));

    await db
      .updateTable('dossier_apologies')
      .set({ approved_by: leader.id, approved_at: now })
      .where('id', '=', id)
      .execute();
    const approved = await textOf(await get(d.code, 'apology.pdf', cookies.desk));
    assert.ok(!approved.includes('DỰ THẢO'));
    assert.ok(approved.includes('Mẫu số 04') && approved.includes('Đặng Quốc Việt'));
  });
});

describe('GET /api/v1/dossiers/{id}/slips/stop-notice.pdf', () => {
  it('404s while the dossier runs, then gives the reason, time and officer of the stop', async () => {
    const d = await processedDossier('reg-stop-0001');
    assert.equal((await get(d.code, 'stop-notice.pdf', cookies.citizen)).statusCode, 404);
    now = new Date('2026-03-04T08:15:00Z');
    await applyProcessingAction(ctx, officerPrincipal(taxOfficer), d.code, 'claim');
    await applyProcessingAction(ctx, officerPrincipal(taxOfficer), d.code, 'stop', {
      reason: 'Không đủ điều kiện giải quyết',
    });
    const text = await textOf(await get(d.code, 'stop-notice.pdf', cookies.citizen));
    for (const phrase of [
      'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      'kể từ 15 giờ 15 phút, ngày 04/03/2026',
      'với lý do: Không đủ điều kiện giải quyết',
      d.code,
    ]) {
      assert.ok(text.includes(phrase), `missing: ${phrase}`);
    }
    assert.ok(!text.includes('Mẫu số'), 'the 2018 set has no numbered stop notice');
  });

  it('leaves the intake slips route answering beside the static routes', async () => {
    const d = await processedDossier('reg-stop-0002');
    const receipt = await textOf(await get(d.code, 'receipt.pdf', cookies.desk));
    assert.ok(receipt.includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'));
  });
});

describe('GET /api/v1/agencies/{code}/tracking-book.xlsx and .pdf', () => {
  const specialistCookie = () => sessionCookie(db, { officerId: world.specialist.id });
  const book = async (path: string, cookie: string | null) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/agencies/${path}`,
      headers: { ...(cookie ? { cookie } : {}), accept: 'application/json' },
    });

  it('lists the dossiers received in the period, dates in Vietnam time, read back from the workbook', async () => {
    assert.ok(made.length >= 4);
    const res = await book(
      `${world.ward.code}/tracking-book.xlsx?from=2026-03-01&to=2026-03-31`,
      await specialistCookie(),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.getCell(2, 1).value, 'SỔ THEO DÕI HỒ SƠ');
    assert.match(String(ws.getCell(3, 1).value), /Mẫu số 06/);
    assert.equal(
      ws.getCell(4, 1).value?.toString().startsWith('Từ ngày 01/03/2026 đến ngày 31/03/2026'),
      true,
    );
    assert.equal(ws.getCell(5, 2).value, 'Mã hồ sơ');
    const rows: { code: string; received: unknown; fmt: string; lead: unknown; note: unknown }[] = [];
    for (let r = 6; r <= ws.rowCount; r++) {
      rows.push({
        code: String(ws.getCell(r, 2).value),
        received: ws.getCell(r, 8).value,
        fmt: ws.getCell(r, 8).numFmt,
        lead: ws.getCell(r, 7).value,
        note: ws.getCell(r, 14).value,
      });
    }
    assert.deepEqual(rows.map((r) => r.code).sort(), [...made].sort());
    for (const r of rows) {
      // Received Monday 2/3/2026 09:00 in Vietnam: the cell shows that wall-clock time.
      assert.deepEqual(r.received, new Date('2026-03-02T09:00:00Z'));
      assert.equal(r.fmt, 'dd/mm/yyyy hh:mm');
      assert.equal(r.lead, 'Ủy ban nhân dân phường Hạ Long');
    }
    assert.ok(rows.some((r) => r.note === 'Dừng xử lý: Không đủ điều kiện giải quyết'));
    assert.ok(rows.some((r) => r.note === 'Đang xử lý'));
    assert.equal(ws.getCell(6, 1).value, 1);

    const later = await book(
      `${world.ward.code}/tracking-book.xlsx?from=2026-03-03&to=2026-03-31`,
      await specialistCookie(),
    );
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(later.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb2.worksheets[0]!.rowCount, 5, 'header rows only: nothing received after 2/3');
  });

  it('opens in LibreOffice: the converted sheet has the header and every dossier with its received time', async (t) => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => existsSync(f));
    if (!soffice) return t.skip('LibreOffice is not installed here (apt-get install libreoffice-calc-nogui)');
    const res = await book(
      `${world.ward.code}/tracking-book.xlsx?from=2026-03-01&to=2026-03-31`,
      await specialistCookie(),
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'tracking-book-'));
    try {
      await writeFile(path.join(dir, 'so.xlsx'), res.rawPayload);
      await promisify(execFile)(
        soffice,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          path.join(dir, 'so.xlsx'),
        ],
        { timeout: 120_000 },
      );
      const csv = await readFile(path.join(dir, 'so.csv'), 'utf8');
      assert.match(csv, /SỔ THEO DÕI HỒ SƠ/);
      assert.match(csv, /Mã hồ sơ/);
      for (const code of made) assert.match(csv, new RegExp(`${code}.*02/03/2026 09:00`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints the same rows as PDF', async () => {
    const res = await book(
      `${world.wardCentre.code}/tracking-book.pdf?from=2026-03-02&to=2026-03-02`,
      cookies.desk,
    );
    assert.equal(res.statusCode, 200, res.body);
    const text = flatten(await pdfText(res.rawPayload));
    assert.ok(text.includes('SỔ THEO DÕI HỒ SƠ'));
    assert.ok(text.includes('Từ ngày 02/03/2026 đến ngày 02/03/2026'));
    for (const code of made) assert.ok(text.includes(code), code);
    assert.ok(text.includes('02/03/2026 09:00'));
  });

  it('refuses a bad period (400), an unknown agency (404) and an officer of another agency (403)', async () => {
    const cookie = await specialistCookie();
    for (const q of [
      '',
      '?from=2026-03-01',
      '?from=2026-02-30&to=2026-03-01',
      '?from=2026-03-02&to=2026-03-01',
      '?from=2025-01-01&to=2026-01-02',
    ]) {
      const res = await book(`${world.ward.code}/tracking-book.xlsx${q}`, cookie);
      assert.equal(res.statusCode, 400, q);
      const p = res.json() as { code: string; title: string };
      assert.equal(p.code, 'workflow.invalid_period', q);
      assert.ok(p.title.length > 0);
    }
    const year = await book(`${world.ward.code}/tracking-book.xlsx?from=2025-01-01&to=2026-01-01`, cookie);
    assert.equal(year.statusCode, 200, '366 days is allowed');
    assert.equal(
      (await book('000.00.99.H99/tracking-book.xlsx?from=2026-03-01&to=2026-03-31', cookie)).statusCode,
      404,
    );
    const other = await book(
      `${world.ward.code}/tracking-book.pdf?from=2026-03-01&to=2026-03-31`,
      cookies.outsider,
    );
    assert.equal(other.statusCode, 403);
    assert.equal(
      (await book(`${world.ward.code}/tracking-book.pdf?from=2026-03-01&to=2026-03-31`, cookies.citizen))
        .statusCode,
      403,
    );
  });
});
