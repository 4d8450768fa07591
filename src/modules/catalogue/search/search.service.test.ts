/**
 * Procedure search over the shipped records in PostgreSQL: words without diacritics, typos,
 * synonyms, codes, filters, paging, facets, and a version that becomes searchable on its date.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../test/database.js';
import { SHIPPED_LIST, SHIPPED_RECORDS } from '../catalogue.command.js';
import { exportCatalogue } from '../catalogue.service.js';
import { importCatalogue } from '../catalogue-import.service.js';
import { refreshSearch } from './refresh-search.job.js';
import { catalogueFacets, searchProcedures } from './search.service.js';

const { db } = await createTestDatabase();
const T1 = new Date('2026-08-01T02:00:00Z');
let imported = 0;

before(async () => {
  const text = await readFile(SHIPPED_RECORDS, 'utf8');
  const listCsv = await readFile(SHIPPED_LIST, 'utf8');
  imported = (await importCatalogue(db, { text, listCsv, sourceFile: SHIPPED_RECORDS, now: T1 })).summary
    .imported;
});

const codes = async (q: string, extra = {}) =>
  (await searchProcedures(db, { q, ...extra }, T1)).hits.map((h) => `${h.code} ${h.name}`);

describe('searchProcedures', () => {
  it('the import filled one search row per imported procedure', async () => {
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalogue_search`.execute(db);
    assert.equal(n.rows[0]?.n, imported);
  });

  it('finds "khai sinh" and "dang ky ket hon" without diacritics, in the top 3', async () => {
    assert.ok((await codes('khai sinh')).slice(0, 3).includes('1.001193 Thủ tục đăng ký khai sinh'));
    const marriage = (await codes('dang ky ket hon')).slice(0, 3);
    assert.ok(
      marriage.some((h) => h.endsWith(' Thủ tục đăng ký kết hôn')),
      marriage.join('\n'),
    );
    const spelt = (await codes('dang ki ket hon')).slice(0, 3);
    assert.ok(
      spelt.some((h) => h.endsWith(' Thủ tục đăng ký kết hôn')),
      spelt.join('\n'),
    );
  });

  it('tolerates a typo: "khai snh" finds the khai sinh procedures, marked', async () => {
    const page = await searchProcedures(db, { q: 'khai snh' }, T1);
    assert.ok(page.hits.length > 0);
    assert.ok(page.hits.slice(0, 5).some((h) => h.code === '1.001193'));
    const birth = page.hits.find((h) => h.code === '1.001193');
    assert.deepEqual(birth?.nameSegments, [
      { text: 'Thủ tục đăng ký ', marked: false },
      { text: 'khai sinh', marked: true },
    ]);
  });

  it('a code comes first; the start of a code finds its procedures', async () => {
    const exact = await searchProcedures(db, { q: '1.001193' }, T1);
    assert.equal(exact.hits[0]?.code, '1.001193');
    const start = await searchProcedures(db, { q: '1.00', limit: 100 }, T1);
    assert.ok(start.hits.length > 1 && start.hits.every((h) => h.code.startsWith('1.00')));
  });

  it('everyday words: "giấy khai sinh" finds the birth registration', async () => {
    assert.ok((await codes('giấy khai sinh')).slice(0, 5).includes('1.001193 Thủ tục đăng ký khai sinh'));
  });

  it('filters narrow the hits', async () => {
    const facets = await catalogueFacets(db);
    const field = facets.fields[0]?.name as string;
    const agency = facets.agencies[0]?.name as string;
    const byField = await searchProcedures(db, { field, limit: 100 }, T1);
    assert.equal(byField.total, facets.fields[0]?.count);
    assert.ok(byField.hits.every((h) => h.field === field));
    const commune = await searchProcedures(db, { q: 'khai sinh', level: 'commune', limit: 100 }, T1);
    assert.ok(commune.hits.every((h) => h.levels.includes('commune')));
    const online = await searchProcedures(db, { online: 'toan_trinh', limit: 100 }, T1);
    assert.ok(online.hits.every((h) => h.onlineLevel === 'toan_trinh'));
    const byAgency = await searchProcedures(db, { agency, limit: 100 }, T1);
    assert.ok(byAgency.total > 0 && byAgency.hits.every((h) => h.agencies.includes(agency)));
    const all = await searchProcedures(db, {}, T1);
    assert.equal(all.total, imported);
    assert.equal(all.totalCapped, false);
  });

  it('paging with the cursor returns every hit exactly once, searching and browsing', async () => {
    for (const query of [{ q: 'dang ky' }, {}]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let total = 0;
      do {
        const page = await searchProcedures(db, { ...query, limit: 37, ...(cursor ? { cursor } : {}) }, T1);
        seen.push(...page.hits.map((h) => h.code));
        total = page.total;
        cursor = page.next ?? undefined;
      } while (cursor);
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total);
    }
  });

  it('a cursor of another kind of search is a 400', async () => {
    const browse = await searchProcedures(db, { limit: 1 }, T1);
    await assert.rejects(
      searchProcedures(db, { q: 'khai sinh', cursor: browse.next as string }, T1),
      (e: { status?: number }) => e.status === 400,
    );
  });
});

describe('a version effective in the future', () => {
  it('is not searchable until its date, then the refresh job makes it so', async () => {
    const exported = await exportCatalogue(db);
    const birth = exported.procedures.find((p) => p.code === '1.001193');
    const v1 = birth?.versions[0];
    assert.ok(birth && v1);
    const T2 = new Date('2026-10-01T00:00:00+07:00');
    const content = { ...v1.content, name: 'Thủ tục đăng ký khai sinh (bản thử nghiệm zeta)' };
    const { contentHash } = await import('../content.js');
    const catalogue = {
      ...exported,
      procedures: [
        {
          ...birth,
          versions: [
            v1,
            {
              ...v1,
              versionNumber: 2,
              effectiveFrom: T2.toISOString(),
              publishedAt: T1.toISOString(),
              content,
              contentHash: contentHash(content),
            },
          ],
        },
      ],
    };
    await importCatalogue(db, { text: JSON.stringify(catalogue), sourceFile: 'future.json', now: T1 });
    const before = await searchProcedures(db, { q: 'zeta thu nghiem' }, T1);
    assert.ok(before.hits.every((h) => h.code !== '1.001193'));
    assert.equal((await searchProcedures(db, { q: '1.001193' }, T1)).hits[0]?.versionNumber, 1);
    const after = new Date(T2.getTime() + 60_000);
    const changed = await refreshSearch({ db, clock: { now: () => after } as never });
    assert.equal(changed.written, 1);
    const hit = (await searchProcedures(db, { q: 'zeta thu nghiem' }, after)).hits[0];
    assert.deepEqual([hit?.code, hit?.versionNumber], ['1.001193', 2]);
    assert.equal((await refreshSearch({ db, clock: { now: () => after } as never })).written, 0);
  });
});
