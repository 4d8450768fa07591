import assert from 'node:assert/strict';
import net from 'node:net';
import { after } from 'node:test';
import { EICAR } from './test-fixtures.js';

export type Behaviour = 'instream' | 'close-early' | 'silent' | 'error-line';

/** A clamd stand-in speaking INSTREAM: reports the EICAR test string as found, anything else OK. */
export async function fakeClamd(behaviour: Behaviour) {
  const chunkSizes: number[] = [];
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    let commandSeen = false;
    let content = Buffer.alloc(0);
    socket.on('error', () => undefined);
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (!commandSeen) {
        if (buf.length < 10) return;
        assert.equal(buf.subarray(0, 10).toString('latin1'), 'zINSTREAM\0');
        commandSeen = true;
        buf = buf.subarray(10);
        if (behaviour === 'close-early') return void socket.destroy();
        if (behaviour === 'error-line') return void socket.end('INSTREAM size limit exceeded. ERROR\0');
      }
      while (buf.length >= 4) {
        const length = buf.readUInt32BE(0);
        if (buf.length < 4 + length) return;
        const chunk = buf.subarray(4, 4 + length);
        buf = buf.subarray(4 + length);
        if (length === 0) {
          if (behaviour === 'silent') return;
          const found = content.includes(EICAR);
          return void socket.end(found ? 'stream: Win.Test.EICAR_HDB-1 FOUND\0' : 'stream: OK\0');
        }
        chunkSizes.push(length);
        content = Buffer.concat([content, chunk]);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  after(() => server.close());
  const { port } = server.address() as net.AddressInfo;
  return { port, chunkSizes };
}
