/**
 * Certificate path from a signer certificate to one of the trusted roots, through the
 * certificates the CMS carries. Revocation (CRL/OCSP) is not checked: the demo PKI publishes
 * none, and real CAs' endpoints are a deployment concern for the module that accepts uploads.
 */
import type { X509Certificate } from 'node:crypto';
import { type CertificateView, readCertificate } from './certificates.js';

export interface ChainResult {
  trusted: boolean;
  /** Signer first, root last, as far as the path could be built. */
  path: CertificateView[];
  /** Certificates of the path not valid at `at`. */
  outOfValidity: CertificateView[];
}

const MAX_DEPTH = 8;

const issuedBy = (child: X509Certificate, parent: X509Certificate): boolean =>
  child.checkIssued(parent) && parent.ca && child.verify(parent.publicKey);

const validAt = (cert: X509Certificate, at: Date): boolean =>
  new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);

export function buildChain(
  signer: CertificateView,
  carried: CertificateView[],
  trustedRoots: CertificateView[],
  at: Date,
): ChainResult {
  const path = [signer];
  const trustedPrints = new Set(trustedRoots.map((r) => r.x509.fingerprint256));
  let current = signer;
  let trusted = trustedPrints.has(current.x509.fingerprint256);
  while (!trusted && path.length <= MAX_DEPTH) {
    const next =
      trustedRoots.find((r) => issuedBy(current.x509, r.x509)) ??
      carried.find((c) => !path.includes(c) && issuedBy(current.x509, c.x509));
    if (!next) break;
    path.push(next);
    current = next;
    trusted = trustedPrints.has(next.x509.fingerprint256);
  }
  return { trusted, path, outOfValidity: path.filter((c) => !validAt(c.x509, at)) };
}

export function readTrustedRoots(pems: string[], pemToDer: (pem: string) => Buffer[]): CertificateView[] {
  return pems.flatMap(pemToDer).map(readCertificate);
}
