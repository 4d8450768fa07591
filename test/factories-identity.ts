import { randomInt } from 'node:crypto';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { insertSession } from '../src/modules/identity/sessions.repository.js';
import { hashToken, newToken } from '../src/modules/identity/sessions.service.js';
import type { Db } from '../src/platform/db/database.js';
import type { Role } from '../src/platform/http/access.js';
import { newId } from '../src/platform/ids.js';
import { insertAgency } from './factories-agencies.js';

let sequence = 0;
/** The password every factory officer has unless told otherwise. */
export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-2026';
let testHash: Promise<string> | undefined;

export interface OfficerOverrides {
  username?: string;
  fullName?: string;
  password?: string;
  /** Roles in agencies; an agency is created for a grant without agencyId. */
  grants?: { role: Role; agencyId?: string }[];
  totpSecretEnc?: string | null;
  disabled?: boolean;
  /** As after an administrator's reset: every page waits for a password change. */
  mustChangePassword?: boolean;
}

/** An officer with its grants (a fresh commune agency for any grant that names none). */
export async function insertOfficer(db: Db, o: OfficerOverrides = {}) {
  sequence += 1;
  const now = new Date();
  const id = newId();
  testHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = o.password === undefined ? await testHash : await hashPassword(o.password);
  const username = o.username ?? `canbo${randomInt(100_000, 999_999)}.${sequence}`;
  await db
    .insertInto('officers')
    .values({
      id,
      username,
      full_name: o.fullName ?? 'Nguyễn Thị Thu Hà',
      password_hash: passwordHash,
      password_changed_at: now,
      totp_secret_enc: o.totpSecretEnc ?? null,
      totp_enabled_at: o.totpSecretEnc ? now : null,
      disabled_at: o.disabled ? now : null,
      must_change_password: o.mustChangePassword ?? false,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const grants: { role: Role; agencyId: string }[] = [];
  for (const g of o.grants ?? []) {
    const agencyId = g.agencyId ?? (await insertAgency(db)).id;
    await db
      .insertInto('officer_roles')
      .values({
        officer_id: id,
        agency_id: agencyId,
        role: g.role,
        granted_by: 'system:test',
        granted_at: now,
      })
      .execute();
    grants.push({ role: g.role, agencyId });
  }
  return { id, username, grants };
}

/** A citizen (LoaiTaiKhoan 1) with a unique 12-digit identification number. */
export async function insertCitizen(
  db: Db,
  o: { fullName?: string; accountKey?: string; claims?: Record<string, unknown> } = {},
) {
  sequence += 1;
  const now = new Date();
  const id = newId();
  const accountKey =
    o.accountKey ??
    `0${String(randomInt(10_000_000, 99_999_999))}${String(sequence % 1000).padStart(3, '0')}`;
  await db
    .insertInto('citizen_accounts')
    .values({
      id,
      account_type: 1,
      account_key: accountKey,
      issuer: 'https://sso.test',
      subject: `sub-${accountKey}`,
      full_name: o.fullName ?? 'Trần Văn Bình',
      ...(o.claims ? { claims: JSON.stringify(o.claims) } : {}),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, accountKey };
}

/**
 * A logged-in session for an officer or citizen, written straight to the table: returns the Cookie
 * header value to send (for route tests that are not about logging in).
 */
export async function sessionCookie(db: Db, owner: { officerId: string } | { citizenId: string }) {
  const token = newToken();
  const now = new Date();
  await insertSession(db, {
    id: newId(),
    tokenHash: hashToken(token),
    ...owner,
    stage: 'full',
    at: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
    ip: null,
    userAgent: 'test',
  });
  return `motcua_sid=${token}`;
}

/** An API token with the given scopes, created by a fresh system administrator; returns the bearer. */
export async function insertApiToken(
  db: Db,
  scopes: string[],
  o: { revoked?: boolean; expiresAt?: Date } = {},
) {
  const admin = await insertOfficer(db, { grants: [{ role: 'system_admin' }] });
  const token = `mc_${newToken()}`;
  const now = new Date();
  const id = newId();
  await db
    .insertInto('api_tokens')
    .values({
      id,
      name: 'Cổng Dịch vụ công quốc gia (thử nghiệm)',
      token_hash: hashToken(token),
      prefix: token.slice(0, 10),
      scopes,
      created_by: admin.id,
      created_at: now,
      revoked_at: o.revoked ? now : null,
      expires_at: o.expiresAt ?? null,
    })
    .execute();
  return { id, token, authorization: `Bearer ${token}` };
}
