/**
 * Issue: "a crash (kill -9) in the middle of a burst of uploads, then every acknowledged dossier and
 * file present and intact". A real `src/main.ts serve` process on this file's own database and a
 * temporary DATA_DIR takes a burst of concurrent submissions with attachments; it is killed with
 * SIGKILL mid-burst; then every answer it gave (201) must be true: the dossier with its components in
 * the database, each file's row and its bytes in the store, hashing to the acknowledged sha256, and no
 * half-written file outside DATA_DIR/files/tmp/.
 *
 * The files go over HTTP (POST /api/v1/dossiers/{id}/attachments, the desk filing for the citizen)
 * when that route is registered; otherwise a citizen's uploads are stored in this process into a
 * draft and the server acknowledges the dossier that takes them (the server then writes no bytes,
 * so only the rows are tested against the crash).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../../test/database.js';
import { onlineBody, seedIntakeWorld } from '../../../test/factories-dossiers.js';
import { sessionCookie } from '../../../test/factories-identity.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { freePort } from '../../platform/db/embedded.js';
import { LocalFileStore } from '../../platform/files/local-file-store.js';
import { newId } from '../../platform/ids.js';
import { storeUpload } from './attachments/index.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const database = await createTestDatabase();
const world = await seedIntakeWorld(database.db);
const deskCookie = await sessionCookie(database.db, { officerId: world.desk.id });
const citizenCookie = await sessionCookie(database.db, { citizenId: world.citizen.id });
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-crash-'));
const filesRoot = path.join(dataDir, 'files');
let child: ChildProcess | undefined;
after(async () => {
  child?.kill('SIGKILL');
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Distinct bytes per file (64 KB): a PDF the type check accepts. */
function pdf(tag: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<<>>endobj\n`);
  const pad = Buffer.alloc(64 * 1024, `% ${tag} padding\n`);
  return Buffer.concat([head, pad, Buffer.from('\ntrailer<<>>\n%%EOF\n')]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function startServer() {
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '1000000000',
      LOG_LEVEL: 'warn',
      BASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-3000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited: ${stderr}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return base;
    await sleep(200);
  }
  throw new Error(`serve did not become ready: ${stderr}`);
}

interface Acks {
  dossiers: { id: string; code: string }[];
  files: { id: string; sha256: string; dossierId: string }[];
}

async function created(res: Response) {
  if (res.status !== 201) return null;
  return res.json() as Promise<Record<string, unknown>>;
}

/** The desk files a dossier for the citizen, then attaches a file to components 0 and 1, over HTTP. */
async function httpSubmission(base: string, n: number, acks: Acks) {
  const headers = { cookie: deskCookie, 'idempotency-key': `crash-${n}-dossier` };
  const d = await created(
    await fetch(`${base}/api/v1/dossiers`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(onlineBody({ channel: 2 })),
    }),
  );
  if (!d) return;
  acks.dossiers.push({ id: String(d.id), code: String(d.code) });
  for (const position of [0, 1]) {
    const bytes = pdf(`${n}-${position}`);
    const form = new FormData();
    form.set('componentId', String(position));
    form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `tep-${position}.pdf`);
    const out = await created(
      await fetch(`${base}/api/v1/dossiers/${d.id}/attachments`, {
        method: 'POST',
        headers: { cookie: deskCookie, 'idempotency-key': `crash-${n}-file-${position}` },
        body: form,
      }),
    );
    const file = (out?.files as { id: string; sha256: string }[] | undefined)?.[0];
    if (!file) return;
    assert.equal(file.sha256, sha(bytes), 'the acknowledged hash is the hash of the bytes sent');
    acks.files.push({ id: file.id, sha256: file.sha256, dossierId: String(d.id) });
  }
}

/** A citizen's uploads stored here into a draft, then the server acknowledges the dossier. */
async function citizenSubmission(base: string, n: number, acks: Acks) {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
  const ctx = { db: database.db, files: new LocalFileStore(filesRoot), clock: systemClock, config };
  const draftId = newId();
  const now = new Date();
  await database.db
    .insertInto('dossier_drafts')
    .values({
      id: draftId,
      account_id: world.citizen.id,
      procedure_code: onlineBody().procedureCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const stored = await Promise.all(
    [0, 1].map((slot) =>
      storeUpload(ctx, {
        stream: Readable.from([pdf(`${n}-${slot}`)]),
        fileName: `tep-${slot}.pdf`,
        uploader: { kind: 'citizen', id: world.citizen.id },
        target: { draftId, slot },
      }),
    ),
  );
  const body = onlineBody({
    draftId,
    components: stored.map((s, position) => ({ position, fileIds: [s.id] })),
  });
  const d = await created(
    await fetch(`${base}/api/v1/dossiers`, {
      method: 'POST',
      headers: {
        cookie: citizenCookie,
        'content-type': 'application/json',
        'idempotency-key': `crash-${n}-c`,
      },
      body: JSON.stringify(body),
    }),
  );
  if (!d) return;
  acks.dossiers.push({ id: String(d.id), code: String(d.code) });
  for (const s of stored) acks.files.push({ id: s.id, sha256: s.sha256, dossierId: String(d.id) });
}

async function everyFile(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('a kill -9 in the middle of a burst of submissions', () => {
  it('loses nothing it acknowledged and leaves no half-written file', { timeout: 120_000 }, async (t) => {
    const base = await startServer();
    const viaHttp =
      (
        await fetch(`${base}/api/v1/dossiers/x/attachments`, {
          method: 'POST',
          headers: { 'idempotency-key': 'probe-000001' },
        })
      ).status !== 404;
    const acks: Acks = { dossiers: [], files: [] };
    let n = 0;
    let killed = false;
    const submit = viaHttp ? httpSubmission : citizenSubmission;
    const workers = Array.from({ length: 8 }, async () => {
      while (!killed) await submit(base, n++, acks).catch(() => undefined);
    });
    // Kill once enough is acknowledged (or after 8 s on a slow machine), with requests in flight.
    const started = Date.now();
    while (acks.files.length < 12 && Date.now() - started < 8000) await sleep(20);
    const exited = once(child as ChildProcess, 'exit');
    child?.kill('SIGKILL');
    await exited;
    killed = true;
    await Promise.all(workers);
    assert.ok(acks.dossiers.length > 0, 'the server acknowledged something before the crash');
    t.diagnostic(
      `${viaHttp ? 'HTTP uploads' : 'uploads in the test process'}: ${acks.dossiers.length} dossiers and ` +
        `${acks.files.length} files acknowledged before the kill, ${n} submissions started`,
    );

    const ids = acks.dossiers.map((d) => d.id);
    const rows = await database.db
      .selectFrom('dossiers')
      .select(['id', 'code'])
      .where('id', 'in', ids)
      .execute();
    assert.deepEqual(
      new Map(rows.map((r) => [r.id, r.code])),
      new Map(acks.dossiers.map((d) => [d.id, d.code])),
      'every acknowledged dossier is there with its code',
    );
    const components = await database.db
      .selectFrom('dossier_components')
      .select(['dossier_id'])
      .where('dossier_id', 'in', ids)
      .execute();
    for (const id of ids) assert.equal(components.filter((c) => c.dossier_id === id).length, 3, id);

    const store = new LocalFileStore(filesRoot);
    if (acks.files.length > 0) {
      const fileRows = await database.db
        .selectFrom('dossier_files')
        .select(['id', 'sha256', 'dossier_id'])
        .where(
          'id',
          'in',
          acks.files.map((f) => f.id),
        )
        .execute();
      assert.equal(fileRows.length, acks.files.length, 'every acknowledged file has its row');
      for (const f of acks.files) {
        const row = fileRows.find((r) => r.id === f.id);
        assert.equal(row?.sha256, f.sha256);
        assert.equal(row?.dossier_id, f.dossierId);
        const chunks: Buffer[] = [];
        for await (const c of await store.get(f.sha256)) chunks.push(c as Buffer);
        assert.equal(sha(Buffer.concat(chunks)), f.sha256, 'the bytes hash to the acknowledged sha256');
      }
    }
    for (const rel of await everyFile(filesRoot)) {
      if (rel.startsWith(`tmp${path.sep}`)) continue;
      const name = path.basename(rel);
      assert.match(name, /^[0-9a-f]{64}$/, `${rel}: only whole, named files outside tmp/`);
      assert.equal(sha(await fs.readFile(path.join(filesRoot, rel))), name, `${rel} is whole`);
    }
  });
});
