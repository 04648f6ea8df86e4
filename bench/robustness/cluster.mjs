#!/usr/bin/env node
// Several nodes behind a real reverse proxy: PostgreSQL, Keycloak, N production jars and nginx (the shipped
// deploy/nginx/mockboard.conf, pointed at the jars) on loopback. Guest clients (the page's own SyncClient) on many
// boards push element updates through the proxy while (a) one node at a time is killed with SIGKILL and started
// again, and (b) every node in turn is stopped with SIGTERM (it drains) and started again. At the end every
// acknowledged push is in the op log exactly once, every board's log is gapless, and every client's scene equals
// the server's. Reports the time until every client is live again after each kill, and each client's longest gap
// during the rolling restart. See docs/scaling.md.
//
//   node robustness/cluster.mjs [--nodes 3] [--kills 10] [--boards 6 --clients 3 --rate 60] [--seed N]

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import {
  BENCH, logSummary, waitUntil, parseArgs, stackConfig, STACK_USAGE, Postgres, Mockboard, makeClients, Editor, startEditing, drain, verify,
  passwordToken, keycloak, rng, log, round, percentile, machineInfo, today, writeResult, scanLog, parseDuration, sleep, run,
} from './common.mjs';
import { setupBoards } from '../lib/mockboard.mjs';
import { startNginx } from '../lib/nginx.mjs';

const USAGE = `usage: node robustness/cluster.mjs [--nodes 3] [--kills 10] [--min-run 2s --max-run 4s] [--nginx /usr/sbin/nginx] [options]
${STACK_USAGE}`;

async function main() {
  const opts = parseArgs(process.argv.slice(2), USAGE);
  const cfg = stackConfig({ boards: 6, rate: 60, ...opts }, 'cluster');
  const nodes = Number(opts.nodes ?? 3);
  const kills = Number(opts.kills ?? 10);
  const minRun = parseDuration(opts.minRun ?? '2s');
  const maxRun = parseDuration(opts.maxRun ?? '4s');
  const nginxBin = opts.nginx ?? '/usr/sbin/nginx';
  if (!existsSync(nginxBin)) throw new Error(`no nginx at ${nginxBin} (apt-get install nginx-light, or pass --nginx)`);
  const random = rng(cfg.seed);
  const command = `node robustness/cluster.mjs ${process.argv.slice(2).join(' ')}`.trim();
  log(`${command}  (seed ${cfg.seed})`);
  const machine = await machineInfo(cfg);
  const started = Date.now();
  mkdirSync(cfg.workDir, { recursive: true });

  log('PostgreSQL...');
  const db = await new Postgres(cfg).init();
  const kc = await keycloak(cfg);
  const stateSecret = randomBytes(24).toString('hex');
  const servers = Array.from({ length: nodes }, (_, i) => new Mockboard(cfg, db.port, kc.realmUrl, {
    name: `node-${i + 1}`,
    env: (mb) => ({ MOCKBOARD_SYNC_NODE_ID: `node-${i + 1}`, MOCKBOARD_SYNC_NODE_ADDRESS: mb.base, MOCKBOARD_OIDC_STATE_SECRET: stateSecret }),
  }));
  // the first node migrates the database alone; the others start together
  const firstMs = await servers[0].init();
  const restMs = await Promise.all(servers.slice(1).map((s) => s.init()));
  [firstMs, ...restMs].forEach((ms, i) => log(`  ${servers[i].name} at ${servers[i].base} (pid ${servers[i].child.pid}), ready in ${round(ms / 1000, 2)} s`));
  const proxy = await startNginx({ bin: nginxBin, workDir: join(cfg.workDir, 'nginx'), ports: servers.map((s) => s.port) });
  log(`  nginx at ${proxy.base}, in front of ${servers.map((s) => s.port).join(', ')}`);

  const token = await passwordToken(kc.realmUrl, 'alice', 'alice');
  const violations = [];
  const crossNode = nodes >= 3 ? await crossNodeEvents(servers, token, db, violations) : null;
  const boards = await setupBoards({ base: proxy.base, token, boards: cfg.boards, clients: cfg.clients });
  const closeCodes = {};
  const lastClose = new Map();
  const gaps = [];
  const events = (client, kind, d) => {
    if (kind === 'violation') {
      violations.push(d);
      log(`VIOLATION ${d}`);
    } else if (kind === 'error' && !d.retryable) {
      violations.push(`${client.clientId}: non-retryable error ${d.code}: ${d.message}`);
    } else if (kind === 'close') {
      closeCodes[d.code] = (closeCodes[d.code] ?? 0) + 1;
      if (d.wasLive) lastClose.set(client, performance.now());
    } else if (kind === 'welcome' && lastClose.has(client)) {
      gaps.push({ client, ms: performance.now() - lastClose.get(client), at: performance.now() });
      lastClose.delete(client);
    }
  };
  const clients = makeClients({ port: proxy.port, base: proxy.base }, boards, random, events, cfg.maxBackoffMs);
  if (!(await waitUntil(() => clients.every((c) => c.live), 30_000, 20))) throw new Error('the clients did not all get a welcome within 30 s');
  const editing = startEditing(clients.map((c) => new Editor(c, random)), cfg.rate, random);
  log(`${clients.length} clients on ${cfg.boards} boards through nginx, ${cfg.rate} updates/s; ${kills} kills, then a rolling restart`);

  const pause = await pauseAnOwner(servers, boards, db, token, clients, lastClose, gaps, violations, random);

  const failovers = [];
  for (let k = 1; k <= kills; k++) {
    await sleep(random.between(minRun, maxRun));
    const victim = await busiest(servers, random);
    const killedAt = performance.now();
    gaps.length = 0;
    await victim.kill();
    const live = await waitForRejoins(clients, lastClose, 30_000);
    const ms = live ? Math.max(0, ...gaps.map((g) => g.at - killedAt)) : null;
    const moved = gaps.length;
    failovers.push({ kill: k, node: victim.name, clientsMoved: moved, killToAllLiveMs: ms === null ? null : Math.round(ms) });
    log(`kill ${k}/${kills}: SIGKILL ${victim.name}; ${moved} clients moved; ` + (live ? `all live again ${round(ms / 1000, 2)} s after the kill` : 'NOT all live within 30 s'));
    if (!live) violations.push(`after kill ${k} not every client was live again within 30 s: ${stuck(clients, lastClose)}`);
    const readyMs = await victim.start();
    log(`  ${victim.name} back, ready in ${round(readyMs / 1000, 2)} s`);
  }

  const rolling = [];
  for (const node of servers) {
    await sleep(random.between(minRun, maxRun));
    gaps.length = 0;
    const stoppedAt = performance.now();
    await node.terminate();
    const drainedMs = performance.now() - stoppedAt;
    const live = await waitForRejoins(clients, lastClose, 30_000);
    const readyMs = await node.start();
    const worst = Math.max(0, ...gaps.map((g) => g.ms));
    rolling.push({ node: node.name, drainMs: Math.round(drainedMs), clientsMoved: gaps.length, worstGapMs: Math.round(worst), restartToReadyMs: Math.round(readyMs) });
    log(`rolling: SIGTERM ${node.name} (drained and exited in ${round(drainedMs / 1000, 2)} s); ${gaps.length} clients moved, longest gap ${round(worst / 1000, 2)} s; back in ${round(readyMs / 1000, 2)} s`);
    if (!live) violations.push(`after stopping ${node.name} not every client was live again within 30 s: ${stuck(clients, lastClose)}`);
  }

  await sleep(random.between(minRun, maxRun));
  editing.stop();
  const pushes = clients.reduce((a, c) => a + c.sent.size, 0);
  const d = await drain(clients, db, 60_000);
  if (!d.drained) violations.push(`not every client drained within 60 s`);
  else if (!d.caughtUp) violations.push('drained, but not every client caught up to its board head within 15 s');
  const check = await verify({ db, mb: { base: proxy.base, port: proxy.port }, token: await passwordToken(kc.realmUrl, 'alice', 'alice'), clients, boardIds: boards.map((b) => b.boardId) });
  violations.push(...check.violations);
  const owners = await boardOwners(db, boards.map((b) => b.boardId));
  const twoWriters = await opsOutsideTheirOwnersTurn(db);
  if (twoWriters.length) violations.push(`${twoWriters.length} ops appended outside their owner's turn (two writers), first: ${JSON.stringify(twoWriters[0])}`);
  const metrics = await nodeMetrics(servers);
  clients.forEach((c) => c.stop());

  // a kill of a node that held no sockets moves nobody: it says nothing about failover
  const killMs = failovers.filter((f) => f.clientsMoved > 0).map((f) => f.killToAllLiveMs ?? Infinity);
  const summary = {
    nodes,
    kills,
    ...logSummary({ check, drained: d, clients, pushes }),
    failoverMs: { kills: killMs.length, p50: percentile(killMs, 50), max: Math.max(0, ...killMs) },
    rollingWorstGapMs: Math.max(0, ...rolling.map((r) => r.worstGapMs)),
    crossNode,
    pause,
    opsOutsideTheirOwnersTurn: twoWriters.length,
    closeCodes,
    fencedAppends: servers.reduce((a, s) => a + countInLog(s.logFile, 'was taken by another node'), 0),
    relaysToAGoneOwner: servers.reduce((a, s) => a + countInLog(s.logFile, 'nothing listens at'), 0),
    owners,
    metricsSinceLastStart: metrics,
    violations: violations.length,
  };
  const file = writeResult(cfg, 'cluster', {
    test: `cluster (${nodes} nodes behind nginx: SIGKILL of one node at a time, then a rolling SIGTERM restart)`,
    date: today(),
    command,
    seed: cfg.seed,
    machine,
    config: { nodes, boards: cfg.boards, clients: cfg.clients, rate: cfg.rate, kills, jar: cfg.jar },
    durationS: Math.round((Date.now() - started) / 1000),
    summary,
    failovers,
    rolling,
    violations,
    serverLogs: Object.fromEntries(servers.map((s) => [s.name, scanLog(s.logFile)])),
  });
  const pass = violations.length === 0;
  console.log(`\ncluster: ${pass ? 'PASS' : 'FAIL'}  ${nodes} nodes, ${kills} kills: every client live again p50 ${round(summary.failoverMs.p50 / 1000, 2)} s, ` +
    `max ${round(summary.failoverMs.max / 1000, 2)} s; rolling restart: longest gap ${round(summary.rollingWorstGapMs / 1000, 2)} s; ` +
    `pushed ${pushes}, acked ${summary.opsAcked}, in log ${summary.opsInLog}, duplicates ${summary.duplicates}, lost ${summary.lost}, ` +
    `converged ${summary.converged}, ops outside their owner's turn ${twoWriters.length}, violations ${violations.length}`);
  for (const v of violations.slice(0, 20)) console.log(`  - ${v}`);
  console.log(`wrote ${file}; logs in ${cfg.workDir}`);
  await proxy.child.stop(5000);
  return pass ? 0 : 1;
}

/** Waits until every client is live and none is between a close and its next welcome. */
async function waitForRejoins(clients, lastClose, timeoutMs) {
  await sleep(50); // the closes of a killed node's sockets arrive first
  return waitUntil(() => clients.every((c) => c.live) && lastClose.size === 0, timeoutMs, 20);
}

function stuck(clients, lastClose) {
  return clients.filter((c) => !c.live || lastClose.has(c))
    .map((c) => `${c.clientId} ${JSON.stringify(c.client.status)}${lastClose.has(c) ? ' (no welcome since its close)' : ''}`).join(', ');
}

/** The node with the most board sockets now (its mockboard_node_sockets), so that every kill moves clients. */
async function busiest(servers, random) {
  let best = servers[Math.floor(random() * servers.length)];
  let most = -1;
  for (const s of servers) {
    try {
      const m = (await (await fetch(`${s.base}/q/metrics`)).text()).match(/^mockboard_node_sockets\{[^}]*\} ([0-9.]+)$/m);
      const sockets = m ? Number(m[1]) : 0;
      if (sockets > most) {
        most = sockets;
        best = s;
      }
    } catch {
      // not up: not a candidate
    }
  }
  return best;
}

/** Sums of the nodes' sync counters since their last start (their /q/metrics). */
async function nodeMetrics(servers) {
  const names = ['mockboard_board_takeovers_total', 'mockboard_appends_fenced_total', 'mockboard_node_relayed_sockets_total', 'mockboard_ops_appended_total'];
  const sums = Object.fromEntries(names.map((n) => [n, 0]));
  for (const s of servers) {
    try {
      const text = await (await fetch(`${s.base}/q/metrics`)).text();
      for (const n of names) {
        const m = text.match(new RegExp(`^${n}\\{[^}]*\\} ([0-9.eE+-]+)$`, 'm'));
        if (m) sums[n] += Number(m[1]);
      }
    } catch {
      // a node that is not up has no metrics to read
    }
  }
  return sums;
}

async function boardOwners(db, boardIds) {
  const c = await db.client();
  try {
    const rows = (await c.query('SELECT node_id, count(*)::int AS n, max(epoch)::int AS max_epoch FROM board_owner WHERE board_id = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1', [boardIds])).rows;
    return rows.map((r) => ({ node: r.node_id, boards: r.n, maxEpoch: r.max_epoch }));
  } finally {
    await c.end();
  }
}

function countInLog(file, text) {
  try {
    return readFileSync(file, 'utf8').split(text).length - 1;
  } catch {
    return 0;
  }
}

run(main);
