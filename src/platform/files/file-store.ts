import type { Readable } from 'node:stream';

/**
 * Content-addressed file store: a file is named by the sha-256 of its bytes, so the same scan
 * uploaded twice is stored once, and a stored file can be checked against its name at any time.
 * Local disk by default; an S3-compatible driver implements the same interface.
 */
export interface StoredFile {
  /** Lower-case hex sha-256 of the content. */
  sha256: string;
  size: number;
}

export interface FileStore {
  /** Stores the bytes durably; resolves only once they are on disk (or in the bucket). */
  put(content: Readable | Buffer): Promise<StoredFile>;
  /** The content; throws a not_found AppError for an unknown hash. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
