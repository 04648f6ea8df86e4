// Results: JSON and markdown per target, a comparison table, and the soak's CSV and HTML chart
// (self-contained: inline SVG, no scripts, no external files).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dash = (v, suffix = '') => (v === null || v === undefined ? '–' : `${v}${suffix}`);

export function writeFiles(dir, base, files) {
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (const [ext, content] of Object.entries(files)) {
    const path = join(dir, `${base}.${ext}`);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
    written.push(path);
  }
  return written;
}

const STEP_HEADER = '| rate (upd/s) | result | p50 ms | p95 ms | p99 ms | max ms | completed upd/s | delivered msgs/s | errors | undelivered | superseded | server CPU % | DB CPU % | server µs/delivery | DB µs/delivery | driver CPU % | other CPU % | heap MB (max) | server RSS MB (max) |\n' +
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';

/** A driver worker busier than this (event-loop utilisation) limits the step: its latencies are the driver's too. */
export const DRIVER_BOUND_ELU = 0.9;

/**
 * Server CPU per delivered element update, in µs, for the application and for PostgreSQL: CPU (100 % = one core
 * busy) over the update deliveries per second (an update to a board of 3 is 2 deliveries). Presence is part of the
 * workload, so its cost is in these figures too, for every target alike.
 */
export function costPerDelivery(s) {
  const deliveries = s.updateDeliveriesPerSec;
  const us = (pct) => (pct === null || pct === undefined || !deliveries ? null : Math.round((pct / 100) * 1e6 / deliveries));
  const app = us(s.resources.serverCpuPct);
  const db = us(s.resources.dbCpuPct);
  return { app, db, total: app === null ? null : app + (db ?? 0) };
}

function stepLabel(s) {
  const bound = s.driverEluMax >= DRIVER_BOUND_ELU ? ' (driver-bound)' : '';
  if (s.pass) return `pass${bound}`;
  const why = s.failReasons.map((r) => r.split(' ')[0]).join(', ');
  return s.remeasured ? `FAIL (${why}; busy machine, measured again)${bound}` : `FAIL (${why})${bound}`;
}

export function stepRow(s, label = stepLabel(s)) {
  const l = s.latencyMs;
  const r = s.resources;
  const c = costPerDelivery(s);
  return `| ${s.rate} | ${label} | ${dash(l.p50)} | ${dash(l.p95)} | ${dash(l.p99)} | ${dash(l.max)} | ${s.completedPerSec} | ${s.deliveredMsgsPerSec} | ${s.errorFrameCount} | ${s.lost} | ${s.superseded ?? 0} | ${dash(r.serverCpuPct)} | ${dash(r.dbCpuPct)} | ${dash(c.app)} | ${dash(c.db)} | ${dash(r.driverCpuPct)} | ${dash(r.otherCpuPct)} | ${dash(r.heapMb.max)} | ${dash(r.serverRssMb.max)} |`;
}

/** The markdown report of one target's search. */
export function targetMarkdown(result, run) {
  const { target, search, lowRate } = result;
  const lines = [`# Load benchmark: ${target} (${run.date})`, ''];
  lines.push(`Workload: ${run.config.boards} boards × ${run.config.clients} clients, presence ${run.config.presence}/s per client, ` +
    `warm-up ${run.config.warmupMs / 1000} s, step ${run.config.measureMs / 1000} s, ${run.config.workers} driver worker threads. ` +
    `Pass: p99 ≤ 50 ms, errors ≤ 0.1 %, completed ≥ 95 % of offered.`, '');
  lines.push(`Server: ${JSON.stringify(result.info)}`, '');
  if (result.fixed) {
    lines.push('## Fixed rates (in the order run)', '', 'CPU: 100 % = one core. µs/delivery: that CPU over the update deliveries per second.', '',
      STEP_HEADER, ...result.fixed.map((s) => stepRow(s)));
    return lines.join('\n') + '\n';
  }
  if (search.sustained) {
    const s = search.sustained;
    lines.push(`**Highest sustained rate: ${s.rate} element updates/s** (p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms).`);
  } else {
    lines.push('**No step passed.**');
  }
  if (search.firstFail) lines.push(`Lowest failing rate: ${search.firstFail.rate}/s (${search.firstFail.failReasons.join('; ')}).`);
  lines.push('', '## Steps (in the order run)', '', 'CPU: 100 % = one core; "other" = the machine\'s busy CPU not used by the server, PostgreSQL or the driver. ' +
    'Errors: error frames and unexpected closes. Undelivered: updates that had not reached every peer by the end of the drain wait. ' +
    'Superseded: updates that reached a peer only together with a newer version of the same element (Yjs applies them in one transaction); they count as delivered when the newer one arrived.', '', STEP_HEADER, ...search.steps.map((s) => stepRow(s)));
  if (lowRate) {
    lines.push('', `## At ${lowRate.rate} upd/s (${lowRate.note})`, '', STEP_HEADER, stepRow(lowRate));
  }
  if (result.ackLatency) lines.push('', `Sender ack latency (durable commit) at the sustained rate: ${JSON.stringify(result.ackLatency)} ms.`);
  if (result.stores) lines.push('', `Hocuspocus stores during the run: ${JSON.stringify(result.stores)}.`);
  if (result.serverLog) lines.push('', `Server log: ${result.serverLog.errorLines} lines with ERROR, ${result.serverLog.exceptionLines} with Exception.`);
  return lines.join('\n') + '\n';
}

/** What an update costs each target at each fixed rate of one run: latency and server CPU per delivered update. */
export function costMarkdown(results) {
  const lines = ['| rate (upd/s) | target | p50 ms | p99 ms | update deliveries/s | server CPU % | DB CPU % | server µs/delivery | DB µs/delivery | total µs/delivery | driver CPU % | result |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  const rates = [...new Set(results.flatMap((r) => r.fixed.map((s) => s.rate)))];
  for (const rate of rates) {
    for (const r of results) {
      for (const s of r.fixed.filter((x) => x.rate === rate)) {
        const c = costPerDelivery(s);
        lines.push(`| ${rate} | ${r.target} | ${s.latencyMs.p50} | ${s.latencyMs.p99} | ${s.updateDeliveriesPerSec} | ${dash(s.resources.serverCpuPct)} | ${dash(s.resources.dbCpuPct)} | ${dash(c.app)} | ${dash(c.db)} | **${dash(c.total)}** | ${dash(s.resources.driverCpuPct)} | ${stepLabel(s)} |`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** The comparison of all targets of one run. */
export function comparisonMarkdown(results, run) {
  if (results.every((r) => r.fixed)) return costMarkdown(results);
  const lines = [];
  lines.push('| target | sustained rate (upd/s, p99 ≤ 50 ms) | lowest failing rate | p50 ms | p95 ms | p99 ms | max ms | completed upd/s | delivered msgs/s | server CPU % | DB CPU % | driver CPU % | other CPU % | heap MB (max) | server RSS MB (max) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const s = r.search.sustained;
    const failed = r.search.firstFail ? r.search.firstFail.rate : '–';
    if (!s) {
      lines.push(`| ${r.target} | none passed | ${failed} | | | | | | | | | | | | |`);
      continue;
    }
    const l = s.latencyMs;
    const x = s.resources;
    lines.push(`| ${r.target} | **${s.rate}** | ${failed} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.max} | ${s.completedPerSec} | ${s.deliveredMsgsPerSec} | ${dash(x.serverCpuPct)} | ${dash(x.dbCpuPct)} | ${dash(x.driverCpuPct)} | ${dash(x.otherCpuPct)} | ${dash(x.heapMb.max)} | ${dash(x.serverRssMb.max)} |`);
  }
  const rate = (name) => results.find((r) => r.target === name)?.search.sustained?.rate;
  const ratios = [];
  if (rate('mockboard') && rate('hocuspocus')) ratios.push(`Mockboard / Hocuspocus = ${(rate('mockboard') / rate('hocuspocus')).toFixed(2)}`);
  if (rate('mockboard') && rate('relay')) ratios.push(`Mockboard / relay = ${(rate('mockboard') / rate('relay')).toFixed(2)}`);
  if (ratios.length) lines.push('', `Sustained-rate ratios (same run): ${ratios.join('; ')}.`);
  const low = results.filter((r) => r.lowRate);
  if (low.length) {
    lines.push('', `At ${low[0].lowRate.rate} upd/s (25 % of Mockboard's sustained rate; targets p50 ≤ 2 ms, p99 ≤ 10 ms for Mockboard):`, '');
    lines.push('| target | rate (upd/s) | p50 ms | p95 ms | p99 ms | max ms | completed upd/s | errors + undelivered | server CPU % | DB CPU % |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of low) {
      const s = r.lowRate;
      lines.push(`| ${r.target} | ${s.rate} | ${s.latencyMs.p50} | ${s.latencyMs.p95} | ${s.latencyMs.p99} | ${s.latencyMs.max} | ${s.completedPerSec} | ${s.errors} | ${dash(s.resources.serverCpuPct)} | ${dash(s.resources.dbCpuPct)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- soak

export const SOAK_COLUMNS = ['t_s', 'offered_upd_s', 'sent_upd_s', 'completed_upd_s', 'delivered_msgs_s', 'p50_ms', 'p95_ms', 'p99_ms', 'max_ms',
  'errors', 'lost', 'server_cpu_pct', 'db_cpu_pct', 'driver_cpu_pct', 'machine_cpu_pct', 'other_cpu_pct', 'heap_mb', 'heap_max_mb', 'server_rss_mb', 'driver_elu'];

export function soakCsv(rows) {
  return [SOAK_COLUMNS.join(','), ...rows.map((r) => SOAK_COLUMNS.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rounds a span's step to 1, 2 or 5 × 10^k so about `count` ticks fit. */
function niceTicks(max, count = 5) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v <= max + step * 0.001; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** A line chart as an inline SVG string. series: [{ name, color, values }] aligned with xs. */
export function lineChart({ title, xs, series, yLabel, width = 920, height = 280 }) {
  const m = { left: 64, right: 16, top: 46, bottom: 40 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const all = series.flatMap((s) => s.values).filter((v) => v !== null && Number.isFinite(v));
  const yTicks = niceTicks(all.length ? Math.max(...all) : 1);
  const yMax = yTicks[yTicks.length - 1];
  const xMax = Math.max(1, ...xs);
  // x ticks at round numbers of seconds, minutes or hours, whichever suits the span
  const [unit, unitName] = xMax <= 600 ? [1, 's'] : xMax <= 7200 ? [60, 'min'] : [3600, 'h'];
  const xTicks = niceTicks(xMax / unit, 8).map((t) => t * unit).filter((t) => t <= xMax);
  const formatSeconds = (t) => `${Number((t / unit).toPrecision(6))} ${unitName}`;
  const px = (x) => m.left + (x / xMax) * w;
  const py = (y) => m.top + h - (y / yMax) * h;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`];
  parts.push(`<text x="${m.left}" y="18" font-size="14" font-weight="bold">${esc(title)}</text>`);
  for (const t of yTicks) {
    parts.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${m.left - 6}" y="${py(t) + 4}" text-anchor="end">${t}</text>`);
  }
  for (const t of xTicks) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${m.top + h}" y2="${m.top + h + 4}" stroke="#888"/>`);
    parts.push(`<text x="${px(t)}" y="${m.top + h + 16}" text-anchor="middle">${formatSeconds(t)}</text>`);
  }
  parts.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${m.top + h}" y2="${m.top + h}" stroke="#888"/>`);
  parts.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + h}" stroke="#888"/>`);
  parts.push(`<text transform="translate(14 ${m.top + h / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  parts.push(`<text x="${m.left + w / 2}" y="${height - 6}" text-anchor="middle">time since start</text>`);
  let legendX = m.left;
  for (const s of series) {
    const points = s.values.map((v, i) => (v === null || !Number.isFinite(v) ? null : `${px(xs[i]).toFixed(1)},${py(v).toFixed(1)}`));
    // Break the line where a value is missing.
    let run = [];
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.6" points="${run.join(' ')}"/>`);
      else if (run.length === 1) parts.push(`<circle cx="${run[0].split(',')[0]}" cy="${run[0].split(',')[1]}" r="2" fill="${s.color}"/>`);
      run = [];
    };
    for (const p of points) (p ? run.push(p) : flush());
    flush();
    parts.push(`<rect x="${legendX}" y="29" width="12" height="3" fill="${s.color}"/><text x="${legendX + 16}" y="34">${esc(s.name)}</text>`);
    legendX += 30 + s.name.length * 6.5;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export function soakHtml(rows, meta) {
  const xs = rows.map((r) => r.t_s);
  const col = (name) => rows.map((r) => (r[name] === null || r[name] === undefined || r[name] === '' ? null : Number(r[name])));
  const charts = [
    lineChart({ title: `Delivery latency (send → every peer), per ${meta.intervalS} s window`, xs, yLabel: 'ms', series: [
      { name: 'p50', color: '#2f9e44', values: col('p50_ms') },
      { name: 'p95', color: '#1971c2', values: col('p95_ms') },
      { name: 'p99', color: '#e8590c', values: col('p99_ms') },
    ] }),
    lineChart({ title: 'Delivery latency: max per window', xs, yLabel: 'ms', series: [{ name: 'max', color: '#c92a2a', values: col('max_ms') }] }),
    lineChart({ title: `Server memory (${meta.heapKind}; RSS from /proc)`, xs, yLabel: 'MB', series: [
      { name: 'heap (mean)', color: '#6741d9', values: col('heap_mb') },
      { name: 'heap (max)', color: '#b197fc', values: col('heap_max_mb') },
      { name: 'RSS', color: '#495057', values: col('server_rss_mb') },
    ] }),
    lineChart({ title: 'Throughput', xs, yLabel: 'updates/s', series: [
      { name: 'offered', color: '#868e96', values: col('offered_upd_s') },
      { name: 'completed', color: '#1971c2', values: col('completed_upd_s') },
    ] }),
    lineChart({ title: 'CPU (100 % = one core)', xs, yLabel: '%', series: [
      { name: 'server', color: '#e8590c', values: col('server_cpu_pct') },
      { name: 'PostgreSQL', color: '#1971c2', values: col('db_cpu_pct') },
      { name: 'driver', color: '#2f9e44', values: col('driver_cpu_pct') },
      { name: 'other processes', color: '#adb5bd', values: col('other_cpu_pct') },
    ] }),
  ];
  const summary = Object.entries(meta.summary).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Soak: ${esc(meta.target)} ${esc(meta.date)}</title>
<style>body{font-family:sans-serif;margin:24px;color:#212529}table{border-collapse:collapse;margin-bottom:16px}th,td{border:1px solid #dee2e6;padding:3px 8px;text-align:left;font-size:13px}th{background:#f8f9fa}svg{display:block;margin:10px 0 18px}</style>
</head><body>
<h1>Soak: ${esc(meta.target)}</h1>
<table>
${summary}
</table>
${charts.join('\n')}
<p>Data: ${esc(meta.csvName)} (one row per ${meta.intervalS} s window).</p>
</body></html>
`;
}
