/**
 * Shared helpers for the benches: medians of interleaved runs and targets that set the exit code.
 *
 * Hand-written (a few lines): a statistics or benchmark library (tinybench, mitata) would bring its
 * own run loop and warm-up policy, while every bench here needs to interleave the app path with its
 * raw reference on the same connection, so both see the same machine load and the same page cache.
 */
import { performance } from 'node:perf_hooks';

/** Median of a non-empty list (the lower middle for an even count, so it is always an observed value). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median() needs at least one timing.');
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new Error('quantile() needs at least one timing.');
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const ms = (x: number, digits = 1) => x.toFixed(digits);

/** The minimum number of runs a timing's median is taken over. */
export const MIN_RUNS = 5;

export function runsFromEnv(fallback = 7): number {
  const n = Number(process.env.BENCH_RUNS ?? fallback);
  return Number.isFinite(n) ? Math.max(MIN_RUNS, Math.floor(n)) : fallback;
}

export type Timed = () => unknown;

/**
 * Runs each named function `runs` times, interleaved (a, b, c, a, b, c, ...), after one warm-up
 * round, and returns every timing in ms per name. Async functions are awaited.
 */
export async function interleave<K extends string>(
  fns: Record<K, Timed>,
  runs: number = runsFromEnv(),
  { warmup = 1 }: { warmup?: number } = {},
): Promise<Record<K, number[]>> {
  const names = Object.keys(fns) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as unknown as Record<
    K,
    number[]
  >;
  for (let w = 0; w < warmup; w++) for (const n of names) await fns[n]();
  for (let i = 0; i < Math.max(MIN_RUNS, runs); i++) {
    // Rotate the start so no function always runs right after the same neighbour.
    for (let j = 0; j < names.length; j++) {
      const n = names[(i + j) % names.length];
      const t0 = performance.now();
      await fns[n]();
      times[n].push(performance.now() - t0);
    }
  }
  return times;
}

let failures = 0;
let checks = 0;

/**
 * Records a target: prints PASS/FAIL with the label, and on failure sets a non-zero exit code.
 * `value <= target` passes (use `atLeast` for "higher is better").
 */
export function check(
  label: string,
  value: number,
  target: number,
  { unit = '', atLeast = false }: { unit?: string; atLeast?: boolean } = {},
): boolean {
  checks++;
  const pass = Number.isFinite(value) && (atLeast ? value >= target : value <= target);
  const shown = `${value.toFixed(2)}${unit}`;
  console.log(
    `${pass ? 'PASS' : 'FAIL'} ${label}: ${shown} (target ${atLeast ? '>=' : '<='} ${target}${unit})`,
  );
  if (!pass) {
    failures++;
    process.exitCode = 1;
  }
  return pass;
}

/** A boolean condition (for example "the counters equal the raw GROUP BY"), counted like a target. */
export function checkTrue(label: string, ok: boolean): boolean {
  checks++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
  if (!ok) {
    failures++;
    process.exitCode = 1;
  }
  return ok;
}

/** Prints the tally; call at the end of a bench. */
export function summary(): { checks: number; failures: number } {
  console.log(`\n${checks - failures} of ${checks} target(s) met.`);
  return { checks, failures };
}
