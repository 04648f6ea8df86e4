// Exact percentiles from every recorded sample (a step records at most a few hundred thousand).

/** Nearest-rank percentiles of `samples` (ms); returns { n, p50, p95, p99, max, mean }. */
export function percentiles(samples) {
  const n = samples.length;
  if (n === 0) return { n: 0, p50: null, p95: null, p99: null, max: null, mean: null };
  const sorted = Float64Array.from(samples).sort();
  const at = (p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))];
  let sum = 0;
  for (const v of sorted) sum += v;
  return { n, p50: at(50), p95: at(95), p99: at(99), max: sorted[n - 1], mean: sum / n };
}

export const round = (v, digits = 2) => (v === null || v === undefined || Number.isNaN(v) ? null : Number(v.toFixed(digits)));

/** "1h", "3m", "90s", "500ms" or a plain number of seconds → milliseconds. */
export function parseDuration(text) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(String(text).trim());
  if (!m) throw new Error(`not a duration: ${text} (use e.g. 90s, 3m, 1h)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] || 's'];
  return Number(m[1]) * unit;
}
