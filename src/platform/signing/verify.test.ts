import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import fc from 'fast-check';
import forge from 'node-forge';
import { createDemoPki, P12Signer, type SignatureProblemCode, verifyPdfSignatures } from './index.js';
import { openP12 } from './p12-signer.js';
import { addSignaturePlaceholder } from './pdf-signing.js';
import {
  AGENCY,
  cmsLength,
  type Fixture,
  lastByteRange,
  OTHER_AGENCY,
  PKI_TIME,
  passphrase,
  resultDocument,
  SIGNING_TIME,
  setUpPki,
  tempDir,
} from './signing-fixtures.js';

let fx: Fixture;
let signed: Buffer;
let trust: { trustedRoots: string[] };
let foreignRoot: string;
let foreignDir: string;

before(async () => {
  fx = await setUpPki();
  const { pdf, info } = await resultDocument();
  signed = await fx.signer.sign(pdf, info);
  trust = { trustedRoots: [fx.pki.rootPem] };
  foreignDir = await tempDir('foreign-pki');
  foreignRoot = (await createDemoPki({ dir: foreignDir, agencies: [], passphrase, now: PKI_TIME })).rootPem;
});
after(async () => {
  await fs.rm(fx.dir, { recursive: true, force: true });
  await fs.rm(foreignDir, { recursive: true, force: true });
});

const codes = (pdf: Buffer, options = trust) =>
  verifyPdfSignatures(pdf, options).signatures.flatMap((s) => s.problems.map((p) => p.code));

function edit(pdf: Buffer, at: number, bytes: string): Buffer {
  const copy = Buffer.from(pdf);
  copy.write(bytes, at, 'latin1');
  return copy;
}

/**
 * node-forge's PKCS#7 signer, as @signpdf/signer-p12 uses it: another producer's CMS encoding.
 * forge re-encodes a parsed UTF8String issuer name as UTF-8 a second time, so the signer identifier
 * would name no certificate (with signer-p12 itself pdfsig says "Unknown Validation Failure" on our
 * Vietnamese-named root); handing it the decoded names avoids that.
 */
class ForgePkcs7Signer extends Signer {
  constructor(private readonly digest: 'sha256' | 'sha1') {
    super();
  }
  override async sign(content: Buffer): Promise<Buffer> {
    const p12 = await fs.readFile(fx.pki.agencies[0]!.p12File);
    const { key, certificates } = openP12(p12, passphrase(AGENCY.code));
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    p7.addCertificate(certificates[0]!);
    const cert = certificates[0]!;
    const issuer = cert.issuer.attributes.map((a) =>
      (a.valueTagClass as unknown) === forge.asn1.Type.UTF8
        ? { ...a, value: forge.util.decodeUtf8(String(a.value)) }
        : a,
    );
    // @types/node-forge lists only the certificate form; forge also takes issuer + serialNumber.
    p7.addSigner({
      key,
      issuer,
      serialNumber: cert.serialNumber,
      digestAlgorithm: forge.pki.oids[this.digest]!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: new Date('2026-12-03T00:00:00Z') as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

async function signWithForge(subFilter: string, digest: 'sha256' | 'sha1'): Promise<Buffer> {
  const { pdf, info } = await resultDocument();
  const prepared = addSignaturePlaceholder(pdf, info);
  const withSubFilter = Buffer.from(
    prepared
      .toString('latin1')
      .replace(`/SubFilter /${SUBFILTER_ETSI_CADES_DETACHED}`, (m) =>
        `/SubFilter /${subFilter}`.padEnd(m.length, ' '),
      ),
    'latin1',
  );
  return new SignPdf().sign(withSubFilter, new ForgePkcs7Signer(digest));
}

describe('verifier problem codes', () => {
  const cases: Array<{
    name: string;
    make: () => Buffer | Promise<Buffer>;
    expect: SignatureProblemCode[];
    options?: () => { trustedRoots: string[] };
  }> = [
    {
      name: 'a byte of the signed range changed',
      make: () => edit(signed, 300, signed[300] === 0x41 ? 'B' : 'A'),
      expect: ['message_digest_mismatch'],
    },
    {
      name: 'a byte of the CMS signature value changed',
      make: () => {
        const [, b] = lastByteRange(signed);
        const at = b + 1 + 2 * cmsLength(signed) - 4;
        return edit(signed, at, signed[at] === 0x30 ? '1' : '0');
      },
      expect: ['signature_invalid'],
    },
    {
      name: 'a byte of the zero padding after the CMS changed',
      make: () => edit(signed, lastByteRange(signed)[1] + 1 + 2 * cmsLength(signed) + 10, '7'),
      expect: ['cms_structure_invalid'],
    },
    {
      name: 'a non-hex character in /Contents',
      make: () => edit(signed, lastByteRange(signed)[1] + 40, 'x'),
      expect: ['contents_hole_mismatch'],
    },
    {
      name: 'CMS that is not DER',
      make: () => edit(signed, lastByteRange(signed)[1] + 1, 'ff'),
      expect: ['cms_unparseable'],
    },
    {
      name: 'a /ByteRange that does not start at 0',
      make: () => {
        const at = signed.indexOf('/ByteRange [0 ');
        return edit(signed, at + '/ByteRange ['.length, '1');
      },
      expect: ['byte_range_malformed'],
    },
    {
      name: 'a /SubFilter we do not verify',
      make: () => {
        const at = signed.indexOf('/ETSI.CAdES.detached');
        return edit(signed, at, '/adbe.x509.rsa_sha1 ');
      },
      expect: ['subfilter_unsupported', 'message_digest_mismatch'],
    },
    {
      name: 'a root we do not trust',
      make: () => signed,
      options: () => ({ trustedRoots: [foreignRoot] }),
      expect: ['chain_untrusted'],
    },
    {
      name: 'no trusted roots at all',
      make: () => signed,
      options: () => ({ trustedRoots: [] }),
      expect: ['chain_untrusted'],
    },
    {
      name: 'signed after the certificate expired',
      make: async () => {
        const late = new Date(fx.signer.describe().notAfter.getTime() + 86_400_000);
        const { pdf, info } = await resultDocument(late);
        return fx.signer.sign(pdf, info);
      },
      expect: ['certificate_not_valid_at_signing_time'],
    },
    {
      name: 'bytes appended after signing',
      make: () => Buffer.concat([signed, Buffer.from('\n% thêm sau khi ký\n')]),
      expect: ['modified_after_signing'],
    },
    {
      name: 'a SHA-1 digest',
      make: () => signWithForge(SUBFILTER_ADOBE_PKCS7_DETACHED, 'sha1'),
      expect: ['digest_algorithm_weak'],
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.expect.join(', ')}`, async () => {
      const pdf = await c.make();
      const report = verifyPdfSignatures(pdf, c.options?.() ?? trust);
      assert.deepEqual(codes(pdf, c.options?.() ?? trust).sort(), [...c.expect].sort());
      assert.equal(report.valid, false);
    });
  }

  it('says when a PDF has no signature', async () => {
    const { pdf } = await resultDocument();
    const report = verifyPdfSignatures(pdf, trust);
    assert.deepEqual(report, {
      signed: false,
      valid: false,
      signatures: [],
      summary: 'Tệp PDF không có chữ ký số.',
    });
  });

  it('any one-byte change anywhere in the signed ranges or the /Contents hole makes the signature invalid', () => {
    const [, b, c] = lastByteRange(signed);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: signed.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, xor) => {
          const copy = Buffer.from(signed);
          copy[at] = copy[at]! ^ xor;
          return !verifyPdfSignatures(copy, trust).valid;
        },
      ),
      { numRuns: 300 },
    );
    // And every byte of the CMS itself, changed to another hex digit.
    const end = b + 1 + 2 * cmsLength(signed);
    for (let at = b + 1; at < end; at++) {
      const copy = edit(signed, at, signed[at] === 0x30 ? '8' : '0');
      assert.equal(verifyPdfSignatures(copy, trust).valid, false, `byte ${at - b - 1} of /Contents`);
    }
    assert.ok(c > end);
  });
});

describe('signatures made by other producers and several signatures', () => {
  it('accepts an adbe.pkcs7.detached CMS from node-forge and reads its signing-time attribute', async () => {
    const report = verifyPdfSignatures(await signWithForge(SUBFILTER_ADOBE_PKCS7_DETACHED, 'sha256'), trust);
    assert.equal(report.valid, true, JSON.stringify(report.signatures[0]?.problems));
    assert.equal(report.signatures[0]?.signingTime?.toISOString(), '2026-12-03T00:00:00.000Z');
    assert.equal(report.signatures[0]?.signer?.commonName, AGENCY.name);
  });

  it('warns, without failing, when a CAdES signature lacks signing-certificate-v2', async () => {
    const report = verifyPdfSignatures(await signWithForge(SUBFILTER_ETSI_CADES_DETACHED, 'sha256'), trust);
    assert.equal(report.valid, true);
    assert.deepEqual(
      report.signatures[0]?.problems.map((p) => [p.code, p.severity]),
      [['signing_certificate_missing', 'warning']],
    );
  });

  it('verifies a countersignature: the first signature covers its revision, the second the whole file', async () => {
    const twice = await fx.other.sign(signed, {
      reason: 'Ký số xác nhận',
      location: 'Bãi Cháy',
      signerName: OTHER_AGENCY.name,
      signingTime: new Date(SIGNING_TIME.getTime() + 3600_000),
    });
    const report = verifyPdfSignatures(twice, trust);
    assert.equal(report.valid, true, JSON.stringify(report.signatures.map((s) => s.problems)));
    assert.deepEqual(
      report.signatures.map((s) => [s.signer?.commonName, s.coversWholeFile, s.problems.map((p) => p.code)]),
      [
        [AGENCY.name, false, ['later_revision']],
        [OTHER_AGENCY.name, true, []],
      ],
    );
  });
});

describe('P12Signer loaded once signs many documents', () => {
  it('gives each document its own valid signature', async () => {
    const signer = await P12Signer.fromFile(fx.pki.agencies[1]!.p12File, passphrase(OTHER_AGENCY.code));
    const docs = await Promise.all([1, 2, 3].map(() => resultDocument(SIGNING_TIME, OTHER_AGENCY)));
    const signedDocs = await Promise.all(docs.map(({ pdf, info }) => signer.sign(pdf, info)));
    for (const pdf of signedDocs) assert.equal(verifyPdfSignatures(pdf, trust).valid, true);
  });
});
