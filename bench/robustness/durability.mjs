#!/usr/bin/env node
// Durability under kill -9: while guest clients push element updates, the Mockboard JVM is killed
// with SIGKILL every 2-5 s and restarted on the same port; the clients are the page's own
// SyncClient. At the end every acknowledged push must be in the op log exactly once, the log
// gap-free, and every client's scene equal to the server's. See docs/benchmarks.md, "Robustness".
//
//   node robustness/durability.mjs [--kills 20] [--boards 2 --clients 3 --rate 50] [--seed N]

import {
  logSummary, waitUntil,
  parseArgs, stackConfig, STACK_USAGE, startStack, makeClients, Editor, startEditing, drain, verify, passwordToken,
  rng, log, round, percentile, machineInfo, today, writeResult, scanLog, parseDuration, sleep, run,
} from './common.mjs';

const USAGE = `usage: node robustness/durability.mjs [--kills 20] [--min-run 2s --max-run 5s] [options]
${STACK_USAGE}`;

async function main() {
  const opts = parseArgs(process.argv.slice(2), USAGE);
  const cfg = stackConfig(opts, 'durability');
  const kills = Number(opts.kills ?? 20);
  const minRun = parseDuration(opts.minRun ?? '2s');
  const maxRun = parseDuration(opts.maxRun ?? '5s');
  const random = rng(cfg.seed);
  const command = `node robustness/durability.mjs ${process.argv.slice(2).join(' ')}`.trim();
  log(`${command}  (seed ${cfg.seed})`);
  const machine = await machineInfo(cfg);
  log(`machine: ${machine.nproc} cores (${machine.cpuModel}), load average ${machine.loadavgAtStart.join(' ')}`);
  const started = Date.now();
  const { db, kc, mb, boards, firstStartMs } = await startStack(cfg);

  const violations = [];
  const errorsByCode = {};
  const closeCodes = {};
  const failedConnects = {};
  let welcomes = 0;
  let snapshotWelcomes = 0;
  const events = (client, kind, d) => {
    if (kind === 'violation') {
      violations.push(d);
      log(`VIOLATION ${d}`);
    } else if (kind === 'error') {
      errorsByCode[d.code] = (errorsByCode[d.code] ?? 0) + 1;
      if (!d.retryable) violations.push(`${client.clientId}: non-retryable error ${d.code} (clientSeq ${d.clientSeq}): ${d.message}`);
    } else if (kind === 'close') closeCodes[d.code] = (closeCodes[d.code] ?? 0) + 1;
    else if (kind === 'connect_failed') failedConnects[d] = (failedConnects[d] ?? 0) + 1;
    else if (kind === 'welcome') {
      welcomes++;
      if (d.snapshot) snapshotWelcomes++;
    }
  };
  const clients = makeClients(mb, boards, random, events, cfg.maxBackoffMs);
  const ok = await waitUntil(() => clients.every((c) => c.live), 30_000, 20);
  if (!ok) throw new Error('the clients did not all get a welcome within 30 s');
  // The page's client backs off up to 30 s between attempts, so a slow restart can delay a rejoin that long.
  const rejoinTimeoutMs = 60_000;
  const editors = clients.map((c) => new Editor(c, random));
  const editing = startEditing(editors, cfg.rate, random);
  log(`${clients.length} clients live, pushing ${cfg.rate} updates/s in all; ${kills} kills, each after ${minRun / 1000}-${maxRun / 1000} s`);

  const restarts = [];
  for (let k = 1; k <= kills; k++) {
    const runMs = random.between(minRun, maxRun);
    await sleep(runMs);
    const pid = mb.child.pid;
    const pendingAtKill = clients.reduce((a, c) => a + c.unsent, 0);
    const killedAt = performance.now();
    await mb.kill();
    const readyMs = await mb.start();
    const readyAt = performance.now();
    const allLive = await waitUntil(() => clients.every((c) => c.live), rejoinTimeoutMs, 20);
    const rejoinMs = performance.now() - readyAt;
    restarts.push({ kill: k, ranMs: Math.round(runMs), killedPid: pid, pendingAtKill, restartToReadyMs: Math.round(readyMs), killToReadyMs: Math.round(readyAt - killedAt), readyToAllRejoinedMs: allLive ? Math.round(rejoinMs) : null });
    log(`kill ${k}/${kills}: SIGKILL pid ${pid} after ${round(runMs / 1000, 1)} s (${pendingAtKill} pushes unacked); restarted pid ${mb.child.pid}, ready in ${round(readyMs / 1000, 2)} s; ` +
      (allLive ? `all clients rejoined ${round(rejoinMs / 1000, 2)} s later` : `NOT all clients rejoined within ${rejoinTimeoutMs / 1000} s`));
    if (!allLive) violations.push(`after restart ${k} not every client got a welcome within ${rejoinTimeoutMs / 1000} s`);
  }
  await sleep(random.between(minRun, maxRun));
  editing.stop();
  const pushes = clients.reduce((a, c) => a + c.sent.size, 0);
  log(`stopped editing after ${clients.reduce((a, c) => a + c.edits, 0)} edits in ${pushes} pushes; waiting until every client is live with nothing unsent...`);
  const d = await drain(clients, db, 60_000);
  if (!d.drained) {
    violations.push(`not every client drained within 60 s: ${clients.filter((c) => !c.live || c.unsent).map((c) => `${c.clientId} ${c.client.status.kind} unsent=${c.unsent} [${c.awaiting.slice(0, 5)}]`).join(', ')}`);
  } else if (!d.caughtUp) violations.push('drained, but not every client caught up to its board head within 15 s');
  log(`drained in ${round(d.drainMs / 1000, 2)} s; checking the op log...`);
  const token = await passwordToken(kc.realmUrl, 'alice', 'alice');
  const check = await verify({ db, mb, token, clients, boardIds: boards.map((b) => b.boardId) });
  violations.push(...check.violations);
  clients.forEach((c) => c.stop());

  const ready = restarts.map((r) => r.restartToReadyMs);
  const summary = {
    kills,
    ...logSummary({ check, drained: d, clients, pushes }),
    restartToReadyMs: { p50: percentile(ready, 50), max: ready.length ? Math.max(...ready) : null, firstStart: Math.round(firstStartMs) },
    readyToAllRejoinedMs: { p50: percentile(restarts.map((r) => r.readyToAllRejoinedMs ?? Infinity), 50), max: Math.max(0, ...restarts.map((r) => r.readyToAllRejoinedMs ?? Infinity)) },
    finalDrainMs: Math.round(d.drainMs),
    welcomes,
    snapshotWelcomes,
    errorsByCode,
    closeCodes,
    failedConnects,
    violations: violations.length,
  };
  const serverLog = scanLog(mb.logFile);
  const file = writeResult(cfg, 'durability', {
    test: 'durability (SIGKILL of the Mockboard JVM, restart on the same port)',
    date: today(),
    command,
    seed: cfg.seed,
    machine,
    postgres: db.settings,
    config: { boards: cfg.boards, clients: cfg.clients, rate: cfg.rate, kills, runBetweenKillsMs: [minRun, maxRun], limiter: cfg.limiter, clientMaxBackoffMs: cfg.maxBackoffMs ?? 'default', jar: cfg.jar, jvmArgs: cfg.jvmArgs },
    durationS: Math.round((Date.now() - started) / 1000),
    summary,
    boards: check.counts.boards,
    restarts,
    violations,
    serverLog,
  });
  const pass = violations.length === 0;
  console.log(`\ndurability: ${pass ? 'PASS' : 'FAIL'}  kills ${kills}, edits ${summary.edits}, pushed ${pushes}, acked ${summary.opsAcked}, in log ${summary.opsInLog}, ` +
    `duplicates ${summary.duplicates}, lost ${summary.lost} (acks: ${summary.ackKinds.seq} with seq, ${summary.ackKinds.duplicate} duplicate, ${summary.ackKinds.covered} covered by a later one), restart→ready p50 ${round(summary.restartToReadyMs.p50 / 1000, 2)} s ` +
    `max ${round(summary.restartToReadyMs.max / 1000, 2)} s, converged ${summary.converged}, violations ${violations.length}`);
  for (const v of violations.slice(0, 20)) console.log(`  - ${v}`);
  console.log(`wrote ${file}; server log ${mb.logFile}`);
  return pass ? 0 : 1;
}

run(main);
