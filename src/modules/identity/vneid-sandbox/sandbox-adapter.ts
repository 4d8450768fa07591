/**
 * oidc-provider's storage adapter for the VNeID sandbox, on PostgreSQL (oidc_sandbox_store): its
 * sessions, interactions, grants, codes and tokens survive a restart and are shared by every web
 * process on the database, which oidc-provider's in-memory default cannot do.
 *
 * The contract (oidc-provider's adapter interface): `upsert` stores a payload for `expiresIn`
 * seconds; the finders answer nothing once it has expired; `consume` makes later finds carry
 * `consumed` (epoch seconds), which is how a replayed authorization code is refused; `destroy` and
 * `revokeByGrantId` make later finds answer nothing. oidc-provider checks a payload's own `exp` as
 * well, so the clock here only decides which rows are worth reading.
 */
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import {
  consumeStoreRow,
  deleteStoreRow,
  deleteStoreRowsOfGrant,
  findStoreRow,
  upsertStoreRow,
} from './sandbox-store.repository.js';

export type AdapterPayload = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export class SandboxStoreAdapter {
  constructor(
    readonly model: string,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const now = this.clock.now();
    const expiresAt =
      typeof expiresIn === 'number' && Number.isFinite(expiresIn)
        ? new Date(now.getTime() + expiresIn * 1000)
        : null;
    await upsertStoreRow(this.db, {
      model: this.model,
      id,
      payload,
      grantId: text(payload.grantId),
      userCode: text(payload.userCode),
      uid: text(payload.uid),
      expiresAt,
    });
  }

  find(id: string) {
    return this.read({ id });
  }

  findByUid(uid: string) {
    return this.read({ uid });
  }

  findByUserCode(userCode: string) {
    return this.read({ userCode });
  }

  async consume(id: string): Promise<void> {
    await consumeStoreRow(this.db, this.model, id, this.clock.now());
  }

  async destroy(id: string): Promise<void> {
    await deleteStoreRow(this.db, this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await deleteStoreRowsOfGrant(this.db, this.model, grantId);
  }

  private async read(
    by: { id: string } | { uid: string } | { userCode: string },
  ): Promise<AdapterPayload | undefined> {
    // oidc-provider passes on what the client sent (a cookie, a code): PostgreSQL text holds no NUL.
    const key = Object.values(by)[0];
    if (typeof key !== 'string' || key === '' || key.includes('\u0000')) return undefined;
    const row = await findStoreRow(this.db, this.model, by, this.clock.now());
    if (!row) return undefined;
    const payload = row.payload as AdapterPayload;
    return row.consumed_at ? { ...payload, consumed: epochSeconds(row.consumed_at) } : payload;
  }
}

/** The `adapter` option of oidc-provider: it calls this once per model name. */
export function sandboxStoreAdapter(db: Db, clock: Clock) {
  return (model: string) => new SandboxStoreAdapter(model, db, clock);
}
