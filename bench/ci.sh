#!/usr/bin/env bash
# Robustness tests, short versions for CI (a few minutes on 2 cores). Run after `./mvnw -B verify`
# in a fresh checkout (it unpacks Keycloak to target/keycloak/keycloak-26.7.3 and puts the
# PostgreSQL binaries in ~/.m2).
#
#   bench/ci.sh
#
# Environment (all optional):
#   MOCKBOARD_JAR   a production quarkus-run.jar to use; skips the production build
#   MOCKBOARD_JAVA  the java binary (Java 25) to run it with
#   KEYCLOAK_HOME   Keycloak 26.7.3 (default ../target/keycloak/keycloak-26.7.3)
#   PG_BIN          a PostgreSQL bin directory (default: the embedded-postgres binaries from ~/.m2)
#
# One Keycloak (robustness/keycloak.mjs) serves all three tests; it starts while the production jar builds.
# Writes results/<date>-durability-ci.json, results/<date>-outage-ci.json and results/<date>-cluster-ci.json
# (needs nginx: apt-get install nginx-light); exits non-zero if any test finds a violation. Every server the tests start (PostgreSQL, Keycloak, Mockboard) is
# stopped on exit, on failure and on Ctrl-C / SIGTERM.
set -euo pipefail

cd "$(dirname "$0")"
started=$SECONDS

if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

# One Keycloak for all the tests, starting while the production jar builds.
kc_args=()
[[ -n "${KEYCLOAK_HOME:-}" ]] && kc_args+=(--keycloak-home "$KEYCLOAK_HOME")
kc_url_file=.work/robustness/keycloak-url
rm -f "$kc_url_file"
node robustness/keycloak.mjs --url-file "$kc_url_file" "${kc_args[@]}" &
keycloak=$!
stop_keycloak() {
  kill -TERM "$keycloak" 2>/dev/null || true
  wait "$keycloak" 2>/dev/null || true
}
trap stop_keycloak EXIT

if [[ -n "${MOCKBOARD_JAR:-}" ]]; then
  jar=$MOCKBOARD_JAR
  echo "using $jar (MOCKBOARD_JAR set: no production build)"
else
  # Overwrites target/quarkus-app with the production build (fine after the test run).
  (cd .. && ./mvnw -B -q package -Dprod -DskipTests -Dquarkus.quinoa=false)
  jar=../target/quarkus-app/quarkus-run.jar
fi

for ((i = 0; i < 240; i++)); do
  [[ -s "$kc_url_file" ]] && break
  kill -0 "$keycloak" 2>/dev/null || { echo "Keycloak did not start (see .work/robustness/keycloak/keycloak.log)"; exit 1; }
  sleep 1
done
[[ -s "$kc_url_file" ]] || { echo "Keycloak did not answer within 240 s"; exit 1; }

args=(--jar "$jar" --tag ci --keycloak-url "$(cat "$kc_url_file")")
[[ -n "${MOCKBOARD_JAVA:-}" ]] && args+=(--java "$MOCKBOARD_JAVA")
[[ -n "${PG_BIN:-}" ]] && args+=(--pg-bin "$PG_BIN")

# Each test runs in the background so that a SIGTERM / SIGINT to this script reaches it: the test
# then stops its servers itself (and kills their process groups if they do not stop in time).
child=
forward() {
  if [[ -n "$child" ]]; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  stop_keycloak
  exit 130
}
trap forward INT TERM

status=0
run_test() {
  echo
  echo "=== node $*"
  node "$@" &
  child=$!
  local rc=0
  wait "$child" || rc=$?
  child=
  if (( rc == 130 )); then
    echo "=== $1 interrupted"
    exit 130
  elif (( rc != 0 )); then
    echo "=== $1 failed (exit $rc)"
    status=1
  fi
}

# the production frame limiter, as deployed: whatever it refuses after a restart must be re-sent, never lost
run_test robustness/durability.mjs --kills 3 --limiter default "${args[@]}"
run_test robustness/outage.mjs --down 10s "${args[@]}"
# three nodes behind nginx: two SIGKILLs, then a rolling SIGTERM restart
run_test robustness/cluster.mjs --kills 2 --min-run 1s --max-run 2s "${args[@]}"

echo
echo "robustness CI: $( ((status == 0)) && echo PASS || echo FAIL ) in $((SECONDS - started)) s"
exit "$status"
