/**
 * Sessions for tests that run the app on a fixed clock (the identity factory dates its session with
 * the real time, which a clock fixed in the future sees as expired). Written straight to the table
 * (a session token is stored as its SHA-256), so no module's internals are imported.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../../platform/clock.js';
import type { Db } from '../../../../platform/db/database.js';
import { newId } from '../../../../platform/ids.js';

export async function sessionAt(
  db: Db,
  clock: Clock,
  owner: { officerId: string } | { citizenId: string },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id: newId(),
      token_hash: createHash('sha256').update(token).digest(),
      officer_id: 'officerId' in owner ? owner.officerId : null,
      citizen_id: 'citizenId' in owner ? owner.citizenId : null,
      stage: 'full',
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(at.getTime() + 8 * 3_600_000),
      ip: null,
      user_agent: 'test',
    })
    .execute();
  return `motcua_sid=${token}`;
}
