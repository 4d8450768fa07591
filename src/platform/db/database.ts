import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded.js';
import type { DB } from './schema.js';

// bigint (int8) and numeric come back as strings by default; money is integer VND and fits a
// JS number exactly up to 2^53, so read int8 as number and fail loudly beyond that.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${v} exceeds Number.MAX_SAFE_INTEGER`);
  return n;
});

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  url: string;
  embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  log?: (msg: string) => void;
  onPoolError?: (err: Error) => void;
  applicationName?: string;
  /** Tests only: embedded server without fsync. */
  unsafeFast?: boolean;
}

/** Connects to DATABASE_URL, or starts/attaches to the embedded server in DATA_DIR. */
export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      runtimeDir: config.embeddedPgRuntimeDir,
      log: opts.log,
      unsafeFast: opts.unsafeFast,
    });
    url = embedded.urlFor('motcua');
  }
  const pool = createPool(url, config.dbPoolMax, opts.applicationName ?? 'motcua', opts.onPoolError);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const server = embedded;
  return {
    db,
    pool,
    url,
    embedded: server,
    close: async () => {
      await db.destroy();
      await server?.release();
    },
  };
}

export function createPool(
  url: string,
  max: number,
  applicationName: string,
  onError: (err: Error) => void = () => {},
): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: applicationName });
  // An idle client losing its connection (a server restart) must not crash the process; the next
  // query reconnects. It is logged where a logger is given.
  pool.on('error', onError);
  return pool;
}
