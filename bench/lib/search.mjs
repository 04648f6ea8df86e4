// One measured step at a fixed rate, and the search for the highest rate that passes.

import { summarize } from './driver.mjs';
import { round } from './stats.mjs';
import { sleep } from './proc.mjs';

/** Pass criteria of a step: p99 ≤ 50 ms, errors ≤ 0.1 %, delivered within 5 % of offered. */
export const CRITERIA = { p99Ms: 50, errorRate: 0.001, deliveredShortfall: 0.05 };

/**
 * Runs one step: warm up at `rate`, measure for `measureMs`, stop sending and wait (up to
 * `drainMs`) for the last deliveries, so every update sent in the window is either timed or
 * counted undelivered; then wait until the server has nothing left in flight (no delivery for 1 s,
 * at most `settleMs`) and go silent (no presence either), so the next step starts clean.
 */
export async function runStep(driver, sampler, rate, { warmupMs, measureMs, drainMs, settleMs = 30_000, presence, log = console.log }) {
  await driver.setRate(rate, presence);
  await sleep(warmupMs);
  const window = await driver.mark();
  sampler.start();
  const t0 = performance.now();
  await sleep(measureMs);
  await driver.mark();
  const seconds = (performance.now() - t0) / 1000;
  const resources = sampler.window();
  sampler.stop();
  await driver.setRate(0, presence);
  const drainStart = performance.now();
  while (performance.now() - drainStart < drainMs && (await driver.pending(window)) > 0) await sleep(50);
  const record = await driver.report(window, true);
  const settleStart = performance.now();
  while (performance.now() - settleStart < settleMs && (await driver.idleMs()) < 1000) await sleep(100);
  await driver.setRate(0, 0);
  await driver.forget(window + 1); // drop the warm-up window; the current one stays
  const step = { rate, ...summarize(record, seconds, rate), resources: roundResources(resources) };
  judge(step, driver.clientCount);
  log(formatStep(step));
  return step;
}

function judge(step, clientCount) {
  const reasons = [];
  if (step.latencyMs.n === 0) reasons.push('nothing delivered');
  else if (step.latencyMs.p99 > CRITERIA.p99Ms) reasons.push(`p99 ${step.latencyMs.p99} ms > ${CRITERIA.p99Ms} ms`);
  if (step.errorRate > CRITERIA.errorRate) reasons.push(`errors + undelivered ${(step.errorRate * 100).toFixed(2)} % > ${CRITERIA.errorRate * 100} %`);
  // Offered in the window = what the schedule sent in it (the schedule is fixed; a late driver catches
  // up). Delivered = updates that reached every peer during the window.
  if (step.completed < step.sent * (1 - CRITERIA.deliveredShortfall)) {
    reasons.push(`delivered ${step.completedPerSec}/s < ${(1 - CRITERIA.deliveredShortfall) * 100} % of offered ${step.sentPerSec}/s`);
  }
  // The driver's own limit. Each client sends on its own fixed period, so a short window may hold
  // one send per client fewer than rate × seconds: allow that much.
  if (step.sent < step.offeredRate * step.seconds * (1 - CRITERIA.deliveredShortfall) - clientCount) {
    reasons.push(`the driver sent only ${step.sentPerSec}/s of ${step.offeredRate}/s`);
  }
  // The driver's health is reported, not judged: busy = an event loop over 90 % utilized; late = a
  // send more than 100 ms behind its schedule (the driver was busy or not given a CPU).
  step.driverBusy = step.driverEluMax > 0.9;
  step.driverLate = step.driverMaxLagMs > 100;
  step.pass = reasons.length === 0;
  step.failReasons = reasons;
}

function roundResources(r) {
  const mb = (b) => (b === null || b === undefined ? null : round(b / 2 ** 20, 1));
  const ours = (r.serverCpuPct ?? 0) + (r.dbCpuPct ?? 0) + (r.driverCpuPct ?? 0);
  return {
    serverCpuPct: round(r.serverCpuPct, 1),
    dbCpuPct: round(r.dbCpuPct, 1),
    driverCpuPct: round(r.driverCpuPct, 1),
    ...(r.proxyCpuPct === null || r.proxyCpuPct === undefined ? {} : { proxyCpuPct: round(r.proxyCpuPct, 1) }),
    machineBusyPct: round(r.machineBusyPct, 1),
    // CPU used by everything else on the machine (other users' work, Keycloak, the kernel).
    otherCpuPct: round(Math.max(0, r.machineBusyPct - ours), 1),
    serverRssMb: { mean: mb(r.serverRssBytes.mean), max: mb(r.serverRssBytes.max) },
    heapMb: { mean: mb(r.heapBytes.mean), max: mb(r.heapBytes.max) },
    driverRssMb: { mean: mb(r.driverRssBytes.mean), max: mb(r.driverRssBytes.max) },
  };
}

export function formatStep(s) {
  const l = s.latencyMs;
  const r = s.resources;
  return `  ${String(s.rate).padStart(6)} upd/s  ${s.pass ? 'PASS' : 'FAIL'}  p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} max ${l.max} ms` +
    `  completed ${s.completedPerSec}/s  errors ${s.errorFrameCount} undelivered ${s.lost}` + (s.superseded ? ` superseded ${s.superseded}` : '') +
    `  cpu server ${r.serverCpuPct}% db ${r.dbCpuPct ?? '-'}% driver ${r.driverCpuPct}% other ${r.otherCpuPct}%` +
    `  heap ${r.heapMb.max} MB rss ${r.serverRssMb.max} MB` +
    (s.driverBusy ? '  [driver busy]' : '') + (s.driverLate ? `  [driver late ${s.driverMaxLagMs} ms]` : '') +
    (s.pass ? '' : `  (${s.failReasons.join('; ')})`);
}

/**
 * The search as a state machine, so several targets can take turns (one step each per round):
 * double the aggregate rate from `startRate` until a step fails (halve if the first fails), then
 * bisect between the highest pass and the lowest fail until they are within `precision`.
 */
export class RateSearch {
  constructor({ startRate, maxRate, minRate, precision, maxSteps }) {
    Object.assign(this, { maxRate, minRate, precision, maxSteps });
    this.rate = startRate;
    this.steps = [];
    this.pass = null;
    this.fail = null;
    this.done = false;
  }

  /** The rate of the next step, or null when the search is over. */
  nextRate() {
    return this.done ? null : this.rate;
  }

  record(step) {
    this.steps.push(step);
    if (step.pass) this.pass = step;
    else this.fail = step;
    if (this.steps.length >= this.maxSteps) {
      this.done = true;
    } else if (this.pass && this.fail) {
      // bisect
      const next = Math.round((this.pass.rate + this.fail.rate) / 2);
      const close = (this.fail.rate - this.pass.rate) / this.pass.rate <= this.precision;
      if (close || next === this.pass.rate || next === this.fail.rate) this.done = true;
      else this.rate = next;
    } else if (step.pass) {
      if (step.rate * 2 > this.maxRate) this.done = true;
      else this.rate = step.rate * 2;
    } else if (step.rate / 2 < this.minRate) {
      this.done = true;
    } else {
      this.rate = Math.round(step.rate / 2);
    }
  }

  result() {
    return { sustained: this.pass, firstFail: this.fail, steps: this.steps };
  }
}
