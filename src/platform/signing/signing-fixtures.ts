/**
 * Shared by this folder's tests only: a demo PKI in a temporary folder and a signed pdfkit
 * result document with Vietnamese text and a visible signature block.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createA4Document, toBuffer } from '../pdf/index.js';
import { createDemoPki, type DemoPki } from './demo-pki.js';
import { P12Signer } from './p12-signer.js';
import { drawSignatureBlock } from './signature-block.js';
import type { SignatureInfo } from './types.js';

export const AGENCY = { code: '000.00.12.H56', name: 'Ủy ban nhân dân phường Hạ Long' };
export const OTHER_AGENCY = { code: '000.00.13.H56', name: 'Ủy ban nhân dân phường Bãi Cháy' };
export const TITLE = 'Giấy chứng nhận đăng ký hộ kinh doanh — Ủy ban nhân dân phường Hạ Long';
/** The PKI's clock; signatures are made a day later. */
export const PKI_TIME = new Date('2026-12-01T01:00:00Z');
export const SIGNING_TIME = new Date('2026-12-02T02:30:00Z');
export const BOX = { x: 300, y: 600, width: 230, height: 72 };

/** Stands in for the sealed secret the application derives per P12. */
export const passphrase = (name: string) => `demo-passphrase:${name}`;

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `motcua-${prefix}-`));
}

export interface Fixture {
  dir: string;
  pki: DemoPki;
  signer: P12Signer;
  other: P12Signer;
}

export async function setUpPki(): Promise<Fixture> {
  const dir = await tempDir('signing');
  const pki = await createDemoPki({ dir, agencies: [AGENCY, OTHER_AGENCY], passphrase, now: PKI_TIME });
  const signer = await P12Signer.fromFile(pki.agencies[0]!.p12File, passphrase(AGENCY.code));
  const other = await P12Signer.fromFile(pki.agencies[1]!.p12File, passphrase(OTHER_AGENCY.code));
  return { dir, pki, signer, other };
}

/** A one-page result document with the visible signature block; returns the PDF and the info to sign it. */
export async function resultDocument(
  signingTime = SIGNING_TIME,
  agency = AGENCY,
): Promise<{ pdf: Buffer; info: SignatureInfo }> {
  const doc = createA4Document({ title: TITLE, author: agency.name, createdAt: signingTime });
  doc.font('serif-bold').fontSize(14).text(TITLE, { align: 'center' });
  doc.font('serif').fontSize(12).moveDown().text('Số: 12/GCN-UBND. Hộ kinh doanh Nguyễn Thị Hường.');
  const widget = drawSignatureBlock(doc, BOX, {
    signerName: agency.name,
    agencyName: agency.name,
    signingTime,
    demo: true,
  });
  const pdf = await toBuffer(doc);
  const info: SignatureInfo = {
    reason: 'Ký số kết quả giải quyết thủ tục hành chính',
    location: 'Hạ Long, Quảng Ninh',
    signerName: agency.name,
    contactInfo: 'vanphong@halong.example.vn',
    signingTime,
    widget,
  };
  return { pdf, info };
}

/** The /ByteRange of the last signature. */
export function lastByteRange(pdf: Buffer): [number, number, number, number] {
  const all = [...pdf.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)];
  const m = all[all.length - 1]!;
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** The CMS length in bytes inside /Contents (before the zero padding). */
export function cmsLength(pdf: Buffer): number {
  const [, b, c] = lastByteRange(pdf);
  return (
    pdf
      .subarray(b + 1, c - 1)
      .toString('latin1')
      .replace(/(00)+$/, '').length / 2
  );
}
