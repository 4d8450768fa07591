/**
 * Our own verifier of PDF signatures (ARCHITECTURE.md §7: tests and the results module check
 * signatures in-process, poppler is an extra check). For each signature: the byte range covers
 * the whole revision except the /Contents hole, the CMS message digest equals the digest of the
 * signed ranges, the CMS signature verifies with the signer certificate's key, the signer
 * certificate chains to a trusted root and was valid at the signing time.
 */
import { createHash, verify as cryptoVerify } from 'node:crypto';
import { type CertificateView, identityOf, pemToDer, readCertificate } from './certificates.js';
import { buildChain, readTrustedRoots } from './chain.js';
import {
  CMS_OIDS,
  DIGESTS,
  essCertHash,
  readSignedData,
  SIGNATURE_ALGORITHMS,
  type SignedDataParts,
} from './cms-read.js';
import { childrenOf, oidOf, readTlv } from './der.js';
import { findSignatureDictionaries, type SignatureDictionary } from './pdf-signatures.js';
import { problem, type SignatureProblem, summarise } from './problems.js';
import type { SignerIdentity } from './types.js';

export type { SignatureProblem } from './problems.js';

export interface SignatureReport {
  byteRange: [number, number, number, number] | null;
  /** The signed ranges run from the first byte to the end of the file. */
  coversWholeFile: boolean;
  /** Bytes after the signed ranges: an incremental update made after this signature. */
  bytesAfterSignedRange: number;
  subFilter: string | null;
  digestAlgorithm: string | null;
  messageDigestMatches: boolean;
  signatureVerifies: boolean;
  signer: SignerIdentity | null;
  /** From the CMS signing-time attribute when present, otherwise the claimed /M. */
  signingTime: Date | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  chainTrusted: boolean;
  isDemo: boolean;
  valid: boolean;
  problems: SignatureProblem[];
}

export interface VerificationReport {
  signed: boolean;
  /** At least one signature, and no error on any. */
  valid: boolean;
  signatures: SignatureReport[];
  /** A sentence in Vietnamese for people: "Chữ ký số hợp lệ (chứng thư số demo …)". */
  summary: string;
}

export interface VerifyOptions {
  /** PEM certificates of the accepted roots (the demo root in demo mode). */
  trustedRoots: string[];
}

const SUPPORTED_SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

function emptyReport(dict: SignatureDictionary): SignatureReport {
  return {
    byteRange: dict.byteRange,
    coversWholeFile: false,
    bytesAfterSignedRange: 0,
    subFilter: dict.subFilter,
    digestAlgorithm: null,
    messageDigestMatches: false,
    signatureVerifies: false,
    signer: null,
    signingTime: dict.claimedTime,
    name: dict.name,
    reason: dict.reason,
    location: dict.location,
    chainTrusted: false,
    isDemo: false,
    valid: false,
    problems: [],
  };
}

/** The hex of /Contents when the byte range is well formed around it; pushes problems otherwise. */
function checkByteRange(pdf: Buffer, report: SignatureReport): Buffer | null {
  const fail = (code: 'byte_range_malformed' | 'contents_hole_mismatch') => {
    report.problems.push(problem(code));
    return null;
  };
  const range = report.byteRange;
  if (!range) return fail('byte_range_malformed');
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
    return fail('byte_range_malformed');
  }
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) {
    return fail('contents_hole_mismatch');
  }
  report.bytesAfterSignedRange = pdf.length - (c + d);
  report.coversWholeFile = report.bytesAfterSignedRange === 0;
  return Buffer.from(hex, 'hex');
}

function checkSignerInfo(
  parts: SignedDataParts,
  signed: Buffer,
  cert: CertificateView,
  report: SignatureReport,
) {
  const hash = DIGESTS[parts.digestAlgorithm];
  report.digestAlgorithm = hash ?? parts.digestAlgorithm;
  if (!hash) return report.problems.push(problem('digest_algorithm_unsupported'));
  if (hash === 'sha1') report.problems.push(problem('digest_algorithm_weak'));
  if (!parts.signedAttributesDer) return report.problems.push(problem('signed_attributes_missing'));
  const attr = (type: string) => parts.signedAttributes.find((a) => a.type === type)?.values[0];
  const contentType = attr(CMS_OIDS.contentType);
  if (!contentType || readOid(contentType) !== CMS_OIDS.data)
    report.problems.push(problem('cms_structure_invalid'));
  const digestValue = attr(CMS_OIDS.messageDigest);
  const expected = createHash(hash).update(signed).digest();
  const actual = digestValue ? Buffer.from(digestValue.subarray(readTlv(digestValue, 0).contentStart)) : null;
  report.messageDigestMatches = actual?.equals(expected) === true;
  if (!report.messageDigestMatches) report.problems.push(problem('message_digest_mismatch'));
  const kind = SIGNATURE_ALGORITHMS[parts.signatureAlgorithm];
  if (!kind) return report.problems.push(problem('signature_algorithm_unsupported'));
  try {
    report.signatureVerifies = cryptoVerify(
      hash,
      parts.signedAttributesDer,
      cert.x509.publicKey,
      parts.signature,
    );
  } catch {
    report.signatureVerifies = false;
  }
  if (!report.signatureVerifies) report.problems.push(problem('signature_invalid'));
  checkSigningCertificateAttribute(parts, cert, report);
  const time = attr(CMS_OIDS.signingTime);
  if (time) report.signingTime = asn1Time(time) ?? report.signingTime;
}

function checkSigningCertificateAttribute(
  parts: SignedDataParts,
  cert: CertificateView,
  report: SignatureReport,
) {
  const v2 = parts.signedAttributes.find((a) => a.type === CMS_OIDS.signingCertificateV2)?.values[0];
  const v1 = parts.signedAttributes.find((a) => a.type === CMS_OIDS.signingCertificate)?.values[0];
  if (!v2 && !v1) {
    if (report.subFilter === 'ETSI.CAdES.detached')
      report.problems.push(problem('signing_certificate_missing'));
    return;
  }
  try {
    const { hash, certHash } = essCertHash((v2 ?? v1)!, Boolean(v2));
    if (!createHash(hash).update(cert.der).digest().equals(certHash)) {
      report.problems.push(problem('signing_certificate_mismatch'));
    }
  } catch {
    report.problems.push(problem('signing_certificate_mismatch'));
  }
}

function readOid(der: Buffer): string | null {
  try {
    return oidOf(der, readTlv(der, 0), 'OID');
  } catch {
    return null;
  }
}

/** UTCTime or GeneralizedTime DER to a Date. */
function asn1Time(der: Buffer): Date | null {
  const node = readTlv(der, 0);
  const s = der.subarray(node.contentStart, node.contentEnd).toString('latin1');
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
  if (!m) return null;
  let year = Number(m[1]);
  if (m[1]!.length === 2) year += year < 50 ? 2000 : 1900;
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  );
}

function findSignerCertificate(parts: SignedDataParts, carried: CertificateView[]): CertificateView | null {
  const sid = parts.signer;
  if (sid.kind === 'issuerAndSerial') {
    return (
      carried.find((c) => {
        const tbs = childrenOf(c.der, childrenOf(c.der, readTlv(c.der, 0))[0]!);
        const shift = tbs[0]?.cls === 2 ? 1 : 0;
        const issuer = tbs[2 + shift]!;
        return (
          c.x509.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, '') === sid.serialHex &&
          c.der.subarray(issuer.start, issuer.end).equals(sid.issuer)
        );
      }) ?? null
    );
  }
  // A subjectKeyIdentifier: the certificate whose key verifies the signature.
  const hash = DIGESTS[parts.digestAlgorithm];
  const data = parts.signedAttributesDer;
  if (!hash || !data) return null;
  return (
    carried.find((c) => {
      try {
        return cryptoVerify(hash, data, c.x509.publicKey, parts.signature);
      } catch {
        return false;
      }
    }) ?? null
  );
}

function verifyOne(pdf: Buffer, dict: SignatureDictionary, roots: CertificateView[]): SignatureReport {
  const report = emptyReport(dict);
  if (!dict.subFilter || !SUPPORTED_SUBFILTERS.has(dict.subFilter))
    report.problems.push(problem('subfilter_unsupported'));
  const cms = checkByteRange(pdf, report);
  if (!cms) return report;
  let parts: SignedDataParts;
  try {
    parts = readSignedData(cms);
  } catch {
    report.problems.push(problem('cms_unparseable'));
    return report;
  }
  if (parts.structureProblems.length > 0 || cms.subarray(parts.length).some((byte) => byte !== 0)) {
    report.problems.push(problem('cms_structure_invalid'));
  }
  const [, b, c, d] = report.byteRange!;
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const carried = parts.certificates.flatMap((der) => {
    try {
      return [readCertificate(der)];
    } catch {
      report.problems.push(problem('cms_certificate_unparseable'));
      return [];
    }
  });
  const cert = findSignerCertificate(parts, carried);
  if (!cert) {
    report.problems.push(problem('signer_certificate_missing'));
    return report;
  }
  report.signer = identityOf(cert);
  report.isDemo = report.signer.isDemo;
  checkSignerInfo(parts, signed, cert, report);
  const chain = buildChain(cert, carried, roots, report.signingTime ?? new Date());
  report.chainTrusted = chain.trusted;
  if (!chain.trusted) report.problems.push(problem('chain_untrusted'));
  if (chain.outOfValidity.includes(cert))
    report.problems.push(problem('certificate_not_valid_at_signing_time'));
  else if (chain.outOfValidity.length > 0) report.problems.push(problem('issuer_not_valid_at_signing_time'));
  return report;
}

export function verifyPdfSignatures(pdf: Buffer, options: VerifyOptions): VerificationReport {
  const roots = readTrustedRoots(options.trustedRoots, pemToDer);
  const signatures = findSignatureDictionaries(pdf).map((dict) => {
    try {
      return verifyOne(pdf, dict, roots);
    } catch {
      // Hostile input must give a verdict, never an exception: whatever broke, it is not valid.
      const report = emptyReport(dict);
      report.problems.push(problem('cms_unparseable'));
      return report;
    }
  });
  // Bytes after a signature are fine when a later signature covers them (a countersignature).
  const checked = signatures.filter((s) => s.byteRange && (s.coversWholeFile || s.bytesAfterSignedRange > 0));
  const lastEnd = Math.max(0, ...checked.map((s) => s.byteRange![2] + s.byteRange![3]));
  for (const s of checked) {
    if (s.coversWholeFile) continue;
    s.problems.push(problem(lastEnd === pdf.length ? 'later_revision' : 'modified_after_signing'));
  }
  for (const s of signatures) s.valid = s.problems.every((p) => p.severity !== 'error');
  const valid = signatures.length > 0 && signatures.every((s) => s.valid);
  return { signed: signatures.length > 0, valid, signatures, summary: summarise(signatures, valid) };
}
