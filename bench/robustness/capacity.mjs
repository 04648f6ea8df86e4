#!/usr/bin/env node
// Capacity targets of docs/benchmarks.md: JVM start to ready (several starts, no load), and N idle
// board connections (default 10,000) held within the heap limit (default -Xmx1g).
//
//   node robustness/capacity.mjs [--connections 10000] [--starts 5] [--jvm-args "-Xmx1g"]
//
// Every connection is a tab of the page's own SyncClient on a guest's cookie: hello, welcome; then
// it stays idle but for its heartbeat (a ping every 10 s, as in the browser). A connection counts as
// failed at its first refused upgrade or close before the welcome (the tab is then stopped, not left
// to retry). After all are live the test asks the JVM for a full GC (jcmd GC.run) and reads the heap
// in use from /q/metrics and the RSS from /proc.

import { readFileSync } from 'node:fs';
import { jvmHeapBytes } from '../lib/mockboard.mjs';
import { runCommand } from '../lib/proc.mjs';
import { log, parseArgs, percentile, round, run, stackConfig, startStack, STACK_USAGE, machineInfo, writeResult, today, sleep, Tab } from './common.mjs';

const USAGE = `usage: node robustness/capacity.mjs [--connections 10000] [--starts 5] [--in-flight 200]\n${STACK_USAGE}`;

run(async () => {
  const opts = parseArgs(process.argv.slice(2), USAGE);
  const cfg = stackConfig({ boards: 200, clients: 1, jvmArgs: '-Xmx1g', ...opts }, 'capacity');
  // One guest holds every connection of its board: lift the per-person socket limits (8 per board, 32
  // in all) that would close the rest with 4029. The per-board limit (50) stays: 10,000 / 200 boards.
  cfg.env = { MOCKBOARD_SYNC_MAX_SOCKETS_PER_USER_BOARD: '100000', MOCKBOARD_SYNC_MAX_SOCKETS_PER_USER: '100000' };
  const connections = Number(opts.connections ?? 10_000);
  const starts = Number(opts.starts ?? 5);
  const inFlight = Number(opts.inFlight ?? 200);
  const { mb, boards, firstStartMs } = await startStack(cfg);

  // JVM start to ready: stop (SIGTERM, a clean shutdown) and start again, no load
  const startMs = [firstStartMs];
  for (let i = 1; i < starts; i++) {
    await mb.child.stop(20_000);
    startMs.push(await mb.start());
  }
  const startedIn = [...readFileSync(mb.logFile, 'utf8').matchAll(/started in ([0-9.]+)s/g)].map((m) => Number(m[1]) * 1000);
  log(`start → ready (polled every 100 ms): ${startMs.map((ms) => round(ms / 1000, 2)).join(', ')} s; Quarkus "started in": ${startedIn.map((ms) => round(ms / 1000, 2)).join(', ')} s`);

  // idle connections
  const wsBase = mb.base.replace('http', 'ws');
  const tabs = [];
  const joinMs = [];
  let opened = 0;
  let failed = 0;
  const failures = {}; // why: count
  const began = performance.now();
  async function openOne(i) {
    const board = boards[i % boards.length];
    const guest = board.clients[0];
    const t0 = performance.now();
    await new Promise((resolve) => {
      let settled = false;
      const tab = new Tab({
        url: `${wsBase}/boards/${board.boardId}/sync`,
        headers: { cookie: `mockboard_guest=${guest.cookie}`, origin: mb.base },
        clientId: `idle-${i}`,
        boardId: board.boardId,
        random: Math.random,
        handshakeTimeoutMs: 60_000, // the upgrades queue up behind each other while 200 are in flight
        events: (kind, detail) => {
          if (settled) return;
          if (kind === 'live') {
            opened++;
            joinMs.push(performance.now() - t0);
            tabs.push(tab);
          } else if (kind === 'connect_failed' || kind === 'close' || kind === 'violation') {
            failed++;
            const why = kind === 'close' ? `close ${detail.code}` : String(detail);
            failures[why] = (failures[why] ?? 0) + 1;
            tab.stop();
          } else return;
          settled = true;
          resolve();
        },
      });
      tab.start();
    });
  }
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < connections) await openOne(next++);
  }));
  const openSeconds = (performance.now() - began) / 1000;
  log(`${opened} connections live (${failed} failed${failed ? `: ${JSON.stringify(failures)}` : ''}) in ${round(openSeconds, 1)} s; hello → welcome p50 ${round(percentile(joinMs, 50))} ms, p99 ${round(percentile(joinMs, 99))} ms`);

  await sleep(2_000);
  await runCommand('jcmd', [String(mb.child.pid), 'GC.run']).catch(async () => runCommand(cfg.java.replace(/java$/, 'jcmd'), [String(mb.child.pid), 'GC.run']));
  const heap = await jvmHeapBytes(mb.base);
  const status = readFileSync(`/proc/${mb.child.pid}/status`, 'utf8');
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  const stillOpen = tabs.filter((t) => t.live).length;
  log(`after a full GC: heap in use ${round(heap / 2 ** 20)} MiB (limit ${cfg.jvmArgs.join(' ')}), RSS ${round(rssKiB / 1024)} MiB, ${stillOpen} still open`);
  for (const t of tabs) t.stop();

  const result = {
    test: 'capacity: JVM start to ready, idle connections within the heap limit',
    date: today(),
    command: `node robustness/capacity.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: await machineInfo(cfg),
    jvmArgs: cfg.jvmArgs,
    serverEnv: cfg.env,
    startToReadyMs: startMs.map((ms) => round(ms)),
    quarkusStartedInMs: startedIn,
    connections: { asked: connections, live: opened, failed, failures, stillOpenAtMeasure: stillOpen, openSeconds: round(openSeconds),
      helloToWelcomeMs: { p50: round(percentile(joinMs, 50)), p99: round(percentile(joinMs, 99)), max: round(Math.max(...joinMs)) } },
    heapAfterGcMiB: round(heap / 2 ** 20), rssMiB: round(rssKiB / 1024),
  };
  writeResult(cfg, 'capacity', result);
  return opened === connections && stillOpen === connections ? 0 : 1;
});
