/**
 * The sandbox's signing key (RS256), made at first start and kept in DATA_DIR sealed under the
 * server secret, so ID tokens it signed stay verifiable after a restart.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { open, seal, secretBoxKey } from '../secret-box.js';

export type Jwk = Record<string, unknown>;

export async function sandboxSigningKey(dataDir: string, serverSecret: string): Promise<Jwk> {
  const file = path.join(dataDir, 'vneid-sandbox', 'signing-key.sealed');
  const key = secretBoxKey(serverSecret);
  const read = async () => JSON.parse(open(key, (await fs.readFile(file, 'utf8')).trim())) as Jwk;
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk: Jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx': when two processes start at once, the first key written wins and both use it.
    await fs.writeFile(file, `${seal(key, JSON.stringify(jwk))}\n`, { flag: 'wx', mode: 0o600 });
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return read();
  }
}
