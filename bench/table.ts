/** One line of the benchmark report. Other benchmarks (bench/*.bench.ts) may return these too. */
export interface BenchRow {
  /** What was measured, e.g. "motcua GET /healthz". */
  name: string;
  /** The figure, in `unit`, e.g. 12345 with unit "req/s". */
  value: number;
  unit: string;
  /** Latency percentiles in milliseconds, when the measure has them. */
  p50Ms?: number;
  p99Ms?: number;
  /** The row this one is compared with (its `name`): the report prints value / baseline. */
  baseline?: string;
  note?: string;
}

const formatNumber = (n: number) => {
  if (!Number.isFinite(n)) return '';
  return n >= 100
    ? Math.round(n).toLocaleString('en-US')
    : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
};

const formatMs = (n: number | undefined) => (n === undefined ? '' : `${formatNumber(n)} ms`);

/** A plain-text table: measure, figure, latency, ratio to its baseline, notes. */
export function formatTable(rows: BenchRow[]): string {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const header = ['measure', 'result', 'p50', 'p99', 'ratio', 'notes'];
  const lines = rows.map((r) => {
    const base = r.baseline ? byName.get(r.baseline) : undefined;
    const ratio = base && base.value > 0 ? `${(r.value / base.value).toFixed(2)} × ${base.name}` : '';
    return [
      r.name,
      `${formatNumber(r.value)} ${r.unit}`,
      formatMs(r.p50Ms),
      formatMs(r.p99Ms),
      ratio,
      r.note ?? '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}

/**
 * Rows from a benchmark whose result shape we do not own. Understood: BenchRow-like objects
 * ({name, value, unit}) and counted runs ({name, n, ms}: n operations in ms milliseconds, reported
 * per second); anything else is shown as one row with its JSON in the notes. Arrays give one row each.
 */
export function toRows(name: string, result: unknown): BenchRow[] {
  const list = Array.isArray(result) ? result : result === undefined ? [] : [result];
  return list.map((item, i) => {
    const r = (item ?? {}) as Record<string, unknown>;
    const label = typeof r.name === 'string' ? `${name}: ${r.name}` : `${name} #${i + 1}`;
    if (typeof r.value === 'number' && typeof r.unit === 'string') {
      return { ...(r as Partial<BenchRow>), name: label, value: r.value, unit: r.unit };
    }
    if (typeof r.n === 'number' && typeof r.ms === 'number' && r.ms > 0) {
      const note = `${r.n.toLocaleString('en-US')} in ${Math.round(r.ms)} ms, one thread, in-process`;
      return { name: label, value: r.n / (r.ms / 1000), unit: 'ops/s', note };
    }
    return { name: label, value: Number.NaN, unit: '', note: JSON.stringify(item) };
  });
}
