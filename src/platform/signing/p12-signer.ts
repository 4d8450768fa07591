/**
 * A signer holding its key in a PKCS#12 file (.p12/.pfx) read from a path the caller gives, with a
 * passphrase the caller gives: never from the database. The file is parsed once; each signature
 * then costs one RSA operation in node's crypto (native), not node-forge's pure-JS RSA.
 */
import { createPrivateKey, type KeyObject, sign as rsaSign } from 'node:crypto';
import fs from 'node:fs/promises';
import forge from 'node-forge';
import { certificateToDer, identityOf, readCertificate } from './certificates.js';
import { type KeyHolder, signPdfWith } from './pdf-signing.js';
import { type PdfSigner, type SignatureInfo, type SignerIdentity, SigningError } from './types.js';

interface P12Contents {
  key: forge.pki.rsa.PrivateKey;
  certificates: forge.pki.Certificate[];
}

/** Opens a P12 with its passphrase; SigningError with a clear code on a wrong passphrase. */
export function openP12(p12: Buffer, passphrase: string): P12Contents {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(p12.toString('binary'));
  } catch {
    throw new SigningError(
      'signing.p12_unreadable',
      'Tệp chứng thư số (P12) bị hỏng.',
      'The P12 file is not valid DER.',
    );
  }
  let p12Store: forge.pkcs12.Pkcs12Pfx;
  try {
    p12Store = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (e) {
    const message = (e as Error).message;
    if (/MAC could not be verified|Invalid password/i.test(message)) {
      throw new SigningError(
        'signing.p12_bad_passphrase',
        'Sai mật khẩu của tệp chứng thư số (P12).',
        'Wrong passphrase for the P12 file.',
      );
    }
    throw new SigningError('signing.p12_unreadable', 'Tệp chứng thư số (P12) bị hỏng.', message);
  }
  const keyBags = [
    ...(p12Store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ] ?? []),
    ...(p12Store.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certBags = p12Store.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  const certificates = certBags.flatMap((b) => (b.cert ? [b.cert] : []));
  if (!key || certificates.length === 0) {
    throw new SigningError(
      'signing.p12_no_key',
      'Tệp P12 không có khóa bí mật hoặc chứng thư số.',
      'The P12 file holds no private key or no certificate.',
    );
  }
  return { key, certificates };
}

export class P12Signer implements PdfSigner {
  private readonly identity: SignerIdentity;

  private constructor(
    private readonly privateKey: KeyObject,
    private readonly certificate: Buffer,
    private readonly chain: Buffer[],
  ) {
    this.identity = identityOf(readCertificate(certificate));
  }

  static fromBuffer(p12: Buffer, passphrase: string): P12Signer {
    const { key, certificates } = openP12(p12, passphrase);
    const own = certificates.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n?.equals(key.n) && pub.e?.equals(key.e);
    });
    if (!own) {
      throw new SigningError(
        'signing.p12_no_key',
        'Tệp P12 không có chứng thư số khớp với khóa bí mật.',
        'No certificate in the P12 file matches its private key.',
      );
    }
    const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
    // Trust anchors stay out of the CMS: verifiers use their own copy, and a certificate that no
    // check covers would be bytes in /Contents that could change without making the signature invalid.
    const chain = certificates.filter((c) => c !== own && !c.isIssuer(c)).map(certificateToDer);
    return new P12Signer(privateKey, certificateToDer(own), chain);
  }

  static async fromFile(file: string, passphrase: string): Promise<P12Signer> {
    return P12Signer.fromBuffer(await fs.readFile(file), passphrase);
  }

  describe(): SignerIdentity {
    return { ...this.identity };
  }

  sign(pdf: Buffer, info: SignatureInfo): Promise<Buffer> {
    const holder: KeyHolder = {
      certificate: this.certificate,
      chain: this.chain,
      sign: async (data) => rsaSign('sha256', data, this.privateKey),
    };
    return signPdfWith(pdf, info, holder);
  }
}
