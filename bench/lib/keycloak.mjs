// Keycloak for Mockboard's sign-in, started the way the project's KeycloakTestResource does:
// start-dev, in-memory database, the realm from deploy/keycloak imported at start.

import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, waitForHttp } from './proc.mjs';

export async function startKeycloak({ home, realmFile, workDir }) {
  if (!existsSync(join(home, 'bin/kc.sh'))) {
    throw new Error(`no Keycloak at ${home} (pass --keycloak-home; the Maven build unpacks it to target/keycloak)`);
  }
  mkdirSync(join(home, 'data/import'), { recursive: true });
  copyFileSync(realmFile, join(home, 'data/import/mockboard-realm.json'));
  const port = await freePort();
  const managementPort = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KC_')));
  env.KC_BOOTSTRAP_ADMIN_USERNAME = 'admin';
  env.KC_BOOTSTRAP_ADMIN_PASSWORD = 'admin';
  const logFile = join(workDir, 'keycloak.log');
  writeFileSync(logFile, '');
  const child = startProcess('keycloak', join(home, 'bin/kc.sh'), [
    'start-dev', '--http-host=127.0.0.1', `--http-port=${port}`, '--import-realm', '--db=dev-mem',
    `--http-management-port=${managementPort}`,
  ], { env, logFile });
  const realmUrl = `http://127.0.0.1:${port}/realms/mockboard`;
  await waitForHttp(`${realmUrl}/.well-known/openid-configuration`, { timeoutMs: 180_000, child, what: 'Keycloak' });
  return { child, port, realmUrl };
}

/** An access token by password grant (the mockboard-api client allows it for scripts). */
export async function passwordToken(realmUrl, username, password) {
  const res = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password', client_id: 'mockboard-api', client_secret: 'mockboard-api-secret', username, password,
    }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`token for ${username}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}
