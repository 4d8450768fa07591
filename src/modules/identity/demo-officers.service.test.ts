import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import type { AppContext } from '../../platform/module.js';
import { formatDemoAccounts } from '../../platform/seed.js';
import { seedDemoAgencies } from '../admin-units/index.js';
import { DEMO_OFFICER_PASSWORD, DEMO_OFFICERS, seedDemoOfficers } from './demo-officers.js';
import { verifyPassword } from './passwords.js';
import { open, secretBoxKey } from './secret-box.js';
import { totpCode } from './totp.js';

describe('demo officers', async () => {
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
  const ctx = {
    db: database.db,
    clock: systemClock,
    config,
    serverSecret: 'demo-test-secret-demo-test-secret-0123',
  };
  // The agencies' seed reads only the database and the clock.
  await seedDemoAgencies(ctx as unknown as AppContext);

  it('creates one officer per role (and a second one-stop officer elsewhere), idempotently', async () => {
    const first = await seedDemoOfficers(ctx);
    const second = await seedDemoOfficers(ctx);
    assert.deepEqual(second, first);
    const rows = await ctx.db
      .selectFrom('officers as o')
      .innerJoin('officer_roles as r', 'r.officer_id', 'o.id')
      .innerJoin('agencies as a', 'a.id', 'r.agency_id')
      .select([
        'o.username',
        'r.role',
        'a.name',
        'o.password_hash',
        'o.totp_secret_enc',
        'o.must_change_password',
      ])
      .execute();
    assert.equal(rows.length, DEMO_OFFICERS.length);
    const roles = new Set(rows.map((r) => r.role));
    assert.equal(roles.size, 9, 'every role');
    const oneStop = rows.filter((r) => r.role === 'one_stop').map((r) => r.name);
    assert.equal(new Set(oneStop).size, 2, 'one-stop officers in two communes');
    const leader = rows.find((r) => r.username === 'motcua.lanhdao')!;
    assert.ok(await verifyPassword(leader.password_hash, DEMO_OFFICER_PASSWORD));
    assert.equal(leader.must_change_password, false);
    const secret = open(secretBoxKey(ctx.serverSecret), leader.totp_secret_enc!);
    assert.equal(secret, first.find((a) => a.login === 'motcua.lanhdao')?.totpSecret);
    assert.match(totpCode(secret, new Date()), /^\d{6}$/);
    for (const role of ['agency_leader', 'agency_admin', 'system_admin']) {
      assert.ok(rows.find((r) => r.role === role)?.totp_secret_enc, `${role} has a sealed TOTP secret`);
    }
    assert.equal(rows.find((r) => r.role === 'clerk')?.totp_secret_enc, null);
  });

  it('prints role, agency, username, password and TOTP secret', async () => {
    const text = formatDemoAccounts(await seedDemoOfficers(ctx), 'http://localhost:3000');
    assert.match(
      text,
      /system_admin\s+motcua\.hethong\s+mật khẩu\/password: MotCua@Demo2026\s+TOTP: QCDOONVEM6KY77ZKSNAD5ZDCI4HLUWTC\s+\[Ủy ban nhân dân tỉnh Quảng Ninh\]/,
    );
  });

  it('refuses to run in production', async () => {
    await assert.rejects(seedDemoOfficers({ ...ctx, config: { ...config, production: true } }), /production/);
  });
});
