import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.js';

/**
 * The cookie-signing secret: COOKIE_SECRET when set; otherwise one generated on first start and kept
 * in DATA_DIR/secret.key (0600), so sessions and forms survive restarts. Several processes may start
 * at once: the first write wins (O_EXCL) and everyone reads the file back.
 */
export async function cookieSecret(config: Config): Promise<string> {
  if (config.cookieSecret) return config.cookieSecret;
  const file = path.join(config.dataDir, 'secret.key');
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' }).catch((e) => {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  });
  return (await fs.readFile(file, 'utf8')).trim();
}
