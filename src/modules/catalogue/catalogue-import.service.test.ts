/**
 * The shipped 588 records imported into PostgreSQL: a summary that adds up, a second import that
 * changes nothing, a changed record that makes a new version, versionAt, immutability, and the
 * canonical export's round trip through an empty database.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import Value from 'typebox/value';
import { createTestDatabase } from '../../../test/database.js';
import { officerActor } from '../../../test/factories-actors.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { getProcedure, publishDraft, saveDraft, startDraft } from './admin/drafts.service.js';
import { CanonicalSchema, catalogueJsonSchema } from './canonical.js';
import { SHIPPED_LIST, SHIPPED_RECORDS } from './catalogue.command.js';
import { exportCatalogue, versionAt } from './catalogue.service.js';
import { type ImportOutcome, importCatalogue } from './catalogue-import.service.js';

const { db } = await createTestDatabase();
const T1 = new Date('2026-08-01T02:00:00Z');
const T2 = new Date('2026-09-01T02:00:00Z');
let text: string;
let listCsv: string;
let records: Record<string, string>[];
let first: ImportOutcome;
let firstMs: number;
/** The agency of the workflow an administrator added: the empty database of the round trip needs it too. */
let localAgencyCode: string | undefined;

before(async () => {
  text = await readFile(SHIPPED_RECORDS, 'utf8');
  listCsv = await readFile(SHIPPED_LIST, 'utf8');
  records = JSON.parse(text);
  const t0 = performance.now();
  first = await importCatalogue(db, { text, listCsv, sourceFile: SHIPPED_RECORDS, now: T1 });
  firstMs = performance.now() - t0;
});

describe('importing the shipped file', () => {
  it('accounts for every record exactly once', () => {
    const s = first.summary;
    assert.equal(s.total, records.length);
    assert.equal(s.imported + s.updated + s.unchanged + s.failed, records.length);
    assert.equal(first.records.length, records.length);
    assert.deepEqual(new Set(first.records.map((r) => r.index)).size, records.length);
    assert.equal(s.updated + s.unchanged, 0);
    assert.equal(s.versionsWritten, s.imported);
    console.log(`catalogue import: ${JSON.stringify(s)} in ${Math.round(firstMs)} ms`);
  });
  it('reports the crawled pages of other procedures and the codes outside ^[123]\\.\\d{6}$', () => {
    const wrong = first.records.filter((r) => r.reason === 'wrong_page').map((r) => r.code);
    assert.ok(wrong.includes('1.002544') && wrong.includes('3.000332'));
    const invalid = first.records.filter((r) => r.reason === 'invalid_code');
    assert.ok(invalid.every((r) => !/^[123]\.\d{6}$/.test(r.code ?? '')));
    assert.equal(first.summary.failed, wrong.length + invalid.length);
  });
  it('stores one published version per imported record, with the import run', async () => {
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM catalogue_procedure_versions WHERE status = 'published'`.execute(db);
    assert.equal(n.rows[0]?.n, first.summary.imported);
    const run = await db
      .selectFrom('catalogue_imports')
      .selectAll()
      .where('id', '=', first.importId)
      .executeTakeFirstOrThrow();
    assert.equal((run.summary as { total: number }).total, records.length);
  });
  it('a second import of the same file is all unchanged and writes no version', async () => {
    const again = await importCatalogue(db, { text, listCsv, sourceFile: SHIPPED_RECORDS, now: T2 });
    assert.equal(again.summary.unchanged, first.summary.imported);
    assert.equal(again.summary.failed, first.summary.failed);
    assert.equal(again.summary.imported + again.summary.updated + again.summary.versionsWritten, 0);
  });
});

describe('versions', () => {
  it('a changed record makes version 2; versionAt picks the one in force', async () => {
    const birth = records.find((r) => r.ma_thu_tuc === '1.001193') as Record<string, string>;
    const changed = {
      ...birth,
      cach_thuc_thuc_hien: `${birth.cach_thuc_thuc_hien}Trực tuyến1 Ngày làm việcMiễn phíNộp trực tuyến`,
    };
    const out = await importCatalogue(db, {
      text: JSON.stringify([changed]),
      listCsv,
      sourceFile: 'changed.json',
      now: T2,
    });
    assert.deepEqual([out.summary.updated, out.summary.versionsWritten], [1, 1]);
    const before_ = await versionAt(db, '1.001193', new Date('2026-08-15T00:00:00Z'));
    const after_ = await versionAt(db, '1.001193', new Date('2026-09-15T00:00:00Z'));
    assert.deepEqual([before_.versionNumber, after_.versionNumber], [1, 2]);
    assert.equal(after_.content.channels.length, before_.content.channels.length + 1);
    assert.equal(after_.content.name, 'Thủ tục đăng ký khai sinh');
    await assert.rejects(
      versionAt(db, '1.001193', new Date('2026-01-01T00:00:00Z')),
      /catalogue\.not_in_force|No version/,
    );
  });
  it('a published version cannot be changed or deleted, nor its rows', async () => {
    await assert.rejects(sql`UPDATE catalogue_procedure_versions SET name = 'x'`.execute(db), /immutable/);
    await assert.rejects(sql`DELETE FROM catalogue_components`.execute(db), /immutable/);
  });
});

describe('local edits and a re-import', () => {
  it('keeps an administrator’s agency workflow and fee reduction when the national record is imported again', async () => {
    const T3 = new Date('2026-09-10T02:00:00Z');
    const code = first.records.find((r) => r.outcome === 'imported' && r.code !== '1.001193')?.code as string;
    const record = records.find((r) => r.ma_thu_tuc === code) as Record<string, string>;
    const agency = await insertAgency(db, { kind: 'commune_committee', name: 'UBND xã Nhập Lại' });
    localAgencyCode = agency.code;
    const deps = { db, clock: { now: () => T3 } };
    const caller = {
      principal: { kind: 'token' as const, id: 't', name: 'tích hợp', scopes: ['catalogue:write'] },
      actor: officerActor('quantri', 'quantri'),
    };
    const procedure = await getProcedure(db, code);
    await startDraft(deps, procedure, caller);
    const reduction = {
      channel: 'online' as const,
      percent: 50,
      validFrom: '2026-07-01',
      validTo: '2026-12-31',
      legalBasis: 'Nghị quyết HĐND tỉnh',
    };
    await saveDraft(deps, procedure, caller, undefined, (c) => ({
      ...c,
      onlineLevel: 'toan_trinh',
      onlineLevelSource: 'administrator',
      feeReductions: [reduction],
      workflows: [
        ...c.workflows,
        {
          level: 'commune',
          isDefault: false,
          agencyCode: agency.code,
          onlineTargetMinutes: null,
          steps: [{ kind: 'appraise', role: 'Công chức tư pháp', agencyName: null, budgetMinutes: 0 }],
        },
      ],
    }));
    assert.equal((await publishDraft(deps, procedure, caller, {})).versionNumber, 2);

    const same = await importCatalogue(db, {
      text: JSON.stringify([record]),
      listCsv,
      sourceFile: 'again.json',
      now: T3,
    });
    assert.deepEqual(
      [same.summary.unchanged, same.summary.versionsWritten],
      [1, 0],
      'the admin edit is not a national change',
    );

    const changed = {
      ...record,
      cach_thuc_thuc_hien: `${record.cach_thuc_thuc_hien ?? ''}Trực tuyến1 Ngày làm việcMiễn phíNộp trực tuyến`,
    };
    const T4 = new Date('2026-09-11T02:00:00Z');
    const out = await importCatalogue(db, {
      text: JSON.stringify([changed]),
      listCsv,
      sourceFile: 'changed.json',
      now: T4,
    });
    assert.deepEqual([out.summary.updated, out.summary.versionsWritten], [1, 1]);
    const v3 = await versionAt(db, code, T4);
    assert.equal(v3.versionNumber, 3);
    assert.deepEqual(v3.content.feeReductions, [reduction]);
    assert.equal(v3.content.onlineLevel, 'toan_trinh');
    const own = v3.content.workflows.find((w) => w.agencyCode === agency.code);
    assert.equal(own?.steps[0]?.role, 'Công chức tư pháp');
    const again = await importCatalogue(db, {
      text: JSON.stringify([changed]),
      listCsv,
      sourceFile: 'changed.json',
      now: T4,
    });
    assert.equal(again.summary.unchanged, 1, 'compared with the national content of version 3');
  });
});

describe('canonical export', () => {
  it('validates against the schema and docs/catalogue.schema.json is that schema', async () => {
    const exported = await exportCatalogue(db);
    assert.ok(
      Value.Check(CanonicalSchema, exported),
      JSON.stringify([...Value.Errors(CanonicalSchema, exported)].slice(0, 3)),
    );
    const docs = JSON.parse(
      await readFile(new URL('../../../docs/catalogue.schema.json', import.meta.url), 'utf8'),
    );
    assert.deepEqual(docs, catalogueJsonSchema());
    assert.ok(Value.Check(docs, exported));
  });
  it('round-trips without loss: export → import into an empty database → export', async () => {
    const exported = JSON.stringify(await exportCatalogue(db));
    const empty = await createTestDatabase();
    // Agencies are not part of the catalogue format: an agency's workflow names the agency by its code.
    if (localAgencyCode) await insertAgency(empty.db, { code: localAgencyCode, name: 'UBND xã Nhập Lại' });
    const out = await importCatalogue(empty.db, {
      text: exported,
      sourceFile: 'export.json',
      now: new Date(),
    });
    assert.equal(out.summary.format, 'canonical');
    assert.equal(out.summary.failed, 0);
    assert.equal(JSON.stringify(await exportCatalogue(empty.db)), exported);
    const again = await importCatalogue(empty.db, {
      text: exported,
      sourceFile: 'export.json',
      now: new Date(),
    });
    assert.equal(again.summary.versionsWritten, 0);
  });
  it('refuses a file that is neither format, in both languages', async () => {
    await assert.rejects(
      importCatalogue(db, { text: '{"a":1}', sourceFile: 'x.json', now: new Date() }),
      (err: Error & { text?: { vi: string; en: string } }) => {
        assert.match(JSON.stringify(err), /motcua|định dạng|format/);
        return true;
      },
    );
    await assert.rejects(
      importCatalogue(db, { text: 'not json', sourceFile: 'x.json', now: new Date() }),
      /JSON/,
    );
  });
});
