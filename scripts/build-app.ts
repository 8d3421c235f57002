// Builds the app (remix vite:build) when app/ or the build config changed since the last build.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsStale(): boolean {
  const output = path.join(root, "build/server/index.js");
  if (!existsSync(output)) return true;
  const sources = Math.max(
    newestMtime(path.join(root, "app")),
    statSync(path.join(root, "vite.config.ts")).mtimeMs,
    statSync(path.join(root, "package-lock.json")).mtimeMs,
  );
  return sources > statSync(output).mtimeMs;
}

export function buildAppIfStale() {
  if (!buildIsStale()) return;
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
