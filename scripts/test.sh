#!/usr/bin/env bash
# The one test command (`npm test`): system packages, build, every test on PGlite, PostgreSQL,
# LibreOffice and Chromium. Prints a closing "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
npm run build --silent

mkdir -p test-artifacts
status=0
# The server's tests and the benches type-check too (tsc -b builds only the packages' sources).
npx tsc -p packages/server/tsconfig.test.json || { echo "type errors in packages/server/test"; status=1; }
npx tsc -p bench/tsconfig.json || { echo "type errors in bench/"; status=1; }
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@" || status=$?

node -e '
const r = JSON.parse(require("fs").readFileSync("test-artifacts/vitest.json", "utf8"));
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
if (r.numTotalTests === 0) process.exitCode = 1;
' || status=1
exit $status
