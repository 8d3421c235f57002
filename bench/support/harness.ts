// Shared pieces of the benchmarks: child servers, autocannon runs, and the result line that
// `npm run bench` collects into its table: `RESULT {json}` with the figure, its baseline (measured
// in the same run), their ratio and the aim.
import autocannon from "autocannon";
import { startNodeServer } from "../../tests/support/app-server";

/** A server script run with Node in production mode (see tests/support/app-server.ts). */
export function startServer(script: string, env: Record<string, string>, nodeArgs: string[] = []) {
  return startNodeServer(script, { PATH: process.env.PATH, NODE_ENV: "production", ...env }, nodeArgs);
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

export type Result = {
  name: string;
  /** The app's figure and the baseline's, in words with their unit ("312 req/s"). */
  figure: string;
  baseline: string;
  ratio: number;
  /** What the ratio should be, and whether this run meets it. */
  aim: string;
  met: boolean;
};

export function report(result: Result) {
  console.log(`RESULT ${JSON.stringify(result)}`);
}
