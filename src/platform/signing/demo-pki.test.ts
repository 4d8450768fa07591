import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import forge from 'node-forge';
import { createDemoPki, DEMO_POLICY_OID, DEMO_ROOT_NAME, P12Signer, verifyPdfSignatures } from './index.js';
import { openP12 } from './p12-signer.js';
import { AGENCY, OTHER_AGENCY, PKI_TIME, passphrase, resultDocument, tempDir } from './signing-fixtures.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = path.join(await tempDir('demo-pki'), 'pki');
  dirs.push(path.dirname(dir));
  return dir;
}
after(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function agencyCertificate(file: string, code: string): Promise<forge.pki.Certificate> {
  const { certificates } = openP12(await fs.readFile(file), passphrase(code));
  return certificates.find((c) => !c.isIssuer(c))!;
}

async function signsValidly(p12File: string, code: string, rootPem: string): Promise<boolean> {
  const signer = await P12Signer.fromFile(p12File, passphrase(code));
  const { pdf, info } = await resultDocument();
  return verifyPdfSignatures(await signer.sign(pdf, info), { trustedRoots: [rootPem] }).valid;
}

describe('demo PKI', () => {
  it('creates a root and one organisation certificate per agency, marked as demo', async () => {
    const dir = await freshDir();
    const pki = await createDemoPki({ dir, agencies: [AGENCY], passphrase, now: PKI_TIME });
    assert.deepEqual((await fs.readdir(dir)).sort(), [
      `${AGENCY.code}.p12`,
      'demo-root-ca.p12',
      'demo-root-ca.pem',
    ]);
    assert.equal(await fs.readFile(pki.rootPemFile, 'utf8'), pki.rootPem);
    assert.equal(pki.agencies[0]?.created, true);

    const root = new X509Certificate(pki.rootPem);
    assert.equal(root.ca, true);
    assert.match(root.subject, /CN=motcua demo root CA/);

    const cert = await agencyCertificate(pki.agencies[0]!.p12File, AGENCY.code);
    const x509 = new X509Certificate(forge.pki.certificateToPem(cert));
    assert.equal(x509.verify(root.publicKey), true);
    assert.equal(x509.ca, false);
    assert.deepEqual(x509.keyUsage?.sort(), ['1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.4']);
    const keyUsage = cert.getExtension('keyUsage') as {
      digitalSignature: boolean;
      nonRepudiation: boolean;
      keyCertSign: boolean;
    };
    assert.deepEqual(
      [keyUsage.digitalSignature, keyUsage.nonRepudiation, keyUsage.keyCertSign],
      [true, true, false],
    );
    assert.equal((cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength(), 2048);

    const me = (await P12Signer.fromFile(pki.agencies[0]!.p12File, passphrase(AGENCY.code))).describe();
    assert.equal(me.commonName, AGENCY.name);
    assert.equal(me.organisation, AGENCY.name);
    assert.equal(me.agencyCode, AGENCY.code);
    assert.equal(me.issuer, DEMO_ROOT_NAME);
    assert.equal(me.isDemo, true);
    const years = (me.notAfter.getTime() - PKI_TIME.getTime()) / (365.25 * 86_400_000);
    assert.ok(Math.abs(years - 5) < 0.01, `validity ${years} years`);
    assert.ok(me.notBefore <= PKI_TIME);
    assert.ok(pki.rootPem.length > 0 && DEMO_POLICY_OID.startsWith('1.3.6.1.4.1.32473.'));
  });

  it('reuses its files on later calls and issues for agencies added later from the same root', async () => {
    const dir = await freshDir();
    const first = await createDemoPki({ dir, agencies: [AGENCY], passphrase, now: PKI_TIME });
    const p12Before = await fs.readFile(first.agencies[0]!.p12File);
    const serialBefore = (
      await P12Signer.fromFile(first.agencies[0]!.p12File, passphrase(AGENCY.code))
    ).describe().serialNumber;

    const second = await createDemoPki({ dir, agencies: [AGENCY, OTHER_AGENCY], passphrase, now: PKI_TIME });
    assert.equal(second.rootPem, first.rootPem);
    assert.deepEqual(
      second.agencies.map((a) => [a.code, a.created]),
      [
        [AGENCY.code, false],
        [OTHER_AGENCY.code, true],
      ],
    );
    assert.ok((await fs.readFile(second.agencies[0]!.p12File)).equals(p12Before));
    const serialAfter = (
      await P12Signer.fromFile(second.agencies[0]!.p12File, passphrase(AGENCY.code))
    ).describe().serialNumber;
    assert.equal(serialAfter, serialBefore);
    assert.equal(await signsValidly(second.agencies[1]!.p12File, OTHER_AGENCY.code, first.rootPem), true);
  });

  it('survives two concurrent first calls: one root, valid P12s, no temporary files left', async () => {
    const dir = await freshDir();
    const agencies = [AGENCY, OTHER_AGENCY];
    const [a, b] = await Promise.all([
      createDemoPki({ dir, agencies, passphrase, now: PKI_TIME }),
      createDemoPki({ dir, agencies, passphrase, now: PKI_TIME }),
    ]);
    const rootOnDisk = await fs.readFile(path.join(dir, 'demo-root-ca.pem'), 'utf8');
    assert.equal(a.rootPem, rootOnDisk);
    assert.equal(b.rootPem, rootOnDisk);
    assert.deepEqual(
      (await fs.readdir(dir)).filter((f) => f.endsWith('.tmp')),
      [],
    );
    for (const agency of a.agencies) {
      assert.equal(await signsValidly(agency.p12File, agency.code, rootOnDisk), true, agency.code);
    }
    // Each agency's file was created by exactly one of the two calls.
    for (let i = 0; i < agencies.length; i++) {
      assert.equal(Number(a.agencies[i]!.created) + Number(b.agencies[i]!.created), 1);
    }
  });

  it('refuses an agency code that cannot be a file name', async () => {
    await assert.rejects(
      createDemoPki({ dir: await freshDir(), agencies: [{ code: '../etc', name: 'x' }], passphrase }),
      /Unusable agency code/,
    );
  });
});
