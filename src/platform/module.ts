import type pg from 'pg';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { FileStore } from './files/file-store.js';
import type { App } from './http/app-type.js';
import type { JobDefinition, Jobs } from './jobs.js';
import type { Logger } from './logger.js';

/** What every module is given by the composition root (src/app.ts). */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  pool: pg.Pool;
  jobs: Jobs;
  files: FileStore;
  clock: Clock;
  /** The server secret (COOKIE_SECRET or DATA_DIR/secret.key): signs cookies, derives encryption keys. */
  serverSecret: string;
}

/** A person the demo seed creates, printed at start so anyone can log in and look around. */
export interface DemoAccount {
  role: string;
  login: string;
  password?: string;
  note?: string;
  /** The agency the account works in (officers). */
  agency?: string;
  /** Base32 TOTP secret of a demo officer whose role needs a second factor (published: demo only). */
  totpSecret?: string;
}

/**
 * A module as the composition root sees it: its jobs, its routes and its part of the demo data.
 * Modules list themselves in src/app.ts in the dependency order of ARCHITECTURE.md §4.2.
 */
export interface AppModule {
  name: string;
  jobs?(ctx: AppContext): JobDefinition[];
  routes?(app: App, ctx: AppContext): Promise<void> | void;
  /** Idempotent: running it twice leaves the same data. Returns the accounts it made. */
  demoSeed?(ctx: AppContext): Promise<DemoAccount[]>;
}
