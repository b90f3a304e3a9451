// Reads the test runners' JSON reports and prints the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

const [vitestReport, playwrightReport, exitCode] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const missing = [];

if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
} else missing.push("vitest");

if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, "utf8"));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
} else missing.push("playwright");

// A run that stopped before a runner reported (type errors, lint, a crash) is not a pass.
if (Number(exitCode) !== 0 && failed === 0) failed = 1;
if (missing.length > 0) process.stderr.write(`no report from: ${missing.join(", ")}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
