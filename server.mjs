// The app's HTTP server: static assets from build/client, everything else through Remix.
// Stateless, so several can run behind a load balancer. PORT=0 picks a free port; the first line
// printed names the address, which the demo and the tests read.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHeaders, createRequestListener, sendResponse } from "@mjackson/node-fetch-server";
import { createRequestHandler } from "@remix-run/node";
import sirv from "sirv";

// `npm start` is production unless told otherwise: no stack traces or database errors in answers,
// and the demo's stand-ins refused (app/server/platform/env.server.ts). The demo and the tests say so themselves.
process.env.NODE_ENV ??= "production";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/server/index.js"));
const handleRemix = createRequestHandler(build, process.env.NODE_ENV === "development" ? "development" : "production");
const assets = sirv(path.join(root, "build/client"), { etag: true, immutable: true, dev: false });

const listener = createRequestListener((request, client) => handleRemix(request, { clientAddress: client.address }));

// Referral links carry whole audiences at once and webhooks come in bursts: both are answered
// before Remix (see app/server/program/referral-redirect.server.ts and app/server/webhooks/receive.server.ts).
const handleReferral = build.entry.module.handleReferralRequest;
const handleWebhook = build.entry.module.handleWebhookRequest;

// A request with a body reaches Remix only once read within its path's limit (a form, or the CSV
// import's file): a larger one is 413 before it is held in memory.
const { bodyLimitFor, isCrossSitePost, readNodeBody } = build.entry.module;
function withBoundedBody(req, res) {
  if (isCrossSitePost(req.headers, new URL(req.url ?? "/", "http://app").pathname)) {
    return void res
      .writeHead(403, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" })
      .end("Forms are only accepted from this app's own pages");
  }
  const { limit, tooLarge } = bodyLimitFor(new URL(req.url ?? "/", "http://app").pathname);
  readNodeBody(req, limit, async (body) => {
    if (!body)
      return void res
        .writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" })
        .end(tooLarge);
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), {
      method: req.method,
      headers: createHeaders(req),
      body,
      signal: aborted.signal,
    });
    let response;
    try {
      response = await handleRemix(request, { clientAddress: req.socket.remoteAddress });
    } catch (error) {
      console.error(error);
      response = new Response("Internal Server Error", { status: 500, headers: { "Content-Type": "text/plain" } });
    }
    await sendResponse(res, response);
  });
}

const server = createServer((req, res) => {
  if (handleReferral && req.method === "GET" && req.url?.startsWith("/r/")) return void handleReferral(req, res);
  if (handleWebhook && req.url?.startsWith("/webhooks/") && handleWebhook(req, res)) return;
  if (req.method !== "GET" && req.method !== "HEAD") return withBoundedBody(req, res);
  assets(req, res, () => listener(req, res));
});
server.keepAliveTimeout = 65_000;

// Hourly commission approval and the webhook retry, in every server (both idempotent).
if (process.env.SCHEDULES !== "off") build.entry.module.startSchedules?.();

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
server.listen(port, host, () => {
  const address = server.address();
  console.log(`listening on http://${host}:${typeof address === "object" && address ? address.port : port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    server.closeIdleConnections();
    Promise.resolve(build.entry.module.flushReferralClicks?.()).finally(() => process.exit(0));
  });
}
