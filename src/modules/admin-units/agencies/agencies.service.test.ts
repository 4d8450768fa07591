import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/database.js';
import { officerActor } from '../../../../test/factories-actors.js';
import { insertAgency, uniqueAgencyCode } from '../../../../test/factories-agencies.js';
import { systemActor } from '../../../platform/audit/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors.js';
import { changeAgencyCode, createAgency, updateAgency } from './agencies.service.js';
import { agencyCodeHistory, findAgencyByCode, getAgency, listAgencies } from './agency-lookup.service.js';

const clock = fixedClock('2026-03-02T03:00:00Z'); // Monday 2/3/2026 10:00 in Vietnam
const isAppError = (code: string, check?: (e: AppError) => void) => (e: unknown) => {
  assert.ok(e instanceof AppError, `expected AppError ${code}, got ${String(e)}`);
  assert.equal(e.code, code);
  check?.(e);
  return true;
};

describe('agencies service', async () => {
  const { db } = await createTestDatabase();
  const deps = { db, clock };
  const count = async (table: 'agencies' | 'agency_codes' | 'agency_history') =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('creates an agency with its code, NFC name, units and a history row', async () => {
    const code = uniqueAgencyCode();
    const nfd = 'Ủy ban nhân dân xã Ba Chẽ'.normalize('NFD');
    const agency = await createAgency(
      deps,
      {
        code: ` ${code.toLowerCase()} `,
        kind: 'commune_committee',
        name: `  ${nfd}  `,
        units: ['06978', '06978'],
      },
      systemActor('test'),
    );
    assert.equal(agency.code, code);
    assert.equal(agency.name, 'Ủy ban nhân dân xã Ba Chẽ'.normalize('NFC'));
    assert.deepEqual(agency.units, ['06978']);
    assert.deepEqual(await agencyCodeHistory(db, agency.id), [
      { code, validFrom: '2026-03-02', validTo: null, source: null },
    ]);
    const history = await db
      .selectFrom('agency_history')
      .selectAll()
      .where('agency_id', '=', agency.id)
      .execute();
    assert.deepEqual(
      history.map((h) => [h.action, h.actor]),
      [['created', 'system:test']],
    );
    assert.equal((await findAgencyByCode(db, code, '2026-03-02'))?.id, agency.id);
    assert.equal(await findAgencyByCode(db, code, '2026-03-01'), undefined, 'not before its code starts');
  });

  it('refuses a code of the wrong shape, naming the field in both languages, and writes nothing', async () => {
    const before = await count('agencies');
    for (const bad of ['000-00-12-H22', 'H22..101', '.H22', 'H22.101.', 'ĐÔNG.01', 'A'.repeat(21), '']) {
      await assert.rejects(
        createAgency(
          deps,
          { code: bad, kind: 'department', name: 'Sở Tư pháp', units: ['22'] },
          systemActor('test'),
        ),
        isAppError('agency.invalid_input', (e) => {
          assert.equal(e.kind, 'validation');
          const field = e.fields.find((f) => f.field === 'code');
          assert.ok(field, `field code named for "${bad}"`);
          assert.match(field.message.vi, /mã định danh/i);
          assert.match(field.message.en, /identifier code/);
        }),
      );
    }
    assert.equal(await count('agencies'), before);
  });

  it('lists every bad field at once', async () => {
    await assert.rejects(
      createAgency(
        deps,
        { code: 'H22.1', kind: 'ministry', name: ' ', units: ['123'], phone: 'call me', email: 'x@' },
        systemActor('test'),
      ),
      isAppError('agency.invalid_input', (e) => {
        assert.deepEqual(e.fields.map((f) => f.field).sort(), ['email', 'kind', 'name', 'phone', 'units']);
      }),
    );
    await assert.rejects(
      createAgency(
        deps,
        { code: 'H22.2', kind: 'commune_committee', name: 'UBND', units: ['22'] },
        systemActor('test'),
      ),
      isAppError('agency.invalid_input', (e) => assert.equal(e.fields[0]?.field, 'units')),
    );
  });

  it('refuses a code another agency holds now: conflict', async () => {
    const first = await insertAgency(db, {}, clock);
    await assert.rejects(
      insertAgency(db, { code: first.code }, clock),
      isAppError('agency.code_taken', (e) => {
        assert.equal(e.status, 409);
        assert.match(e.text.vi, new RegExp(first.code.replace('.', '\\.')));
      }),
    );
  });

  it('lets only one of two concurrent creations take a code', async () => {
    const code = uniqueAgencyCode();
    const results = await Promise.allSettled([
      insertAgency(db, { code }, clock),
      insertAgency(db, { code }, clock),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected');
    assert.equal((failed as PromiseRejectedResult).reason.code, 'agency.code_taken');
  });

  it('changes a code keeping the old one findable at past dates', async () => {
    const agency = await insertAgency(db, { codeValidFrom: '2025-07-01' }, clock);
    const old = agency.code;
    const next = uniqueAgencyCode();
    const changed = await changeAgencyCode(
      deps,
      agency.id,
      { code: next, effectiveFrom: '2026-01-01', source: 'QĐ 09/2025/QĐ-TTg' },
      officerActor('officer-1'),
    );
    assert.equal(changed.code, next);
    assert.equal((await findAgencyByCode(db, old, '2025-12-31'))?.id, agency.id);
    assert.equal((await findAgencyByCode(db, old, '2025-12-31'))?.code, old, 'the code of that date');
    assert.equal(await findAgencyByCode(db, old, '2026-01-01'), undefined);
    assert.equal(await findAgencyByCode(db, old, clock.now()), undefined);
    assert.equal((await findAgencyByCode(db, next))?.id, agency.id);
    assert.equal((await findAgencyByCode(db, next, new Date('2026-03-02T03:00:00Z')))?.id, agency.id);
    assert.deepEqual(await agencyCodeHistory(db, agency.id), [
      { code: old, validFrom: '2025-07-01', validTo: '2026-01-01', source: null },
      { code: next, validFrom: '2026-01-01', validTo: null, source: 'QĐ 09/2025/QĐ-TTg' },
    ]);
    const history = await db
      .selectFrom('agency_history')
      .select(['action', 'actor', 'details'])
      .where('agency_id', '=', agency.id)
      .orderBy('at')
      .execute();
    assert.deepEqual(history[1], {
      action: 'code_changed',
      actor: 'officer-1',
      details: { from: old, to: next, effectiveFrom: '2026-01-01', source: 'QĐ 09/2025/QĐ-TTg' },
    });
    // The retired code is free after its end, but not while it was valid.
    await assert.rejects(
      insertAgency(db, { code: old, codeValidFrom: '2025-12-01' }, clock),
      isAppError('agency.code_taken'),
    );
    const reuse = await insertAgency(db, { code: old, codeValidFrom: '2026-02-01' }, clock);
    assert.equal((await findAgencyByCode(db, old, '2026-02-01'))?.id, reuse.id);
    assert.equal((await findAgencyByCode(db, old, '2025-12-31'))?.id, agency.id);
  });

  it('refuses to change to a code another agency holds, or to start before the current code', async () => {
    const a = await insertAgency(db, {}, clock);
    const b = await insertAgency(db, {}, clock);
    await assert.rejects(
      changeAgencyCode(deps, a.id, { code: b.code, effectiveFrom: '2026-06-01' }, officerActor('officer-1')),
      isAppError('agency.code_taken'),
    );
    await assert.rejects(
      changeAgencyCode(
        deps,
        a.id,
        { code: uniqueAgencyCode(), effectiveFrom: '2025-07-01' },
        officerActor('officer-1'),
      ),
      isAppError('agency.code_change_too_early'),
    );
    await assert.rejects(
      changeAgencyCode(deps, a.id, { code: 'H22-101' }, officerActor('officer-1')),
      isAppError('agency.invalid_code', (e) => {
        assert.equal(e.status, 400);
        assert.match(e.text.vi, /không đúng dạng/);
        assert.match(e.text.en, /wrong shape/);
      }),
    );
    assert.deepEqual((await agencyCodeHistory(db, a.id)).length, 1, 'nothing changed');
    const same = await changeAgencyCode(deps, a.id, { code: a.code }, officerActor('officer-1'));
    assert.equal(same.code, a.code, 'the same code is a no-op');
  });

  it('updates details, records what changed, and refuses a cycle in the tree', async () => {
    const province = await insertAgency(
      db,
      { kind: 'provincial_committee', name: 'UBND tỉnh', units: ['22'] },
      clock,
    );
    const commune = await insertAgency(db, { parentId: province.id }, clock);
    const centre = await insertAgency(
      db,
      { kind: 'commune_service_centre', name: 'Trung tâm PVHCC phường Đông Triều', parentId: commune.id },
      clock,
    );
    const updated = await updateAgency(
      deps,
      commune.id,
      {
        kind: 'commune_committee',
        name: commune.name,
        parentId: province.id,
        units: ['07093'],
        phone: '0203-3870-123',
      },
      officerActor('officer-2'),
    );
    assert.equal(updated.phone, '0203 3870 123');
    const last = await db
      .selectFrom('agency_history')
      .select(['action', 'details'])
      .where('agency_id', '=', commune.id)
      .where('action', '=', 'updated')
      .executeTakeFirstOrThrow();
    assert.deepEqual(last, { action: 'updated', details: { phone: { from: null, to: '0203 3870 123' } } });
    await assert.rejects(
      updateAgency(
        deps,
        province.id,
        { kind: 'provincial_committee', name: 'UBND tỉnh', units: ['22'], parentId: centre.id },
        officerActor('x'),
      ),
      isAppError('agency.invalid_parent', (e) => assert.equal(e.fields[0]?.field, 'parentId')),
    );
    await assert.rejects(
      updateAgency(
        deps,
        commune.id,
        { kind: 'commune_committee', name: 'x', units: ['07093'], parentId: commune.id },
        officerActor('x'),
      ),
      isAppError('agency.invalid_parent'),
    );
    await assert.rejects(
      insertAgency(db, { parentId: '01900000-0000-7000-8000-000000000000' }, clock),
      isAppError('agency.invalid_parent'),
    );
    await assert.rejects(
      getAgency(db, '01900000-0000-7000-8000-000000000000'),
      isAppError('agency.not_found'),
    );
  });
});

describe('listing agencies', async () => {
  const { db } = await createTestDatabase();
  const names = [
    'Ủy ban nhân dân phường Đông Triều',
    'Ủy ban nhân dân phường Hạ Long',
    'Ủy ban nhân dân xã Ba Chẽ',
    'Ủy ban nhân dân xã Bình Liêu',
    'Trung tâm Phục vụ hành chính công phường Đông Triều',
    'Sở Tư pháp',
    'Sở Xây dựng',
  ];
  const units = ['07093', '06688', '06978', '06838', '07093'];
  for (const [i, name] of names.entries()) {
    const department = i >= 5;
    await insertAgency(
      db,
      department
        ? { kind: 'department', name, units: ['22'] }
        : { kind: i === 4 ? 'commune_service_centre' : 'commune_committee', name, units: [units[i]!] },
      clock,
    );
  }

  it('walks every agency once, in accent-free name order, page by page', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listAgencies(db, { limit: 3, after, at: clock.now() });
      sizes.push(page.items.length);
      seen.push(...page.items.map((a) => a.name));
      after = page.next ?? undefined;
    } while (after);
    assert.deepEqual(sizes, [3, 3, 1]);
    assert.deepEqual(seen, [
      'Sở Tư pháp',
      'Sở Xây dựng',
      'Trung tâm Phục vụ hành chính công phường Đông Triều',
      'Ủy ban nhân dân phường Đông Triều',
      'Ủy ban nhân dân phường Hạ Long',
      'Ủy ban nhân dân xã Ba Chẽ',
      'Ủy ban nhân dân xã Bình Liêu',
    ]);
  });

  it('filters by kind, unit served, and name words without accents or code prefix', async () => {
    const names = async (options: Parameters<typeof listAgencies>[1]) =>
      (await listAgencies(db, { ...options, at: clock.now() })).items.map((a) => a.name);
    assert.deepEqual(await names({ kind: 'department' }), ['Sở Tư pháp', 'Sở Xây dựng']);
    assert.deepEqual(await names({ unit: '07093' }), [
      'Trung tâm Phục vụ hành chính công phường Đông Triều',
      'Ủy ban nhân dân phường Đông Triều',
    ]);
    assert.deepEqual(await names({ unit: '07093', kind: 'commune_committee' }), [
      'Ủy ban nhân dân phường Đông Triều',
    ]);
    assert.deepEqual(await names({ q: 'dong trieu' }), await names({ q: 'Đông Triều' }));
    assert.equal((await names({ q: 'dong trieu' })).length, 2);
    assert.deepEqual(await names({ q: 'ba che' }), ['Ủy ban nhân dân xã Ba Chẽ']);
    assert.deepEqual(await names({ q: '100%_' }), []);
    const one = (await listAgencies(db, { limit: 1, at: clock.now() })).items[0]!;
    assert.deepEqual(
      (await listAgencies(db, { q: one.code.slice(0, 6).toLowerCase(), at: clock.now() })).items.map(
        (a) => a.id,
      ),
      [one.id],
    );
  });

  it('refuses a forged cursor, naming `after`', async () => {
    await assert.rejects(
      listAgencies(db, { after: 'bm90LWEtY3Vyc29y' }),
      isAppError('agency.invalid_cursor', (e) => assert.equal(e.fields[0]?.field, 'after')),
    );
  });
});
