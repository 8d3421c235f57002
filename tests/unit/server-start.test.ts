import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs server.mjs with only these variables, as a deploy would, until it exits. */
function startServer(env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: "0", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 20_000,
  });
}

const APP = { SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://app.example.com" };

describe("the server at start", () => {
  it("exits with a message naming each missing variable", () => {
    const run = startServer({ SHOPIFY_APP_URL: "nope", NODE_ENV: "development" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("SHOPIFY_API_KEY is required");
    expect(run.stderr).toContain("SHOPIFY_API_SECRET is required");
    expect(run.stderr).toContain("SHOPIFY_APP_URL must be the public https URL of the app");
    expect(run.stdout).not.toContain("listening on");
  });

  it("is a production server when NODE_ENV is not set: the demo's stand-ins are refused", () => {
    const run = startServer({ ...APP, APP_BRIDGE_URL: "/dev/app-bridge.js" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("APP_BRIDGE_URL must not be set in production");
  });

  it("refuses to start in production with the Admin API stand-in switched on", () => {
    const run = startServer({ ...APP, NODE_ENV: "production", SHOPIFY_ADMIN_API_STAND_IN: "http://127.0.0.1:1" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("SHOPIFY_ADMIN_API_STAND_IN must not be set in production");
  });
});
