import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type { BenchRow } from './table.js';

export interface LoadOptions {
  seconds: number;
  connections: number;
}

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  baseline?: string;
  note?: string;
}

/** autocannon against one URL on 127.0.0.1: a 1 s warm-up, then the measured run. */
export async function load(target: Target, opts: LoadOptions): Promise<BenchRow> {
  const base = { url: target.url, connections: opts.connections, headers: target.headers ?? {}, timeout: 10 };
  await autocannon({ ...base, duration: 1 });
  const r = await autocannon({ ...base, duration: opts.seconds });
  const failures = r.non2xx + r.errors + r.timeouts;
  const notes = [target.note, failures > 0 ? `${failures} non-2xx/errors/timeouts of ${r.requests.sent}` : '']
    .filter(Boolean)
    .join('; ');
  return {
    name: target.name,
    value: r['2xx'] / r.duration,
    unit: 'req/s',
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    ...(target.baseline ? { baseline: target.baseline } : {}),
    ...(notes ? { note: notes } : {}),
  };
}

/**
 * A child Node process running a TypeScript file through tsx, its stderr kept for error messages.
 * stdout is either read (`pipe`) or thrown away (`ignore`: motcua's request logs go to /dev/null).
 */
export function spawnTs(root: string, args: string[], env: NodeJS.ProcessEnv, stdout: 'pipe' | 'ignore') {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', stdout, 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  return { child, stderr: () => stderr };
}

/** Waits for the first stdout line that parses as JSON with a port (bench/bare-fastify.ts prints one). */
export async function portFromStdout(child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  if (!child.stdout) throw new Error('child has no stdout');
  const lines = createInterface({ input: child.stdout });
  const timer = setTimeout(() => lines.close(), timeoutMs);
  try {
    for await (const line of lines) {
      try {
        const port = (JSON.parse(line) as { port?: unknown }).port;
        if (typeof port === 'number') return port;
      } catch {
        // not our line
      }
    }
  } finally {
    clearTimeout(timer);
    child.stdout.resume(); // keep draining, so later output never blocks the child
  }
  throw new Error('the child process exited or timed out before printing its port');
}

/** Polls a URL until it answers 200 (motcua's /readyz: database up, migrations applied). */
export async function waitFor200(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the process exited with ${child.exitCode} before ${url} answered`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) return;
      last = `${r.status} ${(await r.text()).slice(0, 300)}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
