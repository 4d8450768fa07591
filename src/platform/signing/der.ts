/**
 * A small BER/DER walker over a Buffer that keeps byte offsets: verifying a CMS signature needs
 * the signed attributes exactly as they were encoded, which a parse-and-re-encode would not
 * guarantee for a file signed by someone else. Indefinite lengths (BER) are followed too.
 */

export interface Tlv {
  /** Tag class: 0 universal, 1 application, 2 context specific, 3 private. */
  cls: number;
  constructed: boolean;
  /** Tag number (low-tag form; CMS and X.509 need no more). */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just after the content (and after the end-of-contents octets when indefinite). */
  end: number;
  contentEnd: number;
}

export const UNIVERSAL = { integer: 2, octetString: 4, null: 5, oid: 6, sequence: 16, set: 17 } as const;

export class DerError extends Error {}

export function readTlv(buf: Buffer, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new DerError(`truncated element at ${offset}`);
  const id = buf[offset]!;
  const tag = id & 0x1f;
  if (tag === 0x1f) throw new DerError(`high tag number at ${offset}`);
  let pos = offset + 1;
  const first = buf[pos++]!;
  let length = -1;
  if (first < 0x80) length = first;
  else if (first > 0x80) {
    const n = first & 0x7f;
    if (n > 4 || pos + n > limit) throw new DerError(`bad length at ${offset}`);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[pos++]!;
  }
  if (id === 0) throw new DerError(`end-of-contents where an element should be, at ${offset}`);
  const base = { cls: id >> 6, constructed: (id & 0x20) !== 0, tag, start: offset, contentStart: pos };
  if (length >= 0) {
    if (pos + length > limit) throw new DerError(`element at ${offset} runs past its parent`);
    return { ...base, end: pos + length, contentEnd: pos + length };
  }
  if (!base.constructed) throw new DerError(`indefinite primitive at ${offset}`);
  let child = pos;
  while (!(buf[child] === 0 && buf[child + 1] === 0)) child = readTlv(buf, child, limit).end;
  return { ...base, end: child + 2, contentEnd: child };
}

export function childrenOf(buf: Buffer, node: Tlv): Tlv[] {
  if (!node.constructed) throw new DerError(`primitive element at ${node.start} has no children`);
  const out: Tlv[] = [];
  for (let pos = node.contentStart; pos < node.contentEnd; ) {
    const child = readTlv(buf, pos, node.contentEnd);
    out.push(child);
    pos = child.end;
  }
  return out;
}

export const content = (buf: Buffer, node: Tlv): Buffer => buf.subarray(node.contentStart, node.contentEnd);
export const raw = (buf: Buffer, node: Tlv): Buffer => buf.subarray(node.start, node.end);

export function decodeOid(bytes: Buffer): string {
  if (bytes.length === 0) throw new DerError('empty OID');
  const parts: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if (b < 0x80) {
      parts.push(value);
      value = 0;
    }
  }
  const head = parts.shift()!;
  const first = head < 80 ? Math.floor(head / 40) : 2;
  return [first, head - first * 40, ...parts].join('.');
}

export function expectUniversal(node: Tlv | undefined, tag: number, what: string): Tlv {
  if (node?.cls !== 0 || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

export const oidOf = (buf: Buffer, node: Tlv | undefined, what: string): string =>
  decodeOid(content(buf, expectUniversal(node, UNIVERSAL.oid, what)));

/** An INTEGER as lowercase hex without leading zero octets (certificate serials). */
export function integerHex(buf: Buffer, node: Tlv): string {
  const hex = content(buf, expectUniversal(node, UNIVERSAL.integer, 'INTEGER')).toString('hex');
  return hex.replace(/^(00)+(?=.)/, '');
}

/**
 * An AlgorithmIdentifier's OID. Parameters may only be absent or NULL: true of every algorithm
 * verified here (SHA-2, RSA PKCS#1 v1.5, ECDSA), and it leaves no unchecked bytes in it.
 */
export function algorithmOf(buf: Buffer, node: Tlv | undefined, what: string): string {
  const parts = childrenOf(buf, expectUniversal(node, UNIVERSAL.sequence, what));
  const params = parts[1];
  if (
    parts.length > 2 ||
    (params && (params.cls !== 0 || params.tag !== UNIVERSAL.null || params.end - params.contentStart !== 0))
  ) {
    throw new DerError(`unexpected parameters in ${what}`);
  }
  return oidOf(buf, parts[0], what);
}
