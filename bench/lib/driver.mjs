// The driver's main-thread side: spreads boards over worker threads, sets rates, and merges what
// the workers measured. Boards are dealt round robin, so each worker has whole boards.

import { Worker } from 'node:worker_threads';
import { percentiles, round } from './stats.mjs';

export class Driver {
  constructor(target, boards, { workers = 2 } = {}) {
    this.target = target;
    this.boards = boards; // [{ key, clients: [spec] }]
    this.workerCount = Math.max(1, Math.min(workers, boards.length));
    this.workers = [];
    this.nextId = 1;
    this.clientsPerBoard = boards[0].clients.length;
    this.clientCount = boards.reduce((n, b) => n + b.clients.length, 0);
  }

  async start() {
    for (let i = 0; i < this.workerCount; i++) {
      const mine = this.boards.filter((_, b) => b % this.workerCount === i);
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { target: this.target, boards: mine } });
      worker.pending = new Map();
      worker.on('message', (msg) => {
        const waiter = worker.pending.get(msg.id);
        if (!waiter) return;
        worker.pending.delete(msg.id);
        if (msg.error) waiter.reject(new Error(msg.error));
        else waiter.resolve(msg);
      });
      worker.on('error', (e) => {
        for (const w of worker.pending.values()) w.reject(e);
        worker.pending.clear();
      });
      this.workers.push(worker);
    }
    await this.all({ cmd: 'start' });
  }

  call(worker, msg) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      worker.pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  }

  all(msg) {
    return Promise.all(this.workers.map((w) => this.call(w, msg)));
  }

  /** One update per board; throws unless every peer of every board received it. */
  async probe(timeoutMs = 15_000) {
    const results = await this.all({ cmd: 'probe', timeoutMs });
    const failed = results.filter((r) => !r.result.ok);
    if (failed.length) {
      throw new Error(`startup check failed: an update was not delivered to every peer within ${timeoutMs / 1000} s ` +
        `(missing ${JSON.stringify(failed.map((f) => f.result.missing))}, errors ${JSON.stringify(failed.map((f) => f.result.errors))})`);
    }
    return Math.max(...results.map((r) => r.result.ms));
  }

  /** `updatesPerSecond` is the aggregate over all clients; presence is per client. */
  async setRate(updatesPerSecond, presencePerClient) {
    await this.all({ cmd: 'rate', updates: updatesPerSecond / this.clientCount, presence: presencePerClient });
  }

  /** Starts a new measurement window in every worker; returns its id (the same in all workers). */
  async mark() {
    const answers = await this.all({ cmd: 'mark' });
    return answers[0].window;
  }

  async pending(window) {
    const answers = await this.all({ cmd: 'pending', window });
    return answers.reduce((n, a) => n + a.pending, 0);
  }

  /** ms since any client last received an element update. */
  async idleMs() {
    const answers = await this.all({ cmd: 'idle' });
    return Math.min(...answers.map((a) => a.idleMs));
  }

  async forget(before) {
    await this.all({ cmd: 'forget', before });
  }

  /** Merges the workers' records of one window into one. */
  async report(window, final) {
    const records = (await this.all({ cmd: 'report', window, final })).map((a) => a.record);
    const merged = {
      latencies: [], ackLatencies: [], sent: 0, presenceSent: 0, presenceReceived: 0, peerDeliveries: 0,
      completed: 0, lost: 0, superseded: 0, errors: {}, maxLagMs: 0, eluMax: 0,
    };
    for (const r of records) {
      for (const v of r.latencies) merged.latencies.push(v);
      for (const v of r.ackLatencies) merged.ackLatencies.push(v);
      for (const k of ['sent', 'presenceSent', 'presenceReceived', 'peerDeliveries', 'completed', 'lost', 'superseded']) merged[k] += r[k];
      for (const [k, v] of Object.entries(r.errors)) merged.errors[k] = (merged.errors[k] || 0) + v;
      merged.maxLagMs = Math.max(merged.maxLagMs, r.maxLagMs);
      merged.eluMax = Math.max(merged.eluMax, r.elu ?? 0);
    }
    return merged;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await Promise.race([this.all({ cmd: 'close' }), new Promise((r) => setTimeout(r, 3000))]);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Turns a merged window record into the figures a step reports. */
export function summarize(record, seconds, offeredRate) {
  const latency = percentiles(record.latencies);
  const ack = percentiles(record.ackLatencies);
  const errorFrames = Object.values(record.errors).reduce((a, b) => a + b, 0);
  const errors = errorFrames + record.lost; // what the 0.1 % criterion counts
  return {
    offeredRate,
    seconds: round(seconds, 2),
    sentPerSec: round(record.sent / seconds, 1),
    completedPerSec: round(record.completed / seconds, 1),
    deliveredMsgsPerSec: round((record.peerDeliveries + record.presenceReceived) / seconds, 1),
    updateDeliveriesPerSec: round(record.peerDeliveries / seconds, 1),
    presenceDeliveriesPerSec: round(record.presenceReceived / seconds, 1),
    latencyMs: roundAll(latency),
    ackLatencyMs: record.ackLatencies.length ? roundAll(ack) : null,
    sent: record.sent,
    completed: record.completed,
    superseded: record.superseded, // reached a peer only as part of a newer version (Yjs)
    lost: record.lost, // not delivered to every peer by the end of the drain wait
    errorFrames: record.errors, // by kind: error codes, close_<code>, disconnect, send_on_closed_socket
    errorFrameCount: errorFrames,
    errors,
    errorRate: record.sent ? errors / record.sent : 0,
    driverMaxLagMs: round(record.maxLagMs, 1),
    driverEluMax: round(record.eluMax, 3),
  };
}

function roundAll(p) {
  return { n: p.n, p50: round(p.p50, 3), p95: round(p.p95, 3), p99: round(p.p99, 3), max: round(p.max, 3), mean: round(p.mean, 3) };
}
