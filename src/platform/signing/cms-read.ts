/**
 * Reads the parts of a CMS SignedData (RFC 5652) a PDF signature verifier needs: the certificates,
 * the one signer's identifier, digest and signature algorithms, signed attributes (raw, for the
 * signature check) and signature value.
 */
import {
  algorithmOf,
  childrenOf,
  content,
  DerError,
  expectUniversal,
  integerHex,
  oidOf,
  raw,
  readTlv,
  type Tlv,
  UNIVERSAL,
} from './der.js';

export const CMS_OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

export interface SignedAttribute {
  type: string;
  /** The DER of each value in the attribute's SET. */
  values: Buffer[];
}

export interface SignedDataParts {
  certificates: Buffer[];
  signer:
    | { kind: 'issuerAndSerial'; issuer: Buffer; serialHex: string }
    | { kind: 'subjectKeyIdentifier'; keyId: Buffer };
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** The signed attributes re-tagged as SET OF (0x31): the bytes the signature covers. */
  signedAttributesDer: Buffer | null;
  signedAttributes: SignedAttribute[];
  signature: Buffer;
  /** Where the ContentInfo ends: what follows in /Contents must be zero padding. */
  length: number;
  /** Inconsistencies a well-formed SignedData of a PDF signature cannot have. */
  structureProblems: string[];
}

export { DerError };

const isContext = (n: { cls: number; tag: number } | undefined, tag: number) => n?.cls === 2 && n.tag === tag;

function readAttributes(der: Buffer, node: ReturnType<typeof readTlv>): SignedAttribute[] {
  return childrenOf(der, node).map((attr) => {
    const parts = childrenOf(der, expectUniversal(attr, UNIVERSAL.sequence, 'attribute'));
    if (parts.length !== 2) throw new DerError('attribute with extra elements');
    const [type, values] = parts;
    return {
      type: oidOf(der, type, 'attribute type'),
      values: childrenOf(der, expectUniversal(values, UNIVERSAL.set, 'attribute values')).map((v) =>
        raw(der, v),
      ),
    };
  });
}

export function readSignedData(der: Buffer): SignedDataParts {
  const contentInfo = expectUniversal(readTlv(der, 0), UNIVERSAL.sequence, 'ContentInfo');
  const ciParts = childrenOf(der, contentInfo);
  if (ciParts.length !== 2) throw new DerError('ContentInfo has extra elements');
  const [type, wrapped] = ciParts;
  if (oidOf(der, type, 'content type') !== CMS_OIDS.signedData) throw new DerError('not a SignedData');
  if (!isContext(wrapped, 0)) throw new DerError('missing SignedData content');
  const wrappedParts = childrenOf(der, wrapped!);
  if (wrappedParts.length !== 1) throw new DerError('SignedData wrapper has extra elements');
  const signedData = wrappedParts[0];
  const fields = childrenOf(der, expectUniversal(signedData, UNIVERSAL.sequence, 'SignedData'));
  const certificatesNode = fields.find((f) => isContext(f, 0));
  const certificates = certificatesNode
    ? childrenOf(der, certificatesNode)
        .filter((c) => c.cls === 0 && c.tag === UNIVERSAL.sequence)
        .map((c) => Buffer.from(raw(der, c)))
    : [];
  const signerInfos = childrenOf(
    der,
    expectUniversal(fields[fields.length - 1], UNIVERSAL.set, 'SignerInfos'),
  );
  const info = childrenOf(der, expectUniversal(signerInfos[0], UNIVERSAL.sequence, 'SignerInfo'));
  if (signerInfos.length !== 1 || info.length < 5 || info.length > 7)
    throw new DerError('unexpected SignerInfo');
  const [infoVersion, sid, digestAlg, ...rest] = info;
  let signer: SignedDataParts['signer'];
  if (isContext(sid, 0)) signer = { kind: 'subjectKeyIdentifier', keyId: Buffer.from(content(der, sid!)) };
  else {
    const [issuer, serial] = childrenOf(der, expectUniversal(sid, UNIVERSAL.sequence, 'SignerIdentifier'));
    signer = {
      kind: 'issuerAndSerial',
      issuer: Buffer.from(raw(der, expectUniversal(issuer, UNIVERSAL.sequence, 'issuer'))),
      serialHex: integerHex(der, serial!),
    };
  }
  const attrsNode = isContext(rest[0], 0) ? rest.shift() : undefined;
  const [signatureAlg, signatureValue, unsigned] = rest;
  if (unsigned && !isContext(unsigned, 1)) throw new DerError('unexpected element after the signature');
  let signedAttributesDer: Buffer | null = null;
  if (attrsNode) {
    signedAttributesDer = Buffer.from(raw(der, attrsNode));
    signedAttributesDer[0] = 0x31;
  }
  const digestAlgorithm = algorithmOf(der, digestAlg, 'digest algorithm');
  const structureProblems = checkStructure(der, fields, digestAlgorithm, {
    signedDataVersion: integerHex(der, fields[0]!),
    signerInfoVersion: integerHex(der, infoVersion!),
    sidKind: signer.kind,
  });
  return {
    length: contentInfo.end,
    structureProblems,
    certificates,
    signer,
    digestAlgorithm,
    signatureAlgorithm: algorithmOf(der, signatureAlg, 'signature algorithm'),
    signedAttributesDer,
    signedAttributes: attrsNode ? readAttributes(der, attrsNode) : [],
    signature: Buffer.from(content(der, expectUniversal(signatureValue, UNIVERSAL.octetString, 'signature'))),
  };
}

/**
 * RFC 5652 fixes the versions for what a PDF signature holds (id-data content, X.509 certificates
 * only): SignedData 1 with an issuerAndSerialNumber signer, 3 with a subjectKeyIdentifier; the
 * SignerInfo likewise. The digest algorithms list must name the signer's, and the encapsulated
 * content type must be id-data. None of these is under the signature, so check them here.
 */
function checkStructure(
  der: Buffer,
  fields: Tlv[],
  digestAlgorithm: string,
  v: { signedDataVersion: string; signerInfoVersion: string; sidKind: SignedDataParts['signer']['kind'] },
): string[] {
  const problems: string[] = [];
  // Between encapContentInfo and signerInfos: [0] certificates and [1] crls, both optional, in order.
  const optional = fields.slice(3, -1).map((f) => (f.cls === 2 ? f.tag : -1));
  if (
    optional.length > 2 ||
    optional.some((tag, i) => tag < 0 || tag > 1 || (i > 0 && tag <= optional[i - 1]!))
  ) {
    problems.push('unexpected SignedData fields');
  }
  const expected = v.sidKind === 'issuerAndSerial' ? '01' : '03';
  if (v.signedDataVersion !== expected) problems.push(`SignedData version ${v.signedDataVersion}`);
  if (v.signerInfoVersion !== expected) problems.push(`SignerInfo version ${v.signerInfoVersion}`);
  const listed = childrenOf(der, expectUniversal(fields[1], UNIVERSAL.set, 'digestAlgorithms')).map((alg) =>
    algorithmOf(der, alg, 'digest algorithm'),
  );
  if (!listed.includes(digestAlgorithm)) problems.push('digest algorithm not listed');
  const encap = childrenOf(der, expectUniversal(fields[2], UNIVERSAL.sequence, 'encapContentInfo'));
  if (oidOf(der, encap[0], 'eContentType') !== CMS_OIDS.data) problems.push('eContentType is not id-data');
  if (encap.length > 1) problems.push('content is not detached');
  return problems;
}

/** The certHash of the first ESSCertID(v2) of a signing-certificate(-v2) attribute, and its hash. */
export function essCertHash(value: Buffer, v2: boolean): { hash: string; certHash: Buffer } {
  const certs = childrenOf(value, readTlv(value, 0))[0];
  const first = childrenOf(value, certs!)[0];
  const parts = childrenOf(value, first!);
  if (!v2) return { hash: 'sha1', certHash: Buffer.from(content(value, parts[0]!)) };
  if (parts[0]?.cls === 0 && parts[0].tag === UNIVERSAL.sequence) {
    const alg = oidOf(value, childrenOf(value, parts[0])[0], 'hash algorithm');
    return { hash: DIGESTS[alg] ?? alg, certHash: Buffer.from(content(value, parts[1]!)) };
  }
  return { hash: 'sha256', certHash: Buffer.from(content(value, parts[0]!)) };
}

/** Digest algorithm OIDs to node's names. */
export const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms node's crypto.verify handles with the digest named by the SignerInfo. */
export const SIGNATURE_ALGORITHMS: Record<string, 'rsa' | 'ecdsa'> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.11': 'rsa',
  '1.2.840.113549.1.1.12': 'rsa',
  '1.2.840.113549.1.1.13': 'rsa',
  '1.2.840.10045.4.3.2': 'ecdsa',
  '1.2.840.10045.4.3.3': 'ecdsa',
  '1.2.840.10045.4.3.4': 'ecdsa',
  '1.2.840.10045.2.1': 'ecdsa',
};
