import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { CFB_SIGNATURE } from './cfb-directory.js';

/**
 * Small real files built in memory for the attachment tests: every format is made from its spec
 * here, so the tests need no binary fixtures and show exactly what each sample holds.
 */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of one colour. */
export function pngBytes(width = 4, height = 3, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A JPEG with the markers a reader looks at (EXIF orientation, frame size) and no real scan data:
 * enough for magic-byte detection and for pdfkit, which copies JPEG bytes into the PDF as they are.
 */
export function jpegBytes(width = 40, height = 30, orientation?: number): Buffer {
  const parts = [Buffer.from([0xff, 0xd8])];
  if (orientation) {
    const tiff = Buffer.alloc(26);
    tiff.write('MM\u0000*', 0, 'latin1');
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(1, 8);
    tiff.writeUInt16BE(0x0112, 10);
    tiff.writeUInt16BE(3, 12);
    tiff.writeUInt32BE(1, 14);
    tiff.writeUInt16BE(orientation, 18);
    const body = Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), tiff]);
    parts.push(Buffer.from([0xff, 0xe1, 0, 0]), body);
    parts[1]!.writeUInt16BE(body.length + 2, 2);
  }
  const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  parts.push(sof, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

export const TIFF_BYTES = Buffer.concat([
  Buffer.from('II*\u0000\u0008\u0000\u0000\u0000', 'latin1'),
  Buffer.alloc(64),
]);
export const PDF_BYTES = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n',
);
export const MZ_BYTES = Buffer.concat([
  Buffer.from('MZ\u0090\u0000', 'latin1'),
  Buffer.alloc(120),
  Buffer.from('PE\u0000\u0000'),
]);
/** The EICAR anti-virus test file: harmless, and reported by every scanner as a virus. */
export const EICAR = Buffer.from(
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*',
  'latin1',
);

export interface ZipInput {
  name: string;
  data: Buffer | string;
  deflate?: boolean;
  encrypted?: boolean;
}

/** A ZIP archive, entries stored or deflated, with its central directory. */
export function zipBytes(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const packed = e.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.encrypted ? 1 : 0) | 0x800, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A DOCX skeleton ([Content_Types].xml first, as Word writes it), plus any extra entries. */
export const docxBytes = (extra: ZipInput[] = []) =>
  zipBytes([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, deflate: true },
    { name: '_rels/.rels', data: '<Relationships/>', deflate: true },
    { name: 'word/document.xml', data: '<w:document>Tờ khai</w:document>', deflate: true },
    ...extra,
  ]);

export const xlsxBytes = (extra: ZipInput[] = []) =>
  zipBytes([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, deflate: true },
    { name: 'xl/workbook.xml', data: '<workbook/>', deflate: true },
    ...extra,
  ]);

/** ODF puts an uncompressed `mimetype` entry first, so its type is readable at a fixed offset. */
export const odfBytes = (mimetype: string, extra: ZipInput[] = []) =>
  zipBytes([
    { name: 'mimetype', data: mimetype },
    { name: 'content.xml', data: '<office:document-content/>', deflate: true },
    { name: 'META-INF/manifest.xml', data: '<manifest/>', deflate: true },
    ...extra,
  ]);

/**
 * A compound file (512-byte sectors): header, one FAT sector, one directory sector holding a root
 * entry and the named streams. Enough for a reader of the directory; the streams hold no data.
 */
export function cfbBytes(streams: string[], rootClsid = Buffer.alloc(16)): Buffer {
  const header = Buffer.alloc(512, 0);
  CFB_SIGNATURE.copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const entries = [{ name: 'Root Entry', type: 5 }, ...streams.map((name) => ({ name, type: 2 }))];
  if (entries.length > 4) throw new Error('cfbBytes holds four directory entries');
  const dir = Buffer.alloc(512, 0);
  entries.forEach((e, i) => {
    const at = i * 128;
    dir.write(e.name, at, 'utf16le');
    dir.writeUInt16LE((e.name.length + 1) * 2, at + 0x40);
    dir[at + 0x42] = e.type;
    if (e.type === 5) rootClsid.copy(dir, at + 0x50);
  });
  return Buffer.concat([header, fat, dir]);
}

/** Root CLSID of a Windows Installer package, {000C1084-0000-0000-C000-000000000046}. */
export const MSI_CLSID = Buffer.from('84100c000000000000c0000000000046', 'hex');
