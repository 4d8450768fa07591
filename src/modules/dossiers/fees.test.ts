import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProcedureContent } from '../catalogue/index.js';
import { type FeeInput, feeCollection, fixFeeLines } from './fees.js';

type Line = ProcedureContent['feeLines'][number];
const line = (over: Partial<Line>): Line => ({
  channelPosition: null,
  kind: 'le_phi',
  amount: 50_000,
  amountMax: null,
  currency: 'VND',
  perUnit: null,
  collected: 'before',
  exemptions: null,
  note: null,
  ...over,
});
const channels = [{ kind: 'direct' }, { kind: 'online' }] as ProcedureContent['channels'];
const tt64 = {
  channel: 'any' as const,
  percent: 50,
  validFrom: '2025-07-01',
  validTo: '2027-01-01',
  legalBasis: 'TT 64/2025/TT-BTC',
};
const hdnd = {
  channel: 'online' as const,
  percent: 100,
  validFrom: '2026-01-01',
  validTo: null,
  legalBasis: 'NQ HĐND',
};

const fix = (lines: Line[], reductions: FeeInput['content']['feeReductions'], over: Partial<FeeInput> = {}) =>
  fixFeeLines({
    content: { channels, feeLines: lines, feeReductions: reductions },
    channel: 'direct',
    receivedOn: '2026-12-07',
    exemption: null,
    ...over,
  });

describe('fee lines fixed at receipt (DOMAIN.md §7.1)', () => {
  const table: [string, ReturnType<typeof fix>[number]['amount'][], ReturnType<typeof fix>][] = [
    [
      'a 50,000 đ lệ phí on 30/6/2025 costs 50,000',
      [50_000],
      fix([line({})], [tt64], { receivedOn: '2025-06-30' }),
    ],
    ['and 25,000 on 1/7/2025 (TT 64/2025)', [25_000], fix([line({})], [tt64], { receivedOn: '2025-07-01' })],
    [
      'and 0 online under an HĐND exemption of online filing',
      [0],
      fix([line({})], [tt64, hdnd], { channel: 'online' }),
    ],
    ['the online cut does not apply at the desk', [25_000], fix([line({})], [tt64, hdnd])],
    [
      'a reduction ends the day before validTo',
      [50_000],
      fix([line({})], [tt64], { receivedOn: '2027-01-01' }),
    ],
    ['an exempt person pays nothing', [0], fix([line({})], [tt64], { exemption: 'Hộ nghèo' })],
    ['a line of another channel is left out', [], fix([line({ channelPosition: 1 })], [])],
    ['a line of this channel is kept', [50_000], fix([line({ channelPosition: 0 })], [])],
    ['free and USD lines are left out', [], fix([line({ amount: 0 }), line({ currency: 'USD' })], [])],
  ];
  for (const [name, amounts, lines] of table)
    it(name, () =>
      assert.deepEqual(
        lines.map((l) => l.amount),
        amounts,
      ),
    );

  it('says why an amount differs, and keeps the base', () => {
    const [l] = fix([line({ note: 'Lệ phí đăng ký' })], [tt64]);
    assert.deepEqual(
      { name: l?.name, base: l?.baseAmount, adjustment: l?.adjustment },
      { name: 'Lệ phí: Lệ phí đăng ký', base: 50_000, adjustment: 'Giảm 50% theo TT 64/2025/TT-BTC' },
    );
    assert.equal(fix([line({})], [], { exemption: 'Hộ nghèo' })[0]?.adjustment, 'Miễn: Hộ nghèo');
  });

  it('collects before unless every line due is collected after', () => {
    assert.equal(feeCollection(fix([line({ collected: 'after' })], [])), 'after');
    assert.equal(
      feeCollection(fix([line({ collected: 'after' }), line({ collected: 'unspecified' })], [])),
      'before',
    );
    assert.equal(feeCollection(fix([line({})], [], { exemption: 'x' })), 'none');
    assert.equal(feeCollection([]), 'none');
  });
});
