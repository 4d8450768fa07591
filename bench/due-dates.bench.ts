/**
 * Benchmark: 100,000 due dates (ngày hẹn trả) on the real 2024–2026 calendar, over receipts spread across
 * every time of day (nights, lunch breaks, weekends, Tết) and all four duration units. The target is
 * well under 1 second on a 2-core machine (issue 3, item 12).
 *
 * Run alone: `npx tsx bench/due-dates.bench.ts`; a bench runner calls `runDueDatesBench()`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  addWorkingTime,
  buildWorkingCalendar,
  type Duration,
  loadOfficialDaysOff,
} from '../src/modules/calendar/index.js';

export interface BenchResult {
  name: string;
  n: number;
  ms: number;
}

/** A small seeded generator (mulberry32) so every run computes the same inputs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function durationFrom(r: () => number): Duration {
  const pick = r();
  if (pick < 0.4) return { value: Math.ceil(r() * 60) / 2, unit: 'ngay-lam-viec' };
  if (pick < 0.7) return { value: Math.ceil(r() * 72), unit: 'gio' };
  if (pick < 0.9) return { value: Math.ceil(r() * 60), unit: 'ngay' };
  return { value: Math.ceil(r() * 6), unit: 'thang' };
}

function inputs(n: number): { receipts: Date[]; durations: Duration[] } {
  const r = random(20260216);
  const from = Date.parse('2024-01-01T00:00:00+07:00');
  const span = Date.parse('2026-12-31T00:00:00+07:00') - from;
  const receipts: Date[] = [];
  const durations: Duration[] = [];
  for (let i = 0; i < n; i++) {
    receipts.push(new Date(from + Math.floor((r() * span) / 1000) * 1000));
    durations.push(durationFrom(r));
  }
  return { receipts, durations };
}

export async function runDueDatesBench(n = 100_000): Promise<BenchResult> {
  const calendar = buildWorkingCalendar({ days: loadOfficialDaysOff() });
  const { receipts, durations } = inputs(n);
  let checksum = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    checksum += addWorkingTime(receipts[i]!, durations[i]!, calendar).getTime() % 1_000_003;
  }
  const ms = performance.now() - started;
  if (checksum === 0) throw new Error('due-dates bench computed nothing');
  return { name: 'due-dates', n, ms };
}

export function formatBenchLine(result: BenchResult): string {
  const rate = Math.round(result.n / (result.ms / 1000)).toLocaleString('en-US');
  return `${result.name}: ${result.n} in ${Math.round(result.ms)} ms (${rate}/s)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const buildStarted = performance.now();
  buildWorkingCalendar({ days: loadOfficialDaysOff() });
  console.log(
    `calendar build (2000–2100, with the official table): ${Math.round(performance.now() - buildStarted)} ms`,
  );
  console.log(formatBenchLine(await runDueDatesBench()));
}
