#!/usr/bin/env node
// Mockboard load benchmark. See README.md.
//
//   node run.mjs load [--targets mockboard,hocuspocus,relay] [--boards 10 --clients 3 ...]
//   node run.mjs soak --duration 1h --rate R [--target mockboard]
//
// Starts everything it needs (PostgreSQL, Keycloak, the servers) on free ports of 127.0.0.1 and
// stops all of it on exit or Ctrl-C.

import { cpus, totalmem, loadavg, release } from 'node:os';
import { readFileSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installSignalHandlers, runCleanups, onCleanup, runCommand, sleep } from './lib/proc.mjs';
import pg from 'pg';
import { startPostgres } from './lib/pg.mjs';
import { startKeycloak } from './lib/keycloak.mjs';
import { JAVA_DEFAULT } from './lib/mockboard.mjs';
import { startTarget, TARGETS, ALL_TARGETS, BASELINE, CLUSTERS, clusterDatabase, packageVersion } from './lib/targets.mjs';
import { Driver, summarize } from './lib/driver.mjs';
import { Sampler, waitForQuiet } from './lib/sampler.mjs';
import { runStep, RateSearch, CRITERIA } from './lib/search.mjs';
import { parseDuration, round } from './lib/stats.mjs';
import { writeFiles, targetMarkdown, comparisonMarkdown, soakCsv, soakHtml } from './lib/report.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));

const USAGE = `usage:
  node run.mjs load [options]        find the highest sustained update rate per target
  node run.mjs soak --duration 1h --rate R [options]   run at --fraction (0.5) of R, chart every 10 s

workload:   --boards 10  --clients 3  --presence 10 (per client per s)  --workers 2 (driver threads)
load:       --targets mockboard,hocuspocus,relay  --warmup 5s  --step 15s  --drain 5s
            --initial-warmup 45s  --initial-warmup-rate 200 (once per target, not measured)
            --start-rate 100  --max-rate 200000  --min-rate 10  --precision 0.1  --max-steps 18
            --low-fraction 0.25 (extra step at this fraction of Mockboard's rate)  --quick (short steps)
            --rates 750,1500,3000 (instead of searching: each target at each of these rates, with the
              server CPU per delivered update)
            --noise-retry true (measure a failed step again when other processes used > 50 % CPU)
            --quiet-wait 3m  --quiet-threshold 50  --quiet-budget 40m (before a step, wait until
              other processes use < 50 % CPU, at most 3m per step and 40m per run; 0s = never)
soak:       --target mockboard  --duration 1h  --rate R  --fraction 0.5  --interval 10s
stack:      --jar ../target/quarkus-app/quarkus-run.jar  --baseline-jar <another build> (adds the target
              'baseline': that jar in a database of its own, measured in turn with the others)
            --server-env "K=V ..."  --baseline-env "K=V ..." (extra environment for either jar)
            --java ${JAVA_DEFAULT}  --jvm-args "-Xmx1g"
            --keycloak-home ../target/keycloak/keycloak-26.7.3  --pg-bin <PostgreSQL bin dir>
            --pg-statements (PostgreSQL's busiest statements per step, from pg_stat_statements)
output:     --results results  --tag <suffix for the file names>`;

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  const opts = { mode };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}\n${USAGE}`);
    const key = a.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) opts[key] = true;
    else {
      opts[key] = next;
      i++;
    }
  }
  return opts;
}

function config(opts) {
  const num = (v, d) => (v === undefined ? d : Number(v));
  const quick = Boolean(opts.quick);
  const fromCwd = (p) => resolve(process.cwd(), p);
  return {
    mode: opts.mode,
    quick,
    targets: (opts.targets || TARGETS.join(',')).split(',').map((s) => s.trim()).filter(Boolean),
    target: opts.target || 'mockboard',
    boards: num(opts.boards, 10),
    clients: num(opts.clients, 3),
    presence: num(opts.presence, 10),
    workers: num(opts.workers, 2),
    warmupMs: parseDuration(opts.warmup ?? (quick ? '1s' : '5s')),
    measureMs: parseDuration(opts.step ?? (quick ? '3s' : '15s')),
    drainMs: parseDuration(opts.drain ?? (quick ? '2s' : '5s')),
    initialWarmupMs: parseDuration(opts.initialWarmup ?? (quick ? '10s' : '45s')),
    initialWarmupRate: num(opts.initialWarmupRate, 200),
    startRate: num(opts.startRate, 100),
    maxRate: num(opts.maxRate, 200_000),
    minRate: num(opts.minRate, 10),
    precision: num(opts.precision, quick ? 0.3 : 0.1),
    maxSteps: num(opts.maxSteps, quick ? 10 : 18),
    noiseRetry: opts.noiseRetry !== 'false',
    quietThreshold: num(opts.quietThreshold, 50),
    quietWaitMs: parseDuration(opts.quietWait ?? (quick ? '0s' : '3m')),
    quietBudgetMs: parseDuration(opts.quietBudget ?? '40m'),
    lowFraction: num(opts.lowFraction, 0.25),
    rates: opts.rates ? String(opts.rates).split(',').map(Number).filter((n) => n > 0) : null,
    duration: opts.duration ? parseDuration(opts.duration) : null,
    rate: opts.rate === undefined ? null : Number(opts.rate),
    fraction: num(opts.fraction, 0.5),
    intervalMs: parseDuration(opts.interval ?? '10s'),
    jar: opts.jar ? fromCwd(opts.jar) : join(BENCH, '../target/quarkus-app/quarkus-run.jar'),
    baselineJar: opts.baselineJar ? fromCwd(opts.baselineJar) : null,
    serverEnv: envList(opts.serverEnv),
    baselineEnv: envList(opts.baselineEnv),
    java: opts.java ? fromCwd(opts.java) : JAVA_DEFAULT,
    jvmArgs: opts.jvmArgs ? String(opts.jvmArgs).split(/\s+/).filter(Boolean) : [],
    keycloakHome: opts.keycloakHome ? fromCwd(opts.keycloakHome) : join(BENCH, '../target/keycloak/keycloak-26.7.3'),
    realmFile: join(BENCH, '../deploy/keycloak/mockboard-realm.json'),
    pgBin: opts.pgBin ? fromCwd(opts.pgBin) : null,
    pgStatements: Boolean(opts.pgStatements),
    resultsDir: opts.results ? fromCwd(opts.results) : join(BENCH, 'results'),
    tag: opts.tag ? `-${opts.tag}` : quick ? '-quick' : '',
    workDir: join(BENCH, '.work'),
  };
}

async function machineInfo(cfg) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? 'unknown';
  let java = null;
  try {
    java = (await runCommand(cfg.java, ['-version'])).split('\n').slice(0, 2).join(' / ').trim();
  } catch {
    // no Java: only the Node targets can run
  }
  let keycloak = null;
  try {
    keycloak = readFileSync(join(cfg.keycloakHome, 'version.txt'), 'utf8').trim();
  } catch {
    // not needed without Mockboard
  }
  return {
    cores: cpus().length,
    cpuModel: model,
    ramGiB: round(totalmem() / 2 ** 30, 1),
    kernel: release(),
    loadavgAtStart: loadavg().map((v) => round(v, 2)),
    versions: {
      node: process.version,
      java,
      keycloak,
      hocuspocusServer: packageVersion('@hocuspocus/server'),
      hocuspocusProvider: packageVersion('@hocuspocus/provider'),
      hocuspocusDatabase: packageVersion('@hocuspocus/extension-database'),
      yjs: packageVersion('yjs'),
      ws: packageVersion('ws'),
      pg: packageVersion('pg'),
    },
  };
}

/** "K=V K2=V2" as an object (extra environment for a Mockboard jar). */
function envList(text) {
  if (!text) return {};
  return Object.fromEntries(String(text).split(/\s+/).filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const usesKeycloak = (name) => name === 'mockboard' || name === BASELINE || CLUSTERS.includes(name);

/** PostgreSQL when a target stores anything; Keycloak only for Mockboard. */
async function startStack(cfg, targets) {
  mkdirSync(cfg.workDir, { recursive: true });
  const stack = { workDir: cfg.workDir, pg: null, keycloak: null };
  if (targets.some((t) => t !== 'relay')) {
    console.log('starting PostgreSQL...');
    stack.pg = await startPostgres({ workDir: cfg.workDir, pgBin: cfg.pgBin, databases: ['mockboard', 'mockboard_baseline', 'hocuspocus', ...CLUSTERS.map(clusterDatabase)], statements: cfg.pgStatements });
    console.log(`  PostgreSQL ${stack.pg.settings.server_version} on 127.0.0.1:${stack.pg.port} (fsync ${stack.pg.settings.fsync}, synchronous_commit ${stack.pg.settings.synchronous_commit})`);
  }
  return stack;
}

async function ensureKeycloak(cfg, stack) {
  if (stack.keycloak) return;
  if (!existsSync(cfg.jar)) throw new Error(`no Mockboard jar at ${cfg.jar} (build it, or pass --jar)`);
  console.log('starting Keycloak (30-60 s)...');
  stack.keycloak = await startKeycloak({ home: cfg.keycloakHome, realmFile: cfg.realmFile, workDir: cfg.workDir });
  console.log(`  Keycloak at ${stack.keycloak.realmUrl}`);
}

/**
 * Keeps a copy of a server log under .work/logs (the next run overwrites the log itself), counts its
 * ERROR / Exception lines and keeps the first few distinct ones.
 */
function scanLog(file) {
  if (!file || !existsSync(file)) return null;
  const logs = join(dirname(file), 'logs');
  mkdirSync(logs, { recursive: true });
  const kept = join(logs, `${new Date().toISOString().replace(/[:.]/g, '-')}-${basename(file)}`);
  copyFileSync(file, kept);
  const lines = readFileSync(file, 'utf8').split('\n');
  const errors = lines.filter((l) => /\bERROR\b/.test(l));
  const exceptions = lines.filter((l) => /Exception/.test(l));
  const distinct = [...new Set([...errors, ...exceptions].map((l) => l.replace(/^\S+ /, '').slice(0, 300)))].slice(0, 10);
  return { file: kept, errorLines: errors.length, exceptionLines: exceptions.length, examples: distinct };
}

/** Starts one target with its clients and sampler; `fn` runs the measurements. */
async function withTarget(cfg, stack, name, fn) {
  if (usesKeycloak(name)) await ensureKeycloak(cfg, stack);
  console.log(`\n=== ${name}: starting`);
  const target = await startTarget(name, stack, cfg);
  onCleanup(() => target.stop());
  const driver = new Driver(name, target.boards, { workers: cfg.workers });
  const sampler = new Sampler({ serverPid: target.serverPid, dbPid: target.dbPid, proxyPid: target.proxyPid, heap: target.heap });
  try {
    await driver.start();
    const probeMs = await driver.probe();
    console.log(`  ${cfg.boards} boards × ${cfg.clients} clients connected; startup check: an update reached every peer of every board (${round(probeMs, 1)} ms)`);
    sampler.start();
    return await fn({ target, driver, sampler });
  } finally {
    sampler.stop();
    await driver.close();
    await target.stop();
  }
}

/** Starts a target and connects its clients; returns what a load run needs of it. */
async function bringUp(cfg, stack, name) {
  if (usesKeycloak(name)) await ensureKeycloak(cfg, stack);
  console.log(`=== ${name}: starting`);
  const target = await startTarget(name, stack, cfg);
  onCleanup(() => target.stop());
  const driver = new Driver(name, target.boards, { workers: cfg.workers });
  onCleanup(() => driver.close());
  await driver.start();
  const probeMs = await driver.probe();
  console.log(`  ${cfg.boards} boards × ${cfg.clients} clients connected; startup check: an update reached every peer of every board (${round(probeMs, 1)} ms)`);
  await driver.setRate(0, 0);
  const sampler = new Sampler({ serverPid: target.serverPid, dbPid: target.dbPid, proxyPid: target.proxyPid, heap: target.heap });
  return { name, target, driver, sampler, search: new RateSearch(cfg), low: null };
}

/**
 * All targets are started first and then take turns, one step each per round, so that load from
 * other work on the machine falls on every target alike. Only the target being measured sends
 * anything; the others are connected and silent.
 */
async function load(cfg) {
  if (cfg.baselineJar && !cfg.targets.includes(BASELINE)) cfg.targets.push(BASELINE);
  const order = ALL_TARGETS.filter((t) => cfg.targets.includes(t));
  for (const t of cfg.targets) if (!ALL_TARGETS.includes(t)) throw new Error(`unknown target ${t}`);
  const run = { date: today(), startedAt: new Date().toISOString(), command: `node run.mjs ${process.argv.slice(2).join(' ')}`, machine: await machineInfo(cfg), config: publicConfig(cfg), criteria: CRITERIA };
  console.log(`machine: ${run.machine.cores} cores, ${run.machine.cpuModel}, ${run.machine.ramGiB} GiB; load average ${run.machine.loadavgAtStart.join(' ')}`);
  const stack = await startStack(cfg, order);
  if (stack.pg) run.postgres = stack.pg.settings;
  const active = [];
  for (const name of order) active.push(await bringUp(cfg, stack, name));
  if (stack.keycloak) {
    await stack.keycloak.child.stop(); // only needed to create the sessions; frees CPU and memory
    stack.keycloak = null;
  }
  const stepOpts = { warmupMs: cfg.warmupMs, measureMs: cfg.measureMs, drainMs: cfg.drainMs, presence: cfg.presence };
  // Before each step, wait (at most --quiet-wait) until other processes leave the CPU mostly to us.
  // The waits of a whole run are capped by --quiet-budget.
  let waitedTotalMs = 0;
  const quiet = async () => {
    const maxWaitMs = Math.min(cfg.quietWaitMs, cfg.quietBudgetMs - waitedTotalMs);
    if (maxWaitMs <= 0) return null;
    const gate = await waitForQuiet({ thresholdPct: cfg.quietThreshold, maxWaitMs });
    waitedTotalMs += gate.waitedMs;
    return gate;
  };
  const measure = async (a, rate) => {
    const gate = await quiet();
    if (cfg.pgStatements) await statementsReset(stack.pg);
    const s = await runStep(a.driver, a.sampler, rate, stepOpts);
    if (cfg.pgStatements) s.statements = await statementsTop(stack.pg, a.name, s);
    if (gate) s.quietGate = { waitedS: round(gate.waitedMs / 1000, 1), otherCpuPctBefore: round(gate.otherPct, 1), quiet: gate.quiet };
    return s;
  };
  const step = async (a, rate) => {
    console.log(`${a.name}:`);
    let s = await measure(a, rate);
    // A failure while other work held the machine (> half a core not ours) is measured once more;
    // both steps are kept in the results.
    if (!s.pass && cfg.noiseRetry && s.resources.otherCpuPct > 50) {
      s.remeasured = true;
      a.search.steps.push(s);
      console.log(`  (other processes used ${s.resources.otherCpuPct} % CPU during that step: measuring it again)`);
      s = await measure(a, rate);
    }
    return s;
  };

  if (cfg.initialWarmupMs > 0) {
    for (const a of active) {
      // Lets the JIT (JVM and V8 alike) compile the hot paths before anything is measured.
      console.log(`${a.name}: initial warm-up, ${cfg.initialWarmupRate} upd/s for ${cfg.initialWarmupMs / 1000} s (not measured)`);
      await a.driver.setRate(cfg.initialWarmupRate, cfg.presence);
      await sleep(cfg.initialWarmupMs);
      await a.driver.setRate(0, 0);
      await sleep(1000);
      await a.driver.forget(await a.driver.mark());
    }
  }
  if (cfg.rates) {
    // fixed rates instead of a search: every target at each rate in turn, for what an update costs
    console.log(`\nfixed rates ${cfg.rates.join(', ')} upd/s: warm-up ${cfg.warmupMs / 1000} s, step ${cfg.measureMs / 1000} s`);
    for (const rate of cfg.rates) {
      console.log(`-- ${rate} upd/s`);
      for (const a of active) {
        a.fixed ??= [];
        a.fixed.push(await step(a, rate));
      }
    }
  }
  if (!cfg.rates) console.log(`
searching: warm-up ${cfg.warmupMs / 1000} s, step ${cfg.measureMs / 1000} s; pass = p99 ≤ ${CRITERIA.p99Ms} ms, ` +
    `errors + undelivered ≤ ${CRITERIA.errorRate * 100} %, completed ≥ ${100 - CRITERIA.deliveredShortfall * 100} % of offered`);
  for (let round = 1; !cfg.rates && active.some((a) => !a.search.done); round++) {
    console.log(`-- round ${round}`);
    for (const a of active) if (!a.search.done) a.search.record(await step(a, a.search.nextRate()));
  }
  const mockboard = active.find((a) => a.name === 'mockboard');
  const lowRate = !cfg.rates && mockboard?.search.pass ? Math.max(1, Math.round(mockboard.search.pass.rate * cfg.lowFraction)) : null;
  if (lowRate) {
    console.log(`
at ${lowRate} upd/s (${cfg.lowFraction * 100} % of Mockboard's sustained rate):`);
    for (const a of active) {
      a.low = await step(a, lowRate);
      a.low.note = `${cfg.lowFraction * 100} % of Mockboard's sustained rate`;
    }
  }

  const results = [];
  for (const a of active) {
    const stores = a.target.stores ? await a.target.stores().catch(() => null) : null;
    const routing = a.target.routing ? await a.target.routing().catch(() => null) : null;
    if (routing) console.log(`  ${a.name}: ${routing.relayedSockets} of ${routing.sockets} sockets relayed to another node (${routing.relayedPct} %)`);
    await a.driver.close();
    await a.target.stop();
    const search = a.search.result();
    const result = {
      target: a.name, info: a.target.info, heapKind: a.target.heapKind, search, lowRate: a.low, fixed: a.fixed ?? null, stores, routing,
      ackLatency: search.sustained?.ackLatencyMs ?? null, serverLog: scanLog(a.target.logFile),
    };
    results.push(result);
    const files = writeFiles(cfg.resultsDir, `${run.date}-${a.name}${cfg.tag}`, { json: { ...run, result }, md: targetMarkdown(result, run) });
    console.log(`wrote ${files.join(', ')}`);
    if (result.serverLog && (result.serverLog.errorLines || result.serverLog.exceptionLines)) {
      console.log(`  server log ${result.serverLog.file}: ${result.serverLog.errorLines} ERROR lines, ${result.serverLog.exceptionLines} Exception lines`);
    }
  }
  run.finishedAt = new Date().toISOString();
  if (results.length > 1) {
    const md = `# Load comparison (${run.date})\n\nCommand: \`${run.command}\`\n\n${comparisonMarkdown(results, run)}`;
    const files = writeFiles(cfg.resultsDir, `${run.date}-comparison${cfg.tag}`, { md, json: { ...run, results: results.map(slim) } });
    console.log(`wrote ${files.join(', ')}`);
  }
  console.log(`\n${comparisonMarkdown(results, run)}`);
}

/** --pg-statements: what PostgreSQL spent each step on, from pg_stat_statements (reset before the step). */
async function statementsReset(pgStack) {
  const client = new pg.Client(pgStack.url('mockboard')); // the extension lives there; the reset is global
  await client.connect();
  try {
    await client.query('SELECT pg_stat_statements_reset()');
  } finally {
    await client.end();
  }
}

async function statementsTop(pgStack, target, step) {
  const client = new pg.Client(pgStack.url({ hocuspocus: 'hocuspocus', [BASELINE]: 'mockboard_baseline' }[target]
    ?? (CLUSTERS.includes(target) ? clusterDatabase(target) : 'mockboard')));
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query, calls, rows,
             round(total_exec_time::numeric, 1) AS exec_ms, round(total_plan_time::numeric, 1) AS plan_ms,
             shared_blks_hit + shared_blks_read AS blocks, wal_records, round(wal_bytes::numeric) AS wal_bytes
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT 12`);
    console.log(`  PostgreSQL statements (${step.rate} upd/s): exec ms / calls / rows / WAL bytes`);
    for (const r of rows) console.log(`    ${String(r.exec_ms).padStart(9)} ${String(r.calls).padStart(7)} ${String(r.rows).padStart(7)} ${String(r.wal_bytes).padStart(10)}  ${r.query}`);
    return rows;
  } finally {
    await client.end();
  }
}

/** The comparison JSON keeps the summary, not every step. */
function slim(r) {
  return { target: r.target, sustained: r.search.sustained, firstFail: r.search.firstFail, lowRate: r.lowRate, fixed: r.fixed, info: r.info, serverLog: r.serverLog };
}

function publicConfig(cfg) {
  const { workDir, realmFile, ...rest } = cfg;
  return rest;
}

async function soak(cfg) {
  if (!cfg.duration || !cfg.rate) throw new Error(`soak needs --duration and --rate\n${USAGE}`);
  const rate = Math.max(1, Math.round(cfg.rate * cfg.fraction));
  const run = { date: today(), startedAt: new Date().toISOString(), command: `node run.mjs ${process.argv.slice(2).join(' ')}`, machine: await machineInfo(cfg), config: publicConfig(cfg) };
  const stack = await startStack(cfg, [cfg.target]);
  if (stack.pg) run.postgres = stack.pg.settings;
  const base = `${run.date}-soak-${cfg.target}${cfg.tag}`;
  const rows = [];
  const extra = {};
  await withTarget(cfg, stack, cfg.target, async ({ target, driver, sampler }) => {
    console.log(`  soak: ${rate} upd/s (${cfg.fraction * 100} % of ${cfg.rate}) for ${cfg.duration / 1000} s, a row every ${cfg.intervalMs / 1000} s`);
    await driver.setRate(rate, cfg.presence);
    await sleep(cfg.warmupMs);
    let window = await driver.mark();
    sampler.window();
    const started = performance.now();
    const open = new Map(); // window -> { t_s, seconds, resources }
    const write = () => {
      const summary = soakSummary(rows, rate, cfg);
      writeFiles(cfg.resultsDir, base, {
        csv: soakCsv(rows),
        html: soakHtml(rows, { target: cfg.target, date: run.date, heapKind: target.heapKind, csvName: `${base}.csv`, intervalS: cfg.intervalMs / 1000, summary }),
        json: { ...run, target: cfg.target, info: target.info, heapKind: target.heapKind, rate, summary, ...extra, rows },
      });
    };
    // A window is reported one interval after it ends, so its slow deliveries still count.
    const finish = async (w, final) => {
      const meta = open.get(w);
      open.delete(w);
      const record = await driver.report(w, final);
      const s = summarize(record, meta.seconds, rate);
      const r = meta.resources;
      const mb = (v) => (v === null || v === undefined ? null : round(v / 2 ** 20, 1));
      const row = {
        t_s: meta.t_s, offered_upd_s: rate, sent_upd_s: s.sentPerSec, completed_upd_s: s.completedPerSec, delivered_msgs_s: s.deliveredMsgsPerSec,
        p50_ms: s.latencyMs.p50, p95_ms: s.latencyMs.p95, p99_ms: s.latencyMs.p99, max_ms: s.latencyMs.max, errors: s.errors, lost: s.lost,
        server_cpu_pct: round(r.serverCpuPct, 1), db_cpu_pct: round(r.dbCpuPct, 1), driver_cpu_pct: round(r.driverCpuPct, 1), machine_cpu_pct: round(r.machineBusyPct, 1),
        other_cpu_pct: round(Math.max(0, r.machineBusyPct - (r.serverCpuPct ?? 0) - (r.dbCpuPct ?? 0) - (r.driverCpuPct ?? 0)), 1),
        heap_mb: mb(r.heapBytes.mean), heap_max_mb: mb(r.heapBytes.max), server_rss_mb: mb(r.serverRssBytes.max), driver_elu: s.driverEluMax,
      };
      rows.push(row);
      console.log(`  ${String(row.t_s).padStart(6)} s  p50 ${row.p50_ms} p99 ${row.p99_ms} max ${row.max_ms} ms  completed ${row.completed_upd_s}/s  errors ${row.errors}  heap ${row.heap_mb} MB  rss ${row.server_rss_mb} MB  cpu server ${row.server_cpu_pct}% other ${row.other_cpu_pct}%`);
      write();
    };
    let lastMark = started;
    while (performance.now() - started < cfg.duration) {
      await sleep(Math.min(cfg.intervalMs, cfg.duration - (performance.now() - started)));
      const now = performance.now();
      const next = await driver.mark();
      open.set(window, { t_s: round((now - started) / 1000, 1), seconds: (now - lastMark) / 1000, resources: sampler.window() });
      lastMark = now;
      if (open.has(window - 1)) await finish(window - 1, true);
      window = next;
    }
    await driver.setRate(0, cfg.presence);
    const drainStart = performance.now();
    while (performance.now() - drainStart < cfg.drainMs && (await driver.pending(window)) > 0) await sleep(50);
    for (const w of [...open.keys()].sort((a, b) => a - b)) await finish(w, true);
    if (target.stores) {
      extra.stores = await target.stores().catch(() => null);
      console.log(`  Hocuspocus stores: ${JSON.stringify(extra.stores)}`);
      write();
    }
  });
  const logScan = scanLog(join(cfg.workDir, `${cfg.target}.log`));
  console.log(`\nsoak summary: ${JSON.stringify(soakSummary(rows, rate, cfg))}`);
  if (logScan) console.log(`server log: ${logScan.errorLines} ERROR lines, ${logScan.exceptionLines} Exception lines`);
  console.log(`wrote ${join(cfg.resultsDir, base)}.{csv,html,json}`);
}

function soakSummary(rows, rate, cfg) {
  const values = (k) => rows.map((r) => r[k]).filter((v) => v !== null && v !== undefined);
  const max = (k) => (values(k).length ? Math.max(...values(k)) : null);
  const first = (k) => values(k)[0] ?? null;
  const last = (k) => values(k).at(-1) ?? null;
  return {
    target: cfg.target,
    'rate (upd/s)': `${rate} (${cfg.fraction * 100} % of ${cfg.rate})`,
    'workload': `${cfg.boards} boards × ${cfg.clients} clients, presence ${cfg.presence}/s per client`,
    'duration (s)': rows.length ? rows.at(-1).t_s : 0,
    windows: rows.length,
    'worst window p99 (ms)': max('p99_ms'),
    'worst max (ms)': max('max_ms'),
    'errors (total)': values('errors').reduce((a, b) => a + b, 0),
    'heap MB first → last window (mean)': `${first('heap_mb')} → ${last('heap_mb')}`,
    'RSS MB first → last window': `${first('server_rss_mb')} → ${last('server_rss_mb')}`,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.mode || opts.help || !['load', 'soak'].includes(opts.mode)) {
    console.log(USAGE);
    process.exit(opts.mode && !opts.help ? 2 : 0);
  }
  const cfg = config(opts);
  installSignalHandlers();
  try {
    if (cfg.mode === 'load') await load(cfg);
    else await soak(cfg);
  } finally {
    await runCleanups();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(`\nfailed: ${e.stack || e.message}`);
  runCleanups().finally(() => process.exit(1));
});


