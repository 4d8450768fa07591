import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { flatten, pdfText } from '../../../test/pdf-text.js';
import { createA4Document, toBuffer } from '../pdf/index.js';
import { DEMO_ROOT_NAME, drawSignatureBlock, P12Signer, SigningError, verifyPdfSignatures } from './index.js';
import {
  AGENCY,
  BOX,
  type Fixture,
  lastByteRange,
  passphrase,
  resultDocument,
  SIGNING_TIME,
  setUpPki,
  TITLE,
} from './signing-fixtures.js';

const run = promisify(execFile);
// Poppler is an extra check (ARCHITECTURE.md §7): npm test must pass on a machine without it.
const PDFSIG = ['/usr/bin/pdfsig', '/usr/local/bin/pdfsig'].find((p) => existsSync(p));
const skipWithoutPdfsig = PDFSIG ? false : 'pdfsig (poppler-utils) is not installed';

let fx: Fixture;
let signed: Buffer;
let original: Buffer;

before(async () => {
  fx = await setUpPki();
  const { pdf, info } = await resultDocument();
  original = pdf;
  signed = await fx.signer.sign(pdf, info);
});
after(() => fs.rm(fx.dir, { recursive: true, force: true }));

async function pdfsig(pdf: Buffer): Promise<string> {
  const file = path.join(fx.dir, `pdfsig-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  await fs.writeFile(file, pdf);
  // pdfsig exits non-zero when a signature or certificate does not validate; its report is still on stdout.
  const result = await run(PDFSIG!, [file]).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return result.stdout;
}

function flip(pdf: Buffer, at: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('signing a pdfkit result document', () => {
  it('describes the signer from its demo certificate', () => {
    const me = fx.signer.describe();
    assert.equal(me.commonName, AGENCY.name);
    assert.equal(me.organisation, AGENCY.name);
    assert.equal(me.agencyCode, AGENCY.code);
    assert.equal(me.issuer, DEMO_ROOT_NAME);
    assert.equal(me.isDemo, true);
    assert.match(me.serialNumber, /^[0-9a-f]+$/);
  });

  it('is valid for our verifier, with the agency as signer and the whole file signed', () => {
    const report = verifyPdfSignatures(signed, { trustedRoots: [fx.pki.rootPem] });
    assert.equal(report.valid, true, JSON.stringify(report.signatures[0]?.problems));
    assert.equal(report.signatures.length, 1);
    const [s] = report.signatures;
    assert.equal(s!.signer?.commonName, AGENCY.name);
    assert.equal(s!.signer?.organisation, AGENCY.name);
    assert.equal(s!.subFilter, 'ETSI.CAdES.detached');
    assert.equal(s!.digestAlgorithm, 'sha256');
    assert.equal(s!.messageDigestMatches, true);
    assert.equal(s!.signatureVerifies, true);
    assert.equal(s!.coversWholeFile, true);
    assert.equal(s!.chainTrusted, true);
    assert.equal(s!.isDemo, true);
    assert.deepEqual(s!.problems, []);
    assert.equal(s!.signingTime?.toISOString(), SIGNING_TIME.toISOString());
    assert.equal(s!.name, AGENCY.name);
    assert.equal(s!.reason, 'Ký số kết quả giải quyết thủ tục hành chính');
    assert.equal(s!.location, 'Hạ Long, Quảng Ninh');
    assert.equal(report.summary, 'Chữ ký số hợp lệ (chứng thư số demo, không có giá trị pháp lý).');
    const [a, b, c, d] = s!.byteRange!;
    assert.equal(a, 0);
    assert.equal(c + d, signed.length);
    assert.equal(signed[b], 0x3c);
    assert.equal(signed[c - 1], 0x3e);
  });

  it('keeps the original document as the first revision and lays the widget on the visible block', () => {
    assert.ok(signed.subarray(0, original.length - 1).equals(original.subarray(0, original.length - 1)));
    const text = signed.toString('latin1');
    const rect = /\/Subtype \/Widget[\s\S]*?\/Rect \[([^\]]+)\]/.exec(text)?.[1]?.split(/\s+/).map(Number);
    const height = 841.89;
    assert.deepEqual(rect, [BOX.x, height - (BOX.y + BOX.height), BOX.x + BOX.width, height - BOX.y]);
  });

  it('still yields the Vietnamese text, the signature block included', async () => {
    const text = flatten(await pdfText(signed));
    for (const phrase of [
      TITLE,
      'Hộ kinh doanh Nguyễn Thị Hường',
      `Ký bởi: ${AGENCY.name}`,
      `Cơ quan: ${AGENCY.name}`,
      'Thời gian ký: 02/12/2026 09:30 (giờ Việt Nam)',
      'Chứng thư số demo — không có giá trị pháp lý',
    ]) {
      assert.ok(text.includes(phrase), `missing: ${phrase}`);
    }
  });

  it('is invalid after one byte changes in the signed range', () => {
    const tampered = flip(signed, 200);
    const report = verifyPdfSignatures(tampered, { trustedRoots: [fx.pki.rootPem] });
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.signatures[0]?.problems.map((p) => p.code),
      ['message_digest_mismatch'],
    );
    assert.match(report.summary, /^Chữ ký số không hợp lệ: Nội dung tệp đã bị thay đổi/);
  });

  it('refuses a visible block that is not on the first page', async () => {
    const doc = createA4Document({ title: TITLE, author: AGENCY.name, createdAt: SIGNING_TIME });
    doc.text(TITLE);
    doc.addPage();
    const widget = drawSignatureBlock(doc, BOX, {
      signerName: 'A',
      agencyName: 'B',
      signingTime: SIGNING_TIME,
    });
    assert.equal(widget.page, 1);
    const pdf = await toBuffer(doc);
    await assert.rejects(
      fx.signer.sign(pdf, { reason: 'r', location: 'l', signerName: 'n', signingTime: SIGNING_TIME, widget }),
      (e: unknown) => e instanceof SigningError && e.code === 'signing.widget_not_on_first_page',
    );
  });

  it('refuses what is not a PDF', async () => {
    await assert.rejects(
      fx.signer.sign(Buffer.from('không phải PDF\n%%EOF'), {
        reason: 'r',
        location: 'l',
        signerName: 'n',
        signingTime: SIGNING_TIME,
      }),
      (e: unknown) => e instanceof SigningError && e.code === 'signing.not_a_pdf',
    );
  });
});

describe('P12 files', () => {
  it('says clearly when the passphrase is wrong', async () => {
    await assert.rejects(
      P12Signer.fromFile(fx.pki.agencies[0]!.p12File, 'sai mật khẩu'),
      (e: unknown) =>
        e instanceof SigningError &&
        e.code === 'signing.p12_bad_passphrase' &&
        e.text.vi === 'Sai mật khẩu của tệp chứng thư số (P12).',
    );
  });

  it('says so when the file is not a P12 at all', () => {
    assert.throws(
      () => P12Signer.fromBuffer(Buffer.from('%PDF-1.7'), passphrase(AGENCY.code)),
      (e: unknown) => e instanceof SigningError && e.code === 'signing.p12_unreadable',
    );
  });
});

describe('poppler pdfsig (extra check)', { skip: skipWithoutPdfsig }, () => {
  it('reports the signature valid, CAdES detached, SHA-256, signed by the agency', async () => {
    const out = await pdfsig(signed);
    assert.match(out, /- Signature Validation: Signature is Valid\./);
    assert.match(out, /- Signature Type: ETSI\.CAdES\.detached/);
    assert.match(out, /- Signing Hash Algorithm: SHA-256/);
    assert.match(out, /- Signer Certificate Common Name: Ủy ban nhân dân phường Hạ Long/);
    assert.match(out, /- Total document signed/);
    // The demo root is not in poppler's NSS store; trust is our verifier's job (trustedRoots).
    assert.match(out, /- Certificate Validation: /);
  });

  it('does not report a tampered file valid', async () => {
    const [, b] = lastByteRange(signed);
    const tampered = flip(signed, Math.floor(b / 2));
    assert.equal(verifyPdfSignatures(tampered, { trustedRoots: [fx.pki.rootPem] }).valid, false);
    const out = await pdfsig(tampered);
    assert.match(out, /- Signature Validation: /);
    assert.doesNotMatch(out, /Signature is Valid/);
  });
});
