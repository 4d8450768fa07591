import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { notFound } from '../errors.js';
import { type FileStore, SHA256_HEX, type StoredFile } from './file-store.js';

/**
 * Files under DATA_DIR/files/ab/cd/<sha256>. A write goes to tmp/ first, is fsynced, then renamed
 * into place and the folder fsynced: a crash leaves either no file or the whole file, never half.
 */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256))
      throw notFound('file.not_found', { vi: 'Không tìm thấy tệp', en: 'File not found' });
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Readable | Buffer): Promise<StoredFile> {
    const tmpDir = path.join(this.root, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const sink = createWriteStream(tmp, { flags: 'wx' });
    try {
      const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
      await pipeline(source, meter, sink);
      await fsyncPath(tmp);
      const sha256 = hash.digest('hex');
      const final = this.pathOf(sha256);
      await fs.mkdir(path.dirname(final), { recursive: true });
      await fs.rename(tmp, final);
      await fsyncPath(path.dirname(final));
      return { sha256, size };
    } finally {
      // A failed source can reject the pipeline while the sink is still opening tmp: wait for it
      // to close, or the file appears after the rm below and stays behind.
      if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
      await fs.rm(tmp, { force: true });
    }
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    if (!(await this.has(sha256)))
      throw notFound('file.not_found', { vi: 'Không tìm thấy tệp', en: 'File not found' });
    return createReadStream(file);
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    return fs.access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async delete(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }
}

async function fsyncPath(p: string) {
  const handle = await fs.open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
