import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { AppError } from '../errors.js';
import { LocalFileStore } from './local-file-store.js';

const store = async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-files-'));
  return { root, files: new LocalFileStore(root) };
};

describe('LocalFileStore', () => {
  it('names a file by the sha-256 of its bytes and gives them back', async () => {
    const { root, files } = await store();
    const content = Buffer.from('Giấy khai sinh — bản sao', 'utf8');
    const stored = await files.put(content);
    assert.equal(stored.sha256, createHash('sha256').update(content).digest('hex'));
    assert.equal(stored.size, content.length);
    assert.equal(await text(await files.get(stored.sha256)), 'Giấy khai sinh — bản sao');
    const onDisk = path.join(root, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256);
    assert.deepEqual(await fs.readFile(onDisk), content);
  });

  it('stores the same content once, from a stream too', async () => {
    const { root, files } = await store();
    const a = await files.put(Buffer.from('abc'));
    const b = await files.put(Readable.from([Buffer.from('a'), Buffer.from('bc')]));
    assert.deepEqual(a, b);
    const dir = path.join(root, a.sha256.slice(0, 2), a.sha256.slice(2, 4));
    assert.deepEqual(await fs.readdir(dir), [a.sha256]);
    assert.deepEqual(await fs.readdir(path.join(root, 'tmp')), [], 'no temporary file is left behind');
  });

  it('leaves nothing when the source stream fails half way', async () => {
    const { root, files } = await store();
    const broken = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await assert.rejects(files.put(broken), /connection reset/);
    const entries = await fs.readdir(root);
    assert.deepEqual(entries, ['tmp']);
    assert.deepEqual(await fs.readdir(path.join(root, 'tmp')), []);
  });

  it('answers has/delete and refuses unknown or malformed names', async () => {
    const { files } = await store();
    const { sha256 } = await files.put(Buffer.from('x'));
    assert.equal(await files.has(sha256), true);
    await files.delete(sha256);
    assert.equal(await files.has(sha256), false);
    await assert.rejects(
      files.get(sha256),
      (e: unknown) => e instanceof AppError && e.code === 'file.not_found',
    );
    assert.equal(await files.has('../../etc/passwd'), false);
    await assert.rejects(
      files.get('../../etc/passwd'),
      (e: unknown) => e instanceof AppError && e.status === 404,
    );
  });
});
