// The Remix route of the webhooks (for servers that run Remix alone): one route for every topic of
// the topic list, and a 404 for any other path, without reading the body.
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/constants";

let action: typeof import("~/routes/webhooks.$").action;
let loader: typeof import("~/routes/webhooks.$").loader;
beforeAll(async () => {
  Object.assign(process.env, {
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: "https://app.example",
    // Nothing here reaches the database; the app's client is made on import all the same.
    DATABASE_URL: `file:${path.join(os.tmpdir(), `webhook-route-${process.pid}.sqlite`)}`,
  });
  ({ action, loader } = await import("~/routes/webhooks.$"));
});

const args = (path: string, method = "POST") =>
  ({
    request: new Request(`https://app.example/webhooks/${path}`, { method, body: method === "POST" ? "{}" : null }),
    params: { "*": path },
    context: {},
  }) as Parameters<typeof import("~/routes/webhooks.$").action>[0];

describe("/webhooks/<topic> in Remix", () => {
  it("answers 404 to a path that is no topic of the app", async () => {
    for (const path of ["orders/delete", "orders", "", "constructor", "orders/create/extra"]) {
      expect((await action(args(path))).status, path).toBe(404);
      expect((await loader(args(path, "GET"))).status, path).toBe(404);
    }
  });

  it("answers 405 to a GET of a topic, and takes a POST to it to the verifier (401 without an HMAC)", async () => {
    expect((await loader(args("orders/create", "GET"))).status).toBe(405);
    expect((await action(args("refunds/create/"))).status).toBe(401);
  });
});
