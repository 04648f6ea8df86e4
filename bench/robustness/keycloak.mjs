#!/usr/bin/env node
// One Keycloak for several robustness tests (bench/ci.sh): starts it with the project's realm, writes the realm's
// URL to --url-file once it answers, and runs until stopped (SIGTERM / Ctrl-C). Pass the URL to each test with
// --keycloak-url.
//
//   node robustness/keycloak.mjs --url-file .work/robustness/keycloak-url [--keycloak-home ...]

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, stackConfig, STACK_USAGE, log, run } from './common.mjs';
import { startKeycloak } from '../lib/keycloak.mjs';

const USAGE = `usage: node robustness/keycloak.mjs --url-file <file>
${STACK_USAGE}`;

async function main() {
  const opts = parseArgs(process.argv.slice(2), USAGE);
  if (!opts.urlFile) throw new Error(USAGE);
  const cfg = stackConfig(opts, 'keycloak');
  mkdirSync(cfg.workDir, { recursive: true });
  log('Keycloak (30-60 s)...');
  const kc = await startKeycloak({ home: cfg.keycloakHome, realmFile: cfg.realmFile, workDir: cfg.workDir });
  mkdirSync(dirname(opts.urlFile), { recursive: true });
  writeFileSync(opts.urlFile, kc.realmUrl);
  log(`Keycloak at ${kc.realmUrl}; stop with SIGTERM`);
  await kc.child.exitPromise; // stopped (SIGTERM) or gone: the tests that use it say so themselves
  log(`Keycloak exited; its log: ${cfg.workDir}/keycloak.log`);
  return 0;
}

run(main);
