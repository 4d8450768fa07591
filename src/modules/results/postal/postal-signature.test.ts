import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkCallbackSignature, signCallback } from './postal-signature.js';

const secret = 'callback-secret-0123456789';
const body = Buffer.from('{"ItemCode":"EB123456785VN","Status":"delivered"}');
const now = new Date('2026-12-01T03:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

describe('callback signatures', () => {
  it('is the hex HMAC-SHA256 of "timestamp.body"', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body.toString()}`).digest('hex');
    assert.equal(signCallback(secret, ts, body), `sha256=${expected}`);
  });

  it('accepts a fresh signature and refuses every alteration', () => {
    const signature = signCallback(secret, ts, body);
    const check = (o: Partial<Parameters<typeof checkCallbackSignature>[0]>) =>
      checkCallbackSignature({ secret, rawBody: body, signature, timestamp: String(ts), now, ...o });
    assert.equal(check({}), 'ok');
    assert.equal(check({ secret: 'another-secret-0123456789' }), 'bad_signature');
    assert.equal(check({ rawBody: Buffer.from(`${body} `) }), 'bad_signature');
    assert.equal(check({ timestamp: String(ts + 1) }), 'bad_signature');
    assert.equal(check({ signature: undefined }), 'bad_signature');
    assert.equal(check({ signature: signature.toUpperCase() }), 'bad_signature');
    assert.equal(check({ timestamp: 'abc' }), 'bad_signature');
  });

  it('refuses a signature older than 10 minutes or more than 5 minutes ahead', () => {
    const at = (offsetSeconds: number) => {
      const t = ts + offsetSeconds;
      return checkCallbackSignature({
        secret,
        rawBody: body,
        signature: signCallback(secret, t, body),
        timestamp: String(t),
        now,
      });
    };
    assert.equal(at(-600), 'ok');
    assert.equal(at(-601), 'bad_timestamp');
    assert.equal(at(300), 'ok');
    assert.equal(at(301), 'bad_timestamp');
  });
});
