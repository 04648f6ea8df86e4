#!/usr/bin/env node
// Database outage: while guest clients push element updates, PostgreSQL is stopped
// (pg_ctl stop -m fast, data directory kept) for --down, then started again on the same port.
// The clients are the page's own SyncClient. Pushes must be held and acknowledged later, or refused
// with retryable errors, never acknowledged and lost; Mockboard must recover by itself. See
// docs/benchmarks.md, "Robustness".
//
//   node robustness/outage.mjs [--down 10s] [--outages 1] [--stop-mode fast|immediate] [--seed N]

import {
  logSummary,
  parseArgs, parseDuration, stackConfig, STACK_USAGE, startStack, makeClients, Editor, startEditing, drain, verify,
  passwordToken, rng, log, round, machineInfo, today, writeResult, scanLog, readyStatus, sleep, waitUntil, run,
} from './common.mjs';

const USAGE = `usage: node robustness/outage.mjs [--down 10s] [--outages 1] [--stop-mode fast|immediate]
       [--warmup 5s] [--between 5s] [--drop-during-outage true|false] [--recovery-timeout 120s] [options]
${STACK_USAGE}`;

async function main() {
  const opts = parseArgs(process.argv.slice(2), USAGE);
  const cfg = stackConfig(opts, 'outage');
  const downMs = parseDuration(opts.down ?? '10s');
  const outages = Number(opts.outages ?? 1);
  const stopMode = opts.stopMode ?? 'fast';
  const warmupMs = parseDuration(opts.warmup ?? '5s');
  const betweenMs = parseDuration(opts.between ?? '5s');
  const dropDuring = String(opts.dropDuringOutage ?? 'true') !== 'false';
  const recoveryTimeoutMs = parseDuration(opts.recoveryTimeout ?? '120s');
  const random = rng(cfg.seed);
  const command = `node robustness/outage.mjs ${process.argv.slice(2).join(' ')}`.trim();
  log(`${command}  (seed ${cfg.seed})`);
  const machine = await machineInfo(cfg);
  log(`machine: ${machine.nproc} cores (${machine.cpuModel}), load average ${machine.loadavgAtStart.join(' ')}`);
  const started = Date.now();
  const { db, kc, mb, boards } = await startStack(cfg);

  const violations = [];
  let phase = 'before';
  let current = null; // the outage being measured
  const errors = {}; // phase → code → count
  const closeCodes = {}; // phase → code → count
  const nonRetryable = [];
  const connectFailures = {}; // phase → reason → count
  const t = () => performance.now();

  const events = (client, kind, d) => {
    if (kind === 'violation') {
      violations.push(d);
      log(`VIOLATION ${d}`);
    } else if (kind === 'error') {
      ((errors[phase] ??= {})[d.code] ??= 0);
      errors[phase][d.code]++;
      if (!d.retryable) {
        nonRetryable.push({ phase, clientId: client.clientId, ...d });
        violations.push(`${client.clientId}: non-retryable error ${d.code} during phase ${phase} (clientSeq ${d.clientSeq}): ${d.message}`);
      }
      if (current && !current.firstError) current.firstError = { code: d.code, afterStopMs: Math.round(t() - current.stopAt) };
    } else if (kind === 'connect_failed') {
      ((connectFailures[phase] ??= {})[d] ??= 0);
      connectFailures[phase][d]++;
    } else if (kind === 'close') {
      ((closeCodes[phase] ??= {})[d.code] ??= 0);
      closeCodes[phase][d.code]++;
    } else if (kind === 'welcome' && current) {
      current.welcomes.push({ phase, clientId: client.clientId, atMs: Math.round(t() - current.stopAt), snapshot: d.snapshot, ops: d.ops });
    } else if (kind === 'ack' && current) {
      const at = t();
      if (current.downAt && !current.backAt && at > current.downAt) current.acksWhileDown++;
      if (current.backAt) {
        if (!current.firstAckMs && d.seq !== null) current.firstAckMs = at - current.backAt;
        if (!current.backlogAckedMs && clients.every((c) => c.backlogAcked())) current.backlogAckedMs = at - current.backAt;
        if (!current.pendingEmptyMs && clients.every((c) => c.unsent === 0)) current.pendingEmptyMs = at - current.backAt;
      }
    }
  };

  const clients = makeClients(mb, boards, random, events, cfg.maxBackoffMs);
  if (!(await waitUntil(() => clients.every((c) => c.live), 30_000))) throw new Error('the clients did not all get a welcome within 30 s');
  const editing = startEditing(clients.map((c) => new Editor(c, random)), cfg.rate, random);
  log(`${clients.length} clients live, pushing ${cfg.rate} updates/s in all`);

  // /q/health/ready every 250 ms (time of the answer; status 0 = no answer within 2 s).
  const polls = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const asked = t();
      const status = await readyStatus(mb.base, 2000);
      polls.push({ atMs: t(), status, phase, ms: Math.round(t() - asked) });
      await sleep(250);
    }
  })();

  await sleep(warmupMs);
  const results = [];
  for (let o = 1; o <= outages; o++) {
    current = { outage: o, stopAt: t(), downAt: null, backAt: null, acksWhileDown: 0, welcomes: [], firstAckMs: null, backlogAckedMs: null, pendingEmptyMs: null, firstError: null };
    phase = `outage ${o}`;
    log(`outage ${o}/${outages}: pg_ctl stop -m ${stopMode}`);
    await db.stop(stopMode);
    current.downAt = t();
    log(`  PostgreSQL down (${round((current.downAt - current.stopAt) / 1000, 2)} s to stop); down for ${downMs / 1000} s`);
    if (dropDuring) {
      await sleep(downMs / 2);
      // A reload / network blip mid-outage: the first client of each board drops its socket and rejoins.
      const dropped = boards.map((b) => clients.find((c) => c.boardId === b.boardId));
      dropped.forEach((c) => c.drop());
      log(`  dropped the socket of ${dropped.map((c) => c.clientId).join(', ')} (they reconnect and say hello with their lastSeq)`);
      await sleep(Math.max(0, current.downAt + downMs - t()));
    } else await sleep(downMs);
    // every change made from here on is after the return; the ones before it make up the backlog
    for (const c of clients) c.markBacklog();
    const pendingAtReturn = clients.reduce((a, c) => a + c.unsent, 0);
    const startAt = t();
    await db.start();
    current.backAt = t();
    phase = `recovery ${o}`;
    log(`  PostgreSQL accepting connections again (${round((current.backAt - startAt) / 1000, 2)} s to start); ${pendingAtReturn} pushes pending`);
    const recovered = await waitUntil(() => current.backlogAckedMs !== null && current.pendingEmptyMs !== null, recoveryTimeoutMs, 20);
    const down503 = polls.find((h) => h.atMs >= current.downAt && h.status !== 200);
    const r = {
      outage: o,
      stopMode,
      downMs,
      stopTookMs: Math.round(current.downAt - current.stopAt),
      startTookMs: Math.round(current.backAt - startAt),
      pendingAtReturn,
      acksWhileDown: current.acksWhileDown,
      firstError: current.firstError,
      recovered,
      firstAckAfterReturnMs: round(current.firstAckMs, 0),
      backlogAckedAfterReturnMs: round(current.backlogAckedMs, 0),
      allPendingEmptyAfterReturnMs: round(current.pendingEmptyMs, 0),
      welcomesDuringOutageOrRecovery: current.welcomes,
      healthDuringOutage: [...new Set(polls.filter((h) => h.phase === `outage ${o}`).map((h) => h.status))],
      healthNotReadyAfterDownMs: down503 ? Math.max(0, Math.round(down503.atMs - current.downAt)) : null,
    };
    await waitUntil(() => polls.some((h) => h.atMs >= current.backAt && h.status === 200), 30_000);
    const back200 = polls.find((h) => h.atMs >= current.backAt && h.status === 200);
    r.healthReadyAfterReturnMs = back200 ? Math.round(back200.atMs - current.backAt) : null;
    results.push(r);
    if (!recovered) {
      violations.push(`outage ${o}: not recovered ${recoveryTimeoutMs / 1000} s after PostgreSQL returned (first ack ${r.firstAckAfterReturnMs} ms, backlog acked ${r.backlogAckedAfterReturnMs}, unsent ${clients.map((c) => c.unsent).join('/')})`);
    }
    log(`  first ack ${r.firstAckAfterReturnMs} ms after PostgreSQL returned; every change made before its return acked after ${r.backlogAckedAfterReturnMs} ms; ` +
      `all outboxes empty after ${r.allPendingEmptyAfterReturnMs} ms; acks while down ${r.acksWhileDown}; errors ${JSON.stringify(errors[`outage ${o}`] ?? {})}`);
    phase = `after ${o}`;
    current = null;
    await sleep(o < outages ? betweenMs : 3000);
  }
  editing.stop();
  const pushes = clients.reduce((a, c) => a + c.sent.size, 0);
  log(`stopped editing after ${clients.reduce((a, c) => a + c.edits, 0)} edits in ${pushes} pushes; waiting until every client is live with nothing unsent...`);
  const d = await drain(clients, db, 60_000);
  if (!d.drained) violations.push(`not every client drained within 60 s: ${clients.filter((c) => !c.live || c.unsent).map((c) => `${c.clientId} ${c.client.status.kind} unsent=${c.unsent}`).join(', ')}`);
  else if (!d.caughtUp) violations.push('drained, but not every client caught up to its board head within 15 s');
  await sleep(1000);
  polling = false;
  await poller;
  const token = await passwordToken(kc.realmUrl, 'alice', 'alice');
  const check = await verify({ db, mb, token, clients, boardIds: boards.map((b) => b.boardId) });
  violations.push(...check.violations);
  clients.forEach((c) => c.stop());
  if (mb.starts !== 1 || mb.child.exited) violations.push('Mockboard was restarted or exited');

  const healthTransitions = polls.filter((h, i) => i === 0 || h.status !== polls[i - 1].status)
    .map((h) => ({ atS: round((h.atMs - polls[0].atMs) / 1000, 2), status: h.status, answeredInMs: h.status ? h.ms : null, phase: h.phase }));
  const healthByPhase = {};
  for (const h of polls) if (!(healthByPhase[h.phase] ??= []).includes(h.status)) healthByPhase[h.phase].push(h.status);
  const summary = {
    outages,
    downMs,
    ...logSummary({ check, drained: d, clients, pushes }),
    errorsByPhase: errors,
    nonRetryableErrors: nonRetryable.length,
    closeCodesByPhase: closeCodes,
    failedConnectsByPhase: connectFailures,
    firstAckAfterReturnMs: results.map((r) => r.firstAckAfterReturnMs),
    recoveryMs: results.map((r) => r.allPendingEmptyAfterReturnMs),
    backlogAckedMs: results.map((r) => r.backlogAckedAfterReturnMs),
    health: results.map((r) => ({ outage: r.outage, duringOutage: r.healthDuringOutage, notReadyAfterDownMs: r.healthNotReadyAfterDownMs, readyAfterReturnMs: r.healthReadyAfterReturnMs })),
    healthByPhase,
    serverRestarted: mb.starts !== 1,
    violations: violations.length,
  };
  const file = writeResult(cfg, 'outage', {
    test: 'database outage (PostgreSQL stopped and started again on the same port, Mockboard left running)',
    date: today(),
    command,
    seed: cfg.seed,
    machine,
    postgres: db.settings,
    config: { boards: cfg.boards, clients: cfg.clients, rate: cfg.rate, downMs, outages, stopMode, warmupMs, betweenMs, dropDuringOutage: dropDuring, limiter: cfg.limiter, clientMaxBackoffMs: cfg.maxBackoffMs ?? 'default', jar: cfg.jar, jvmArgs: cfg.jvmArgs },
    durationS: Math.round((Date.now() - started) / 1000),
    summary,
    outages: results,
    healthTransitions,
    nonRetryable,
    boards: check.counts.boards,
    violations,
    serverLog: scanLog(mb.logFile),
  });
  const pass = violations.length === 0;
  const allErrors = {};
  for (const [p, codes] of Object.entries(errors)) if (!p.startsWith('before')) for (const [c, n] of Object.entries(codes)) allErrors[c] = (allErrors[c] ?? 0) + n;
  console.log(`\noutage: ${pass ? 'PASS' : 'FAIL'}  ${outages} × ${downMs / 1000} s down, edits ${summary.edits}, pushed ${pushes}, acked ${summary.opsAcked}, in log ${summary.opsInLog}, ` +
    `duplicates ${summary.duplicates}, lost ${summary.lost}, errors ${JSON.stringify(allErrors)} (non-retryable ${nonRetryable.length}), ` +
    `first ack ${summary.firstAckAfterReturnMs.join('/')} ms and recovery ${summary.recoveryMs.join('/')} ms after PostgreSQL returned, ` +
    `/q/health/ready during outage ${summary.health.map((h) => `${h.duringOutage.join(',')} (ready again ${h.readyAfterReturnMs} ms after return)`).join(' / ')}, converged ${summary.converged}, violations ${violations.length}`);
  for (const v of violations.slice(0, 20)) console.log(`  - ${v}`);
  console.log(`wrote ${file}; server log ${mb.logFile}`);
  return pass ? 0 : 1;
}

run(main);
