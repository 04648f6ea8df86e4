// The three targets behind one interface:
//   const t = await startTarget(name, stack, options)
//   t.boards        [{ key, clients: [spec] }] for the driver's clients
//   t.serverPid     the server process (sampled for CPU and RSS)
//   t.dbPid         PostgreSQL's postmaster, when the target stores anything
//   t.heap()        heap in use (bytes): JVM heap from /q/metrics, V8 heap for Node servers
//   t.info          what to record about the server (versions, flags, settings)
//   t.stop()

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { freePort, startProcess } from './proc.mjs';
import { randomBytes } from 'node:crypto';
import { startMockboard, setupBoards, jvmHeapBytes } from './mockboard.mjs';
import { startNginx } from './nginx.mjs';
import { passwordToken } from './keycloak.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');

export const TARGETS = ['mockboard', 'hocuspocus', 'relay'];
/** Another Mockboard jar (--baseline-jar), in a database of its own: a before/after in one run. */
export const BASELINE = 'baseline';
/**
 * Mockboard as several nodes behind nginx (the shipped deploy/nginx/mockboard.conf), each in a database of its own:
 * one node; three routed by board (relaying is the exception); three round robin (about two sockets in three
 * reach a node that does not own their board and are relayed to its owner).
 */
export const CLUSTERS = ['nodes-1', 'nodes-3', 'nodes-3-rr'];
export const clusterDatabase = (name) => `mockboard_${name.replace(/-/g, '_')}`;
export const ALL_TARGETS = ['mockboard', BASELINE, ...CLUSTERS, 'hocuspocus', 'relay'];

export function packageVersion(name) {
  return JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Asks a Node server started with an IPC channel for something; resolves with its answer. */
function ipcRequest(child, request, key, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.proc.off('message', onMessage);
      reject(new Error(`${child.name}: no answer to ${request}`));
    }, timeoutMs);
    function onMessage(msg) {
      if (msg && msg[key] !== undefined) {
        clearTimeout(timer);
        child.proc.off('message', onMessage);
        resolve(msg[key]);
      }
    }
    child.proc.on('message', onMessage);
    child.proc.send(request);
  });
}

async function startNodeServer(name, script, args, workDir) {
  const port = await freePort();
  const logFile = join(workDir, `${name}.log`);
  writeFileSync(logFile, '');
  const child = startProcess(name, process.execPath, [join(BENCH, 'servers', script), '--port', String(port), ...args], { logFile, ipc: true });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start; see ${logFile}`)), 30_000);
    child.proc.on('message', (msg) => {
      if (msg?.ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.exitPromise.then(() => reject(new Error(`${name} exited; see ${logFile}`)));
  });
  return { child, port, logFile };
}

/**
 * stack: { pg, keycloak (Mockboard only), workDir }
 * options: { boards, clients, jar, java, jvmArgs }
 */
export async function startTarget(name, stack, options) {
  const { boards, clients } = options;
  if (name === 'mockboard' || name === BASELINE) {
    const jar = name === BASELINE ? options.baselineJar : options.jar;
    if (!jar) throw new Error('the baseline target needs --baseline-jar');
    const mb = await startMockboard({
      jar, java: options.java, jvmArgs: options.jvmArgs, pgPort: stack.pg.port, realmUrl: stack.keycloak.realmUrl, workDir: stack.workDir,
      database: name === BASELINE ? 'mockboard_baseline' : 'mockboard', name,
      extraEnv: (name === BASELINE ? options.baselineEnv : options.serverEnv) ?? {},
    });
    const token = await passwordToken(stack.keycloak.realmUrl, 'alice', 'alice');
    const created = await setupBoards({ base: mb.base, token, boards, clients });
    return {
      name,
      serverPid: mb.child.pid,
      dbPid: stack.pg.child.pid,
      logFile: mb.logFile,
      heap: () => jvmHeapBytes(mb.base),
      heapKind: 'JVM heap (jvm_memory_used_bytes{area="heap"} summed)',
      boards: created.map((b) => ({
        key: b.boardId,
        clients: b.clients.map((c) => ({
          key: c.clientId,
          clientId: c.clientId,
          url: `ws://127.0.0.1:${mb.port}/boards/${b.boardId}/sync`,
          headers: { cookie: `mockboard_guest=${c.cookie}`, origin: mb.base },
        })),
      })),
      info: {
        jar,
        jvm: mb.jvm,
        env: { MOCKBOARD_SYNC_FRAMES_PER_SECOND: '100000', MOCKBOARD_SYNC_FRAME_BURST: '100000', ...mb.extraEnv },
        durability: 'every push committed to PostgreSQL (group commit) before the ack and before peers see it',
      },
      stop: () => mb.child.stop(20_000),
    };
  }
  if (CLUSTERS.includes(name)) return startCluster(name, stack, options);
  if (name === 'hocuspocus') {
    const srv = await startNodeServer('hocuspocus', 'hocuspocus.mjs', ['--database', stack.pg.url('hocuspocus')], stack.workDir);
    return {
      name,
      serverPid: srv.child.pid,
      dbPid: stack.pg.child.pid,
      logFile: srv.logFile,
      heap: async () => (await ipcRequest(srv.child, 'memory', 'memory')).heapUsed,
      heapKind: 'V8 heapUsed (process.memoryUsage())',
      stores: () => ipcRequest(srv.child, 'stores', 'stores'),
      boards: Array.from({ length: boards }, (_, b) => ({
        key: `board-${b + 1}`,
        clients: Array.from({ length: clients }, (_, c) => ({
          key: `b${b}c${c}`, clientId: `b${b}c${c}`, url: `ws://127.0.0.1:${srv.port}`, document: `board-${b + 1}`,
        })),
      })),
      info: {
        server: `@hocuspocus/server ${packageVersion('@hocuspocus/server')}`,
        database: `@hocuspocus/extension-database ${packageVersion('@hocuspocus/extension-database')} + pg ${packageVersion('pg')}`,
        provider: `@hocuspocus/provider ${packageVersion('@hocuspocus/provider')} (ws ${packageVersion('ws')})`,
        yjs: packageVersion('yjs'),
        durability: 'Y.Doc state stored with the default debounce (2 s after the last change, at most every 10 s); updates are relayed before they are stored',
      },
      stop: () => srv.child.stop(10_000),
    };
  }
  if (name === 'relay') {
    const srv = await startNodeServer('relay', 'relay.mjs', [], stack.workDir);
    return {
      name,
      serverPid: srv.child.pid,
      dbPid: null,
      logFile: srv.logFile,
      heap: async () => (await ipcRequest(srv.child, 'memory', 'memory')).heapUsed,
      heapKind: 'V8 heapUsed (process.memoryUsage())',
      boards: Array.from({ length: boards }, (_, b) => ({
        key: `board-${b + 1}`,
        clients: Array.from({ length: clients }, (_, c) => ({
          key: `b${b}c${c}`, clientId: `b${b}c${c}`, url: `ws://127.0.0.1:${srv.port}/room/board-${b + 1}`,
        })),
      })),
      info: { server: `ws ${packageVersion('ws')} relay (bench/servers/relay.mjs)`, durability: 'none' },
      stop: () => srv.child.stop(5000),
    };
  }
  throw new Error(`unknown target ${name} (expected one of ${ALL_TARGETS.join(', ')})`);
}

/** N production jars on one database behind nginx; the driver's clients connect to nginx. */
async function startCluster(name, stack, options) {
  const count = Number(name.split('-')[1]);
  const roundRobin = name.endsWith('-rr');
  const stateSecret = randomBytes(24).toString('hex');
  const start = async (i) => {
    const port = await freePort();
    return startMockboard({
      jar: options.jar, java: options.java, jvmArgs: options.jvmArgs, pgPort: stack.pg.port, realmUrl: stack.keycloak.realmUrl,
      workDir: stack.workDir, database: clusterDatabase(name), name: `${name}-node-${i + 1}`, port,
      extraEnv: {
        ...(options.serverEnv ?? {}),
        MOCKBOARD_SYNC_NODE_ID: `${name}-node-${i + 1}`,
        MOCKBOARD_SYNC_NODE_ADDRESS: `http://127.0.0.1:${port}`,
        MOCKBOARD_OIDC_STATE_SECRET: stateSecret,
      },
    });
  };
  const nodes = [await start(0)]; // the first migrates the database alone
  nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)))));
  const proxy = await startNginx({ workDir: join(stack.workDir, `${name}-nginx`), ports: nodes.map((n) => n.port), roundRobin });
  const token = await passwordToken(stack.keycloak.realmUrl, 'alice', 'alice');
  const created = await setupBoards({ base: proxy.base, token, boards: options.boards, clients: options.clients });
  const metric = async (node, metricName) => {
    const text = await (await fetch(`${node.base}/q/metrics`)).text();
    const m = text.match(new RegExp(`^${metricName}\\{[^}]*\\} ([0-9.eE+-]+)$`, 'm'));
    return m ? Number(m[1]) : 0;
  };
  return {
    name,
    serverPid: [...nodes.map((n) => n.child.pid), proxy.child.pid],
    proxyPid: proxy.child.pid,
    dbPid: stack.pg.child.pid,
    logFile: nodes[0].logFile,
    heap: async () => (await Promise.all(nodes.map((n) => jvmHeapBytes(n.base)))).reduce((a, b) => a + b, 0),
    heapKind: 'JVM heap of all nodes (jvm_memory_used_bytes{area="heap"} summed)',
    boards: created.map((b) => ({
      key: b.boardId,
      clients: b.clients.map((c) => ({
        key: c.clientId,
        clientId: c.clientId,
        url: `ws://127.0.0.1:${proxy.port}/boards/${b.boardId}/sync`,
        headers: { cookie: `mockboard_guest=${c.cookie}`, origin: proxy.base },
      })),
    })),
    /**
     * The clients' sockets, and how many of them reached a node that relays them to the board's owner (a relayed
     * socket is counted twice in the nodes' socket gauges: on the node the client reached and on the owner).
     */
    routing: async () => {
      let open = 0;
      let relayedSockets = 0;
      for (const n of nodes) {
        open += await metric(n, 'mockboard_node_sockets');
        relayedSockets += await metric(n, 'mockboard_node_relayed_sockets_total');
      }
      const sockets = open - relayedSockets;
      return { sockets, relayedSockets, relayedPct: sockets ? Math.round((1000 * relayedSockets) / sockets) / 10 : null };
    },
    info: {
      jar: options.jar,
      nodes: count,
      proxy: `nginx (deploy/nginx/mockboard.conf, ${roundRobin ? 'round robin instead of the hash by board' : 'hash by board'})`,
      cpu: 'server = every node + nginx; proxyCpuPct = nginx alone',
      jvm: nodes[0].jvm,
      env: { MOCKBOARD_SYNC_FRAMES_PER_SECOND: '100000', MOCKBOARD_SYNC_FRAME_BURST: '100000', ...(options.serverEnv ?? {}) },
      durability: 'every push committed to PostgreSQL (group commit) before the ack and before peers see it',
    },
    stop: async () => {
      await proxy.child.stop(5000);
      await Promise.all(nodes.map((n) => n.child.stop(20_000)));
    },
  };
}
