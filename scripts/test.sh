#!/usr/bin/env bash
# `npm test`: every check the project has, at once where nothing orders them:
#   prerequisites -> lint | unit | integration | next build (fresh) -> (typecheck | http | demo smoke | e2e)
# Lint, unit and integration tests need nothing else; the typecheck, the built server's rules (http), the
# demo's smoke test and e2e (journeys at 1280 px, screens at 360 px) each start when the build is done, not when
# the slowest of the others is: no core waits on a group's last straggler.
# Ends with one line "N passed, N failed" (vitest + playwright tests, from their JSON reports in test-results/).
#
# Environment: CHROMIUM_PATH (default /usr/bin/chromium-headless-shell, else /usr/bin/chromium); TEST_DATABASE_URL (a PostgreSQL server whose user has
# CREATEDB, instead of a throwaway cluster); SKIP_E2E=1 (stops after the integration tests, skips build + e2e).
set -uo pipefail

cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

RESULTS=test-results
UNIT_JSON=$RESULTS/vitest-unit.json
INTEGRATION_JSON=$RESULTS/vitest-integration.json
HTTP_JSON=$RESULTS/vitest-http.json
mkdir -p "$RESULTS"
rm -f "$UNIT_JSON" "$INTEGRATION_JSON" "$HTTP_JSON" "$RESULTS"/playwright*.json

started=$SECONDS
FAILED_LANES=()

# Totals from whatever JSON reports exist: "passed failed".
counts() {
  node -e '
    const fs = require("node:fs");
    let passed = 0, failed = 0;
    for (const file of process.argv.slice(1)) {
      if (!fs.existsSync(file)) continue;
      try {
        const r = JSON.parse(fs.readFileSync(file, "utf8"));
        if (r.stats) { // playwright
          passed += (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
          failed += r.stats.unexpected ?? 0;
        } else { // vitest
          passed += r.numPassedTests ?? 0;
          failed += r.numFailedTests ?? 0;
        }
      } catch { /* a crashed run may leave a partial file: ignore it */ }
    }
    process.stdout.write(`${passed} ${failed}`);
  ' "$UNIT_JSON" "$INTEGRATION_JSON" "$HTTP_JSON" "$RESULTS"/playwright-*.json
}

finish() {
  local status=$1 failed_step=${2:-}
  read -r passed failed < <(counts)
  echo
  if [ "$status" -ne 0 ]; then
    echo "FAILED: $failed_step (after $((SECONDS - started)) s)"
    # A step can fail without a failing test (type error, lint, build, server that does not start).
    [ "$failed" -eq 0 ] && failed=1 && echo "(counted as 1 failure: the step failed outside any test)"
  else
    echo "All checks passed in $((SECONDS - started)) s"
  fi
  if [ "$status" -ne 0 ]; then
    # The lanes' logs above are long and CI shows their end: name what failed again, last.
    node scripts/echecs-tests.mjs "$UNIT_JSON" "$INTEGRATION_JSON" "$HTTP_JSON" "$RESULTS"/playwright-*.json
    local lane
    for lane in "${FAILED_LANES[@]}"; do
      echo
      echo "Failed lane ${lane}, the end of test-results/${lane}.log:"
      tail -n 15 "$RESULTS/${lane}.log" | sed 's/^/  /'
    done
    echo
  fi
  echo "$passed passed, $failed failed"
  exit "$status"
}

step() {
  local name=$1
  shift
  echo
  echo "=== $name ==="
  local t0=$SECONDS
  "$@"
  local status=$?
  echo "--- $name: $([ $status -eq 0 ] && echo ok || echo "FAILED (exit $status)") in $((SECONDS - t0)) s"
  [ $status -eq 0 ] || finish "$status" "$name"
}

# --- prerequisites ---------------------------------------------------------------------------------------
can_apt() { [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; }
apt_install() {
  echo "Installing $* with apt-get (root on Debian)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}
missing() {
  echo "Missing prerequisite: $1" >&2
  echo "Install it with:  $2" >&2
  echo "0 passed, 1 failed"
  exit 1
}

prerequisites() {
  if [ ! -x node_modules/.bin/next ] || [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/playwright ]; then
    missing "node_modules (dependencies not installed)" "npm ci"
  fi

  # Debian's chromium-headless-shell (e2e/fixtures/chromium.ts: the e2e lane is bound by the CPU, and the shell
  # costs less of it), else Debian's chromium; installed when neither is there.
  local chromium=${CHROMIUM_PATH:-}
  if [ -z "$chromium" ]; then
    chromium=/usr/bin/chromium-headless-shell
    [ ! -x "$chromium" ] && [ -x /usr/bin/chromium ] && chromium=/usr/bin/chromium
  fi
  if [ -z "${SKIP_E2E:-}" ] && [ ! -x "$chromium" ]; then
    if can_apt && [ -z "${CHROMIUM_PATH:-}" ]; then
      apt_install chromium-headless-shell ||
        missing "Chromium ($chromium)" "apt-get update && apt-get install -y chromium-headless-shell"
    else
      missing "Chromium ($chromium)" \
        "sudo apt-get update && sudo apt-get install -y chromium-headless-shell   (or set CHROMIUM_PATH)"
    fi
  fi
  export CHROMIUM_PATH=$chromium
  [ -z "${SKIP_E2E:-}" ] && echo "Chromium: $chromium"

  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    echo "PostgreSQL: TEST_DATABASE_URL"
  else
    if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
      if can_apt; then
        apt_install postgresql || missing "PostgreSQL server binaries" "apt-get update && apt-get install -y postgresql"
      else
        missing "PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)" \
          "sudo apt-get update && sudo apt-get install -y postgresql   (or set TEST_DATABASE_URL to a server whose user has CREATEDB)"
      fi
    fi
    echo "PostgreSQL: throwaway cluster with $(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -1)"
  fi
}


# Runs "name|command" pairs at the same time (the checks that do not depend on one another), each one's output
# kept in test-results/<name>.log and printed in order once all are done; fails if any failed.
together() {
  local pair name pids=() names=() status=0 i
  for pair in "$@"; do
    name=${pair%%|*}
    names+=("$name")
    (
      bash -c "${pair#*|}" >"$RESULTS/$name.log" 2>&1
      status=$?
      echo "(${name} ended $((SECONDS - started)) s after npm test started)" >>"$RESULTS/$name.log"
      exit $status
    ) &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then echo "----- ${names[$i]}: ok -----"; else echo "----- ${names[$i]}: FAILED -----"; FAILED_LANES+=("${names[$i]}"); status=1; fi
    cat "$RESULTS/${names[$i]}.log"
  done
  return $status
}

step "prerequisites" prerequisites
if [ -z "${SKIP_E2E:-}" ]; then
  # The build writes .next/build-ok (or .next/build-failed) when it ends; the checks that need it wait for it:
  # the typecheck (on the route types the build wrote, .next/types) and the demo before they start, http and e2e
  # (ATTENDRE_BUILD=1, tests/build-attendu.ts) once their database and stand-ins are up, just before their app.
  rm -rf .next
  apres_build='while [ ! -e .next/build-ok ]; do [ -e .next/build-failed ] && { echo "(not run: the build failed)"; exit 1; }; sleep 1; done; '
  step "lint, unit, integration, next build; then typecheck, http, demo smoke test and e2e" together \
    "lint|npm run lint" \
    "unit|npm run test:unit -- --reporter=default --reporter=json --outputFile.json=$UNIT_JSON" \
    "integration|npm run test:integration -- --reporter=default --reporter=json --outputFile.json=$INTEGRATION_JSON" \
    "build|if PORTAIL_BUILD_SANS_CACHE=1 npm run build; then touch .next/build-ok; else mkdir -p .next && touch .next/build-failed && exit 1; fi" \
    "typecheck|${apres_build}npx tsc --noEmit" \
    "http|ATTENDRE_BUILD=1 npx vitest run --project http --reporter=default --reporter=json --outputFile.json=$HTTP_JSON" \
    "demo|${apres_build}E2E_OUTPUT_DIR=$RESULTS/e2e-demo E2E_JSON_REPORT=$RESULTS/playwright-demo.json npx playwright test -c playwright.demo.config.ts" \
    "e2e|ATTENDRE_BUILD=1 E2E_OUTPUT_DIR=$RESULTS/e2e E2E_JSON_REPORT=$RESULTS/playwright-e2e.json npx playwright test"
else
  step "typecheck, lint, unit tests, integration tests" together \
    "typecheck|npm run typecheck" \
    "lint|npm run lint" \
    "unit|npm run test:unit -- --reporter=default --reporter=json --outputFile.json=$UNIT_JSON" \
    "integration|npm run test:integration -- --reporter=default --reporter=json --outputFile.json=$INTEGRATION_JSON"
fi
finish 0
