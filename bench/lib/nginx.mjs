// nginx in front of Mockboard nodes, configured by the shipped deploy/nginx/mockboard.conf (so the tests run what
// operators deploy) with its upstream servers and listen address replaced by the test's.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, waitForHttp } from './proc.mjs';

const SHIPPED = join(dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx/mockboard.conf');

/**
 * Starts nginx on a free loopback port in front of the nodes at `ports` (127.0.0.1); `roundRobin` drops the
 * shipped hash by board id (every node then gets any board's sockets). Returns { child, port, base }.
 */
export async function startNginx({ workDir, ports, roundRobin = false, bin = '/usr/sbin/nginx' }) {
  const port = await freePort();
  const upstreams = ports.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n');
  const site = readFileSync(SHIPPED, 'utf8')
    .replace(/^\s*server mockboard-\d+:8080 (.*);$/gm, '')
    .replace(/hash \$mockboard_route consistent;/, (h) => `${roundRobin ? '' : h}\n${upstreams}`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
  mkdirSync(workDir, { recursive: true });
  const conf = join(workDir, 'nginx.conf');
  writeFileSync(conf, `worker_processes 1;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${workDir}/body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;
${site}
}
`);
  const child = startProcess('nginx', bin, ['-p', workDir, '-c', conf], { logFile: join(workDir, 'stdout.log') });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/q/health/live`, { timeoutMs: 20_000, child, what: 'nginx' });
  return { child, port, base };
}
