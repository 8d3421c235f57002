// Once per run: build the app when its sources changed, and migrate the template databases.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { prepareTemplates } from "./databases";

const root = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

export function buildIsStale(): boolean {
  const output = path.join(root, "build/server/index.js");
  if (!existsSync(output)) return true;
  const sources = Math.max(newestMtime(path.join(root, "app")), statSync(path.join(root, "vite.config.ts")).mtimeMs);
  return sources > statSync(output).mtimeMs;
}

export default async function setup() {
  if (process.env.REFERRAL_TEST_SETUP_DONE) return;
  process.env.REFERRAL_TEST_SETUP_DONE = "1";
  if (buildIsStale()) {
    execFileSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  await prepareTemplates(["sqlite", "postgresql"]);
}
