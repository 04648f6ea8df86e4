// Mockboard: start the production jar, create the benchmark's sessions and guests, read JVM heap.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, runCommand, startProcess, waitForHttp } from './proc.mjs';

export const JAVA_DEFAULT = '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';

/**
 * Starts the jar against `pgPort` and Keycloak's realm. The per-connection frame limiter is raised
 * (MOCKBOARD_SYNC_FRAMES_PER_SECOND / _FRAME_BURST) so the benchmark measures the sync engine, not
 * the limiter; everything else is the production default.
 */
export async function startMockboard({ jar, java, jvmArgs, pgPort, realmUrl, workDir, database = 'mockboard', name = 'mockboard', extraEnv = {}, port: chosen = null }) {
  const port = chosen ?? (await freePort());
  const env = {
    ...process.env,
    MOCKBOARD_DB_URL: `jdbc:postgresql://127.0.0.1:${pgPort}/${database}`,
    MOCKBOARD_DB_USER: 'postgres',
    MOCKBOARD_DB_PASSWORD: 'postgres',
    MOCKBOARD_OIDC_URL: realmUrl,
    MOCKBOARD_OIDC_SECRET: 'mockboard-api-secret',
    MOCKBOARD_OIDC_STATE_SECRET: randomBytes(24).toString('hex'),
    QUARKUS_HTTP_PORT: String(port),
    QUARKUS_HTTP_HOST: '127.0.0.1',
    MOCKBOARD_SYNC_FRAMES_PER_SECOND: '100000',
    MOCKBOARD_SYNC_FRAME_BURST: '100000',
    ...extraEnv,
  };
  const logFile = join(workDir, `${name}.log`);
  writeFileSync(logFile, '');
  // What the JVM chose by itself (heap size, GC) for this machine, recorded with the results.
  const ergonomics = (await runCommand(java, [...jvmArgs, '-XX:+PrintCommandLineFlags', '-version'])).split('\n')[0].trim();
  const child = startProcess(name, java, [...jvmArgs, '-jar', jar], { env, logFile });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/q/health/ready`, { timeoutMs: 180_000, child, what: 'Mockboard' });
  return { child, port, base, logFile, jvm: { args: jvmArgs, ergonomics }, extraEnv };
}

async function api(base, token, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Joins through an invite link's page as a guest; returns the mockboard_guest cookie value. */
async function joinAsGuest(base, link, name) {
  const token = link.slice(link.lastIndexOf('/') + 1);
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/join/${token}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({ name }),
    });
    await res.arrayBuffer();
    if (res.status === 429 && attempt < 10) {
      await new Promise((r) => setTimeout(r, 6000)); // the join page's throttle; wait it out
      continue;
    }
    if (res.status !== 303) throw new Error(`join as ${name}: HTTP ${res.status}`);
    for (const cookie of res.headers.getSetCookie()) {
      const m = /^mockboard_guest=([^;]+)/.exec(cookie);
      if (m) return m[1];
    }
    throw new Error(`join as ${name}: no mockboard_guest cookie`);
  }
}

/**
 * One interview session per board, started, with a reusable candidate link; every simulated client
 * is a guest who joined through it. Returns [{ boardId, clients: [{ cookie, clientId, name }] }].
 */
export async function setupBoards({ base, token, boards, clients }) {
  const result = [];
  for (let b = 0; b < boards; b++) {
    const session = await api(base, token, 'POST', '/api/sessions', { title: `bench ${b + 1}` });
    await api(base, token, 'POST', `/api/sessions/${session.id}/start`);
    const invite = await api(base, token, 'POST', `/api/sessions/${session.id}/invites`, { role: 'candidate', singleUse: false });
    const list = [];
    for (let c = 0; c < clients; c++) {
      const name = `Guest ${b + 1}-${c + 1}`;
      list.push({ cookie: await joinAsGuest(base, invite.link, name), clientId: `b${b}c${c}-${randomBytes(4).toString('hex')}`, name });
    }
    result.push({ boardId: session.boardId, sessionId: session.id, clients: list });
  }
  return result;
}

/** JVM heap in use: jvm_memory_used_bytes{area="heap",...} summed over the pools, from /q/metrics. */
export async function jvmHeapBytes(base) {
  const res = await fetch(`${base}/q/metrics`, { signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`/q/metrics: HTTP ${res.status}`);
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('jvm_memory_used_bytes{') && line.includes('area="heap"')) {
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      found = true;
    }
  }
  if (!found) throw new Error('/q/metrics has no jvm_memory_used_bytes{area="heap"}');
  return sum;
}
