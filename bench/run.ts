// `npm run bench`: runs every benchmark in its own process and prints one table of the ratios
// against their baselines (each measured in the same run as its baseline).
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Result } from "./support/harness";

const root = path.resolve(import.meta.dirname, "..");
const benches = ["redirect.ts", "webhooks.ts", "dashboard.ts", "admin-vitals.ts"];
type Row = { name: string; figure: string; baseline: string; ratio: string; aim: string; met: string };
const rows: Row[] = [];

for (const file of benches) {
  console.log(`\n== bench/${file}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "bench", file)], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    const reason = run.stderr.trim().split("\n").pop() ?? "";
    rows.push({ name: file, figure: "failed", baseline: reason, ratio: "-", aim: "-", met: "no" });
    continue;
  }
  for (const line of run.stdout.split("\n")) {
    if (!line.startsWith("RESULT ")) continue;
    const r = JSON.parse(line.slice("RESULT ".length)) as Result;
    rows.push({ ...r, ratio: r.ratio.toFixed(2), met: r.met ? "yes" : "no" });
  }
}

const columns: Array<[keyof Row, string]> = [
  ["name", "benchmark"],
  ["figure", "app"],
  ["baseline", "baseline"],
  ["ratio", "ratio"],
  ["aim", "aim"],
  ["met", "met"],
];
const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((r) => r[key].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log(`\n${line(columns.map(([, title]) => title))}`);
for (const row of rows) console.log(line(columns.map(([key]) => row[key])));
