// A driver worker thread: runs every client of its boards, sends at the rates the main thread sets
// and times each delivery. All clients of one board live in one worker, so a delivery's send and
// receive times come from the same clock and the same pending table.
//
// Measurement windows: the main thread calls `mark` to start a new window. An update is counted in
// the window it was SENT in (its latency sample lands there even if it completes later); receipts,
// completions and errors are counted in the window they HAPPEN in. `report` with final=true counts
// updates of that window still undelivered as lost.

import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { connectors } from './clients.mjs';
import { clientElements, touch, presence } from './workload.mjs';

const { target, boards } = workerData;
const connect = connectors[target];

let win = 0;
const windows = new Map(); // window id -> record
function newRecord() {
  return {
    latencies: [], // ms, send → the last peer received it, per update
    ackLatencies: [], // ms, send → ack (Mockboard only: the push is durable)
    sent: 0,
    presenceSent: 0,
    presenceReceived: 0,
    peerDeliveries: 0, // element updates received by peers
    completed: 0, // updates whose every peer received them, during this window
    lost: 0,
    superseded: 0, // delivered as part of a newer version of the same element (Yjs only)
    errors: {},
    maxLagMs: 0, // how late the driver sent compared with the schedule
    elu: null,
  };
}
windows.set(win, newRecord());
let eluStart = performance.eventLoopUtilization();

const current = () => windows.get(win);
function countError(kind) {
  const errors = current().errors;
  errors[kind] = (errors[kind] || 0) + 1;
}

// (element id, version) -> { t0, remaining peers, window sent in }
const pending = new Map();
// per client: clientSeq -> t0 (ack latency, Mockboard)
const clients = [];

let lastElementAt = 0; // when a peer last received an element update (any window)

/**
 * Peer `c` received element `id` at `version`. Versions of one element only grow (one client owns
 * it), so this also settles every earlier version the peer has not seen: a Yjs client may apply
 * two updates of one key in one transaction (e.g. an update held until the one it depends on
 * arrives) and then only the newer value is visible. Such a version is "superseded": the peer got
 * a newer state at this moment, which is what a whiteboard needs; it is timed like the others and
 * counted apart. Mockboard and the relay deliver every version, in order.
 */
function onElement(c, id, version) {
  const now = performance.now();
  lastElementAt = now;
  const rec = current();
  rec.peerDeliveries += 1;
  const from = (c.seen.get(id) ?? 1) + 1; // elements start at version 1, which is never sent
  if (version < from) return; // an older version after a newer one (not expected)
  c.seen.set(id, version);
  for (let v = from; v <= version; v++) {
    const key = id + ':' + v;
    const p = pending.get(key);
    if (!p) continue; // an update of the warm-up, already forgotten, or the probe's
    if (v < version) p.superseded = true;
    if (--p.remaining === 0) {
      pending.delete(key);
      rec.completed += 1;
      const w = windows.get(p.win);
      if (w) {
        w.latencies.push(now - p.t0);
        if (p.superseded) w.superseded += 1;
      }
    }
  }
}

async function start() {
  for (const board of boards) {
    const members = [];
    for (const spec of board.clients) {
      // seen: element id -> highest version this client received from its peers
      const c = { spec, board: members, elements: clientElements(spec.key), next: 0, acks: new Map(), seen: new Map(), cursor: { x: 600, y: 400, selection: [] } };
      c.cursor.selection = [c.elements[0].id];
      c.client = await connect(spec, {
        element: (id, version) => onElement(c, id, version),
        ack(clientSeq) {
          const t0 = c.acks.get(clientSeq);
          if (t0 === undefined) return;
          c.acks.delete(clientSeq);
          windows.get(t0.win)?.ackLatencies.push(performance.now() - t0.t);
        },
        presence() {
          current().presenceReceived += 1;
        },
        error: countError,
      });
      members.push(c);
      clients.push(c);
    }
  }
}

function sendUpdate(c) {
  const element = touch(c.elements[c.next++ % c.elements.length]);
  const t0 = performance.now();
  pending.set(element.id + ':' + element.version, { t0, remaining: c.board.length - 1, win });
  const clientSeq = c.client.sendElement(element);
  if (clientSeq !== null) c.acks.set(clientSeq, { t: t0, win });
  current().sent += 1;
}

// ---- open-loop schedule: each client sends every 1/rate seconds from a random phase ----
let updateInterval = 0; // ms between updates of one client (0 = stopped)
let presenceInterval = 0;
let timer = null;

function setRates(updatesPerClient, presencePerClient) {
  updateInterval = updatesPerClient > 0 ? 1000 / updatesPerClient : 0;
  presenceInterval = presencePerClient > 0 ? 1000 / presencePerClient : 0;
  const now = performance.now();
  for (const c of clients) {
    c.nextUpdate = now + Math.random() * updateInterval;
    c.nextPresence = now + Math.random() * presenceInterval;
  }
  if (!timer && (updateInterval || presenceInterval)) tick();
}

function tick() {
  timer = null;
  if (!updateInterval && !presenceInterval) return;
  const now = performance.now();
  const rec = current();
  let next = Infinity;
  for (const c of clients) {
    if (updateInterval) {
      while (c.nextUpdate <= now) {
        rec.maxLagMs = Math.max(rec.maxLagMs, now - c.nextUpdate);
        sendUpdate(c);
        c.nextUpdate += updateInterval;
      }
      next = Math.min(next, c.nextUpdate);
    }
    if (presenceInterval) {
      while (c.nextPresence <= now) {
        c.client.sendPresence(presence(c.cursor));
        rec.presenceSent += 1;
        c.nextPresence += presenceInterval;
      }
      next = Math.min(next, c.nextPresence);
    }
  }
  timer = setTimeout(tick, Math.max(0, next - performance.now()));
}

/** Sends one update from the first client of every board and waits until every peer has it. */
async function probe(timeoutMs) {
  const started = performance.now();
  const keys = [];
  for (const board of boards) {
    const first = clients.find((c) => c.spec === board.clients[0]);
    const element = touch(first.elements[0]);
    const key = element.id + ':' + element.version;
    pending.set(key, { t0: performance.now(), remaining: first.board.length - 1, win: -1 });
    first.client.sendElement(element);
    keys.push(key);
  }
  while (performance.now() - started < timeoutMs) {
    if (keys.every((k) => !pending.has(k))) return { ok: true, ms: performance.now() - started };
    await new Promise((r) => setTimeout(r, 20));
  }
  const missing = keys.filter((k) => pending.has(k));
  missing.forEach((k) => pending.delete(k));
  return { ok: false, missing, errors: current().errors };
}

function report(w, final) {
  const rec = windows.get(w);
  if (final) {
    for (const [key, p] of pending) {
      if (p.win <= w) {
        pending.delete(key);
        (windows.get(p.win) || rec).lost += 1;
      }
    }
    windows.delete(w);
  }
  return rec;
}

parentPort.on('message', async (msg) => {
  try {
    switch (msg.cmd) {
      case 'start':
        await start();
        parentPort.postMessage({ id: msg.id, ok: true });
        break;
      case 'probe':
        parentPort.postMessage({ id: msg.id, result: await probe(msg.timeoutMs) });
        break;
      case 'rate':
        setRates(msg.updates, msg.presence);
        parentPort.postMessage({ id: msg.id });
        break;
      case 'mark': {
        const elu = performance.eventLoopUtilization(eluStart);
        eluStart = performance.eventLoopUtilization();
        current().elu = elu.utilization;
        win += 1;
        windows.set(win, newRecord());
        parentPort.postMessage({ id: msg.id, window: win });
        break;
      }
      case 'idle': // ms since the last element update arrived anywhere in this worker
        parentPort.postMessage({ id: msg.id, idleMs: performance.now() - lastElementAt });
        break;
      case 'pending': {
        let n = 0;
        for (const p of pending.values()) if (p.win <= msg.window) n++;
        parentPort.postMessage({ id: msg.id, pending: n });
        break;
      }
      case 'report':
        parentPort.postMessage({ id: msg.id, record: report(msg.window, msg.final) });
        break;
      case 'forget': // drop windows that nobody will report (warm-up)
        for (const w of [...windows.keys()]) if (w < msg.before) windows.delete(w);
        for (const [key, p] of pending) if (p.win < msg.before) pending.delete(key);
        for (const c of clients) for (const [seq, t] of c.acks) if (t.win < msg.before) c.acks.delete(seq);
        parentPort.postMessage({ id: msg.id });
        break;
      case 'close':
        setRates(0, 0);
        for (const c of clients) c.client.close();
        parentPort.postMessage({ id: msg.id });
        setTimeout(() => process.exit(0), 200);
        break;
      default:
        throw new Error(`unknown command ${msg.cmd}`);
    }
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: e.stack || e.message });
  }
});
