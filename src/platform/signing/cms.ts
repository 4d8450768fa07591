/**
 * The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1, SubFilter
 * ETSI.CAdES.detached): detached content, SHA-256, signed attributes content-type, message-digest
 * and ESS signing-certificate-v2 (RFC 5035), and no CMS signing-time attribute (the claimed time
 * is the /M entry of the signature dictionary).
 *
 * Written here rather than taken from @signpdf/signer-p12: its P12Signer (3.3.0) hard-codes the
 * signed attributes [content-type, signing-time, message-digest] through node-forge's pkcs7,
 * which cannot add signing-certificate-v2, and PAdES forbids signing-time. The raw signature is a
 * callback, so an HSM or a remote signing service can supply it without the private key leaving it.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const { Class, Type } = asn1;

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

/** Signs the DER of the signed attributes: RSASSA-PKCS1-v1_5 with SHA-256. */
export type RawSign = (signedAttributes: Buffer) => Promise<Buffer>;

export interface CadesInput {
  /** SHA-256 of the signed byte ranges. */
  contentDigest: Buffer;
  /** The signer's certificate, DER. */
  certificate: Buffer;
  /** Issuers up to (and including, if wished) the root, DER. */
  chain: Buffer[];
  sign: RawSign;
}

const seq = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const oid = (id: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (b: Buffer) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, b.toString('binary'));
const int = (n: number) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, String.fromCharCode(n));
const nul = () => asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
const algorithm = (id: string) => seq([oid(id), nul()]);
const fromDer = (b: Buffer) => asn1.fromDer(b.toString('binary'));
export const toDer = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** DER orders the members of a SET OF by their encodings. */
function derSet(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  const sorted = items.map((i) => ({ i, der: toDer(i) })).sort((a, b) => Buffer.compare(a.der, b.der));
  return set(sorted.map((s) => s.i));
}

const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);

/** The issuer Name and serial INTEGER, copied from the certificate so their encoding is exact. */
function issuerAndSerial(certificate: Buffer): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const tbs = (fromDer(certificate).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  const shift = fields[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: fields[shift]!, issuer: fields[2 + shift]! };
}

/** SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial } } }; SHA-256 is the default. */
function signingCertificateV2(certificate: Buffer): forge.asn1.Asn1 {
  const { issuer, serial } = issuerAndSerial(certificate);
  const directoryName = asn1.create(Class.CONTEXT_SPECIFIC, 4, true, [issuer]);
  const issuerSerial = seq([seq([directoryName]), serial]);
  const certHash = octets(createHash('sha256').update(certificate).digest());
  return seq([seq([seq([certHash, issuerSerial])])]);
}

export function signedAttributes(contentDigest: Buffer, certificate: Buffer): forge.asn1.Asn1[] {
  return [
    attribute(OIDS.contentType, oid(OIDS.data)),
    attribute(OIDS.messageDigest, octets(contentDigest)),
    attribute(OIDS.signingCertificateV2, signingCertificateV2(certificate)),
  ];
}

/** A DER ContentInfo holding the detached SignedData. */
export async function buildCadesSignature(input: CadesInput): Promise<Buffer> {
  const attrs = signedAttributes(input.contentDigest, input.certificate);
  // The signature covers the attributes encoded as an explicit SET OF (RFC 5652 §5.4).
  const signature = await input.sign(toDer(derSet(attrs)));
  const signedAttrs = derSet(attrs);
  signedAttrs.tagClass = Class.CONTEXT_SPECIFIC;
  signedAttrs.type = 0;
  const { issuer, serial } = issuerAndSerial(input.certificate);
  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    algorithm(OIDS.sha256),
    signedAttrs,
    algorithm(OIDS.rsaEncryption),
    octets(signature),
  ]);
  const certificates = asn1.create(
    Class.CONTEXT_SPECIFIC,
    0,
    true,
    [input.certificate, ...input.chain].map(fromDer),
  );
  const signedData = seq([
    int(1),
    set([algorithm(OIDS.sha256)]),
    seq([oid(OIDS.data)]),
    certificates,
    set([signerInfo]),
  ]);
  const contentInfo = seq([oid(OIDS.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return toDer(contentInfo);
}
