// Shared pieces of the benchmarks: child servers, autocannon runs, and the result line format
// that `npm run bench` collects: `RESULT <name> <ratio> <detail>`.
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";

export async function startServer(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout?.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export type LoadResult = { requestsPerSecond: number; p99: number; non2xx: number; errors: number; total: number };

export async function load(options: {
  url: string;
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  setupRequest?: autocannon.Request["setupRequest"];
  requests?: autocannon.Request[];
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    duration: options.seconds,
    connections: options.connections,
    method: options.method ?? "GET",
    headers: options.headers,
    requests: options.requests,
  });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function report(name: string, ratio: number, detail: string) {
  console.log(`RESULT ${name} ${ratio.toFixed(2)} ${detail}`);
}
