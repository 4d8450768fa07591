/** Reading the catalogue: the version in force at an instant, and the canonical export. */
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { CANONICAL_FORMAT, CANONICAL_VERSION, type CanonicalCatalogue } from './canonical.js';
import {
  selectAllProcedures,
  selectVersionAt,
  selectVersions,
  type VersionRow,
} from './catalogue.repository.js';
import type { ProcedureContent } from './content.js';
import { loadVersionContent } from './version-content.repository.js';

export interface ProcedureVersion extends VersionRow {
  content: ProcedureContent;
}

/**
 * The published version of a procedure in force at an instant (a dossier binds to the version in
 * force when it is received). Throws catalogue.not_in_force when there is none.
 */
export async function versionAt(db: Db, code: string, instant: Date): Promise<ProcedureVersion> {
  const row = await selectVersionAt(db, code, instant);
  if (!row) {
    throw notFound('catalogue.not_in_force', {
      vi: `Không có phiên bản nào của thủ tục ${code} có hiệu lực tại ${instant.toISOString()}`,
      en: `No version of procedure ${code} is in force at ${instant.toISOString()}`,
    });
  }
  return { ...row, content: await publishedContent(db, row.id) };
}

/**
 * A published version never changes (edits make a new version), so its content — ten queries to
 * assemble — is kept per database in a small bounded map: intake reads it on every submission.
 */
const CONTENT_CACHE_SIZE = 500;
const contentCache = new WeakMap<Db, Map<string, Promise<ProcedureContent>>>();

function publishedContent(db: Db, versionId: string): Promise<ProcedureContent> {
  let cache = contentCache.get(db);
  if (!cache) {
    cache = new Map();
    contentCache.set(db, cache);
  }
  const hit = cache.get(versionId);
  if (hit) {
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit;
  }
  const loading = loadVersionContent(db, versionId);
  cache.set(versionId, loading);
  loading.catch(() => cache.delete(versionId));
  if (cache.size > CONTENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return loading;
}

/** Every procedure with every published version, in code order: the canonical JSON format. */
export async function exportCatalogue(db: Db): Promise<CanonicalCatalogue> {
  const procedures: CanonicalCatalogue['procedures'] = [];
  for (const p of await selectAllProcedures(db)) {
    const versions = await selectVersions(db, p.id);
    if (versions.length === 0) continue;
    procedures.push({
      code: p.code,
      localCode: p.localCode,
      versions: await Promise.all(
        versions.map(async (v) => ({
          versionNumber: v.versionNumber,
          effectiveFrom: v.effectiveFrom.toISOString(),
          publishedAt: v.publishedAt.toISOString(),
          publishedBy: v.publishedBy,
          contentHash: v.contentHash,
          content: await loadVersionContent(db, v.id),
        })),
      ),
    });
  }
  return { format: CANONICAL_FORMAT, formatVersion: CANONICAL_VERSION, procedures };
}

export async function hasProcedures(db: Db): Promise<boolean> {
  return (await db.selectFrom('catalogue_procedures').select('id').limit(1).executeTakeFirst()) !== undefined;
}
