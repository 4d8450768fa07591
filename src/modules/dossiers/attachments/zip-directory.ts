import { constants, inflateRawSync } from 'node:zlib';

/**
 * Just enough of the ZIP format (APPNOTE 6.3) to list an office document's entries from its central
 * directory and peek at the first bytes of each, without a dependency and without extracting: DOCX,
 * XLSX, ODT and ODS are ZIP archives, and an archive is judged by what it holds.
 */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function need(buf: Buffer, offset: number, length: number) {
  if (offset < 0 || offset + length > buf.length) throw new ZipFormatError('truncated zip structure');
}

/** The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes. */
function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipFormatError('no end of central directory');
}

function directoryBounds(buf: Buffer): { count: number; offset: number } {
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    need(buf, locator, 20);
    if (buf.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const record = Number(buf.readBigUInt64LE(locator + 8));
    need(buf, record, 56);
    if (buf.readUInt32LE(record) !== ZIP64_EOCD) throw new ZipFormatError('zip64 record missing');
    count = Number(buf.readBigUInt64LE(record + 32));
    offset = Number(buf.readBigUInt64LE(record + 48));
  }
  return { count, offset };
}

/** Every entry of the central directory; throws ZipFormatError on a damaged or lying archive. */
export function readZipEntries(buf: Buffer): ZipEntry[] {
  const { count, offset } = directoryBounds(buf);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    need(buf, at, 46);
    if (buf.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    need(buf, at + 46, nameLength);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      encrypted: (buf.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: buf.readUInt32LE(at + 20),
      localHeaderOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The first bytes of an entry's content (stored or deflated; other methods give an empty buffer).
 * Inflates only the first KB of compressed data: a magic number is at the start.
 */
export function entryHead(buf: Buffer, entry: ZipEntry, length = 16): Buffer {
  const at = entry.localHeaderOffset;
  need(buf, at, 30);
  if (buf.readUInt32LE(at) !== LOCAL) throw new ZipFormatError('bad local header');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = Math.min(buf.length, start + Math.min(entry.compressedSize, 1024));
  const data = buf.subarray(start, end);
  if (entry.method === 0) return data.subarray(0, length);
  if (entry.method !== 8 || data.length === 0) return Buffer.alloc(0);
  try {
    return inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, length);
  } catch {
    throw new ZipFormatError(`cannot inflate ${entry.name}`);
  }
}
