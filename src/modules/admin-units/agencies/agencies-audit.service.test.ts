/**
 * Every change to an agency is appended to the audit log in its own transaction: who (kind, id,
 * username, address), which agency, what changed. A refused change writes no entry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/database.js';
import { insertAgency, uniqueAgencyCode } from '../../../../test/factories-agencies.js';
import type { AuditActor } from '../../../platform/audit/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import { changeAgencyCode, createAgency, updateAgency } from './agencies.service.js';

const clock = fixedClock('2026-03-02T03:00:00Z');
const admin: AuditActor = { kind: 'officer', id: 'officer-9', label: 'motcua.quantri', ip: '203.113.7.9' };

describe('audit entries of agency changes', async () => {
  const { db } = await createTestDatabase();
  const deps = { db, clock };
  const entriesOf = (agencyId: string) =>
    db
      .selectFrom('audit_log')
      .select([
        'action',
        'actor_kind',
        'actor_id',
        'actor_label',
        'ip',
        'agency_id',
        'object_type',
        'object_id',
        'details',
        'at',
      ])
      .where('object_type', '=', 'agency')
      .where('object_id', '=', agencyId)
      .orderBy('seq')
      .execute();
  const actions = async (agencyId: string) => (await entriesOf(agencyId)).map((e) => e.action);

  it('records agency.created with the officer, the agency and its fields', async () => {
    const code = uniqueAgencyCode();
    const agency = await createAgency(
      deps,
      { code, kind: 'commune_committee', name: 'Ủy ban nhân dân xã Ba Chẽ', units: ['06978'] },
      admin,
    );
    const [entry, ...rest] = await entriesOf(agency.id);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { ...entry, details: undefined },
      {
        action: 'agency.created',
        actor_kind: 'officer',
        actor_id: 'officer-9',
        actor_label: 'motcua.quantri',
        ip: '203.113.7.9',
        agency_id: agency.id,
        object_type: 'agency',
        object_id: agency.id,
        details: undefined,
        at: clock.now(),
      },
    );
    const details = entry!.details as Record<string, unknown>;
    assert.equal(details.code, code);
    assert.equal(details.name, 'Ủy ban nhân dân xã Ba Chẽ');
    assert.deepEqual(details.units, ['06978']);
  });

  it('records agency.updated with the changed fields only, and nothing for no change', async () => {
    const agency = await insertAgency(db, {}, clock);
    const fields = { kind: agency.kind, name: agency.name, parentId: null, units: agency.units };
    await updateAgency(deps, agency.id, { ...fields, phone: '0203-3870-123' }, admin);
    await updateAgency(deps, agency.id, { ...fields, phone: '0203-3870-123' }, admin);
    const entries = await entriesOf(agency.id);
    assert.deepEqual(
      entries.map((e) => e.action),
      ['agency.created', 'agency.updated'],
    );
    assert.equal(entries[0]!.actor_kind, 'system', 'the factory creates as the system');
    assert.deepEqual(entries[1]!.details, { phone: { from: null, to: '0203 3870 123' } });
    assert.equal(entries[1]!.actor_label, 'motcua.quantri');
  });

  it('records agency.code_changed with the old and new code', async () => {
    const agency = await insertAgency(db, {}, clock);
    const code = uniqueAgencyCode();
    await changeAgencyCode(
      deps,
      agency.id,
      { code, effectiveFrom: '2026-06-01', source: 'QĐ 12/QĐ-UBND' },
      admin,
    );
    const last = (await entriesOf(agency.id)).at(-1)!;
    assert.equal(last.action, 'agency.code_changed');
    assert.equal(last.actor_id, 'officer-9');
    assert.deepEqual(last.details, {
      from: agency.code,
      to: code,
      effectiveFrom: '2026-06-01',
      source: 'QĐ 12/QĐ-UBND',
    });
  });

  it('writes no entry for a refused change', async () => {
    const a = await insertAgency(db, {}, clock);
    const b = await insertAgency(db, {}, clock);
    await assert.rejects(changeAgencyCode(deps, a.id, { code: b.code, effectiveFrom: '2026-06-01' }, admin));
    const fields = { kind: a.kind, name: 'Đổi tên', units: a.units };
    await assert.rejects(updateAgency(deps, a.id, { ...fields, parentId: a.id }, admin));
    assert.deepEqual(await actions(a.id), ['agency.created'], 'nothing after the creation');
    const before = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'agency.created')
      .execute();
    await assert.rejects(
      createAgency(
        deps,
        { code: b.code, kind: 'commune_committee', name: 'Trùng mã', units: ['06978'] },
        admin,
      ),
    );
    const after = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'agency.created')
      .execute();
    assert.equal(after.length, before.length);
  });
});
