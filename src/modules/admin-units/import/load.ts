/**
 * Reading the shipped source files from disk: the only I/O of the import layer. The files live in
 * the project's datasets/admin-units/ (a copy with attribution; ../shared is not on users' machines).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_FILES, type SourceKey, type SourceTexts } from './sources.js';

/** datasets/admin-units/ at the project root, found from this file's place in src/. */
export const DEFAULT_DATASET_DIR = fileURLToPath(
  new URL('../../../../datasets/admin-units/', import.meta.url),
);

export async function loadSourceTexts(dir: string = DEFAULT_DATASET_DIR): Promise<SourceTexts> {
  const keys = Object.keys(SOURCE_FILES) as SourceKey[];
  const texts = await Promise.all(keys.map((key) => readFile(path.join(dir, SOURCE_FILES[key]), 'utf8')));
  return Object.fromEntries(keys.map((key, i) => [key, texts[i] as string])) as Record<SourceKey, string>;
}
