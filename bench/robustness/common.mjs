// Shared code of the robustness tests (durability.mjs, outage.mjs): options, the stack (PostgreSQL
// that can be stopped and started again on the same port and data directory, Keycloak, a Mockboard
// JVM that can be killed and restarted on the same port with the same environment), the page's own
// sync client (frontend/src/sync, bundled for Node) in a tab that taps its socket, the workload, and
// the checks against the op log.
//
// Uses bench/lib read-only; everything of its own lives under bench/.work/robustness/<test>/ (the
// bundled client: bench/.work/syncclient.mjs).

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { build } from 'esbuild';
import pg from 'pg';
import { freePort, runCommand, startProcess, sleep, onCleanup, runCleanups, installSignalHandlers } from '../lib/proc.mjs';
import { pgBinDir } from '../lib/pg.mjs';
import { startKeycloak, passwordToken } from '../lib/keycloak.mjs';
import { setupBoards, JAVA_DEFAULT } from '../lib/mockboard.mjs';
import { clientElements } from '../lib/workload.mjs';

export { sleep, passwordToken };
export const BENCH = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const now = () => performance.now();
const t0 = now();
export const log = (...a) => console.log(`[${((now() - t0) / 1000).toFixed(1).padStart(6)} s]`, ...a);
export const round = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------- options

export function parseDuration(v) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(String(v).trim());
  if (!m) throw new Error(`bad duration ${v}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] || 's'];
}

export function parseArgs(argv, usage) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      console.log(usage);
      process.exit(0);
    }
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}\n${usage}`);
    const key = a.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) opts[key] = true;
    else {
      opts[key] = next;
      i++;
    }
  }
  return opts;
}

export const STACK_USAGE = `stack:   --jar ../target/quarkus-app/quarkus-run.jar  --java ${JAVA_DEFAULT}  --jvm-args "-Xmx512m"
         --keycloak-home ../target/keycloak/keycloak-26.7.3  --pg-bin <PostgreSQL bin dir>
         --keycloak-url <a running realm's URL, e.g. from robustness/keycloak.mjs: no Keycloak of its own>
clients: --boards 2  --clients 3 (per board)  --rate 50 (element updates/s over all clients)
         --max-backoff 30s (cap of the page client's reconnect backoff; 30 s is the page's own)
         --limiter bench|default (bench: frame limiter raised as in the benchmark; default: production 60/s)
other:   --seed N (random choices; printed and stored)  --results results  --tag <file name suffix>`;

export function stackConfig(opts, test) {
  const fromCwd = (p) => resolve(process.cwd(), p);
  const num = (v, d) => (v === undefined ? d : Number(v));
  return {
    test,
    jar: fromCwd(opts.jar ?? process.env.MOCKBOARD_JAR ?? join(BENCH, '../target/quarkus-app/quarkus-run.jar')),
    java: opts.java ? fromCwd(opts.java) : JAVA_DEFAULT,
    jvmArgs: opts.jvmArgs ? String(opts.jvmArgs).split(/\s+/).filter(Boolean) : [],
    keycloakHome: fromCwd(opts.keycloakHome ?? join(BENCH, '../target/keycloak/keycloak-26.7.3')),
    keycloakUrl: opts.keycloakUrl ?? null,
    realmFile: join(BENCH, '../deploy/keycloak/mockboard-realm.json'),
    pgBin: opts.pgBin ? fromCwd(opts.pgBin) : null,
    boards: num(opts.boards, 2),
    clients: num(opts.clients, 3),
    rate: num(opts.rate, 50),
    maxBackoffMs: opts.maxBackoff === undefined ? undefined : parseDuration(opts.maxBackoff),
    limiter: opts.limiter ?? 'bench',
    seed: opts.seed === undefined ? (Date.now() % 1_000_000_007) : Number(opts.seed),
    resultsDir: opts.results ? fromCwd(opts.results) : join(BENCH, 'results'),
    tag: opts.tag ? `-${opts.tag}` : '',
    workDir: join(BENCH, '.work/robustness', test),
  };
}

/** mulberry32: a small seeded generator, so a run's random choices can be repeated with --seed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int32 = () => (next() * 0x100000000) | 0;
  next.between = (lo, hi) => lo + next() * (hi - lo);
  return next;
}

// ---------------------------------------------------------------- PostgreSQL (stoppable, same port)

async function unprivilegedUser() {
  if (process.getuid() !== 0) return {};
  for (const name of ['postgres', 'nobody']) {
    try {
      return { uid: Number((await runCommand('id', ['-u', name])).trim()), gid: Number((await runCommand('id', ['-g', name])).trim()) };
    } catch {
      // no such user
    }
  }
  throw new Error('running as root and there is neither a postgres nor a nobody user to run PostgreSQL as');
}

/**
 * PostgreSQL with default durable settings (fsync on, synchronous_commit on), own data directory under
 * .work/robustness/<test>, a port fixed at the first start so stop() / start() brings it back where
 * Mockboard expects it. Binaries: --pg-bin or the ones the benchmark extracts to .work/pg-bin.
 */
export class Postgres {
  constructor(cfg) {
    this.cfg = cfg;
    this.dataDir = join(cfg.workDir, 'pgdata');
    this.socketDir = join(cfg.workDir, 'pgsock');
    this.logFile = join(cfg.workDir, 'postgres.log');
    this.child = null;
  }

  async init() {
    this.bin = await pgBinDir(join(BENCH, '.work'), this.cfg.pgBin);
    this.user = await unprivilegedUser();
    mkdirSync(this.socketDir, { recursive: true });
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      rmSync(this.dataDir, { recursive: true, force: true });
      mkdirSync(this.dataDir, { recursive: true });
      if (this.user.uid !== undefined) await runCommand('chown', [`${this.user.uid}:${this.user.gid}`, this.dataDir]);
      await runCommand(join(this.bin, 'initdb'), ['-D', this.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF-8', '--no-instructions'], this.user);
    }
    if (this.user.uid !== undefined) await runCommand('chown', ['-R', `${this.user.uid}:${this.user.gid}`, this.dataDir, this.socketDir]);
    writeFileSync(this.logFile, '');
    this.port = await freePort();
    onCleanup(() => this.child?.stop(20_000));
    await this.start();
    const admin = await this.client('postgres');
    await admin.query('DROP DATABASE IF EXISTS mockboard WITH (FORCE)');
    await admin.query('CREATE DATABASE mockboard');
    const s = await admin.query(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync','synchronous_commit','full_page_writes','server_version')`);
    await admin.end();
    this.settings = Object.fromEntries(s.rows.map((r) => [r.name, r.setting]));
    return this;
  }

  /** Starts the postmaster (our own child, own process group) and waits until it accepts connections. */
  async start() {
    rmSync(join(this.dataDir, 'postmaster.pid'), { force: true });
    this.child = startProcess('postgres', join(this.bin, 'postgres'),
      ['-D', this.dataDir, '-p', String(this.port), '-k', this.socketDir, '-h', '127.0.0.1', '-c', 'max_connections=100'],
      { logFile: this.logFile, stopSignal: 'SIGINT', ...this.user });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const c = await this.client('postgres');
        await c.end();
        return;
      } catch (e) {
        if (this.child.exited || Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${e.message}; see ${this.logFile}`);
        await sleep(50);
      }
    }
  }

  /** `pg_ctl stop -m <mode>` (fast or immediate), keeping the data directory; waits until it is down. */
  async stop(mode = 'fast') {
    await runCommand(join(this.bin, 'pg_ctl'), ['stop', '-D', this.dataDir, '-m', mode, '-w', '-t', '60'], this.user);
    await this.child.exitPromise;
  }

  async client(db = 'mockboard') {
    const c = new pg.Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password: 'postgres', database: db });
    c.on('error', () => {});
    await c.connect();
    return c;
  }
}

// ---------------------------------------------------------------- Mockboard (killable, same port)

/** GET /q/health/ready status, or 0 when nothing answers. */
export async function readyStatus(base, timeoutMs = 1000) {
  try {
    const res = await fetch(`${base}/q/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export class Mockboard {
  /** @param node for one of several nodes: { name, env } (its log file's name, and environment of its own) */
  constructor(cfg, pgPort, realmUrl, node = { name: 'mockboard', env: {} }) {
    this.cfg = cfg;
    this.name = node.name;
    this.nodeEnv = node.env;
    this.logFile = join(cfg.workDir, `${node.name}.log`);
    this.pgPort = pgPort;
    this.realmUrl = realmUrl;
    this.starts = 0;
  }

  /** First start: picks the port and the environment that every restart reuses. */
  async init() {
    if (!existsSync(this.cfg.jar)) throw new Error(`no Mockboard jar at ${this.cfg.jar} (build it, or pass --jar)`);
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    this.env = {
      ...process.env,
      MOCKBOARD_DB_URL: `jdbc:postgresql://127.0.0.1:${this.pgPort}/mockboard`,
      MOCKBOARD_DB_USER: 'postgres',
      MOCKBOARD_DB_PASSWORD: 'postgres',
      MOCKBOARD_OIDC_URL: this.realmUrl,
      MOCKBOARD_OIDC_SECRET: 'mockboard-api-secret',
      MOCKBOARD_OIDC_STATE_SECRET: randomBytes(24).toString('hex'),
      QUARKUS_HTTP_PORT: String(this.port),
      QUARKUS_HTTP_HOST: '127.0.0.1',
    };
    if (this.cfg.limiter === 'bench') {
      // As the benchmark does: the per-connection frame limiter is not what these tests are about.
      this.env.MOCKBOARD_SYNC_FRAMES_PER_SECOND = '100000';
      this.env.MOCKBOARD_SYNC_FRAME_BURST = '100000';
    }
    Object.assign(this.env, this.cfg.env);
    Object.assign(this.env, typeof this.nodeEnv === 'function' ? this.nodeEnv(this) : this.nodeEnv);
    writeFileSync(this.logFile, '');
    onCleanup(() => this.child?.stop(20_000));
    return this.start();
  }

  /** Starts the JVM (java itself is the child: its pid is the JVM's) and waits for readiness; returns ms to ready. */
  async start(timeoutMs = 180_000) {
    this.starts++;
    writeFileSync(this.logFile, `\n===== robustness: JVM start #${this.starts} at ${new Date().toISOString()}\n`, { flag: 'a' });
    const started = now();
    this.child = startProcess('mockboard', this.cfg.java, [...this.cfg.jvmArgs, '-jar', this.cfg.jar], { env: this.env, logFile: this.logFile });
    while (now() - started < timeoutMs) {
      if (this.child.exited) throw new Error(`Mockboard exited (${this.child.exitCode}) before it was ready; see ${this.logFile}`);
      if ((await readyStatus(this.base, 1000)) === 200) return now() - started;
      await sleep(100);
    }
    throw new Error(`Mockboard not ready after ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  /** SIGTERM, and waits until the JVM has exited (it drains first). */
  async terminate(timeoutMs = 30_000) {
    writeFileSync(this.logFile, `\n===== robustness: SIGTERM to pid ${this.child.pid} at ${new Date().toISOString()}\n`, { flag: 'a' });
    await this.child.stop(timeoutMs);
  }

  /** SIGKILL to the JVM itself (checked to be a java process), then waits for it to be gone. */
  async kill() {
    const { pid } = this.child;
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    if (comm !== 'java') throw new Error(`pid ${pid} is ${comm}, not the JVM`);
    writeFileSync(this.logFile, `\n===== robustness: SIGKILL to pid ${pid} at ${new Date().toISOString()}\n`, { flag: 'a' });
    process.kill(pid, 'SIGKILL');
    await this.child.exitPromise;
  }
}

// ---------------------------------------------------------------- the stack

export async function startStack(cfg) {
  if (!existsSync(cfg.jar)) throw new Error(`no Mockboard jar at ${cfg.jar} (build it: ./mvnw package -Dprod -DskipTests, or pass --jar)`);
  if (!cfg.keycloakUrl && !existsSync(join(cfg.keycloakHome, 'bin/kc.sh'))) throw new Error(`no Keycloak at ${cfg.keycloakHome} (./mvnw verify unpacks it to target/keycloak, or pass --keycloak-home)`);
  if (!existsSync(cfg.java)) throw new Error(`no java at ${cfg.java} (pass --java, Java 25)`);
  mkdirSync(cfg.workDir, { recursive: true });
  log(`PostgreSQL...`);
  const db = await new Postgres(cfg).init();
  log(`  PostgreSQL ${db.settings.server_version} on 127.0.0.1:${db.port} (fsync ${db.settings.fsync}, synchronous_commit ${db.settings.synchronous_commit}), data ${db.dataDir}`);
  const kc = await keycloak(cfg);
  log(`  Keycloak at ${kc.realmUrl}`);
  log('Mockboard...');
  const mb = new Mockboard(cfg, db.port, kc.realmUrl);
  const firstStartMs = await mb.init();
  log(`  Mockboard at ${mb.base} (pid ${mb.child.pid}), ready in ${round(firstStartMs / 1000, 2)} s; log ${mb.logFile}`);
  const token = await passwordToken(kc.realmUrl, 'alice', 'alice');
  const boards = await setupBoards({ base: mb.base, token, boards: cfg.boards, clients: cfg.clients });
  log(`  ${cfg.boards} boards (interview sessions) × ${cfg.clients} guests`);
  return { db, kc, mb, boards, firstStartMs };
}

/** The Keycloak given by --keycloak-url, or one of this test's own. */
export async function keycloak(cfg) {
  if (cfg.keycloakUrl) return { realmUrl: cfg.keycloakUrl };
  log('Keycloak (30-60 s)...');
  return startKeycloak({ home: cfg.keycloakHome, realmFile: cfg.realmFile, workDir: cfg.workDir });
}

// ---------------------------------------------------------------- the page's sync client

/**
 * The page's own sync client and merge rule (frontend/src/sync: SyncClient, remoteWins), bundled for
 * Node by esbuild into .work/syncclient.mjs at every start, so the tests always run the current source.
 */
async function loadPageSync() {
  const outfile = join(BENCH, '.work/syncclient.mjs');
  const entry = join(BENCH, 'robustness/syncclient-entry.ts');
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}
export const { SyncClient, remoteWins } = await loadPageSync();

/** Whether each error code is retryable, from the fixtures both sides' tests read. */
const RETRYABLE = new Map(JSON.parse(readFileSync(join(BENCH, '../protocol-fixtures/error-codes.json'), 'utf8')).codes.map((c) => [c.code, c.retryable]));

/**
 * One browser tab on one board: the page's SyncClient (its reconnect backoff, re-sends and offline
 * folding, with default options as the page runs it) on a `ws` socket that carries the guest's
 * cookie, and a local scene merged with remoteWins. The tab taps the socket: it records every push
 * frame (clientSeq → elements), sees which pushes the client lets go of after each server frame, and
 * checks the server's frames as they arrive.
 *
 * events(kind, detail): 'error' {code, retryable, clientSeq, message}, 'close' {code, wasLive},
 * 'ack' {clientSeq, seq}, 'welcome' {head, snapshot, ops}, 'live', 'connect_failed' reason
 * (ECONNREFUSED, HTTP 503, ...), 'violation' text.
 */
export class Tab {
  constructor({ url, headers, clientId, boardId, random, events, maxBackoffMs, handshakeTimeoutMs = 5000 }) {
    Object.assign(this, { url, headers, clientId, boardId, events, handshakeTimeoutMs });
    this.ws = null; // the newest socket, the one the client uses
    this.scene = new Map(); // id → element
    this.edits = 0; // local changes handed to the client (offline ones fold into one push)
    this.edited = new Map(); // id → version of the latest local change
    this.sent = new Map(); // clientSeq → [[id, version, versionNonce, isDeleted]] of its first push frame
    this.awaiting = []; // clientSeqs sent and still in the client's outbox, in order
    this.acked = new Map(); // clientSeq → seq (null: acked as a duplicate, or covered by a later ack)
    this.ackedVersion = new Map(); // id → highest version of it in an acked push
    this.ackCounts = { seq: 0, duplicate: 0, covered: 0 };
    this.backlog = new Map();
    let was = null;
    this.client = new SyncClient({
      clientId,
      maxBackoffMs,
      connect: () => this.open(),
      timers: { now: Date.now, setTimeout, clearTimeout, random }, // Node's instead of window's
      listener: {
        remote: (elements) => elements.forEach((e) => this.apply(e)),
        status: (s) => {
          if (s.kind === was) return; // also called when only the unsent count changed
          was = s.kind;
          if (s.kind === 'live') this.events('live');
          if (s.kind === 'failed' || s.kind === 'signed-out') this.events('violation', `${clientId}: the client stopped syncing (${s.kind}: ${s.reason ?? ''})`);
        },
        notice: () => {},
      },
    });
  }

  start() {
    this.client.start();
  }

  stop() {
    this.client.stop();
  }

  /** Drops the socket as a network blip would (the tab keeps its state and clientId; the client reconnects). */
  drop() {
    this.ws?.terminate();
  }

  get live() {
    return this.client.status.kind === 'live';
  }

  /** Pushes the client has not seen acknowledged (sent or not). */
  get unsent() {
    return this.client.unsent;
  }

  get lastSeq() {
    return this.client.seq;
  }

  /** A local change: applied to the local scene at once and handed to the client. */
  push(elements) {
    this.edits++;
    for (const e of elements) {
      this.apply(e);
      this.edited.set(e.id, e.version);
    }
    this.client.push(elements);
  }

  apply(element) {
    if (remoteWins(this.scene.get(element.id), element)) this.scene.set(element.id, element);
  }

  /** Remembers the latest local change of each element; backlogAcked() tells when all are stored. */
  markBacklog() {
    this.backlog = new Map(this.edited);
  }

  backlogAcked() {
    for (const [id, version] of this.backlog) if ((this.ackedVersion.get(id) ?? 0) < version) return false;
    return true;
  }

  /** The client's socket factory: a `ws` socket dressed as the browser's WebSocket (SocketLike). */
  open() {
    // A browser's upgrade has no timeout of its own; here one that hangs counts as failed (an error, then a 1006 close).
    const ws = new WebSocket(this.url, { headers: this.headers, perMessageDeflate: false, handshakeTimeout: this.handshakeTimeoutMs });
    this.ws = ws;
    const socket = { onopen: null, onmessage: null, onclose: null, onerror: null };
    socket.send = (data) => {
      this.outgoing(data);
      ws.send(data);
    };
    socket.close = (code, reason) => ws.close(code, reason);
    ws.on('open', () => socket.onopen?.());
    ws.on('message', (data) => this.incoming(ws, socket, data.toString()));
    ws.on('error', (e) => {
      // refused / reset / upgrade answered with an HTTP status: 'close' (1006) follows
      const m = /Unexpected server response: (\d+)/.exec(e.message);
      if (ws === this.ws) this.events('connect_failed', m ? `HTTP ${m[1]}` : (e.code ?? e.message));
      socket.onerror?.();
    });
    ws.on('close', (code, reason) => {
      if (ws === this.ws && (ws.joined || code !== 1006)) this.events('close', { code, wasLive: Boolean(ws.joined) });
      socket.onclose?.({ code, reason: reason.toString() });
    });
    return socket;
  }

  /** A frame the client sends: a push is recorded the first time its clientSeq goes out. */
  outgoing(data) {
    const m = JSON.parse(data);
    if (m.t !== 'push') return;
    const pushed = m.elements.map((e) => [e.id, e.version, e.versionNonce, e.isDeleted]);
    const first = this.sent.get(m.clientSeq);
    if (!first) {
      this.sent.set(m.clientSeq, pushed);
      this.awaiting.push(m.clientSeq);
    } else if (JSON.stringify(first) !== JSON.stringify(pushed)) {
      this.violation(`clientSeq ${m.clientSeq} re-sent with other elements`);
    }
  }

  /** A server frame: checked, handed to the client, then the pushes the client let go of are recorded. */
  incoming(ws, socket, text) {
    if (ws !== this.ws) return socket.onmessage?.({ data: text }); // a socket the client has left: it ignores it
    const m = JSON.parse(text);
    const lastSeq = this.client.seq;
    const unsent = this.client.unsent;
    this.check(ws, m, lastSeq);
    socket.onmessage?.({ data: text });
    const gone = unsent - this.client.unsent;
    if (gone <= 0) return;
    if (m.t === 'ack' && gone <= this.awaiting.length) this.acknowledged(this.awaiting.splice(0, gone), m);
    else if (m.t === 'error' && this.awaiting.includes(m.clientSeq)) this.awaiting.splice(this.awaiting.indexOf(m.clientSeq), 1); // refused for good
    else this.violation(`the client let go of ${gone} pushes on ${text.slice(0, 120)}`);
  }

  /** An ack let the client go of its push and every earlier one still waiting (the outbox's prefix). */
  acknowledged(clientSeqs, ack) {
    if (clientSeqs.at(-1) !== ack.clientSeq) this.violation(`an ack for clientSeq ${ack.clientSeq} let go of clientSeqs ${clientSeqs}`);
    for (const clientSeq of clientSeqs) {
      const kind = clientSeq !== ack.clientSeq ? 'covered' : ack.duplicate ? 'duplicate' : 'seq';
      const seq = kind === 'seq' ? ack.seq : null;
      this.ackCounts[kind]++;
      this.acked.set(clientSeq, seq);
      for (const [id, version] of this.sent.get(clientSeq)) if (version > (this.ackedVersion.get(id) ?? 0)) this.ackedVersion.set(id, version);
      this.events('ack', { clientSeq, seq });
    }
  }

  /** The protocol's promises about server frames on one connection (docs/sync-protocol.md). */
  check(ws, m, lastSeq) {
    switch (m.t) {
      case 'welcome':
        if (m.head < lastSeq) this.violation(`welcome head ${m.head} < lastSeq ${lastSeq} (the server lost committed ops)`);
        ws.joined = true;
        this.events('welcome', { head: m.head, snapshot: Boolean(m.snapshot), ops: m.ops.length });
        break;
      case 'op':
      case 'ack':
        // ops and acks that carry a seq come one by one: a gap or a repeat breaks the total order
        if (typeof m.seq === 'number' && m.seq !== lastSeq + 1) this.violation(`${m.t} seq ${m.seq} after lastSeq ${lastSeq} (gap or repeat)`);
        break;
      case 'error': {
        const retryable = m.retryable === true;
        this.events('error', { code: m.code, retryable, clientSeq: m.clientSeq ?? null, message: m.message });
        if (retryable !== RETRYABLE.get(m.code)) this.violation(`error ${m.code} with retryable=${m.retryable}, documented otherwise`);
        break;
      }
      default: // presence, peer-joined, peer-left, pong, step, note
    }
  }

  violation(text) {
    this.events('violation', `${this.clientId}: ${text}`);
  }
}

// ---------------------------------------------------------------- workload

const SHARED_IDS = ['shared-box-1', 'shared-box-2'];

/**
 * Edits as someone drawing would make them: each client owns a rectangle, its text and a stroke
 * (bench/lib/workload.mjs) and moves one per update; 20 % of the updates move one of two elements
 * that every client of the board edits (concurrent versions, equal versions resolved by
 * versionNonce); 5 % delete or restore an own element. Every update bumps the version of the
 * element as the local scene has it and draws a fresh versionNonce. The tab hands each update to the
 * client as one push, as the page does with each change it flushes.
 */
export class Editor {
  constructor(client, random) {
    this.client = client;
    this.random = random;
    this.templates = new Map(clientElements(client.clientId).map((e) => [e.id, e]));
    this.own = [...this.templates.keys()];
    const [rect] = clientElements('shared');
    for (const id of SHARED_IDS) this.templates.set(id, { ...rect, id, boundElements: null });
  }

  edit() {
    const r = this.random();
    const id = r < 0.2 ? SHARED_IDS[Math.floor(this.random() * SHARED_IDS.length)] : this.own[Math.floor(this.random() * this.own.length)];
    const current = this.client.scene.get(id);
    const element = structuredClone(current ?? this.templates.get(id));
    element.x = Math.round((element.x + (this.random() - 0.5) * 8) * 100) / 100;
    element.y = Math.round((element.y + (this.random() - 0.5) * 8) * 100) / 100;
    element.version = current ? current.version + 1 : 1;
    element.versionNonce = this.random.int32();
    element.updated = Date.now();
    if (r > 0.95 && !SHARED_IDS.includes(id)) element.isDeleted = !element.isDeleted;
    this.client.push([element]);
  }
}

/** Runs every client's edits at rate / clients each, on a fixed period from a random phase, until stop(). */
export function startEditing(editors, rate, random) {
  const period = (1000 * editors.length) / rate;
  const timers = editors.map((ed) => {
    let interval = null;
    const phase = setTimeout(() => {
      ed.edit();
      interval = setInterval(() => ed.edit(), period);
    }, random() * period);
    return () => {
      clearTimeout(phase);
      clearInterval(interval);
    };
  });
  return { stop: () => timers.forEach((t) => t()) };
}

/** A tab on every guest's board, started (its client connects and says hello). */
export function makeClients(mb, boards, random, events, maxBackoffMs) {
  const clients = [];
  for (const b of boards) {
    for (const c of b.clients) {
      const client = new Tab({
        url: `ws://127.0.0.1:${mb.port}/boards/${b.boardId}/sync`,
        headers: { cookie: `mockboard_guest=${c.cookie}`, origin: mb.base },
        clientId: c.clientId,
        boardId: b.boardId,
        random,
        maxBackoffMs,
        events: (kind, detail) => events(client, kind, detail),
      });
      clients.push(client);
    }
  }
  clients.forEach((c) => c.start());
  return clients;
}

/** How the clients learnt that their pushes were stored: an ack with a seq, a duplicate ack, a later push's ack. */
export function ackKinds(clients) {
  const out = { seq: 0, duplicate: 0, covered: 0 };
  for (const c of clients) for (const k of Object.keys(out)) out[k] += c.ackCounts[k];
  return out;
}

export async function waitUntil(predicate, timeoutMs, stepMs = 50) {
  const deadline = now() + timeoutMs;
  while (now() < deadline) {
    if (await predicate()) return true;
    await sleep(stepMs);
  }
  return Boolean(await predicate());
}

/** Waits until every client is live with nothing unsent (and then until each has caught up to its board's head). */
export async function drain(clients, db, timeoutMs = 60_000) {
  const started = now();
  const drained = await waitUntil(() => clients.every((c) => c.live && c.unsent === 0), timeoutMs);
  const drainMs = now() - started;
  if (!drained) return { drained: false, drainMs, caughtUp: false };
  const heads = await boardHeads(db, [...new Set(clients.map((c) => c.boardId))]);
  const caughtUp = await waitUntil(() => clients.every((c) => c.lastSeq >= (heads.get(c.boardId) ?? 0)), 15_000);
  return { drained, drainMs, caughtUp };
}

async function boardHeads(db, boardIds) {
  const c = await db.client();
  try {
    const r = await c.query('SELECT board_id::text AS b, max(seq)::int AS head FROM board_op WHERE board_id = ANY($1::uuid[]) GROUP BY 1', [boardIds]);
    return new Map(r.rows.map((row) => [row.b, row.head]));
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- checks against the op log

const sig = (e) => `${e.version}/${e.versionNonce}/${Boolean(e.isDeleted)}`;
const sceneSig = (scene) => new Map([...scene].map(([id, e]) => [id, sig(e)]));

function fold(ops) {
  const scene = new Map();
  for (const op of ops) for (const e of op.elements) if (remoteWins(scene.get(e.id), e)) scene.set(e.id, e);
  return scene;
}

function diffScenes(expected, actual, limit = 5) {
  const out = [];
  for (const id of new Set([...expected.keys(), ...actual.keys()])) {
    if (expected.get(id) !== actual.get(id)) out.push(`${id}: expected ${expected.get(id) ?? 'absent'}, got ${actual.get(id) ?? 'absent'}`);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * (a) every (clientId, clientSeq) a client saw acked is in board_op exactly once (an ack with a seq:
 *     at that seq), with the elements of its push frame; no (client_id, client_seq) twice anywhere;
 *     every clientSeq a client sent was acked; client_cursor = highest stored clientSeq per client;
 * (b) seqs per board are 1..n;
 * (c) every client's scene = the fold of the op log (merge rule) = GET /api/boards/{id}/scene
 *     (visible elements); every stored snapshot = the fold up to its seq.
 */
export async function verify({ db, mb, token, clients, boardIds }) {
  const violations = [];
  const v = (s) => {
    if (violations.length < 200) violations.push(s);
  };
  const c = await db.client();
  let rows;
  let dupRows;
  let cursors;
  let snapshots;
  try {
    rows = (await c.query('SELECT board_id::text AS board, seq::int, client_id, client_seq::int, elements FROM board_op WHERE board_id = ANY($1::uuid[]) ORDER BY board_id, seq', [boardIds])).rows;
    dupRows = (await c.query('SELECT client_id, client_seq, count(*)::int AS n FROM board_op GROUP BY 1, 2 HAVING count(*) > 1')).rows;
    cursors = (await c.query('SELECT board_id::text AS board, client_id, last_client_seq::int AS last FROM client_cursor WHERE board_id = ANY($1::uuid[])', [boardIds])).rows;
    snapshots = (await c.query('SELECT board_id::text AS board, seq::int, elements FROM board_snapshot WHERE board_id = ANY($1::uuid[]) ORDER BY board_id, seq', [boardIds])).rows;
  } finally {
    await c.end();
  }
  for (const d of dupRows) v(`duplicate in board_op: (${d.client_id}, ${d.client_seq}) stored ${d.n} times`);

  const byBoard = new Map(boardIds.map((b) => [b, []]));
  for (const r of rows) byBoard.get(r.board).push(r);
  const byClientSeq = new Map(); // `${clientId}/${clientSeq}` → [rows]
  for (const r of rows) {
    const k = `${r.client_id}/${r.client_seq}`;
    if (!byClientSeq.has(k)) byClientSeq.set(k, []);
    byClientSeq.get(k).push(r);
  }
  // (b) 1..n per board
  let gaps = 0;
  for (const [board, ops] of byBoard) {
    ops.forEach((op, i) => {
      if (op.seq !== i + 1) {
        if (gaps++ < 5) v(`board ${board}: seq ${op.seq} at position ${i + 1} (gap)`);
      }
    });
  }
  // (a) acked ⇒ stored exactly once, with the pushed elements; every push acked
  let ackedTotal = 0;
  let lost = 0;
  let unacked = 0;
  let duplicates = dupRows.reduce((a, d) => a + d.n - 1, 0);
  let wrongContent = 0;
  for (const cl of clients) {
    for (const [clientSeq, seq] of cl.acked) {
      ackedTotal++;
      const found = (byClientSeq.get(`${cl.clientId}/${clientSeq}`) ?? []).filter((r) => r.board === cl.boardId);
      if (found.length === 0) {
        lost++;
        v(`LOST: ${cl.clientId} clientSeq ${clientSeq} was acked (${seq === null ? 'duplicate or covered' : `seq ${seq}`}) but is not in board_op`);
        continue;
      }
      if (found.length > 1) v(`${cl.clientId} clientSeq ${clientSeq} is in board_op ${found.length} times (seqs ${found.map((r) => r.seq)})`);
      if (seq !== null && found[0].seq !== seq) v(`${cl.clientId} clientSeq ${clientSeq} acked with seq ${seq} but stored at seq ${found[0].seq}`);
      const stored = JSON.stringify(found[0].elements.map((e) => [e.id, e.version, e.versionNonce, e.isDeleted]));
      if (stored !== JSON.stringify(cl.sent.get(clientSeq))) {
        wrongContent++;
        v(`${cl.clientId} clientSeq ${clientSeq}: stored elements ${stored} differ from pushed ${JSON.stringify(cl.sent.get(clientSeq))}`);
      }
    }
    for (const clientSeq of cl.sent.keys()) {
      if (!cl.acked.has(clientSeq)) {
        unacked++;
        if (unacked <= 5) v(`${cl.clientId} clientSeq ${clientSeq} was pushed and never acked`);
      }
    }
    const storedSeqs = rows.filter((r) => r.client_id === cl.clientId).map((r) => r.client_seq);
    for (const s of storedSeqs) {
      if (!cl.sent.has(s)) v(`board_op has ${cl.clientId} clientSeq ${s}, which the client never pushed`);
    }
    const cursor = cursors.find((r) => r.board === cl.boardId && r.client_id === cl.clientId);
    const maxStored = storedSeqs.length ? Math.max(...storedSeqs) : 0;
    if ((cursor?.last ?? 0) !== maxStored) v(`client_cursor of ${cl.clientId} is ${cursor?.last ?? 'missing'}, highest stored clientSeq ${maxStored}`);
  }
  // (c) convergence
  let converged = true;
  const serverScenes = {};
  for (const [board, ops] of byBoard) {
    const folded = sceneSig(fold(ops));
    for (const cl of clients.filter((x) => x.boardId === board)) {
      const d = diffScenes(folded, sceneSig(cl.scene));
      if (d.length) {
        converged = false;
        v(`${cl.clientId}'s scene differs from the op log's fold: ${d.join('; ')}`);
      }
    }
    const res = await fetch(`${mb.base}/api/boards/${board}/scene`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    if (res.status !== 200) {
      converged = false;
      v(`GET /api/boards/${board}/scene: HTTP ${res.status}`);
    } else {
      const visible = new Map([...folded].filter(([, s]) => !s.endsWith('/true')));
      const d = diffScenes(visible, sceneSig(new Map(body.elements.map((e) => [e.id, e]))));
      if (d.length) {
        converged = false;
        v(`GET scene of board ${board} differs from the op log's fold: ${d.join('; ')}`);
      }
    }
    serverScenes[board] = { ops: ops.length, elements: folded.size, visible: [...folded.values()].filter((s) => !s.endsWith('/true')).length };
  }
  let snapshotsBad = 0;
  for (const s of snapshots) {
    const d = diffScenes(sceneSig(fold(byBoard.get(s.board).filter((op) => op.seq <= s.seq))), sceneSig(new Map(s.elements.map((e) => [e.id, e]))));
    if (d.length) {
      snapshotsBad++;
      v(`snapshot of board ${s.board} at seq ${s.seq} is not the fold up to that seq: ${d.join('; ')}`);
    }
  }
  return {
    violations,
    counts: {
      opsAcked: ackedTotal,
      opsInLog: rows.length,
      duplicates,
      lost,
      unacked,
      wrongContent,
      seqGaps: gaps,
      snapshots: snapshots.length,
      snapshotsBad,
      converged,
      boards: serverScenes,
    },
  };
}

// ---------------------------------------------------------------- reporting

/** The counts every robustness result reports about the op log and the clients. */
export function logSummary({ check, drained, clients, pushes }) {
  return {
    edits: clients.reduce((a, c) => a + c.edits, 0),
    opsPushed: pushes,
    opsAcked: check.counts.opsAcked,
    ackKinds: ackKinds(clients),
    opsInLog: check.counts.opsInLog,
    duplicates: check.counts.duplicates,
    lost: check.counts.lost,
    unacked: check.counts.unacked,
    seqGaps: check.counts.seqGaps,
    converged: check.counts.converged && drained.drained && drained.caughtUp,
    snapshotsChecked: check.counts.snapshots,
    snapshotsBad: check.counts.snapshotsBad,
  };
}

export function percentile(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function machineInfo(cfg) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  let java = null;
  try {
    java = (await runCommand(cfg.java, ['-version'])).split('\n')[0].trim();
  } catch {
    // reported as null
  }
  return {
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? 'unknown',
    nproc: Number((await runCommand('nproc', [])).trim()),
    cores: cpus().length,
    ramGiB: round(totalmem() / 2 ** 30, 1),
    loadavgAtStart: loadavg().map((x) => round(x, 2)),
    node: process.version,
    java,
  };
}

export function writeResult(cfg, name, json) {
  mkdirSync(cfg.resultsDir, { recursive: true });
  const file = join(cfg.resultsDir, `${today()}-${name}${cfg.tag}.json`);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

/** ERROR / Exception lines of a server log, with the first few distinct ones. */
export function scanLog(file) {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const errors = lines.filter((l) => /\bERROR\b/.test(l));
  const warnings = lines.filter((l) => /\bWARN\b/.test(l));
  const distinct = (ls) => [...new Set(ls.map((l) => l.replace(/^\S+ \S+ /, '').slice(0, 240)))].slice(0, 8);
  return { file, errorLines: errors.length, warnLines: warnings.length, errors: distinct(errors), warnings: distinct(warnings) };
}

/** main() wrapper: signal handlers, cleanup of every process on exit / failure / Ctrl-C, exit code. */
export function run(main) {
  installSignalHandlers();
  main().then(async (code) => {
    await runCleanups();
    process.exit(code ?? 0);
  }, async (e) => {
    console.error(`\nfailed: ${e.stack || e.message}`);
    await runCleanups();
    process.exit(2);
  });
}
