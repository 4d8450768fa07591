import path from 'node:path';
import { attachmentErrors } from './attachment-errors.js';
import { CfbFormatError, readCfbDirectory } from './cfb-directory.js';
import { entryHead, readZipEntries, type ZipEntry, ZipFormatError } from './zip-directory.js';

/**
 * Office documents are containers, judged by what they hold: an archive or compound file is only a
 * DOCX/XLSX/ODT/ODS or DOC/XLS when its entries say so, and none of its entries may run code.
 */
export type ContainerKind = 'docx' | 'xlsx' | 'odt' | 'ods' | 'doc' | 'xls';

/** Names that Windows, a browser or a shell would run when opened from inside an archive. */
// biome-ignore format: a word list reads better packed
export const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'sys', 'drv', 'ocx', 'js', 'jse', 'mjs', 'vbs',
  'vbe', 'wsf', 'wsh', 'hta', 'bat', 'cmd', 'ps1', 'psm1', 'sh', 'jar', 'class', 'apk', 'app', 'lnk',
  'reg', 'inf', 'elf', 'dylib', 'so', 'py', 'pl',
]);

const MACHO = [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe];

/** Magic numbers of native executables and of scripts with an interpreter line. */
export function isExecutableHead(head: Buffer): boolean {
  if (head.length < 2) return false;
  const two = head.toString('latin1', 0, 2);
  if (two === 'MZ' || two === '#!') return true;
  if (head.length < 4) return false;
  const four = head.readUInt32BE(0);
  return four === 0x7f454c46 /* ELF */ || four === 0x0061736d /* wasm */ || MACHO.includes(four);
}

/** Macro projects (VBA in OOXML, Basic and scripts in ODF) and ActiveX controls. */
function isMacroEntry(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /(^|\/)vbaproject\.bin$/.test(lower) ||
    /(^|\/)vbadata\.xml$/.test(lower) ||
    lower.startsWith('basic/') ||
    lower.startsWith('scripts/') ||
    lower.includes('activex/')
  );
}

function findExecutableEntry(buf: Buffer, entries: ZipEntry[]): string | undefined {
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const ext = path.posix.extname(e.name).slice(1).toLowerCase();
    if (isMacroEntry(e.name) || EXECUTABLE_EXTENSIONS.has(ext)) return e.name;
    // An encrypted entry cannot be looked into, so it cannot be vouched for.
    if (e.encrypted || isExecutableHead(entryHead(buf, e, 4))) return e.name;
  }
  return undefined;
}

const ODF_TYPES: Record<string, ContainerKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

function zipKind(buf: Buffer, entries: ZipEntry[]): ContainerKind | undefined {
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) return ODF_TYPES[entryHead(buf, mimetype, 100).toString('latin1').trim()];
  if (!names.has('[Content_Types].xml')) return undefined;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return undefined;
}

/** DOCX, XLSX, ODT or ODS without macros or executables, else the matching refusal. */
export function checkZipContainer(buf: Buffer): ContainerKind {
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(buf);
    const inside = findExecutableEntry(buf, entries);
    if (inside) throw attachmentErrors.executableInside(inside);
  } catch (e) {
    if (e instanceof ZipFormatError) throw attachmentErrors.unreadable('ZIP');
    throw e;
  }
  if (names(entries).some((n) => n === 'META-INF/MANIFEST.MF')) throw attachmentErrors.executable();
  const kind = zipKind(buf, entries);
  if (!kind) throw attachmentErrors.typeNotAllowed('ZIP');
  return kind;
}

const names = (entries: ZipEntry[]) => entries.map((e) => e.name);

/** Storages of VBA projects in Word and Excel binaries, and an embedded package (any file at all). */
const CFB_CODE = new Set(['Macros', '_VBA_PROJECT_CUR', 'VBA', '_VBA_PROJECT', '\u0001Ole10Native']);

/** Windows Installer packages (.msi, .msp, .mst) carry CLSID {000C108x-0000-0000-C000-000000000046}. */
const isInstaller = (clsid: Buffer) =>
  (clsid[0]! & 0xf0) === 0x80 && clsid[1] === 0x10 && clsid[2] === 0x0c && clsid[3] === 0x00;

/** DOC or XLS without macros or embedded packages, else the matching refusal. */
export function checkCfbContainer(buf: Buffer): ContainerKind {
  let directory: ReturnType<typeof readCfbDirectory>;
  try {
    directory = readCfbDirectory(buf);
  } catch (e) {
    if (e instanceof CfbFormatError) throw attachmentErrors.unreadable('OLE');
    throw e;
  }
  if (isInstaller(directory.rootClsid)) throw attachmentErrors.executable();
  const code = directory.names.find((n) => CFB_CODE.has(n));
  if (code) throw attachmentErrors.executableInside(code.replace('\u0001', ''));
  if (directory.names.includes('WordDocument')) return 'doc';
  if (directory.names.includes('Workbook') || directory.names.includes('Book')) return 'xls';
  throw attachmentErrors.typeNotAllowed('OLE');
}
