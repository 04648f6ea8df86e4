// Resource sampler: CPU from /proc/<pid>/stat (utime + stime of a process and its descendants),
// resident memory from /proc/<pid>/status (VmRSS), the machine's total CPU from /proc/stat, and the
// server's heap from a target-specific reader (JVM: /q/metrics; Node: process.memoryUsage()).
//
// CPU% is per core: 100% = one core busy for the whole window; this machine has os.cpus().length.

import { readFileSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';

const CLK_TCK = (() => {
  try {
    return Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // after the command: state(0) ppid(1) ... utime(11) stime(12)
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process is gone
  }
}

function readRssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** ppid -> child pids, for every process on the machine. */
function childrenMap() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(name);
    if (!st) continue;
    if (!children.has(st.ppid)) children.set(st.ppid, []);
    children.get(st.ppid).push(Number(name));
  }
  return children;
}

/** pid and every descendant (PostgreSQL's backends are children of the postmaster). */
function processTree(root, children) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) || []));
  }
  return out;
}

function treeUsage(root, children) {
  let ticks = 0;
  let rss = 0;
  for (const pid of children ? processTree(root, children) : [root]) {
    const st = readStat(pid);
    if (!st) continue;
    ticks += st.ticks;
    rss += readRssBytes(pid);
  }
  return { ticks, rss };
}

function machineTicks() {
  const parts = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = parts[3] + parts[4]; // idle + iowait
  const total = parts.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * Samples every `intervalMs` while running; window() returns the figures since the previous
 * window() call: average CPU% of the server, the database and the driver, the machine's busy
 * CPU%, and mean / max of RSS and heap.
 */
export class Sampler {
  /** serverPid: one pid, or several (the nodes of a cluster and its proxy) summed; proxyPid: also counted on its own. */
  constructor({ serverPid, dbPid = null, proxyPid = null, heap = null, intervalMs = 1000 }) {
    this.roles = { server: serverPid, db: dbPid, driver: process.pid, proxy: proxyPid };
    this.heap = heap;
    this.intervalMs = intervalMs;
    this.timer = null;
    this.heapErrors = 0;
  }

  snapshot() {
    const snap = { at: performance.now(), machine: machineTicks() };
    const children = childrenMap();
    // The driver is this process only (its children are the servers); the others with descendants.
    for (const [role, pid] of Object.entries(this.roles)) {
      if (!pid) continue;
      const usages = (Array.isArray(pid) ? pid : [pid]).map((p) => treeUsage(p, role === 'driver' ? null : children));
      snap[role] = { ticks: usages.reduce((a, u) => a + u.ticks, 0), rss: usages.reduce((a, u) => a + u.rss, 0) };
    }
    return snap;
  }

  start() {
    this.begin = this.snapshot();
    this.samples = [];
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  async sample() {
    const s = this.snapshot();
    let heapBytes = null;
    if (this.heap) {
      try {
        heapBytes = await this.heap();
      } catch {
        this.heapErrors += 1;
      }
    }
    this.samples.push({ serverRss: s.server?.rss ?? null, dbRss: s.db?.rss ?? null, driverRss: s.driver?.rss ?? null, heap: heapBytes });
  }

  window() {
    const end = this.snapshot();
    const seconds = (end.at - this.begin.at) / 1000;
    const cpu = (role) => (end[role] && this.begin[role] ? (100 * (end[role].ticks - this.begin[role].ticks)) / CLK_TCK / seconds : null);
    const machineBusy = (100 * cpus().length * (end.machine.busy - this.begin.machine.busy)) / (end.machine.total - this.begin.machine.total);
    const stat = (key) => {
      const values = this.samples.map((s) => s[key]).filter((v) => v !== null && v !== undefined);
      if (!values.length) return { mean: null, max: null };
      return { mean: values.reduce((a, b) => a + b, 0) / values.length, max: Math.max(...values) };
    };
    const result = {
      seconds,
      serverCpuPct: cpu('server'),
      dbCpuPct: cpu('db'),
      driverCpuPct: cpu('driver'),
      proxyCpuPct: cpu('proxy'),
      machineBusyPct: machineBusy, // all processes on the machine, same per-core scale (max = cores x 100)
      serverRssBytes: stat('serverRss'),
      dbRssBytes: stat('dbRss'),
      driverRssBytes: stat('driverRss'),
      heapBytes: stat('heap'),
    };
    this.begin = end;
    this.samples = [];
    return result;
  }

  stop() {
    clearInterval(this.timer);
  }
}

/**
 * CPU% used over `ms` by processes that are not ours (this process and all its descendants:
 * the servers, PostgreSQL, Keycloak). 100 % = one core.
 */
export async function foreignCpuPct(ms) {
  const before = { machine: machineTicks(), ours: treeUsage(process.pid, childrenMap()).ticks };
  await new Promise((r) => setTimeout(r, ms));
  const after = { machine: machineTicks(), ours: treeUsage(process.pid, childrenMap()).ticks };
  const machinePct = (100 * cpus().length * (after.machine.busy - before.machine.busy)) / (after.machine.total - before.machine.total);
  const oursPct = (100 * (after.ours - before.ours)) / CLK_TCK / (ms / 1000);
  return Math.max(0, machinePct - oursPct);
}

/**
 * Waits until other processes use less than `thresholdPct` CPU over a 3 s sample, at most
 * `maxWaitMs`; returns { waitedMs, otherPct, quiet }.
 */
export async function waitForQuiet({ thresholdPct, maxWaitMs, log = console.log }) {
  const started = Date.now();
  let said = false;
  for (;;) {
    const otherPct = await foreignCpuPct(3000);
    const waitedMs = Date.now() - started;
    if (otherPct < thresholdPct) return { waitedMs, otherPct, quiet: true };
    if (waitedMs >= maxWaitMs) {
      log(`  (machine still busy after ${Math.round(waitedMs / 1000)} s: other processes use ${otherPct.toFixed(0)} % CPU; measuring anyway)`);
      return { waitedMs, otherPct, quiet: false };
    }
    if (!said) {
      log(`  (other processes use ${otherPct.toFixed(0)} % CPU: waiting up to ${Math.round(maxWaitMs / 1000)} s for a quieter machine)`);
      said = true;
    }
  }
}
