/**
 * Just enough of the Compound File Binary format ([MS-CFB]) to list the stream and storage names of
 * an OLE2 file: .doc and .xls share this container with installers (.msi) and other Office files, so
 * the magic bytes alone cannot tell which one it is.
 */
export interface CfbDirectory {
  names: string[];
  /** CLSID of the root storage, as 16 raw bytes (an installer's says "I am an MSI"). */
  rootClsid: Buffer;
}

export class CfbFormatError extends Error {
  override name = 'CfbFormatError';
}

export const CFB_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT = 109;

function sectorReader(buf: Buffer) {
  if (buf.length < 512 || !buf.subarray(0, 8).equals(CFB_SIGNATURE)) throw new CfbFormatError('not CFB');
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new CfbFormatError('bad sector size');
  const size = 1 << shift;
  const sector = (n: number): Buffer => {
    const start = (n + 1) * size;
    if (start + size > buf.length) throw new CfbFormatError(`sector ${n} outside the file`);
    return buf.subarray(start, start + size);
  };
  return { size, sector };
}

/** The FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors. */
function fatSectors(buf: Buffer, r: ReturnType<typeof sectorReader>): number[] {
  const out: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) out.push(buf.readUInt32LE(0x4c + i * 4));
  let next = buf.readUInt32LE(0x44);
  for (let guard = 0; next !== END_OF_CHAIN && next !== FREE; guard++) {
    if (guard > buf.length / r.size) throw new CfbFormatError('DIFAT loop');
    const s = r.sector(next);
    for (let i = 0; i < r.size / 4 - 1; i++) out.push(s.readUInt32LE(i * 4));
    next = s.readUInt32LE(r.size - 4);
  }
  return out.filter((n) => n !== FREE && n !== END_OF_CHAIN);
}

export function readCfbDirectory(buf: Buffer): CfbDirectory {
  const r = sectorReader(buf);
  const fat: number[] = [];
  for (const n of fatSectors(buf, r)) {
    const s = r.sector(n);
    for (let i = 0; i < r.size / 4; i++) fat.push(s.readUInt32LE(i * 4));
  }
  const names: string[] = [];
  let rootClsid = Buffer.alloc(16);
  let next = buf.readUInt32LE(0x30);
  for (let guard = 0; next !== END_OF_CHAIN; guard++) {
    if (guard > fat.length || next >= fat.length) throw new CfbFormatError('bad directory chain');
    const s = r.sector(next);
    for (let at = 0; at + 128 <= s.length; at += 128) {
      const type = s[at + 0x42];
      if (type === 0) continue;
      const nameBytes = Math.min(64, s.readUInt16LE(at + 0x40));
      names.push(s.toString('utf16le', at, at + Math.max(0, nameBytes - 2)));
      if (type === 5) rootClsid = Buffer.from(s.subarray(at + 0x50, at + 0x60));
    }
    next = fat[next]!;
  }
  return { names, rootClsid };
}
