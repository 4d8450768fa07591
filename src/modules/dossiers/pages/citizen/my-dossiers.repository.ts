/** SQL of the citizen's dossier list: keyset on (submitted_at DESC, id DESC), served by dossiers_account_idx. */
import type { Db } from '../../../../platform/db/database.js';

export interface MyDossiersCursor {
  at: Date;
  id: string;
}

export function selectMyDossiers(db: Db, accountId: string, after: MyDossiersCursor | null, limit: number) {
  return db
    .selectFrom('dossiers')
    .select(['id', 'code', 'procedure_name', 'status', 'sub_state', 'submitted_at', 'due_at'])
    .where('account_id', '=', accountId)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('submitted_at', '<', after!.at),
          eb.and([eb('submitted_at', '=', after!.at), eb('id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function encodeCursor(c: MyDossiersCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(text: string): MyDossiersCursor | null {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(Date.parse(at))) return null;
  return { at: new Date(at), id };
}
