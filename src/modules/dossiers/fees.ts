/**
 * Fee lines fixed at receipt (DOMAIN.md §7.1): the version's fee lines for the dossier's channel, with
 * the reductions in force on the receipt date and any exemption the desk records. Design default for
 * combining rules: an exemption first, then the lowest amount any reduction in force gives. Pure.
 */
import type { ProcedureContent } from '../catalogue/index.js';

export type ChannelKind = 'direct' | 'online' | 'postal';

export const CHANNEL_KINDS: Record<1 | 2 | 3, ChannelKind> = { 1: 'direct', 2: 'online', 3: 'postal' };

export interface FixedFeeLine {
  position: number;
  kind: 'phi' | 'le_phi' | 'unspecified';
  name: string;
  baseAmount: number;
  amount: number;
  collected: 'before' | 'after';
  adjustment: string | null;
}

export interface FeeInput {
  content: Pick<ProcedureContent, 'channels' | 'feeLines' | 'feeReductions'>;
  channel: ChannelKind;
  /** Local receipt date, YYYY-MM-DD. */
  receivedOn: string;
  /** Đối tượng miễn phí: the reason the desk recorded (e.g. "Hộ nghèo"), or null. */
  exemption: string | null;
}

const KIND_NAMES = { phi: 'Phí', le_phi: 'Lệ phí', unspecified: 'Phí, lệ phí' } as const;

function lineName(line: ProcedureContent['feeLines'][number]): string {
  const base = KIND_NAMES[line.kind];
  const detail = line.note ?? line.perUnit;
  return detail ? `${base}: ${detail}` : base;
}

function appliesToChannel(input: FeeInput, channelPosition: number | null): boolean {
  if (channelPosition === null) return true;
  return input.content.channels[channelPosition]?.kind === input.channel;
}

function reductionsInForce(input: FeeInput) {
  return input.content.feeReductions.filter(
    (r) =>
      (r.channel === 'any' || r.channel === input.channel) &&
      r.validFrom <= input.receivedOn &&
      (r.validTo === null || input.receivedOn < r.validTo),
  );
}

/** The lowest amount the reductions in force give, with the reduction that gave it. */
function reduced(base: number, input: FeeInput): { amount: number; adjustment: string | null } {
  let best = { amount: base, adjustment: null as string | null };
  for (const r of reductionsInForce(input)) {
    const amount = Math.round((base * (100 - r.percent)) / 100);
    if (amount < best.amount) best = { amount, adjustment: `Giảm ${r.percent}% theo ${r.legalBasis}` };
  }
  return best;
}

export function fixFeeLines(input: FeeInput): FixedFeeLine[] {
  const lines: FixedFeeLine[] = [];
  input.content.feeLines.forEach((line, index) => {
    if (line.currency !== 'VND' || line.amount <= 0) return;
    if (!appliesToChannel(input, line.channelPosition)) return;
    const { amount, adjustment } = input.exemption
      ? { amount: 0, adjustment: `Miễn: ${input.exemption}` }
      : reduced(line.amount, input);
    lines.push({
      position: index,
      kind: line.kind,
      name: lineName(line),
      baseAmount: line.amount,
      amount,
      // "Thu trước" unless the catalogue says the fee is collected when the result is returned.
      collected: line.collected === 'after' ? 'after' : 'before',
      adjustment,
    });
  });
  return lines;
}

/** Thu trước / Thu sau of the dossier as a whole: before if anything is due before processing. */
export function feeCollection(lines: readonly FixedFeeLine[]): 'before' | 'after' | 'none' {
  const due = lines.filter((l) => l.amount > 0);
  if (due.length === 0) return 'none';
  return due.some((l) => l.collected === 'before') ? 'before' : 'after';
}
