/** SQL for citizens', businesses' and organisations' accounts (tài khoản công dân). Executor first. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { CitizenIdentity } from './citizen-claims.js';

export interface AccountLogin extends CitizenIdentity {
  id: string;
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  at: Date;
}

/** Creates the account at its first login, refreshes what the SSO says at every later one. */
export async function upsertCitizenAccount(db: Db, a: AccountLogin): Promise<string> {
  const row = await db
    .insertInto('citizen_accounts')
    .values({
      id: a.id,
      account_type: a.accountType,
      account_key: a.accountKey,
      issuer: a.issuer,
      subject: a.subject,
      full_name: a.fullName,
      birth_date: a.birthDate,
      claims: JSON.stringify(a.claims),
      loa: a.loa,
      vneid_verified: a.vneidVerified,
      created_at: a.at,
      updated_at: a.at,
      last_login_at: a.at,
    })
    .onConflict((oc) =>
      oc.columns(['account_type', 'account_key']).doUpdateSet((eb) => ({
        issuer: eb.ref('excluded.issuer'),
        subject: eb.ref('excluded.subject'),
        full_name: eb.ref('excluded.full_name'),
        birth_date: eb.ref('excluded.birth_date'),
        claims: eb.ref('excluded.claims'),
        loa: eb.ref('excluded.loa'),
        vneid_verified: eb.ref('excluded.vneid_verified'),
        updated_at: eb.ref('excluded.updated_at'),
        last_login_at: eb.ref('excluded.last_login_at'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findCitizenAccount(db: Db, id: string) {
  return db
    .selectFrom('citizen_accounts')
    .select([
      'id',
      'account_type',
      'account_key',
      'full_name',
      sql<string | null>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date'),
      'claims',
      'loa',
      'vneid_verified',
      'notify_phone',
      'notify_email',
      'last_login_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateNotifyContact(
  db: Db,
  id: string,
  contact: { phone: string | null; email: string | null },
  at: Date,
) {
  await db
    .updateTable('citizen_accounts')
    .set({ notify_phone: contact.phone, notify_email: contact.email, updated_at: at })
    .where('id', '=', id)
    .execute();
}
