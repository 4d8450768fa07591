import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_DOC, ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const c = loadConfig({}, '/srv/motcua');
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.baseUrl, 'http://localhost:3000');
    assert.equal(c.dataDir, '/srv/motcua/data');
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.logLevel, 'info');
    assert.equal(c.demo, true);
    assert.equal(c.trustProxy, false);
    assert.equal(c.dbPoolMax, 10);
    assert.equal(c.oidc.pkce, true);
    assert.equal(c.sessionIdleMinutes, 30);
    assert.equal(c.sessionAbsoluteHours, 12);
    assert.equal(c.loginThrottleRetentionHours, 24);
    assert.equal(c.sessionRetentionDays, 30);
    assert.equal(c.loginRateLimitMax, 20);
    assert.equal(c.uploadMaxFileMb, 20);
    assert.equal(c.uploadMaxDossierMb, 100);
    assert.equal(c.clamd, undefined, 'no scanning unless CLAMD_HOST is set');
    assert.equal(c.draftRetentionDays, 30);
    assert.equal(c.uploadOrphanHours, 24);
  });

  it('scans with clamd on its default port once CLAMD_HOST is set', () => {
    assert.deepEqual(loadConfig({ CLAMD_HOST: '127.0.0.1' }).clamd, { host: '127.0.0.1', port: 3310 });
  });

  it('reads and converts every variable', () => {
    const c = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        BASE_URL: 'https://dichvucong.example.vn/',
        DATA_DIR: 'var',
        DATABASE_URL: 'postgres://u:p@db:5432/motcua',
        DB_POOL_MAX: '20',
        LOG_LEVEL: 'debug',
        RATE_LIMIT_MAX: '50',
        LOGIN_RATE_LIMIT_MAX: '5',
        COOKIE_SECRET: 'x'.repeat(32),
        TRUST_PROXY: 'true',
        DEMO: '0',
        EMBEDDED_PG_RUNTIME_DIR: '/opt/pg',
        SHUTDOWN_TIMEOUT_MS: '5000',
        NODE_ENV: 'production',
        OIDC_ISSUER: 'https://xacthuc.dichvucong.gov.vn/oauth2/token/',
        OIDC_CLIENT_ID: 'motcua-tinh',
        OIDC_CLIENT_SECRET: 'bi-mat',
        OIDC_PKCE: 'false',
        OIDC_ACR_VALUES: 'LoA1',
        SESSION_IDLE_MINUTES: '15',
        SESSION_ABSOLUTE_HOURS: '8',
        LOGIN_THROTTLE_RETENTION_HOURS: '48',
        SESSION_RETENTION_DAYS: '90',
        UPLOAD_MAX_FILE_MB: '10',
        UPLOAD_MAX_DOSSIER_MB: '50',
        CLAMD_HOST: 'clamav.internal',
        CLAMD_PORT: '3311',
        DRAFT_RETENTION_DAYS: '60',
        UPLOAD_ORPHAN_HOURS: '12',
        DUE_WARNING_WORKING_DAYS: '3',
        SIGNING_DIR: 'keys',
        SIGNING_PASSPHRASE: 'mat-khau-khoa',
        SIGNING_TRUSTED_ROOTS: 'roots/bcy.pem, roots/second.pem',
        POSTAL_URL: 'https://post.example.vn/',
        POSTAL_CUSTOMER_CODE: 'C1',
        POSTAL_SECRET: 's',
        POSTAL_CALLBACK_SECRET: 'c'.repeat(16),
        POSTAL_SANDBOX_STEP_SECONDS: '30',
      },
      '/srv',
    );
    assert.deepEqual(c, {
      port: 8080,
      host: '0.0.0.0',
      baseUrl: 'https://dichvucong.example.vn',
      dataDir: path.resolve('/srv', 'var'),
      databaseUrl: 'postgres://u:p@db:5432/motcua',
      dbPoolMax: 20,
      logLevel: 'debug',
      rateLimitMax: 50,
      loginRateLimitMax: 5,
      cookieSecret: 'x'.repeat(32),
      trustProxy: true,
      demo: false,
      embeddedPgRuntimeDir: '/opt/pg',
      shutdownTimeoutMs: 5000,
      production: true,
      oidc: {
        issuer: 'https://xacthuc.dichvucong.gov.vn/oauth2/token',
        clientId: 'motcua-tinh',
        clientSecret: 'bi-mat',
        pkce: false,
        acrValues: 'LoA1',
      },
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 8,
      loginThrottleRetentionHours: 48,
      sessionRetentionDays: 90,
      uploadMaxFileMb: 10,
      uploadMaxDossierMb: 50,
      clamd: { host: 'clamav.internal', port: 3311 },
      draftRetentionDays: 60,
      uploadOrphanHours: 12,
      dueWarningWorkingDays: 3,
      signing: {
        dir: path.resolve('/srv', 'keys'),
        passphrase: 'mat-khau-khoa',
        trustedRoots: [path.resolve('/srv', 'roots/bcy.pem'), path.resolve('/srv', 'roots/second.pem')],
      },
      postal: {
        url: 'https://post.example.vn',
        customerCode: 'C1',
        secret: 's',
        callbackSecret: 'c'.repeat(16),
        sandboxStepSeconds: 30,
      },
    });
  });

  it('refuses demo mode in production, and allows production without it', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /DEMO.*NODE_ENV=production/s);
    assert.equal(loadConfig({ NODE_ENV: 'production', DEMO: 'false' }).production, true);
  });

  it('treats empty strings as unset', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
  });

  const bad: [string, string][] = [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['BASE_URL', 'localhost:3000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DB_POOL_MAX', '0'],
    ['LOG_LEVEL', 'loud'],
    ['RATE_LIMIT_MAX', '-1'],
    ['LOGIN_RATE_LIMIT_MAX', '0'],
    ['COOKIE_SECRET', 'short'],
    ['TRUST_PROXY', 'yes'],
    ['DEMO', 'maybe'],
    ['SHUTDOWN_TIMEOUT_MS', '1.5'],
    ['UPLOAD_MAX_FILE_MB', '0'],
    ['UPLOAD_MAX_DOSSIER_MB', '2.5'],
    ['CLAMD_PORT', '70000'],
    ['DRAFT_RETENTION_DAYS', '0'],
    ['UPLOAD_ORPHAN_HOURS', 'abc'],
  ];
  for (const [key, value] of bad) {
    it(`rejects ${key}=${value}`, () => {
      assert.throws(
        () => loadConfig({ [key]: value }),
        (e: unknown) =>
          e instanceof ConfigError && e.problems.length === 1 && e.problems[0]!.startsWith(`${key}=`),
      );
    });
  }

  it('lists every bad variable at once, in both languages', () => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
      assert.fail('expected a ConfigError');
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      assert.equal(e.problems.length, 3);
      for (const key of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) assert.match(e.message, new RegExp(`${key}=`));
      assert.match(e.message, /Cấu hình không hợp lệ/);
      assert.match(e.message, /Invalid configuration/);
    }
  });

  it('documents every variable it reads', () => {
    for (const key of Object.keys(CONFIG_DOC))
      assert.ok(CONFIG_DOC[key as keyof typeof CONFIG_DOC].length > 10, key);
  });
});
