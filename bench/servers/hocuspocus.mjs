// Hocuspocus with its database extension storing each board's Y.Doc state in PostgreSQL (pg).
// Debounce is left at Hocuspocus' defaults: a document is stored 2 s after its last change, and at
// least every 10 s while it keeps changing (`debounce: 2000, maxDebounce: 10000`). Updates are
// relayed to the other clients at once, before they are stored.
//
// Usage: node servers/hocuspocus.mjs --port <port> --database <postgres url>

import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import pg from 'pg';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('--port', '0'));
const pool = new pg.Pool({ connectionString: arg('--database', 'postgres://postgres:postgres@127.0.0.1:5432/hocuspocus'), max: 10 });

await pool.query(`CREATE TABLE IF NOT EXISTS documents (
  name text PRIMARY KEY,
  data bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
)`);

// What the store did, reported to the orchestrator.
const stores = { count: 0, bytes: 0, lastBytes: 0, failures: 0 };

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const { rows } = await pool.query('SELECT data FROM documents WHERE name = $1', [documentName]);
        return rows.length ? rows[0].data : null;
      },
      store: async ({ documentName, state }) => {
        try {
          await pool.query(
            `INSERT INTO documents (name, data) VALUES ($1, $2)
             ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = now()`,
            [documentName, state]);
          stores.count += 1;
          stores.bytes += state.length;
          stores.lastBytes = state.length;
        } catch (e) {
          stores.failures += 1;
          console.error(`store ${documentName}: ${e.message}`);
        }
      },
    }),
  ],
});

await server.listen();
const address = server.httpServer.address();
if (process.send) process.send({ ready: true, port: address.port });
else console.log(`hocuspocus listening on ws://127.0.0.1:${address.port}`);

process.on('message', (msg) => {
  if (msg === 'memory') process.send({ memory: process.memoryUsage() });
  if (msg === 'stores') process.send({ stores });
});
