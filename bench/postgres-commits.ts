import pg from 'pg';
import type { BenchRow } from './table.js';

/**
 * The physical limit of the database side: single-row INSERTs, each its own transaction, committed
 * durably (synchronous_commit = on, fsync = on), through the same `pg` driver motcua uses. With one
 * connection this is one WAL flush per commit; with several, PostgreSQL's group commit shares flushes.
 */
export interface CommitsOptions {
  url: string;
  seconds: number;
  connections: number[];
}

export interface ServerFacts {
  version: string;
  synchronousCommit: string;
  fsync: string;
}

const TABLE = 'bench_commits';
const INSERT = { name: 'bench-insert', text: `INSERT INTO ${TABLE} (payload) VALUES ($1)` };
const PAYLOAD = 'một cửa '.repeat(12);

export async function serverFacts(url: string): Promise<ServerFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql: string) => String((await client.query(sql)).rows[0]?.value ?? '');
    return {
      version: await one('SELECT version() AS value'),
      synchronousCommit: await one("SELECT current_setting('synchronous_commit') AS value"),
      fsync: await one("SELECT current_setting('fsync') AS value"),
    };
  } finally {
    await client.end();
  }
}

async function prepareTable(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await client.query(
      `CREATE TABLE ${TABLE} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
  } finally {
    await client.end();
  }
}

/** Runs `connections` clients inserting as fast as they can until `until`; returns commits and latencies. */
async function insertUntil(url: string, connections: number, until: number) {
  const latencies: number[] = [];
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: url, application_name: 'motcua-bench' });
      await client.connect();
      await client.query("SET synchronous_commit = 'on'");
      return client;
    }),
  );
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < until) {
          const t0 = performance.now();
          await client.query({ ...INSERT, values: [PAYLOAD] });
          latencies.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return latencies;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

export async function benchCommits(opts: CommitsOptions): Promise<BenchRow[]> {
  await prepareTable(opts.url);
  const rows: BenchRow[] = [];
  for (const connections of opts.connections) {
    await insertUntil(opts.url, connections, Date.now() + 500); // warm-up, not counted
    const started = performance.now();
    const latencies = await insertUntil(opts.url, connections, Date.now() + opts.seconds * 1000);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    rows.push({
      name: `PostgreSQL INSERT commit, ${connections} conn`,
      value: latencies.length / elapsed,
      unit: 'commits/s',
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      note: `${latencies.length} commits in ${elapsed.toFixed(1)} s`,
    });
  }
  return rows;
}
