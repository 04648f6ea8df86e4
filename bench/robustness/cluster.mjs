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

/**
 * Events cross nodes, through three separate processes: the board is owned by node C (its sockets are there), a
 * note written through node B reaches the interviewer's socket on C and never the candidate's, a step moved through
 * A reaches both, and an invite revoked through A closes the candidate's socket on C. Returns the latencies.
 */
async function crossNodeEvents([a, b, c], token, db, violations) {
  const api = async (node, method, path, body) => {
    const res = await fetch(node.base + path, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${node.name}: ${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  };
  const [board] = await setupBoards({ base: a.base, token, boards: 1, clients: 1 });
  const invite = (await api(a, 'GET', `/api/sessions/${board.sessionId}/invites`))[0];
  const interviewer = await frameSocket(c, board.boardId, { authorization: `Bearer ${token}` }, 'interviewer');
  const candidate = await frameSocket(c, board.boardId, { cookie: `mockboard_guest=${board.clients[0].cookie}` }, 'candidate');
  const owner = await ownerOf(db, board.boardId);
  if (owner !== c.name) violations.push(`cross-node: the board's owner is ${owner}, not ${c.name} which holds its sockets`);

  let t = performance.now();
  await api(b, 'POST', `/api/sessions/${board.sessionId}/notes`, { body: 'strong on metrics' });
  const note = await interviewer.next((m) => m.t === 'note', 5000);
  const noteMs = performance.now() - t;
  if (note?.body !== 'strong on metrics') violations.push(`cross-node: a note written through ${b.name} did not reach the interviewer on ${c.name} within 5 s`);
  // the step is published after the note: once the candidate has it, a note sent to everyone would have come first
  await api(a, 'POST', `/api/sessions/${board.sessionId}/flow/step`, { step: 'data' });
  const step = await candidate.next((m) => m.t === 'step', 5000);
  if (step?.step !== 'data') violations.push(`cross-node: a step moved through ${a.name} did not reach the candidate on ${c.name} within 5 s`);
  if (candidate.frames.some((m) => m.t === 'note')) violations.push(`cross-node: the candidate's socket on ${c.name} received a private note`);

  t = performance.now();
  await api(a, 'POST', `/api/sessions/${board.sessionId}/invites/${invite.id}/revoke`);
  const code = await Promise.race([candidate.closed, sleep(5000).then(() => null)]);
  const revokeMs = performance.now() - t;
  if (code !== 4001) violations.push(`cross-node: revoking the invite through ${a.name} did not close the candidate's socket on ${c.name} with 4001 within 5 s (${code})`);
  interviewer.ws.close();
  const result = { owner, noteToInterviewerMs: Math.round(noteMs), candidateGotNote: candidate.frames.some((m) => m.t === 'note'), revokeToCloseMs: Math.round(revokeMs), closeCode: code };
  log(`cross-node: note through ${b.name} reached the interviewer on ${c.name} in ${result.noteToInterviewerMs} ms (never the candidate); ` +
    `invite revoked through ${a.name} closed the candidate's socket on ${c.name} (${code}) in ${result.revokeToCloseMs} ms`);
  return result;
}

/**
 * A paused owner (a frozen VM, a long GC): the busiest node is stopped with SIGSTOP while its clients go on pushing
 * into its sockets; once its lease has run out, a socket opened on another node takes one of its boards; then the
 * node resumes (SIGCONT) with those pushes in its buffers. Its appends to the taken board must be refused by the
 * fence (counted in its mockboard_appends_fenced_total), its clients moved, and nothing lost or written twice (the
 * final checks).
 */
async function pauseAnOwner(servers, boards, db, token, clients, lastClose, gaps, violations, random) {
  const victim = await busiest(servers, random);
  const owned = [];
  for (const b of boards) if ((await ownerOf(db, b.boardId)) === victim.name) owned.push(b.boardId);
  if (!owned.length) {
    log(`pause: ${victim.name} owns none of the boards; skipped`);
    return null;
  }
  const other = servers.find((s) => s !== victim);
  const fencedBefore = await counter(victim, 'mockboard_appends_fenced_total');
  writeFileSync(victim.logFile, `\n===== robustness: SIGSTOP to pid ${victim.child.pid} at ${new Date().toISOString()}\n`, { flag: 'a' });
  process.kill(victim.child.pid, 'SIGSTOP');
  const pausedAt = performance.now();
  await sleep(4500); // past its 3-s lease
  let intruder = null;
  try {
    intruder = await frameSocket(other, owned[0], { authorization: `Bearer ${token}` }, 'takeover');
  } finally {
    process.kill(victim.child.pid, 'SIGCONT');
  }
  const resumedAt = performance.now();
  const takenBy = await ownerOf(db, owned[0]);
  if (takenBy !== other.name) violations.push(`pause: ${owned[0]} is owned by ${takenBy} after ${other.name} opened it while ${victim.name} was paused`);
  // the taken board's clients must leave the resumed node (4013) and join the new owner
  const movers = clients.filter((c) => c.boardId === owned[0]);
  const moved = () => movers.every((c) => gaps.some((g) => g.client === c && g.at > resumedAt));
  const live = (await waitUntil(moved, 30_000, 20)) && (await waitForRejoins(clients, lastClose, 30_000));
  if (!live) violations.push(`pause: the taken board's clients did not all move, or not every client was live again, within 30 s of ${victim.name} resuming: ${stuck(clients, lastClose)}`);
  const fenced = (await counter(victim, 'mockboard_appends_fenced_total')) - fencedBefore;
  intruder.ws.close();
  const result = {
    node: victim.name, boardsOwned: owned.length, takenBy, pausedMs: Math.round(resumedAt - pausedAt),
    clientsMoved: movers.length, appendsFencedAfterResuming: fenced, resumeToAllLiveMs: live ? Math.round(performance.now() - resumedAt) : null,
  };
  log(`pause: SIGSTOP ${victim.name} (owner of ${owned.length} boards) for ${round(result.pausedMs / 1000, 1)} s; ${other.name} took a board; ` +
    `after SIGCONT ${fenced} of its appends were fenced, and the board's ${movers.length} clients had moved and every client was live in ${round(result.resumeToAllLiveMs / 1000, 2)} s`);
  return result;
}

async function counter(node, name) {
  const text = await (await fetch(`${node.base}/q/metrics`)).text();
  const m = text.match(new RegExp(`^${name}\\{[^}]*\\} ([0-9.eE+-]+)$`, 'm'));
  return m ? Number(m[1]) : 0;
}

/** A raw board socket to one node, past its welcome; keeps every frame. */
async function frameSocket(node, boardId, headers, clientId) {
  const ws = new WebSocket(`ws://127.0.0.1:${node.port}/boards/${boardId}/sync`, { headers: { ...headers, origin: node.base }, perMessageDeflate: false });
  const frames = [];
  const waiters = new Set();
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    frames.push(m);
    for (const w of waiters) if (w.match(m)) w.resolve(m);
  });
  const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  const next = (match, timeoutMs) => {
    const seen = frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const w = { match, resolve: (m) => { waiters.delete(w); clearTimeout(timer); resolve(m); } };
      const timer = setTimeout(() => { waiters.delete(w); resolve(null); }, timeoutMs);
      waiters.add(w);
    });
  };
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  ws.send(JSON.stringify({ t: 'hello', protocol: 1, clientId: `${clientId}-${randomBytes(3).toString('hex')}`, lastSeq: 0 }));
  if (!(await next((m) => m.t === 'welcome', 20_000))) throw new Error(`${node.name}: no welcome for the ${clientId}'s socket`);
  return { ws, frames, next, closed };
}

async function ownerOf(db, boardId) {
  const c = await db.client();
  try {
    return (await c.query('SELECT node_id FROM board_owner WHERE board_id = $1', [boardId])).rows[0]?.node_id;
  } finally {
    await c.end();
  }
}

/** Ops appended outside their owner's turn, by the shipped check (deploy/sql/two-writers.sql): none when no board had two writers. */
async function opsOutsideTheirOwnersTurn(db) {
  const c = await db.client();
  try {
    return (await c.query(readFileSync(join(BENCH, '../deploy/sql/two-writers.sql'), 'utf8'))).rows;
  } finally {
    await c.end();
  }
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
