// Runs the built app as a real HTTP server (server.mjs) in a child process, on a database of the
// test's own, with all Admin API traffic sent to an Admin API stand-in of the test's own.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { TEST_API_KEY, TEST_API_SECRET } from "./constants";

const root = path.resolve(import.meta.dirname, "../..");

export type RunningApp = {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the server at once (SIGKILL): no flush, no goodbye, as a crash or a lost machine. */
  crash: () => Promise<void>;
};

/** Starts a Node script that prints `listening on <url>`, and waits for that line. */
export async function startNodeServer(
  script: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 20_000);
    child.stdout?.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
    crash: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

export function startApp(options: {
  databaseUrl: string;
  adminApiUrl: string;
  env?: Record<string, string>;
}): Promise<RunningApp> {
  return startNodeServer(path.join(root, "server.mjs"), {
    PATH: process.env.PATH,
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: "https://referral-loop.test",
    DATABASE_URL: options.databaseUrl,
    SHOPIFY_ADMIN_API_STAND_IN: options.adminApiUrl,
    ...options.env,
  });
}
