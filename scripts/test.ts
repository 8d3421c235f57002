// `npm test`: the type check, lint and format checks, then every Vitest project (units; integration on SQLite and on
// PostgreSQL; the browser test). The last line is the totals of all suites: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const extraArgs = process.argv.slice(2);

let passed = 0;
let failed = 0;

// The checks before the tests: each counts as one passed or failed suite.
const checks: Array<[string, string, string[]]> = [
  ["Type check (tsc --noEmit)", "tsc", ["--noEmit"]],
  ["Lint (eslint)", "eslint", ["--max-warnings", "0", "."]],
  ["Format (prettier --check)", "prettier", ["--check", "--log-level", "warn", "."]],
];
for (const [title, command, args] of checks) {
  console.log(title);
  const check = spawnSync(bin(command), args, { cwd: root, stdio: "inherit" });
  if (check.status === 0) passed += 1;
  else failed += 1;
}

const reportDir = mkdtempSync(path.join(os.tmpdir(), "referral-loop-report-"));
const report = path.join(reportDir, "vitest.json");
const vitest = spawnSync(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extraArgs],
  { cwd: root, stdio: "inherit" },
);
try {
  const results = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    success: boolean;
  };
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that failed to load (or a failing global setup) fails no single test: count it.
  if (vitest.status !== 0 && results.numFailedTests === 0) failed += 1;
} catch {
  failed += 1; // no report at all: Vitest could not run
}
rmSync(reportDir, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
