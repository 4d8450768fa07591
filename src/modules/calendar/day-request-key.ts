/**
 * Idempotent calendar writes (ARCHITECTURE.md §4.4): the Idempotency-Key of an API call, or the
 * hidden key of a form, is stored on the event the write appends (unique). A retry with the same key
 * finds that event and writes nothing; of two copies racing each other one commits, the other fails
 * (on the row, its status guard or the unique index of keys) and answers as a retry. A key reused
 * for another date or action is refused.
 */
import { type AuditActor, auditActorOf } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import * as repo from './calendar-days.repository.js';

type Action = repo.DayEvent['action'];

/** Who writes (as the audit log records them, with a name to show in the day's history) and under which key. */
export interface DayWriter {
  by: AuditActor;
  actorName?: string | undefined;
  /** Idempotency-Key of the API call or hidden key of the form. */
  requestKey?: string | undefined;
}

/** The writer a request's caller is: an officer, or an API token, from the request's address. */
export function writerOf(
  req: { principal: Principal | null; ip?: string | undefined },
  requestKey: string | undefined,
): DayWriter {
  const by = auditActorOf(req.principal, req.ip);
  return { by, actorName: req.principal?.name || undefined, requestKey };
}

/** A usable key (1–200 visible characters), undefined for none; `request.invalid_idempotency_key` otherwise. */
export function requestKeyOf(value: string | undefined): string | undefined {
  const key = value?.trim();
  if (!key) return undefined;
  if (key.length > 200 || !/^[\x21-\x7e]+$/u.test(key)) {
    throw validationError('request.invalid_idempotency_key', {
      vi: 'Khóa Idempotency-Key không hợp lệ (1–200 ký tự ASCII, không có khoảng trắng).',
      en: 'Invalid Idempotency-Key (1–200 ASCII characters, no spaces).',
    });
  }
  return key;
}

/** Whether `key` already made this change (a retry); throws when it made a different one. */
async function alreadyDone(db: Db, key: string, date: string, actions: readonly Action[]) {
  const event = await repo.selectEventByRequestKey(db, key);
  if (!event) return false;
  if (event.date === date && actions.includes(event.action as Action)) return true;
  throw conflict('request.idempotency_key_reused', {
    vi: 'Khóa chống gửi lặp này đã được dùng cho một yêu cầu khác.',
    en: 'This idempotency key was already used for another request.',
  });
}

/**
 * Runs `write` once per key: returns false (nothing written) when the key already made this change,
 * true after writing. Without a key, just writes.
 */
export async function writeOnce(
  db: Db,
  key: string | undefined,
  date: string,
  actions: readonly Action[],
  write: () => Promise<void>,
): Promise<boolean> {
  if (key && (await alreadyDone(db, key, date, actions))) return false;
  try {
    await write();
    return true;
  } catch (e) {
    // The twin request committed first: its row (day_exists), its key (unique index) or its status
    // change (day_changed) stopped this one, which answers as a retry.
    if (key && (await alreadyDone(db, key, date, actions))) return false;
    throw e;
  }
}
