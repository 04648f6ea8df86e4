// Process helpers: free ports, waiting for HTTP, and child processes that are always cleaned up.
//
// Every child is spawned in its own process group (detached), so stopping it also stops whatever it
// started (kc.sh starts a JVM, pg_ctl starts postgres). Children are stopped by their own group id,
// never by name. A last-resort 'exit' hook SIGKILLs any group still alive, so Ctrl-C or a crash
// never leaves a server behind.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { openSync, closeSync } from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers with `status` (default 200); throws after `timeoutMs`. */
export async function waitForHttp(url, { timeoutMs = 120_000, status = 200, child = null, what = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child && child.exited) {
      throw new Error(`${what}: process exited (code ${child.exitCode}) before it was ready; see ${child.logFile}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === status) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code || e.message;
    }
    await sleep(500);
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s (${last})`);
}

const children = new Set();

/**
 * Spawns a long-running child whose stdout and stderr go to `logFile`.
 * Returns a handle: { pid, name, logFile, exited, exitCode, stop() }; stop() sends `stopSignal` to the
 * group, then SIGKILL if it is still alive after the timeout.
 */
export function startProcess(name, command, args, { env = process.env, cwd, logFile, ipc = false, stopSignal = 'SIGTERM', uid, gid } = {}) {
  const out = openSync(logFile, 'a');
  const stdio = ipc ? ['ignore', out, out, 'ipc'] : ['ignore', out, out];
  const proc = spawn(command, args, { env, cwd, stdio, detached: true, uid, gid });
  closeSync(out);
  const handle = {
    name,
    proc,
    pid: proc.pid,
    logFile,
    exited: false,
    exitCode: null,
    exitPromise: null,
    async stop(timeoutMs = 15_000) {
      if (handle.exited) return;
      killGroup(handle.pid, stopSignal);
      const done = await Promise.race([handle.exitPromise.then(() => true), sleep(timeoutMs).then(() => false)]);
      if (!done) {
        killGroup(handle.pid, 'SIGKILL');
        await handle.exitPromise;
      }
      // The group may still hold grandchildren after the leader exits.
      killGroup(handle.pid, 'SIGKILL');
    },
  };
  handle.exitPromise = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      handle.exited = true;
      handle.exitCode = code ?? signal;
      children.delete(handle);
      resolve();
    });
  });
  proc.on('error', (e) => {
    console.error(`${name}: ${e.message}`);
  });
  children.add(handle);
  return handle;
}

/** Runs a short command to completion; rejects with its output on a non-zero exit. */
export function runCommand(command, args, { env = process.env, cwd, uid, gid } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { env, cwd, uid, gid, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const cleanups = [];

/** Registers an async cleanup (e.g. pg_ctl stop) run, newest first, by runCleanups(). */
export function onCleanup(fn) {
  cleanups.push(fn);
}

let cleaning = null;

/** Runs every registered cleanup, then stops any child still running. Safe to call twice. */
export function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        console.error(`cleanup: ${e.message}`);
      }
    }
    await Promise.all([...children].map((c) => c.stop(5000)));
  })();
  return cleaning;
}

/** Installs the Ctrl-C / SIGTERM / exit hooks once. */
export function installSignalHandlers() {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`\n${signal}: stopping everything...`);
      await runCleanups();
      process.exit(130);
    });
  }
  process.on('exit', () => {
    for (const c of children) killGroup(c.pid, 'SIGKILL');
  });
}
