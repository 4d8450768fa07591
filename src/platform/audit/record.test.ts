/**
 * The audit log's append side against the real database: the content hash recordAudit writes is the
 * one recomputed from the stored row (timestamptz, jsonb, inet and uuid as they come back), and the
 * canonical forms the hash relies on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import { actorKey, auditActorFields, auditActorOf, systemActor } from './actor.js';
import { canonicalJson, contentHash } from './hash.js';
import { canonicalIp, recordAudit } from './record.js';

const { db } = await createTestDatabase();

describe('recordAudit', () => {
  it('writes the content hash that the stored row recomputes to', async () => {
    const id = await recordAudit(
      db,
      {
        actorKind: 'officer',
        actorId: 'o-1',
        actorLabel: 'motcua.thanhtra',
        agencyId: '0192F0A1-7C2B-7D3E-8F40-123456789ABC',
        action: 'test.content',
        objectType: 'agency',
        objectId: 'a-1',
        details: { z: 1, a: { when: new Date('2026-11-02T09:30:00.123Z'), none: undefined } },
        ip: '::ffff:203.113.7.9',
      },
      new Date(Date.parse('2026-11-02T02:00:00.000Z') + 0.6),
    );
    const row = await db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.ip, '203.113.7.9');
    assert.equal(row.agency_id, '0192f0a1-7c2b-7d3e-8f40-123456789abc');
    assert.equal(row.entry_hash, null, 'chained later by the linker, not here');
    const recomputed = contentHash({
      id: row.id,
      at: row.at,
      actorKind: row.actor_kind,
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      agencyId: row.agency_id,
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      details: row.details,
      ip: row.ip,
    });
    assert.deepEqual(row.content_hash, recomputed);
  });

  it('writes nothing when the transaction it joined rolls back', async () => {
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actorKind: 'system', action: 'test.rolled_back' }, new Date());
        throw new Error('rolled back on purpose');
      }),
      /rolled back on purpose/,
    );
    const rows = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.rolled_back')
      .execute();
    assert.equal(rows.length, 0);
  });
});

describe('canonical forms', () => {
  it('prints addresses as inet does, and drops what is not an address', async () => {
    assert.equal(await canonicalIp(db, '::FFFF:192.168.1.20'), '192.168.1.20');
    assert.equal(await canonicalIp(db, '2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
    assert.equal(await canonicalIp(db, 'not-an-address'), null);
    assert.equal(await canonicalIp(db, null), null);
  });

  it('sorts object keys at every depth and leaves arrays in order', () => {
    assert.equal(
      canonicalJson({ b: [2, 1], a: { d: 1, c: undefined, b: null } }),
      '{"a":{"b":null,"d":1},"b":[2,1]}',
    );
  });
});

describe('audit actors', () => {
  it('names an officer by username, a token by name, and keys them for history tables', () => {
    const grants: never[] = [];
    const officer = auditActorOf(
      { kind: 'officer', id: 'o-1', sessionId: 's', username: 'motcua.quantri', name: 'Trần Văn An', grants },
      '10.0.0.1',
    );
    assert.deepEqual(officer, { kind: 'officer', id: 'o-1', label: 'motcua.quantri', ip: '10.0.0.1' });
    assert.equal(actorKey(officer), 'o-1');
    const token = auditActorOf({ kind: 'token', id: 't-1', name: 'Cổng DVC', scopes: [] });
    assert.equal(actorKey(token), 'token:t-1');
    assert.deepEqual(auditActorFields(token), {
      actorKind: 'token',
      actorId: 't-1',
      actorLabel: 'Cổng DVC',
      ip: null,
    });
    assert.equal(actorKey(auditActorOf(null)), 'unknown');
    assert.equal(actorKey(systemActor('demo-seed')), 'system:demo-seed');
  });
});
