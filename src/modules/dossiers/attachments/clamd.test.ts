import assert from 'node:assert/strict';
import net from 'node:net';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { ClamdError, createClamdClient, parseClamdReply } from './clamd.js';
import { type Behaviour, fakeClamd } from './fake-clamd.js';
import { EICAR } from './test-fixtures.js';

describe('clamd client', () => {
  it('reports a clean stream, sent in length-prefixed chunks', async () => {
    const { port, chunkSizes } = await fakeClamd('instream');
    const clamd = createClamdClient({ host: '127.0.0.1', port, chunkBytes: 1000 });
    assert.deepEqual(await clamd.scan(Buffer.alloc(2500, 7)), { infected: false });
    assert.deepEqual(chunkSizes, [1000, 1000, 500]);
  });

  it('reports EICAR as infected, even split across chunks of a stream', async () => {
    const { port } = await fakeClamd('instream');
    const clamd = createClamdClient({ host: '127.0.0.1', port, chunkBytes: 16 });
    const content = Readable.from([Buffer.from('%PDF-1.4\n'), EICAR.subarray(0, 20), EICAR.subarray(20)]);
    assert.deepEqual(await clamd.scan(content), { infected: true, signature: 'Win.Test.EICAR_HDB-1' });
  });

  const failures: [string, Behaviour, RegExp][] = [
    ['closes before answering', 'close-early', /without a verdict|ECONNRESET|EPIPE/],
    ['answers with an error line', 'error-line', /size limit exceeded/],
    ['never answers', 'silent', /did not answer within 200 ms/],
  ];
  for (const [title, behaviour, message] of failures) {
    it(`throws when clamd ${title}`, async () => {
      const { port } = await fakeClamd(behaviour);
      const clamd = createClamdClient({ host: '127.0.0.1', port, timeoutMs: 200 });
      await assert.rejects(clamd.scan(Buffer.alloc(100_000, 1)), (e: unknown) => {
        assert.ok(e instanceof ClamdError, String(e));
        assert.match(e.message, message);
        return true;
      });
    });
  }

  it('throws when nothing listens', async () => {
    const probe = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => probe.once('listening', r));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((r) => probe.close(r));
    const clamd = createClamdClient({ host: '127.0.0.1', port, timeoutMs: 500 });
    await assert.rejects(
      clamd.scan(EICAR),
      (e: unknown) => e instanceof ClamdError && /ECONNREFUSED/.test(e.message),
    );
  });

  it('parses the replies clamd gives', () => {
    const table: [string, ReturnType<typeof parseClamdReply> | RegExp][] = [
      ['stream: OK\0', { infected: false }],
      ['stream: Eicar-Signature FOUND\0', { infected: true, signature: 'Eicar-Signature' }],
      ['stream: Win.Trojan.Agent-1 FOUND\n', { infected: true, signature: 'Win.Trojan.Agent-1' }],
      ['', /without a verdict/],
      ['UNKNOWN COMMAND\0', /UNKNOWN COMMAND/],
    ];
    for (const [reply, expected] of table) {
      if (expected instanceof RegExp) assert.throws(() => parseClamdReply(reply), expected);
      else assert.deepEqual(parseClamdReply(reply), expected);
    }
  });
});
