import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/database.js';
import { fixedClock } from '../../../platform/clock.js';
import { sandboxStoreAdapter } from './sandbox-adapter.js';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-12-04T10:00:00Z');
const adapterFor = sandboxStoreAdapter(db, clock);
const epoch = () => Math.floor(clock.now().getTime() / 1000);

function rows(model: string) {
  return db
    .selectFrom('oidc_sandbox_store')
    .select(['id', 'grant_id', 'uid', 'user_code', 'expires_at', 'consumed_at'])
    .where('model', '=', model)
    .orderBy('id')
    .execute();
}

describe('VNeID sandbox store adapter (PostgreSQL)', () => {
  it('stores a payload, finds it by id within its model only, and replaces it on upsert', async () => {
    const grants = adapterFor('Grant');
    const payload = {
      jti: 'grant-1',
      kind: 'Grant',
      accountId: 'sub-an',
      clientId: 'motcua-demo',
      openid: { scope: 'openid', claims: ['sub', 'HoVaTen'] },
      exp: epoch() + 3600,
      iat: epoch(),
    };
    await grants.upsert('grant-1', payload, 3600);
    assert.deepEqual(await grants.find('grant-1'), payload);
    assert.equal(await adapterFor('Session').find('grant-1'), undefined, 'models do not see each other');
    assert.equal(await grants.find('grant-2'), undefined);

    const changed = { ...payload, openid: { scope: 'openid', claims: ['sub'] } };
    await grants.upsert('grant-1', changed, 7200);
    assert.deepEqual(await grants.find('grant-1'), changed);
    const [row] = await rows('Grant');
    assert.equal(row?.expires_at?.toISOString(), '2026-12-04T12:00:00.000Z', 'expiry from the last upsert');
  });

  it('marks a code consumed: later finds carry `consumed`, and the first consumption time stays', async () => {
    const codes = adapterFor('AuthorizationCode');
    await codes.upsert('code-1', { jti: 'code-1', kind: 'AuthorizationCode', grantId: 'g-1' }, 120);
    assert.equal((await codes.find('code-1'))?.consumed, undefined);
    await codes.consume('code-1');
    const first = epoch();
    assert.equal((await codes.find('code-1'))?.consumed, first);
    clock.advance(30_000);
    await codes.consume('code-1');
    assert.equal((await codes.find('code-1'))?.consumed, first, 'consuming again changes nothing');

    // A new upsert of the same id is a new instance: not consumed.
    await codes.upsert('code-1', { jti: 'code-1', kind: 'AuthorizationCode', grantId: 'g-1' }, 120);
    assert.equal((await codes.find('code-1'))?.consumed, undefined);
  });

  it('destroys an instance', async () => {
    const interactions = adapterFor('Interaction');
    await interactions.upsert('int-1', { jti: 'int-1', kind: 'Interaction', uid: 'int-1' }, 900);
    await interactions.upsert('int-2', { jti: 'int-2', kind: 'Interaction', uid: 'int-2' }, 900);
    await interactions.destroy('int-1');
    assert.equal(await interactions.find('int-1'), undefined);
    assert.ok(await interactions.find('int-2'), 'the other one stays');
    await interactions.destroy('never-stored');
  });

  it('finds a session by its uid (the newest while its id rotates) and a device code by user code', async () => {
    const sessions = adapterFor('Session');
    await sessions.upsert('cookie-1', { jti: 'cookie-1', kind: 'Session', uid: 'uid-A', account: 'x' }, 600);
    await sessions.upsert('cookie-2', { jti: 'cookie-2', kind: 'Session', uid: 'uid-A', account: 'x' }, 900);
    assert.equal((await sessions.findByUid('uid-A'))?.jti, 'cookie-2');
    await sessions.destroy('cookie-2');
    assert.equal((await sessions.findByUid('uid-A'))?.jti, 'cookie-1');
    assert.equal(await sessions.findByUid('uid-B'), undefined);
    // An interaction carries a session uid too, but only the Session model is looked up by it.
    await adapterFor('Interaction').upsert('int-9', { jti: 'int-9', uid: 'uid-C' }, 900);
    assert.equal(await sessions.findByUid('uid-C'), undefined);

    const devices = adapterFor('DeviceCode');
    await devices.upsert('dc-1', { jti: 'dc-1', kind: 'DeviceCode', userCode: 'WDJB-MJHT' }, 600);
    assert.equal((await devices.findByUserCode('WDJB-MJHT'))?.jti, 'dc-1');
    assert.equal(await devices.findByUserCode('XXXX-XXXX'), undefined);
  });

  it('revokes by grant: every instance of that model issued under the grant, nothing else', async () => {
    const tokens = adapterFor('AccessToken');
    const codes = adapterFor('AuthorizationCode');
    await tokens.upsert('at-1', { jti: 'at-1', grantId: 'grant-X' }, 600);
    await tokens.upsert('at-2', { jti: 'at-2', grantId: 'grant-X' }, 600);
    await tokens.upsert('at-3', { jti: 'at-3', grantId: 'grant-Y' }, 600);
    await codes.upsert('ac-1', { jti: 'ac-1', grantId: 'grant-X' }, 120);

    await tokens.revokeByGrantId('grant-X');
    assert.equal(await tokens.find('at-1'), undefined);
    assert.equal(await tokens.find('at-2'), undefined);
    assert.equal((await tokens.find('at-3'))?.grantId, 'grant-Y');
    // oidc-provider calls revokeByGrantId on each model's adapter in turn.
    assert.ok(await codes.find('ac-1'));
    await codes.revokeByGrantId('grant-X');
    assert.equal(await codes.find('ac-1'), undefined);
  });

  it('answers nothing once an instance has expired; one stored without expiry stays', async () => {
    const replay = adapterFor('ReplayDetection');
    await replay.upsert('r-1', { jti: 'r-1' }, 60);
    await replay.upsert('r-forever', { jti: 'r-forever' });
    const sessions = adapterFor('Session');
    await sessions.upsert('s-exp', { jti: 's-exp', uid: 'uid-exp' }, 60);
    clock.advance(59_000);
    assert.ok(await replay.find('r-1'));
    assert.ok(await sessions.findByUid('uid-exp'));
    clock.advance(1_000);
    assert.equal(await replay.find('r-1'), undefined, 'gone at its expiry');
    assert.equal(await sessions.findByUid('uid-exp'), undefined);
    assert.ok(await replay.find('r-forever'));
    const stored = await rows('ReplayDetection');
    assert.equal(stored.find((r) => r.id === 'r-forever')?.expires_at, null);
  });

  it('shares its state with another adapter on the same database (another web process)', async () => {
    const elsewhere = sandboxStoreAdapter(db, clock)('Session');
    await adapterFor('Session').upsert('shared-1', { jti: 'shared-1', uid: 'uid-shared' }, 600);
    assert.equal((await elsewhere.findByUid('uid-shared'))?.jti, 'shared-1');
    await elsewhere.destroy('shared-1');
    assert.equal(await adapterFor('Session').find('shared-1'), undefined);
  });

  it('answers nothing, without a database error, for keys no instance can have', async () => {
    const codes = adapterFor('AuthorizationCode');
    assert.equal(await codes.find(''), undefined);
    assert.equal(await codes.find('abc\u0000def'), undefined);
    assert.equal(await codes.find(undefined as unknown as string), undefined);
    assert.equal(await adapterFor('Session').findByUid(undefined as unknown as string), undefined);
  });

  it('keeps the lookup columns beside the payload', async () => {
    await adapterFor('RefreshToken').upsert(
      'rt-1',
      { jti: 'rt-1', grantId: 'grant-Z', uid: 'uid-Z', userCode: '' },
      600,
    );
    const [row] = await rows('RefreshToken');
    assert.equal(row?.grant_id, 'grant-Z');
    assert.equal(row?.uid, 'uid-Z');
    assert.equal(row?.user_code, null, 'an empty value is not an index entry');
    assert.equal(row?.consumed_at, null);
  });
});
