import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.js';
import { checkFileKind, type FileKindName, SNIFF_BYTES } from './file-kind.js';
import {
  cfbBytes,
  docxBytes,
  jpegBytes,
  MSI_CLSID,
  MZ_BYTES,
  odfBytes,
  PDF_BYTES,
  pngBytes,
  TIFF_BYTES,
  xlsxBytes,
  zipBytes,
} from './test-fixtures.js';

const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

const check = (bytes: Buffer, fileName: string) =>
  checkFileKind({
    head: bytes.subarray(0, SNIFF_BYTES),
    size: bytes.length,
    fileName,
    loadWhole: async () => bytes,
  });

const accepted: [string, Buffer, string, FileKindName, string][] = [
  ['PDF', PDF_BYTES, 'to-khai.pdf', 'pdf', 'application/pdf'],
  ['JPEG', jpegBytes(), 'anh-cccd.JPG', 'jpeg', 'image/jpeg'],
  ['JPEG as .jpeg', jpegBytes(), 'anh.jpeg', 'jpeg', 'image/jpeg'],
  ['PNG', pngBytes(), 'so-do.png', 'png', 'image/png'],
  ['TIFF', TIFF_BYTES, 'ban-scan.tif', 'tiff', 'image/tiff'],
  ['DOC', cfbBytes(['WordDocument', '1Table']), 'don.doc', 'doc', 'application/msword'],
  ['XLS', cfbBytes(['Workbook']), 'bang-ke.xls', 'xls', 'application/vnd.ms-excel'],
  ['XLS (Excel 5 "Book")', cfbBytes(['Book']), 'cu.xls', 'xls', 'application/vnd.ms-excel'],
  [
    'DOCX',
    docxBytes(),
    'mau-don.docx',
    'docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    'XLSX',
    xlsxBytes(),
    'bang.xlsx',
    'xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  ['ODT', odfBytes(ODT), 'don.odt', 'odt', ODT],
  ['ODS', odfBytes(ODS), 'bang.ods', 'ods', ODS],
  ['no extension', PDF_BYTES, 'to-khai', 'pdf', 'application/pdf'],
];

const refused: [string, Buffer, string, string, RegExp?][] = [
  ['empty file', Buffer.alloc(0), 'a.pdf', 'attachment.empty'],
  [
    'plain text',
    Buffer.from('Xin chào, đây là văn bản thường'),
    'a.txt',
    'attachment.type_not_allowed',
    /PDF, JPEG/,
  ],
  [
    'GIF',
    Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1'),
    'a.gif',
    'attachment.type_not_allowed',
    /GIF/,
  ],
  ['plain ZIP', zipBytes([{ name: 'a.txt', data: 'x' }]), 'a.zip', 'attachment.type_not_allowed', /ZIP/],
  ['PowerPoint binary', cfbBytes(['PowerPoint Document']), 'a.ppt', 'attachment.type_not_allowed'],
  ['MZ named scan.pdf', MZ_BYTES, 'scan.pdf', 'attachment.executable'],
  [
    'ELF',
    Buffer.concat([Buffer.from('\u007fELF\u0002\u0001\u0001', 'latin1'), Buffer.alloc(60)]),
    'a.jpg',
    'attachment.executable',
  ],
  [
    'Mach-O',
    Buffer.concat([Buffer.from('cffaedfe07000001', 'hex'), Buffer.alloc(60)]),
    'a.png',
    'attachment.executable',
  ],
  ['shell script', Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'a.pdf', 'attachment.executable'],
  [
    'Java archive',
    zipBytes([
      { name: 'META-INF/MANIFEST.MF', data: 'Main-Class: A\n' },
      { name: 'A.txt', data: 'x' },
    ]),
    'a.docx',
    'attachment.executable',
  ],
  ['MSI installer', cfbBytes(['Table'], MSI_CLSID), 'setup.doc', 'attachment.executable'],
  ['PNG named .pdf', pngBytes(), 'giay-to.pdf', 'attachment.extension_mismatch', /PNG/],
  ['PDF named .exe', PDF_BYTES, 'a.exe', 'attachment.extension_mismatch', /PDF/],
  ['DOCX named .xlsx', docxBytes(), 'a.xlsx', 'attachment.extension_mismatch', /DOCX/],
  [
    'DOCX with vbaProject.bin',
    docxBytes([{ name: 'word/vbaProject.bin', data: 'VBA' }]),
    'a.docx',
    'attachment.executable_inside',
    /vbaProject\.bin/,
  ],
  [
    'XLSX with a .exe entry',
    xlsxBytes([{ name: 'xl/media/setup.exe', data: 'x' }]),
    'a.xlsx',
    'attachment.executable_inside',
    /setup\.exe/,
  ],
  [
    'DOCX with a renamed MZ entry',
    docxBytes([{ name: 'word/media/image1.png', data: MZ_BYTES, deflate: true }]),
    'a.docx',
    'attachment.executable_inside',
    /image1/,
  ],
  [
    'DOCX with a script',
    docxBytes([{ name: 'word/x.vbs', data: 'x' }]),
    'a.docx',
    'attachment.executable_inside',
  ],
  [
    'DOCX with an encrypted entry',
    docxBytes([{ name: 'word/a.xml', data: 'x', encrypted: true }]),
    'a.docx',
    'attachment.executable_inside',
  ],
  [
    'ODT with Basic macros',
    odfBytes(ODT, [{ name: 'Basic/Standard/Module1.xml', data: '<x/>' }]),
    'a.odt',
    'attachment.executable_inside',
  ],
  [
    'DOC with macros',
    cfbBytes(['WordDocument', 'Macros']),
    'a.doc',
    'attachment.executable_inside',
    /Macros/,
  ],
  ['XLS with VBA', cfbBytes(['Workbook', '_VBA_PROJECT_CUR']), 'a.xls', 'attachment.executable_inside'],
  [
    'DOC with an embedded package',
    cfbBytes(['WordDocument', '\u0001Ole10Native']),
    'a.doc',
    'attachment.executable_inside',
  ],
  ['truncated DOCX', docxBytes().subarray(0, 200), 'a.docx', 'attachment.unreadable'],
  ['truncated DOC', cfbBytes(['WordDocument']).subarray(0, 600), 'a.doc', 'attachment.unreadable'],
];

describe('checkFileKind', () => {
  for (const [title, bytes, name, kind, mediaType] of accepted) {
    it(`accepts ${title}`, async () => {
      assert.deepEqual(await check(bytes, name), { kind, mediaType });
    });
  }

  for (const [title, bytes, name, code, message] of refused) {
    it(`refuses ${title} with ${code}`, async () => {
      await assert.rejects(check(bytes, name), (e: unknown) => {
        assert.ok(e instanceof AppError, String(e));
        assert.equal(e.code, code);
        assert.equal(e.status, 422);
        assert.ok(e.text.vi.length > 0 && e.text.en.length > 0 && e.text.vi !== e.text.en);
        if (message) assert.match(`${e.text.vi} ${e.text.en}`, message);
        return true;
      });
    });
  }

  it('never trusts the name: the same bytes give the same kind under any allowed name', async () => {
    for (const name of ['a.pdf', 'A.PDF', 'tờ khai.pdf', 'x'])
      assert.equal((await check(PDF_BYTES, name)).kind, 'pdf');
  });

  it('reads the whole file only for office containers', async () => {
    let reads = 0;
    const bytes = pngBytes();
    await checkFileKind({
      head: bytes,
      size: bytes.length,
      fileName: 'a.png',
      loadWhole: async () => {
        reads++;
        return bytes;
      },
    });
    assert.equal(reads, 0);
    const docx = docxBytes();
    await checkFileKind({
      head: docx.subarray(0, 10),
      size: docx.length,
      fileName: 'a.docx',
      loadWhole: async () => {
        reads++;
        return docx;
      },
    });
    assert.equal(reads, 1);
  });
});
