// Reads the test runners' JSON reports and prints the one line CI reads: "N passed, N failed".
// Usage: node .ci/count-results.mjs <exit code of the test command> <report.json>...
// Each report is vitest's (numPassedTests) or Playwright's (stats); a report that is missing is named.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const [exitCode, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const missing = [];

for (const file of reports) {
  if (!existsSync(file)) {
    missing.push(path.basename(file, ".json"));
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (report.stats) {
    passed += report.stats.expected;
    failed += report.stats.unexpected + report.stats.flaky;
  } else {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
}

// A run that stopped before a runner reported (type errors, lint, a crash) is not a pass.
if (Number(exitCode) !== 0 && failed === 0) failed = 1;
if (missing.length > 0) process.stderr.write(`no report from: ${missing.join(", ")}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
