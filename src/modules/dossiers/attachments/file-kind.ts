import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Bilingual } from '../../../platform/errors.js';
import { attachmentErrors } from './attachment-errors.js';
import { checkCfbContainer, checkZipContainer, isExecutableHead } from './container-checks.js';

/**
 * What a file really is, decided from its bytes (file-type's magic numbers, then the container's own
 * directory for office formats), never from its name or the type the browser declared. The name is
 * only checked against the result, so a renamed file is told what it really is.
 */
export type FileKindName = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'doc' | 'xls' | 'docx' | 'xlsx' | 'odt' | 'ods';

interface KindInfo {
  mediaType: string;
  extensions: string[];
  label: Bilingual;
}

export const FILE_KINDS: Record<FileKindName, KindInfo> = {
  pdf: {
    mediaType: 'application/pdf',
    extensions: ['pdf'],
    label: { vi: 'tài liệu PDF', en: 'a PDF document' },
  },
  jpeg: {
    mediaType: 'image/jpeg',
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    label: { vi: 'ảnh JPEG', en: 'a JPEG image' },
  },
  png: { mediaType: 'image/png', extensions: ['png'], label: { vi: 'ảnh PNG', en: 'a PNG image' } },
  tiff: {
    mediaType: 'image/tiff',
    extensions: ['tif', 'tiff'],
    label: { vi: 'ảnh TIFF', en: 'a TIFF image' },
  },
  doc: {
    mediaType: 'application/msword',
    extensions: ['doc'],
    label: { vi: 'văn bản Word 97–2003 (DOC)', en: 'a Word 97–2003 document (DOC)' },
  },
  xls: {
    mediaType: 'application/vnd.ms-excel',
    extensions: ['xls'],
    label: { vi: 'bảng tính Excel 97–2003 (XLS)', en: 'an Excel 97–2003 workbook (XLS)' },
  },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: { vi: 'văn bản Word (DOCX)', en: 'a Word document (DOCX)' },
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: { vi: 'bảng tính Excel (XLSX)', en: 'an Excel workbook (XLSX)' },
  },
  odt: {
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    label: { vi: 'văn bản OpenDocument (ODT)', en: 'an OpenDocument text (ODT)' },
  },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: { vi: 'bảng tính OpenDocument (ODS)', en: 'an OpenDocument spreadsheet (ODS)' },
  },
};

/** How many leading bytes the caller keeps for sniffing (file-type's own detection window). */
export const SNIFF_BYTES = 4100;

/** file-type's names for programs, installers and packages of code. */
// biome-ignore format: a word list reads better packed
const EXECUTABLE_TYPES = new Set([
  'exe', 'elf', 'macho', 'class', 'wasm', 'jar', 'apk', 'crx', 'xpi', 'deb', 'rpm', 'swf', 'lnk', 'reg',
  'chm', 'dex', 'msi',
]);

const DIRECT: Partial<Record<string, FileKindName>> = { pdf: 'pdf', jpg: 'jpeg', png: 'png', tif: 'tiff' };
// biome-ignore format: a word list reads better packed
const ZIP_FAMILY = new Set([
  'zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'odg', 'ott', 'ots', 'docm', 'xlsm', 'dotx', 'dotm',
  'xltx', 'xltm', 'potx', 'pptm', 'ppsx', 'ppsm', 'potm', 'epub', 'vsdx', '3mf',
]);

export interface FileKindInput {
  /** The first SNIFF_BYTES bytes (fewer for a smaller file). */
  head: Buffer;
  size: number;
  fileName: string;
  /** The whole content; only office containers are read in full, to list their entries. */
  loadWhole: () => Promise<Buffer>;
}

export interface FileKind {
  kind: FileKindName;
  mediaType: string;
}

async function sniff(input: FileKindInput): Promise<FileKindName> {
  if (input.size === 0 || input.head.length === 0) throw attachmentErrors.empty();
  if (isExecutableHead(input.head)) throw attachmentErrors.executable();
  const detected = await fileTypeFromBuffer(input.head);
  if (!detected) throw attachmentErrors.typeNotAllowed();
  if (EXECUTABLE_TYPES.has(detected.ext)) throw attachmentErrors.executable();
  const direct = DIRECT[detected.ext];
  if (direct) return direct;
  if (ZIP_FAMILY.has(detected.ext)) return checkZipContainer(await input.loadWhole());
  if (detected.ext === 'cfb') return checkCfbContainer(await input.loadWhole());
  throw attachmentErrors.typeNotAllowed(detected.ext.toUpperCase());
}

/** The allowed kind of the file, or the AppError that refuses it (see attachment-errors.ts). */
export async function checkFileKind(input: FileKindInput): Promise<FileKind> {
  const kind = await sniff(input);
  const info = FILE_KINDS[kind];
  const extension = path.extname(input.fileName).slice(1).toLowerCase();
  // A name without an extension does not lie; one with the wrong extension would mislead whoever opens it.
  if (extension && !info.extensions.includes(extension))
    throw attachmentErrors.extensionMismatch(extension, info.label);
  return { kind, mediaType: info.mediaType };
}
