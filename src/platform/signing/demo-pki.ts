/**
 * A demo PKI so demo and test installations can sign results: one root CA and one organisation
 * certificate per agency, marked with DEMO_POLICY_OID and a root named "… không có giá trị pháp lý"
 * so no reader mistakes them for real ones. Real installations use certificates from a licensed
 * CA and never call this.
 *
 * Files in `dir`: demo-root-ca.p12 (the root's key, to issue for agencies added later),
 * demo-root-ca.pem (what verifiers trust), {code}.p12 per agency. Created on the first call and
 * reused afterwards. Each file is written to a temporary name and hard-linked into place, which
 * fails when the name exists: of two concurrent first calls one wins and the other adopts its
 * files, so an agency certificate is always issued by the root on disk.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { DEMO_POLICY_OID, DEMO_ROOT_NAME } from './certificates.js';
import { openP12 } from './p12-signer.js';

export interface DemoAgency {
  /** Agency code, e.g. `000.00.12.H56`; names the P12 file. */
  code: string;
  /** Vietnamese name, e.g. `Ủy ban nhân dân phường Hạ Long`. */
  name: string;
}

export interface DemoPkiOptions {
  dir: string;
  agencies: DemoAgency[];
  /** The passphrase of each P12 (agency code, or ROOT_KEY_NAME for the root), from a sealed secret. */
  passphrase: (name: string) => string;
  /** Start of validity, from the caller's clock. */
  now?: Date;
}

export interface DemoPki {
  rootPem: string;
  rootPemFile: string;
  agencies: Array<DemoAgency & { p12File: string; created: boolean }>;
}

export const ROOT_KEY_NAME = 'demo-root-ca';
const AGENCY_YEARS = 5;
const ROOT_YEARS = 10;
const OID_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';
const OID_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

interface KeyAndCertificate {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
}

interface Issuer extends KeyAndCertificate {
  /** The subject as forge must be given it to write it as an issuer name. */
  name: forge.pki.CertificateField[];
}

const { asn1 } = forge;
const oidNode = (oid: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes());
const sequence = (items: forge.asn1.Asn1[]) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);

function newKeyPair(): forge.pki.rsa.KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** A positive 128-bit serial (RFC 5280 allows up to 20 octets; the first bit must be 0). */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
}

function addYears(at: Date, years: number): Date {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

// @types/node-forge types valueTagClass as a class; forge reads it as the universal type (UTF8String here).
const utf8 = (shortName: string, value: string): forge.pki.CertificateField => ({
  shortName,
  value,
  valueTagClass: asn1.Type.UTF8 as unknown as forge.asn1.Class,
});

function demoPolicies() {
  return { id: '2.5.29.32', value: sequence([sequence([oidNode(DEMO_POLICY_OID)])]) };
}

function newCertificate(publicKey: forge.pki.PublicKey, now: Date, years: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = newSerial();
  // An hour back, so a freshly made certificate is valid on a machine whose clock is a little behind.
  cert.validity.notBefore = new Date(now.getTime() - 3600_000);
  cert.validity.notAfter = addYears(now, years);
  return cert;
}

function issueRoot(now: Date): Issuer {
  const keys = newKeyPair();
  const cert = newCertificate(keys.publicKey, now, ROOT_YEARS);
  const subject = [utf8('CN', DEMO_ROOT_NAME), utf8('O', 'motcua (demo)'), { shortName: 'C', value: 'VN' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    demoPolicies(),
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: keys.privateKey, cert, name: subject };
}

/**
 * forge keeps a parsed UTF8String as its UTF-8 bytes but encodes the value again when writing a
 * name, so a root read back from its P12 would issue certificates with a garbled issuer name.
 */
function writableName(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attributes.map((a) =>
    (a.valueTagClass as unknown) === asn1.Type.UTF8
      ? { ...a, value: forge.util.decodeUtf8(String(a.value)) }
      : a,
  );
}

function issueAgency(root: Issuer, agency: DemoAgency, now: Date): KeyAndCertificate {
  const keys = newKeyPair();
  const cert = newCertificate(keys.publicKey, now, AGENCY_YEARS);
  cert.setSubject([
    utf8('CN', agency.name),
    utf8('O', agency.name),
    { type: '2.5.4.5', value: agency.code },
    { shortName: 'C', value: 'VN' },
  ]);
  cert.setIssuer(root.name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // emailProtection is what NSS (poppler's pdfsig) checks for a document signer; documentSigning is RFC 9336.
    { id: '2.5.29.37', value: sequence([oidNode(OID_EMAIL_PROTECTION), oidNode(OID_DOCUMENT_SIGNING)]) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: root.cert.generateSubjectKeyIdentifier().getBytes() },
    demoPolicies(),
  ]);
  cert.sign(root.key, forge.md.sha256.create());
  return { key: keys.privateKey, cert };
}

function toP12(
  holder: KeyAndCertificate,
  chain: forge.pki.Certificate[],
  passphrase: string,
  friendlyName: string,
): Buffer {
  const p12 = forge.pkcs12.toPkcs12Asn1(holder.key, [holder.cert, ...chain], passphrase, {
    algorithm: 'aes256',
    friendlyName,
    count: 10000,
  });
  return Buffer.from(asn1.toDer(p12).getBytes(), 'binary');
}

/** Writes `data` to `file` unless it exists; true when this call created it. Never a partial file. */
async function createExclusive(file: string, data: Buffer | string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

async function loadOrCreateRoot(dir: string, passphrase: string, now: Date): Promise<Issuer> {
  const file = path.join(dir, `${ROOT_KEY_NAME}.p12`);
  if (!(await exists(file))) {
    const root = issueRoot(now);
    if (await createExclusive(file, toP12(root, [], passphrase, DEMO_ROOT_NAME))) return root;
  }
  const { key, certificates } = openP12(await fs.readFile(file), passphrase);
  const cert = certificates[0]!;
  return { key, cert, name: writableName(cert.subject.attributes) };
}

export async function createDemoPki(options: DemoPkiOptions): Promise<DemoPki> {
  const now = options.now ?? new Date();
  for (const agency of options.agencies) {
    if (!CODE_PATTERN.test(agency.code))
      throw new Error(`Unusable agency code for a file name: ${agency.code}`);
  }
  await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });
  const root = await loadOrCreateRoot(options.dir, options.passphrase(ROOT_KEY_NAME), now);
  const rootPem = forge.pki.certificateToPem(root.cert);
  const rootPemFile = path.join(options.dir, `${ROOT_KEY_NAME}.pem`);
  if (!(await exists(rootPemFile))) await createExclusive(rootPemFile, rootPem);
  const agencies: DemoPki['agencies'] = [];
  for (const agency of options.agencies) {
    const p12File = path.join(options.dir, `${agency.code}.p12`);
    let created = false;
    if (!(await exists(p12File))) {
      const issued = issueAgency(root, agency, now);
      created = await createExclusive(
        p12File,
        toP12(issued, [root.cert], options.passphrase(agency.code), agency.name),
      );
    }
    agencies.push({ ...agency, p12File, created });
  }
  return { rootPem, rootPemFile, agencies };
}
