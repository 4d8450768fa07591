import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import { seedIntakeWorld, submitOnlineDossier } from '../../../test/factories-dossiers.js';
import { newId } from '../../platform/ids.js';
import { readDossierSearch } from '../dossiers/index.js';
import { type SearchKey, searchDossiers } from './search.repository.js';

const { ctx } = await buildTestApp();
const db = ctx.db;
const world = await seedIntakeWorld(db);
const partner = await insertAgency(db, {
  kind: 'tax',
  name: 'Chi cục Thuế thử',
  parentId: world.province.id,
});
const d = await submitOnlineDossier(ctx, world, 'search-repository-0001');
const row = await db.selectFrom('dossiers').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();

/** A second dossier of another person, at the other ward, currently at a step of the partner agency. */
const otherId = newId();
await db
  .insertInto('dossiers')
  .values({
    ...row,
    applicant: JSON.stringify({ ...(row.applicant as object), name: 'Lê Văn Bình' }),
    owner: null,
    id: otherId,
    code: 'SEARCH.T-260302-00002',
    applicant_name_key: 'le van binh',
    applicant_id_number: '001099000111',
    applicant_phone: '0987000111',
    receiving_agency_id: world.otherWardCentre.id,
    competent_agency_id: world.otherWard.id,
    step_agency_id: partner.id,
  })
  .execute();

const find = (text: string, agencyIds: readonly string[] | 'all') => {
  const key = readDossierSearch(text) as SearchKey;
  assert.ok(key, text);
  return searchDossiers(db, { key, agencyIds, limit: 10 }).then((rows) => rows.map((r) => r.id));
};

describe('searchDossiers', () => {
  it('finds by code (any case), ID number, phone and name without diacritics', async () => {
    const mine = [world.wardCentre.id];
    assert.deepEqual(await find(d.code.toLowerCase(), mine), [d.id]);
    assert.deepEqual(await find('022185012345', mine), [d.id]);
    assert.deepEqual(await find('0912 345 678', mine), [d.id]);
    assert.deepEqual(await find('nguyen thi huong', mine), [d.id]);
    assert.deepEqual(await find('Hường', mine), [d.id]);
    assert.deepEqual(await find('binh', mine), []);
  });

  it('shows only dossiers received, decided or at a step in the given agencies', async () => {
    assert.deepEqual(await find('binh', [world.otherWardCentre.id]), [otherId]);
    assert.deepEqual(await find('binh', [world.otherWard.id]), [otherId]);
    assert.deepEqual(await find('SEARCH.T-260302-00002', [partner.id]), [otherId]);
    assert.deepEqual(await find('0987000111', [world.ward.id, world.wardCentre.id]), []);
    assert.deepEqual(await find('0987000111', []), []);
    assert.deepEqual(await find('0987000111', 'all'), [otherId]);
  });

  it('returns what the list shows, newest first', async () => {
    const key: SearchKey = { nameKey: 'n' };
    const rows = await searchDossiers(db, { key, agencyIds: 'all', limit: 10 });
    assert.ok(rows.length >= 2);
    const times = rows.map((r) => r.submitted_at.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const hit = rows.find((r) => r.id === d.id);
    assert.equal(hit?.applicant_name, 'Nguyễn Thị Hường');
    assert.equal(hit?.procedure_code, d.procedureCode);
  });
});
