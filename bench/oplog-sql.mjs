#!/usr/bin/env node
// What PostgreSQL spends per stored op, by how many ops share a transaction, with the op log's own insert
// statement (one multi-row statement per group commit, as PostgresRoomStore sends it) into a json and a jsonb
// elements column. Starts its own PostgreSQL (like run.mjs), offers a fixed op rate for a few seconds per case,
// and reads the CPU of PostgreSQL's processes from /proc.
//
//   node oplog-sql.mjs [--rate 1500] [--seconds 10] [--groups 1,2,4,8,16]

import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from './lib/pg.mjs';
import { installSignalHandlers, onCleanup, runCleanups, sleep } from './lib/proc.mjs';
import { writeFiles } from './lib/report.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RATE = Number(arg('rate', 1500));
const SECONDS = Number(arg('seconds', 10));
const GROUPS = String(arg('groups', '1,2,4,8,16')).split(',').map(Number);
const CONNECTIONS = 2; // two writers on disjoint boards, so one round trip's wait does not cap the rate
const BOARDS = 50;

// a 0.5 KB Excalidraw rectangle, as the load benchmark sends
const ELEMENT = JSON.stringify([{
  id: 'el-abcdefgh12345678', type: 'rectangle', x: 123.5, y: 456.25, width: 200, height: 100, angle: 0,
  strokeColor: '#1e1e1e', backgroundColor: 'transparent', fillStyle: 'solid', strokeWidth: 2, strokeStyle: 'solid',
  roughness: 1, opacity: 100, groupIds: [], frameId: null, roundness: { type: 3 }, seed: 1234567, version: 42,
  versionNonce: 987654321, isDeleted: false, boundElements: null, updated: 1733300000000, link: null, locked: false,
}]);

const schema = (type) => `
  drop table if exists op_${type}, cursor_${type};
  create table op_${type} (board_id uuid not null, seq bigint not null, author text not null, client_id text not null,
    client_seq bigint not null, at timestamptz not null, elements ${type} not null, primary key (board_id, seq));
  create index on op_${type} (board_id, at);
  create table cursor_${type} (board_id uuid not null, client_id text not null, last_client_seq bigint not null,
    user_id text, primary key (board_id, client_id));`;

// the statement of OpLogSql.INSERT_OPS, on the tables above
const insert = (type) => `
  with op as (
    insert into op_${type} (board_id, seq, author, client_id, client_seq, at, elements)
    select board_id, seq, author, client_id, client_seq, timestamptz 'epoch' + at_micros * interval '1 microsecond', elements::${type}
    from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[])
      as t(board_id, seq, author, client_id, client_seq, at_micros, elements)
    on conflict (board_id, seq) do nothing
    returning board_id, seq, client_id, client_seq, author),
  cursor as (
    insert into cursor_${type} (board_id, client_id, last_client_seq, user_id)
    select board_id, client_id, max(client_seq), min(author) from op group by board_id, client_id
    on conflict (board_id, client_id)
    do update set last_client_seq = greatest(cursor_${type}.last_client_seq, excluded.last_client_seq))
  select board_id, seq from op`;

/** CPU ticks of a process and all its descendants (PostgreSQL's postmaster and backends). */
function treeTicks(root) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop();
    total += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return total;
}

async function runCase(db, postmaster, type, k) {
  const clients = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const c = new pg.Client(db);
    await c.connect();
    clients.push(c);
  }
  let seq = 0;
  const heads = new Map();
  const boards = Array.from({ length: BOARDS }, (_, i) => `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`);
  const transactions = Math.round((RATE / k) * SECONDS);
  const before = treeTicks(postmaster);
  const started = performance.now();
  const writer = async (w) => {
    for (let t = w; t < transactions; t += CONNECTIONS) {
      const due = started + (t / (RATE / k)) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const cols = [[], [], [], [], [], [], []];
      for (let j = 0; j < k; j++) {
        // each writer has its own half of the boards, one op per board per group (as AppendQueue groups them)
        const board = boards[w * (BOARDS / CONNECTIONS) + ((t * k + j) % (BOARDS / CONNECTIONS))];
        const next = (heads.get(board) ?? 0) + 1;
        heads.set(board, next);
        cols[0].push(board); cols[1].push(next); cols[2].push('user-1'); cols[3].push(`tab-${board.slice(-2)}`);
        cols[4].push(next); cols[5].push(Date.now() * 1000); cols[6].push(ELEMENT);
        seq++;
      }
      const c = clients[w];
      await c.query('begin');
      await c.query({ name: `insert-${type}`, text: insert(type), values: cols });
      await c.query('commit');
    }
  };
  await Promise.all(clients.map((_, w) => writer(w)));
  const seconds = (performance.now() - started) / 1000;
  const ticks = treeTicks(postmaster) - before;
  for (const c of clients) await c.end();
  const cpuPct = ticks / seconds; // ticks are 1/100 s: per second, that is % of a core
  return { type, opsPerGroup: k, ops: seq, transactions, seconds: Math.round(seconds * 10) / 10, cpuPct: Math.round(cpuPct * 10) / 10, usPerOp: Math.round((ticks * 10_000) / seq) };
}

async function main() {
  installSignalHandlers();
  const workDir = join(BENCH, '.work', 'oplog-sql');
  mkdirSync(workDir, { recursive: true });
  const stack = await startPostgres({ workDir, databases: ['oplog'] });
  onCleanup(() => stack.child.stop(10_000));
  const db = { host: '127.0.0.1', port: stack.port, user: 'postgres', password: 'postgres', database: 'oplog' };
  const admin = new pg.Client(db);
  await admin.connect();
  const rows = [];
  // not measured: lets PostgreSQL's caches and the client's JIT settle
  await admin.query(schema('json'));
  await runCase(db, stack.child.pid, 'json', 4);
  for (const type of ['json', 'jsonb']) {
    for (const k of GROUPS) {
      await admin.query(schema(type));
      await admin.query('checkpoint');
      const r = await runCase(db, stack.child.pid, type, k);
      rows.push(r);
      console.log(`${type.padEnd(5)} ${String(k).padStart(2)} ops per transaction: PostgreSQL ${String(r.cpuPct).padStart(5)} % of a core, ${String(r.usPerOp).padStart(4)} µs per op`);
    }
  }
  await admin.end();
  const date = new Date().toISOString().slice(0, 10);
  const md = `# PostgreSQL CPU per stored op (${date})\n\n${RATE} ops/s for ${SECONDS} s per case, ${CONNECTIONS} connections, the op log's insert statement.\n\n` +
    `| elements | ops per transaction | PostgreSQL CPU % | µs per op |\n|---|---:|---:|---:|\n` +
    rows.map((r) => `| ${r.type} | ${r.opsPerGroup} | ${r.cpuPct} | ${r.usPerOp} |`).join('\n') + '\n';
  const files = writeFiles(join(BENCH, 'results'), `${date}-oplog-sql`, { md, json: { date, rate: RATE, seconds: SECONDS, postgres: stack.settings, rows } });
  console.log(`wrote ${files.join(', ')}`);
}

main().then(() => runCleanups()).catch(async (e) => {
  console.error(e);
  await runCleanups();
  process.exit(1);
});
