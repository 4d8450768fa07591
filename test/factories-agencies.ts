import { randomInt } from 'node:crypto';
import {
  type Agency,
  type AgencyKind,
  createAgency,
  type NewAgencyInput,
} from '../src/modules/admin-units/agencies/index.js';
import { systemActor } from '../src/platform/audit/actor.js';
import { type Clock, systemClock } from '../src/platform/clock.js';
import type { Db } from '../src/platform/db/database.js';

let sequence = 0;

/** A fresh identifier code no other factory call in this process gives out, e.g. `T12345.7`. */
export function uniqueAgencyCode(): string {
  sequence += 1;
  return `T${randomInt(10_000, 99_999)}.${sequence}`;
}

/**
 * Creates an agency through the service (so every invariant holds): a commune People's Committee of
 * Phường Đông Triều (07093) unless told otherwise, with a unique code valid from 2025-07-01.
 */
export async function insertAgency(
  db: Db,
  overrides: Partial<NewAgencyInput> & { kind?: AgencyKind } = {},
  clock: Clock = systemClock,
): Promise<Agency> {
  return createAgency(
    { db, clock },
    {
      code: uniqueAgencyCode(),
      codeValidFrom: '2025-07-01',
      kind: 'commune_committee',
      name: 'Ủy ban nhân dân phường Đông Triều',
      units: ['07093'],
      ...overrides,
    },
    systemActor('test'),
  );
}
