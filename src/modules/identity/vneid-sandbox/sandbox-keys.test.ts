import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sandboxSigningKey } from './sandbox-keys.js';

describe('the VNeID sandbox signing key', () => {
  it('is made once, kept sealed in DATA_DIR, and read back after a restart', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-sandbox-key-'));
    try {
      const first = await sandboxSigningKey(dir, 'secret-secret-secret-secret-secret-1');
      assert.equal(first.kty, 'RSA');
      assert.equal(first.alg, 'RS256');
      assert.ok(typeof first.d === 'string', 'a private key');
      const again = await sandboxSigningKey(dir, 'secret-secret-secret-secret-secret-1');
      assert.deepEqual(again, first);
      const stored = await fs.readFile(path.join(dir, 'vneid-sandbox', 'signing-key.sealed'), 'utf8');
      assert.ok(!stored.includes(String(first.d)), 'the private key is not stored in clear');
      await assert.rejects(sandboxSigningKey(dir, 'another-secret-another-secret-another'));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
