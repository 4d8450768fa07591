/**
 * The agencies' signing keys (DOMAIN.md §8; issue: "each agency has its certificate and key in a P12
 * file referenced by configuration, never in the database in clear"): SIGNING_DIR/{code}.p12 with
 * SIGNING_PASSPHRASE (or SIGNING_DIR/{code}.passphrase). In demo mode a demo root CA and one
 * certificate per agency are made there on first use and say so ("chứng thư số demo"). Callers get
 * a PdfSigner, so an HSM or a remote signing service can take the P12's place.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { AppContext } from '../module.js';
import { createDemoPki, ROOT_KEY_NAME } from './demo-pki.js';
import { P12Signer } from './p12-signer.js';
import type { PdfSigner } from './types.js';

type KeysCtx = Pick<AppContext, 'config' | 'serverSecret'>;

export interface SigningAgency {
  code: string;
  name: string;
}

const signers = new Map<string, Promise<PdfSigner>>();

/** Demo passphrases derive from the server secret: nothing fixed is published. */
const demoPassphrase = (serverSecret: string) => (name: string) =>
  createHash('sha256').update(`motcua:signing:${name}:${serverSecret}`).digest('base64url');

export const noSigningKey = (agency: SigningAgency) =>
  new AppError('conflict', 'results.no_signing_key', {
    vi: `Chưa có chứng thư số của ${agency.name} (tệp ${agency.code}.p12 trong thư mục khóa ký): hãy liên hệ quản trị hệ thống.`,
    en: `${agency.name} has no signing certificate (file ${agency.code}.p12 in the signing directory): ask the system administrator.`,
  });

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function loadSigner(ctx: KeysCtx, agency: SigningAgency): Promise<PdfSigner> {
  const dir = ctx.config.signing.dir;
  if (ctx.config.demo) {
    const passphrase = demoPassphrase(ctx.serverSecret);
    // Valid from two years back: demo data and tests date documents in the past (a fixed clock).
    await createDemoPki({
      dir,
      agencies: [agency],
      passphrase,
      now: new Date(Date.now() - 2 * 365 * 86_400_000),
    });
    return P12Signer.fromBuffer(
      await fs.readFile(path.join(dir, `${agency.code}.p12`)),
      passphrase(agency.code),
    );
  }
  const p12 = await readIfExists(path.join(dir, `${agency.code}.p12`));
  if (!p12) throw noSigningKey(agency);
  const own = (await readIfExists(path.join(dir, `${agency.code}.passphrase`)))?.toString('utf8').trim();
  const passphrase = own ?? ctx.config.signing.passphrase;
  if (passphrase === undefined) throw noSigningKey(agency);
  return P12Signer.fromBuffer(p12, passphrase);
}

async function mtimeOf(file: string): Promise<number | null> {
  try {
    return (await fs.stat(file)).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * The agency's signer, loaded once per version of its P12 file: a renewed certificate (the file
 * replaced) is picked up at the next signature without a restart; a failed load is tried again.
 */
export async function signerFor(ctx: KeysCtx, agency: SigningAgency): Promise<PdfSigner> {
  const file = path.join(ctx.config.signing.dir, `${agency.code}.p12`);
  const key = `${file}\u0000${(await mtimeOf(file)) ?? 'none'}`;
  let found = signers.get(key);
  if (!found) {
    found = loadSigner(ctx, agency);
    signers.set(key, found);
    found.catch(() => signers.delete(key));
  }
  return found;
}

/** PEM roots the verifier accepts: SIGNING_TRUSTED_ROOTS, and the demo root in demo mode. */
export async function trustedRoots(ctx: KeysCtx): Promise<string[]> {
  const roots = await Promise.all(ctx.config.signing.trustedRoots.map((f) => fs.readFile(f, 'utf8')));
  if (ctx.config.demo) {
    const demo = await readIfExists(path.join(ctx.config.signing.dir, `${ROOT_KEY_NAME}.pem`));
    if (demo) roots.push(demo.toString('utf8'));
  }
  return roots;
}
