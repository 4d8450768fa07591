/**
 * Kho dữ liệu của công dân (DOMAIN.md §9): every component digitized at a receipt enters the owner's
 * store with its code `{SoDinhDanhChuHoSo}.{MaTTHC}.{MaGiayTo}.{NN}` (§5.4), reusable in later dossiers.
 * The national MaGiayTo list is not in the catalogue, so the component's position stands in (TPnn).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { Dossier } from './dossier.js';

export interface StoredDocument {
  id: string;
  kind: 0 | 1;
  code: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  sourceDossierCode: string | null;
  issuedAt: Date;
}

/** Documents of an account, newest first; hidden results are left out (DOMAIN.md §9). */
export async function listDocuments(db: Db, accountId: string): Promise<StoredDocument[]> {
  const rows = await db
    .selectFrom('citizen_documents as d')
    .leftJoin('dossiers as s', 's.id', 'd.source_dossier_id')
    .select([
      'd.id',
      'd.kind',
      'd.code',
      'd.name',
      'd.media_type',
      'd.size',
      'd.sha256',
      'd.issued_at',
      's.code as source_code',
    ])
    .where('d.account_id', '=', accountId)
    .where('d.hidden', '=', false)
    .orderBy('d.issued_at', 'desc')
    .orderBy('d.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 0 | 1,
    code: r.code,
    name: r.name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    sourceDossierCode: r.source_code,
    issuedAt: r.issued_at,
  }));
}

/** The results of one dossier already returned to the account (hidden ones are not yet returned). */
export async function listReturnedResults(
  db: Db,
  accountId: string,
  dossierId: string,
): Promise<{ id: string; name: string; issuedAt: Date }[]> {
  const rows = await db
    .selectFrom('citizen_documents')
    .select(['id', 'name', 'issued_at'])
    .where('account_id', '=', accountId)
    .where('source_dossier_id', '=', dossierId)
    .where('kind', '=', 1)
    .where('hidden', '=', false)
    .orderBy('issued_at')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, issuedAt: r.issued_at }));
}

export async function findDocument(db: Db, accountId: string, id: string) {
  return db
    .selectFrom('citizen_documents')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('hidden', '=', false)
    .executeTakeFirst();
}

async function nextSuffix(trx: Db, prefix: string): Promise<string> {
  // Serialise numbering per prefix so two receipts never take the same NN.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const row = await trx
    .selectFrom('citizen_documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('code', 'like', `${prefix}.%`)
    .executeTakeFirstOrThrow();
  return String(Number(row.n) + 1).padStart(2, '0');
}

/** At receipt: the dossier's digitized uploads (not reused ones: they are in the store already). */
export async function storeDigitizedComponents(trx: Db, d: Dossier, now: Date): Promise<number> {
  if (!d.accountId) return 0;
  const ownerId = d.owner?.idNumber ?? d.applicant.idNumber ?? 'KXD';
  let added = 0;
  for (const c of d.components) {
    if (c.digitization !== 1) continue;
    for (const f of c.files.filter((x) => x.scanStatus !== 'infected')) {
      const prefix = `${ownerId}.${d.procedureCode}.TP${String(c.position + 1).padStart(2, '0')}`;
      const code = `${prefix}.${await nextSuffix(trx, prefix)}`;
      await trx
        .insertInto('citizen_documents')
        .values({
          id: newId(),
          account_id: d.accountId,
          owner_id_number: ownerId,
          kind: 0,
          code,
          name: c.files.length > 1 ? `${c.name} (${f.fileName})` : c.name,
          sha256: f.sha256,
          media_type: f.mediaType,
          size: f.size,
          source_dossier_id: d.id,
          source_component_id: c.id,
          hidden: false,
          issued_at: now,
          created_at: now,
        })
        .execute();
      added++;
    }
  }
  return added;
}

/**
 * A signed result enters the owner's store hidden, coded {prefix}.{NN} (DOMAIN.md §5.4, §9); the
 * return makes it visible (releaseResultDocument). Without an account it is kept for the owner's ID
 * number. Idempotent per result. Returns the code.
 */
export async function storeResultDocument(
  trx: Db,
  r: {
    resultId: string;
    accountId: string | null;
    ownerIdNumber: string | null;
    prefix: string;
    name: string;
    sha256: string;
    size: number;
    dossierId: string;
    issuedAt: Date;
    now: Date;
  },
): Promise<string> {
  const existing = await trx
    .selectFrom('citizen_documents')
    .select('code')
    .where('result_id', '=', r.resultId)
    .executeTakeFirst();
  if (existing) return existing.code;
  const code = `${r.prefix}.${await nextSuffix(trx, r.prefix)}`;
  await trx
    .insertInto('citizen_documents')
    .values({
      id: newId(),
      account_id: r.accountId,
      owner_id_number: r.ownerIdNumber,
      kind: 1,
      code,
      name: r.name,
      sha256: r.sha256,
      media_type: 'application/pdf',
      size: r.size,
      source_dossier_id: r.dossierId,
      hidden: true,
      issued_at: r.issuedAt,
      created_at: r.now,
      result_id: r.resultId,
    })
    .execute();
  return code;
}

/** The result is returned (status 10): the citizen sees it in their store from now on. */
export async function releaseResultDocument(trx: Db, resultId: string): Promise<number> {
  const r = await trx
    .updateTable('citizen_documents')
    .set({ hidden: false })
    .where('result_id', '=', resultId)
    .where('hidden', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
