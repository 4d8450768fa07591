import { once } from 'node:events';
import net from 'node:net';
import type { Readable } from 'node:stream';

/**
 * A client of ClamAV's daemon speaking INSTREAM over TCP: `zINSTREAM\0`, then the content in chunks
 * each prefixed by its length (4 bytes, big-endian), then a zero length; clamd answers
 * `stream: OK` or `stream: <signature> FOUND`, NUL-terminated. Anything else (an error line, a
 * closed connection, silence past the timeout) throws ClamdError: a file is never called clean
 * because the scanner could not be asked.
 */
export interface ScanResult {
  infected: boolean;
  /** The signature clamd named, e.g. `Win.Test.EICAR_HDB-1`. */
  signature?: string;
}

export interface ClamdClient {
  scan(content: Readable | Buffer): Promise<ScanResult>;
}

export interface ClamdOptions {
  host: string;
  port: number;
  /** Longest silence allowed from clamd, in ms (connect, while sending, waiting for the verdict). */
  timeoutMs?: number;
  /** Chunk size sent to clamd; must stay under its StreamMaxLength. */
  chunkBytes?: number;
}

export class ClamdError extends Error {
  override name = 'ClamdError';
}

export function parseClamdReply(reply: string): ScanResult {
  const line = reply.replace(/\0+$/, '').trim();
  if (line === 'stream: OK') return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { infected: true, signature: found[1]! };
  throw new ClamdError(line ? `clamd: ${line}` : 'clamd closed the connection without a verdict');
}

/** Resolves with everything clamd says until it closes or sends the terminating NUL. */
function readReply(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    socket.on('data', (d: Buffer) => {
      parts.push(d);
      if (d.includes(0)) resolve(Buffer.concat(parts).toString('utf8'));
    });
    socket.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    socket.on('close', () => resolve(Buffer.concat(parts).toString('utf8')));
    socket.on('error', reject);
  });
}

/** Writes with back-pressure; a socket clamd closed without an error must not leave us waiting for 'drain'. */
async function send(socket: net.Socket, data: Buffer) {
  if (socket.destroyed || !socket.writable) throw new ClamdError('clamd closed the connection');
  if (socket.write(data)) return;
  await new Promise<void>((resolve, reject) => {
    const onClose = () => reject(new ClamdError('clamd closed the connection'));
    socket.once('close', onClose);
    socket.once('drain', () => {
      socket.off('close', onClose);
      resolve();
    });
  });
}

async function* pieces(content: Readable | Buffer, size: number): AsyncGenerator<Buffer> {
  const chunks = Buffer.isBuffer(content) ? [content] : content;
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
  }
}

async function stream(socket: net.Socket, content: Readable | Buffer, chunkBytes: number) {
  await once(socket, 'connect');
  await send(socket, Buffer.from('zINSTREAM\0', 'latin1'));
  for await (const piece of pieces(content, chunkBytes)) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(piece.length);
    await send(socket, length);
    await send(socket, piece);
  }
  await send(socket, Buffer.alloc(4));
}

export function createClamdClient(opts: ClamdOptions): ClamdClient {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const chunkBytes = opts.chunkBytes ?? 64 * 1024;
  return {
    async scan(content) {
      const socket = net.connect({ host: opts.host, port: opts.port });
      socket.setTimeout(timeoutMs, () =>
        socket.destroy(new ClamdError(`clamd did not answer within ${timeoutMs} ms`)),
      );
      const reply = readReply(socket);
      reply.catch(() => undefined);
      try {
        await stream(socket, content, chunkBytes);
        return parseClamdReply(await reply);
      } catch (e) {
        // clamd may answer (e.g. "size limit exceeded") and close while we are still sending: what
        // it said so far is the better error. Destroying the socket ends the wait for more.
        socket.destroy();
        const early = await reply.catch(() => '');
        if (early) return parseClamdReply(early);
        throw e instanceof ClamdError ? e : new ClamdError(`clamd: ${(e as Error).message}`);
      } finally {
        socket.destroy();
      }
    },
  };
}
