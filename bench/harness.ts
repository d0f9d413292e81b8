/**
 * A small benchmark harness: each case runs a warm-up, then timed iterations until both a
 * minimum count and a minimum time are reached; the report gives the median (the figure
 * issues ask for), p95 and min. Runs under plain Node (`npm run bench`), never in unit tests.
 */

export interface BenchCase<C = unknown> {
  group: string;
  name: string;
  /** Runs once before timing; its result is passed to `run`. Not timed. */
  setup?: () => C;
  run: (ctx: C) => unknown;
  minIterations?: number;
  minMillis?: number;
  /** Extra figures to report (sizes, counts), computed once. */
  info?: (ctx: C) => Record<string, string | number>;
}

export interface BenchResult {
  group: string;
  name: string;
  iterations: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  info: Record<string, string | number>;
}

export function defineCase<C>(c: BenchCase<C>): BenchCase<unknown> {
  return c as BenchCase<unknown>;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

let sink: unknown;

export function runCase(c: BenchCase<unknown>): BenchResult {
  const ctx = c.setup?.();
  const minIterations = c.minIterations ?? 10;
  const minMillis = c.minMillis ?? 1000;
  // Warm-up: let the JIT settle.
  const warmUntil = performance.now() + Math.min(300, minMillis / 3);
  let warm = 0;
  while (warm < 2 || (performance.now() < warmUntil && warm < 50)) {
    sink = c.run(ctx);
    warm++;
  }
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minIterations || performance.now() - start < minMillis) {
    const t0 = performance.now();
    sink = c.run(ctx);
    times.push(performance.now() - t0);
    if (times.length >= 10000) break;
  }
  void sink;
  times.sort((a, b) => a - b);
  return {
    group: c.group,
    name: c.name,
    iterations: times.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    minMs: times[0]!,
    info: c.info?.(ctx) ?? {},
  };
}

export function formatMs(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}
