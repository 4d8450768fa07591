import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { insertCitizen } from '../../../../test/factories-identity.js';
import { fixedClock } from '../../../platform/clock.js';
import { type Config, loadConfig } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/database.js';
import { LocalFileStore } from '../../../platform/files/local-file-store.js';
import { newId } from '../../../platform/ids.js';
import type { AttachmentsCtx } from './upload.service.js';

/** Test support for the attachment services: a throw-away file store, a context, a draft. */
export async function attachmentsContext(
  db: Db,
  env: Record<string, string> = {},
  now = '2026-12-01T03:00:00Z',
) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-attachments-'));
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const clock = fixedClock(now);
  const ctx: AttachmentsCtx = { db, files: new LocalFileStore(root), clock, config };
  return { ctx, root, clock };
}

/** Every file in the store, temporary ones included (tmp/ must stay empty). */
export async function storedFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

export async function insertDraft(db: Db, o: { accountId?: string; updatedAt?: Date } = {}) {
  const accountId = o.accountId ?? (await insertCitizen(db)).id;
  const id = newId();
  const at = o.updatedAt ?? new Date();
  await db
    .insertInto('dossier_drafts')
    .values({ id, account_id: accountId, procedure_code: '1.000001', created_at: at, updated_at: at })
    .execute();
  return { id, accountId };
}
