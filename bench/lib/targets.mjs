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
import { startMockboard, setupBoards, jvmHeapBytes } from './mockboard.mjs';
import { passwordToken } from './keycloak.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');

export const TARGETS = ['mockboard', 'hocuspocus', 'relay'];
/** Another Mockboard jar (--baseline-jar), in a database of its own: a before/after in one run. */
export const BASELINE = 'baseline';
export const ALL_TARGETS = ['mockboard', BASELINE, 'hocuspocus', 'relay'];

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

