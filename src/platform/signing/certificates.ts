/**
 * Reading certificates: node's X509Certificate for keys, validity and issuer checks (RSA and EC
 * alike), node-forge's ASN.1 reader for what node does not expose plainly: the subject's UTF-8
 * Vietnamese names attribute by attribute, and the certificate policies that mark the demo PKI.
 */
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { SignerIdentity } from './types.js';

/**
 * Certificate policy that marks motcua's demo PKI. It sits under enterprise number 32473, which
 * RFC 5612 reserves for documentation and examples, so it can never name a real CA's policy.
 * A certificate carrying it has no legal value.
 */
export const DEMO_POLICY_OID = '1.3.6.1.4.1.32473.7460.1';

/** The demo root's common name; also recognisable to a person reading the issuer. */
export const DEMO_ROOT_NAME = 'motcua demo root CA — không có giá trị pháp lý';

const OID = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  certificatePolicies: '2.5.29.32',
} as const;

const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
};

interface NameAttribute {
  type: string;
  value: string;
}

/** A certificate read once: node's view plus the decoded names and policies. */
export interface CertificateView {
  der: Buffer;
  x509: X509Certificate;
  subject: NameAttribute[];
  issuer: NameAttribute[];
  policies: string[];
}

const children = (node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] =>
  Array.isArray(node?.value) ? (node.value as forge.asn1.Asn1[]) : [];

function decodeString(node: forge.asn1.Asn1): string {
  const raw = node.value as string;
  if (node.type === forge.asn1.Type.UTF8) return forge.util.decodeUtf8(raw);
  if (node.type === forge.asn1.Type.BMPSTRING) return Buffer.from(raw, 'binary').swap16().toString('utf16le');
  return raw;
}

function readName(name: forge.asn1.Asn1 | undefined): NameAttribute[] {
  return children(name).flatMap((rdn) =>
    children(rdn).map((atv) => {
      const [type, value] = children(atv);
      return { type: forge.asn1.derToOid(type?.value as string), value: value ? decodeString(value) : '' };
    }),
  );
}

function readPolicies(extensions: forge.asn1.Asn1 | undefined): string[] {
  for (const ext of children(children(extensions)[0])) {
    const parts = children(ext);
    if (forge.asn1.derToOid(parts[0]?.value as string) !== OID.certificatePolicies) continue;
    const octets = parts[parts.length - 1]?.value as string;
    return children(forge.asn1.fromDer(octets)).map((info) =>
      forge.asn1.derToOid(children(info)[0]?.value as string),
    );
  }
  return [];
}

export function readCertificate(der: Buffer): CertificateView {
  const x509 = new X509Certificate(der);
  const tbs = children(forge.asn1.fromDer(der.toString('binary')))[0];
  const fields = children(tbs);
  // An explicit [0] version shifts every later field by one.
  const shift = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const extensions = fields.find((f) => f.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && f.type === 3);
  return {
    der,
    x509,
    issuer: readName(fields[2 + shift]),
    subject: readName(fields[4 + shift]),
    policies: readPolicies(extensions),
  };
}

export const nameValue = (name: NameAttribute[], oid: string): string | null =>
  name.find((a) => a.type === oid)?.value ?? null;

/** `CN=…, O=…` in the certificate's order, for messages. */
export const formatName = (name: NameAttribute[]): string =>
  name.map((a) => `${SHORT[a.type] ?? a.type}=${a.value}`).join(', ');

export const commonName = (name: NameAttribute[]): string =>
  nameValue(name, OID.commonName) ?? formatName(name);

export function identityOf(cert: CertificateView): SignerIdentity {
  return {
    commonName: commonName(cert.subject),
    organisation: nameValue(cert.subject, OID.organisation),
    agencyCode: nameValue(cert.subject, OID.serialNumber) ?? nameValue(cert.subject, OID.organisationalUnit),
    serialNumber: cert.x509.serialNumber.toLowerCase(),
    issuer: commonName(cert.issuer),
    notBefore: new Date(cert.x509.validFrom),
    notAfter: new Date(cert.x509.validTo),
    isDemo: cert.policies.includes(DEMO_POLICY_OID),
  };
}

export const certificateToDer = (cert: forge.pki.Certificate): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

export function pemToDer(pem: string): Buffer[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => Buffer.from(b.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64'));
}
