// `npm run bench`: runs every benchmark in its own process and prints one table of the ratios
// against their baselines (each measured in the same run as its baseline).
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const benches = ["redirect.ts", "webhooks.ts", "dashboard.ts", "admin-vitals.ts"];
const rows: Array<{ name: string; ratio: string; detail: string }> = [];

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
    rows.push({ name: file, ratio: "failed", detail: run.stderr.trim().split("\n").pop() ?? "" });
    continue;
  }
  for (const line of run.stdout.split("\n")) {
    const match = /^RESULT (\S+) (\S+) (.*)$/.exec(line);
    if (match) rows.push({ name: match[1], ratio: match[2], detail: match[3] });
  }
}

const width = Math.max(...rows.map((r) => r.name.length), 9);
console.log(`\n${"benchmark".padEnd(width)}  ratio  detail`);
for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.ratio.padStart(5)}  ${row.detail}`);
