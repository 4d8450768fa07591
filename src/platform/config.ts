import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

/**
 * The only reader of the environment. Every variable is listed here with its meaning; the README's
 * configuration table is written from this list. A bad value stops start-up with one message that
 * names every bad variable, not just the first.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanString = Type.Union([
  Type.Literal('true'),
  Type.Literal('false'),
  Type.Literal('1'),
  Type.Literal('0'),
]);

const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  BASE_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/.*)?$' })),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DB_POOL_MAX: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  LOG_LEVEL: Type.Optional(Type.Union(LOG_LEVELS.map((l) => Type.Literal(l)))),
  RATE_LIMIT_MAX: Type.Optional(Type.Integer({ minimum: 1 })),
  LOGIN_RATE_LIMIT_MAX: Type.Optional(Type.Integer({ minimum: 1 })),
  COOKIE_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  TRUST_PROXY: Type.Optional(booleanString),
  DEMO: Type.Optional(booleanString),
  EMBEDDED_PG_RUNTIME_DIR: Type.Optional(Type.String({ minLength: 1 })),
  SHUTDOWN_TIMEOUT_MS: Type.Optional(Type.Integer({ minimum: 0 })),
  NODE_ENV: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/.*)?$' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_PKCE: Type.Optional(booleanString),
  OIDC_ACR_VALUES: Type.Optional(Type.String({ minLength: 1 })),
  SESSION_IDLE_MINUTES: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
  SESSION_ABSOLUTE_HOURS: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
  LOGIN_THROTTLE_RETENTION_HOURS: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760 })),
  SESSION_RETENTION_DAYS: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  UPLOAD_MAX_FILE_MB: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024 })),
  UPLOAD_MAX_DOSSIER_MB: Type.Optional(Type.Integer({ minimum: 1, maximum: 10240 })),
  CLAMD_HOST: Type.Optional(Type.String({ minLength: 1 })),
  CLAMD_PORT: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  DRAFT_RETENTION_DAYS: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  UPLOAD_ORPHAN_HOURS: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760 })),
  DUE_WARNING_WORKING_DAYS: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  POSTAL_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/.*)?$' })),
  POSTAL_CUSTOMER_CODE: Type.Optional(Type.String({ minLength: 1 })),
  POSTAL_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  POSTAL_CALLBACK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  POSTAL_SANDBOX_STEP_SECONDS: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
  SIGNING_DIR: Type.Optional(Type.String({ minLength: 1 })),
  SIGNING_PASSPHRASE: Type.Optional(Type.String({ minLength: 1 })),
  SIGNING_TRUSTED_ROOTS: Type.Optional(Type.String({ minLength: 1 })),
});

/** What each variable means, for error messages and the README. */
export const CONFIG_DOC: Record<keyof Static<typeof EnvSchema>, string> = {
  PORT: 'HTTP port (0 = any free port). Default 3000.',
  HOST: 'Address to listen on. Default 127.0.0.1; use 0.0.0.0 behind a reverse proxy.',
  BASE_URL: 'Public URL of the portal, used in links, QR codes and e-mails. Default http://localhost:PORT.',
  DATA_DIR:
    'Folder for the embedded PostgreSQL cluster (pg/), the file store (files/) and secrets. Default ./data.',
  DATABASE_URL:
    'PostgreSQL ≥ 15 to use instead of the embedded server, e.g. postgres://user:pass@host:5432/motcua.',
  DB_POOL_MAX: 'Maximum connections in the pool of each process. Default 10.',
  LOG_LEVEL: `One of ${LOG_LEVELS.join(', ')}. Default info.`,
  RATE_LIMIT_MAX: 'Requests per minute allowed from one client address. Default 300.',
  LOGIN_RATE_LIMIT_MAX:
    'Officer login attempts (password, TOTP code, enrolment) per minute from one client address, on top of the per-username lockout. Default 20.',
  COOKIE_SECRET:
    'Secret (≥ 32 characters) that signs cookies. Default: generated once into DATA_DIR/secret.key.',
  TRUST_PROXY: 'true when motcua runs behind a reverse proxy that sets X-Forwarded-For. Default false.',
  DEMO: '`motcua start` loads the demo data and prints the demo accounts unless this is false. Default true.',
  EMBEDDED_PG_RUNTIME_DIR:
    'Only when run as root: where the embedded server binaries (and unreachable clusters) are kept for the postgres user. Default /var/lib/motcua.',
  SHUTDOWN_TIMEOUT_MS: 'How long a graceful shutdown waits for requests and jobs to finish. Default 30000.',
  NODE_ENV:
    'production forbids demo mode: with NODE_ENV=production and DEMO not false, start-up stops (demo accounts and sandboxes must never reach a real deployment).',
  OIDC_ISSUER:
    "Issuer URL of the citizens' single sign-on (the national portal's SSO or VNeID), e.g. https://xacthuc.dichvucong.gov.vn/oauth2/token. Default in demo mode: the built-in VNeID sandbox at BASE_URL/vneid-sandbox.",
  OIDC_CLIENT_ID: 'Client id motcua is registered with at the SSO. Default in demo mode: motcua-demo.',
  OIDC_CLIENT_SECRET:
    'Client secret for the SSO (client_secret_basic). Default in demo mode: a secret derived from DATA_DIR/secret.key.',
  OIDC_PKCE:
    'Send PKCE (S256) in the authorization-code flow. Default true; set false if the SSO rejects it.',
  OIDC_ACR_VALUES: 'acr_values sent to the SSO (the national portal uses LoA1). Default: none sent.',
  SESSION_IDLE_MINUTES: 'A session ends after this many minutes without a request. Default 30.',
  SESSION_ABSOLUTE_HOURS: 'A session ends this many hours after login, whatever happens. Default 12.',
  LOGIN_THROTTLE_RETENTION_HOURS:
    'The nightly clean-up forgets failed-login counts of unknown usernames whose lock is over and whose last failure is older than this. Default 24.',
  SESSION_RETENTION_DAYS:
    'The nightly clean-up deletes sessions ended or expired more than this many days ago (logins and logouts stay in the audit log). Default 30.',
  UPLOAD_MAX_FILE_MB: 'Largest attachment accepted, in MB (1 MB = 1,048,576 bytes). Default 20.',
  UPLOAD_MAX_DOSSIER_MB: 'Largest total of the attachments of one dossier (or draft), in MB. Default 100.',
  CLAMD_HOST:
    'Host of a ClamAV daemon (clamd) that scans every attachment over TCP (INSTREAM). Default: unset, attachments are not scanned.',
  CLAMD_PORT: 'TCP port of clamd, used when CLAMD_HOST is set. Default 3310.',
  DRAFT_RETENTION_DAYS:
    "The nightly clean-up deletes citizens' draft dossiers not changed for this many days, with their uploads. Default 30.",
  UPLOAD_ORPHAN_HOURS:
    'The nightly clean-up deletes uploads never attached to a dossier once they are this old and their draft is gone. Default 24.',
  SIGNING_DIR:
    "Directory of the agencies' signing keys: one PKCS#12 file per agency, named by its agency code ({code}.p12). Never in the database. Default DATA_DIR/signing; in demo mode a demo root CA and one certificate per agency are created there at first start.",
  SIGNING_PASSPHRASE:
    "Passphrase of the agencies' P12 files (a file {code}.passphrase beside a P12 overrides it for that agency). Default in demo mode: derived from DATA_DIR/secret.key.",
  SIGNING_TRUSTED_ROOTS:
    'PEM file(s) of the root certificates whose signatures the verifier accepts, separated by commas (e.g. the national root CA of Ban Cơ yếu Chính phủ). The demo root is added in demo mode.',
  DUE_WARNING_WORKING_DAYS:
    'How many working days before a step or a dossier is due its officer and the one-stop centre are warned and the apology letter is drafted. Default 2 (the approved letter must go out at least one working day before the due time).',
  POSTAL_URL:
    'Base URL of the postal service (VNPost-style API: /api/token, /api/orders) that carries results returned by post (bưu chính công ích). Default in demo mode: the built-in postal sandbox at BASE_URL/postal-sandbox; outside demo mode, unset means return by post is unavailable.',
  POSTAL_CUSTOMER_CODE:
    'Customer code (CustomerCode) motcua holds at the postal service. Default in demo mode: MOTCUA-DEMO.',
  POSTAL_SECRET:
    'Secret that goes with the customer code to obtain an access token. Default in demo mode: a secret derived from DATA_DIR/secret.key.',
  POSTAL_CALLBACK_SECRET:
    'Shared secret (≥ 16 characters) with which the postal service signs its tracking callbacks to BASE_URL/api/v1/postal/callback (HMAC-SHA256, header X-Postal-Signature). Default in demo mode: a secret derived from DATA_DIR/secret.key.',
  POSTAL_SANDBOX_STEP_SECONDS:
    'Demo mode only: how many seconds the postal sandbox waits before moving an order to its next state (accepted → in transit → delivered). Default 60.',
};

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  logLevel: (typeof LOG_LEVELS)[number];
  rateLimitMax: number;
  /** Login attempts per minute from one address (officer password, TOTP and enrolment steps). */
  loginRateLimitMax: number;
  cookieSecret: string | undefined;
  trustProxy: boolean;
  demo: boolean;
  embeddedPgRuntimeDir: string;
  shutdownTimeoutMs: number;
  production: boolean;
  oidc: {
    /** Undefined outside demo mode when no SSO is configured: citizen login is then unavailable. */
    issuer: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    pkce: boolean;
    acrValues: string | undefined;
  };
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginThrottleRetentionHours: number;
  sessionRetentionDays: number;
  uploadMaxFileMb: number;
  uploadMaxDossierMb: number;
  /** Undefined when CLAMD_HOST is unset: attachments are then stored as not scanned. */
  clamd: { host: string; port: number } | undefined;
  draftRetentionDays: number;
  dueWarningWorkingDays: number;
  signing: { dir: string; passphrase: string | undefined; trustedRoots: string[] };
  uploadOrphanHours: number;
  /** Return by post (POSTAL_*): undefined fields fall back to the sandbox in demo mode (results/postal). */
  postal: {
    url: string | undefined;
    customerCode: string | undefined;
    secret: string | undefined;
    callbackSecret: string | undefined;
    sandboxStepSeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Xem bảng cấu hình trong README.md / See the configuration table in README.md.',
    );
    this.name = 'ConfigError';
  }
}

const toBool = (v: string | undefined, fallback: boolean) =>
  v === undefined ? fallback : v === 'true' || v === '1';

/** Integers are written as digits only: "1.5" or "8080abc" must fail, not be truncated. */
function convertIntegers(raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(raw)) {
    const schema = EnvSchema.properties[key as keyof typeof EnvSchema.properties] as { type?: string };
    if (schema.type === 'integer' && /^-?\d+$/.test(value)) out[key] = Number(value);
  }
  return out;
}

/** Reads and validates configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = convertIntegers(raw);
  const problems = Object.keys(EnvSchema.properties).flatMap((key) => {
    const errors = [...Value.Errors(EnvSchema, converted)].filter((e) => e.instancePath === `/${key}`);
    if (errors.length === 0) return [];
    const property = EnvSchema.properties[key as keyof typeof EnvSchema.properties] as {
      anyOf?: { const: string }[];
    };
    const reason = property.anyOf
      ? `must be one of ${property.anyOf.map((a) => a.const).join(', ')}`
      : (errors[0]?.message ?? 'is not valid');
    return [`${key}=${JSON.stringify(raw[key])}: ${reason}. ${CONFIG_DOC[key as keyof typeof CONFIG_DOC]}`];
  });
  const e = converted as Static<typeof EnvSchema>;
  const production = e.NODE_ENV === 'production';
  if (production && toBool(e.DEMO, true)) {
    problems.push(
      'DEMO: chế độ demo bị cấm khi NODE_ENV=production; đặt DEMO=false / demo mode is refused when NODE_ENV=production; set DEMO=false.',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const port = e.PORT ?? 3000;
  return {
    port,
    host: e.HOST ?? '127.0.0.1',
    baseUrl: (e.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir: path.resolve(cwd, e.DATA_DIR ?? 'data'),
    databaseUrl: e.DATABASE_URL,
    dbPoolMax: e.DB_POOL_MAX ?? 10,
    logLevel: e.LOG_LEVEL ?? 'info',
    rateLimitMax: e.RATE_LIMIT_MAX ?? 300,
    loginRateLimitMax: e.LOGIN_RATE_LIMIT_MAX ?? 20,
    cookieSecret: e.COOKIE_SECRET,
    trustProxy: toBool(e.TRUST_PROXY, false),
    demo: toBool(e.DEMO, true),
    embeddedPgRuntimeDir: e.EMBEDDED_PG_RUNTIME_DIR ?? '/var/lib/motcua',
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS ?? 30_000,
    production,
    oidc: {
      issuer: e.OIDC_ISSUER?.replace(/\/$/, ''),
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      pkce: toBool(e.OIDC_PKCE, true),
      acrValues: e.OIDC_ACR_VALUES,
    },
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES ?? 30,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS ?? 12,
    loginThrottleRetentionHours: e.LOGIN_THROTTLE_RETENTION_HOURS ?? 24,
    sessionRetentionDays: e.SESSION_RETENTION_DAYS ?? 30,
    uploadMaxFileMb: e.UPLOAD_MAX_FILE_MB ?? 20,
    uploadMaxDossierMb: e.UPLOAD_MAX_DOSSIER_MB ?? 100,
    clamd: e.CLAMD_HOST ? { host: e.CLAMD_HOST, port: e.CLAMD_PORT ?? 3310 } : undefined,
    draftRetentionDays: e.DRAFT_RETENTION_DAYS ?? 30,
    uploadOrphanHours: e.UPLOAD_ORPHAN_HOURS ?? 24,
    dueWarningWorkingDays: e.DUE_WARNING_WORKING_DAYS ?? 2,
    postal: {
      url: e.POSTAL_URL?.replace(/\/$/, ''),
      customerCode: e.POSTAL_CUSTOMER_CODE,
      secret: e.POSTAL_SECRET,
      callbackSecret: e.POSTAL_CALLBACK_SECRET,
      sandboxStepSeconds: e.POSTAL_SANDBOX_STEP_SECONDS ?? 60,
    },
    signing: {
      dir: path.resolve(cwd, e.SIGNING_DIR ?? path.join(e.DATA_DIR ?? 'data', 'signing')),
      passphrase: e.SIGNING_PASSPHRASE,
      trustedRoots: (e.SIGNING_TRUSTED_ROOTS ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
        .map((f) => path.resolve(cwd, f)),
    },
  };
}
