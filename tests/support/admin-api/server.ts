// A stand-in for the Shopify Admin API on loopback, for the tests and the demo. It keeps a state
// per shop, validates every query against the schema of the fields the app uses (Shopify's names
// and types), answers with Shopify's response shapes and userErrors, issues access tokens by token
// exchange, refuses unknown tokens, and can be told to throttle or fail the next calls.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, graphql, parse, type OperationDefinitionNode } from "graphql";
import { rootFor } from "./resolvers";
import { newShopState, type ShopState } from "./state";

const schema = buildSchema(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "schema.graphql"), "utf8"));

export type RecordedCall = {
  shop: string;
  apiVersion: string;
  operation: string; // the first root field, e.g. discountCodeBasicCreate
  variables: Record<string, unknown>;
  outcome: "ok" | "throttled" | "failed" | "invalid";
};

// throttle: THROTTLED without running; server-error: 502 without running; drop-connection: the
// connection closes without running; lost-response: the call runs, then the connection closes.
// pass: answered normally (to let some calls through before a fault).
type Fault = "pass" | "throttle" | "server-error" | "drop-connection" | "lost-response";

const MAX_AVAILABLE = 2000;
const RESTORE_RATE = 100;
const QUERY_COST = 10;

export type AdminApiStandIn = Awaited<ReturnType<typeof startAdminApiStandIn>>;

export async function startAdminApiStandIn(options: { apiKey: string; apiSecret: string; port?: number }) {
  const shops = new Map<string, ShopState>();
  const calls: RecordedCall[] = [];
  const faults: Fault[] = [];

  const shop = (domain: string): ShopState => {
    let state = shops.get(domain);
    if (!state) {
      state = newShopState(domain);
      shops.set(domain, state);
    }
    return state;
  };

  function send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  function tokenExchange(res: ServerResponse, domain: string, raw: string) {
    let body: Record<string, string>;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: "invalid_request" });
    }
    if (body.client_id !== options.apiKey || body.client_secret !== options.apiSecret) {
      return send(res, 401, { error: "invalid_client" });
    }
    if (!body.subject_token) return send(res, 400, { error: "invalid_subject_token" });
    const token = `shpat_standin_${Math.random().toString(36).slice(2)}`;
    shop(domain).accessTokens.add(token);
    send(res, 200, { access_token: token, scope: "write_discounts,read_orders,read_products,write_store_credit_account_transactions" });
  }

  async function graphqlCall(req: IncomingMessage, res: ServerResponse, domain: string, apiVersion: string, raw: string) {
    const state = shop(domain);
    const token = req.headers["x-shopify-access-token"];
    if (typeof token !== "string" || !state.accessTokens.has(token)) {
      return send(res, 401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }
    let body: { query?: string; variables?: Record<string, unknown> };
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { errors: { query: "Required parameter missing or invalid" } });
    }
    const query = body.query ?? "";
    const variables = body.variables ?? {};
    let operation = "unknown";
    try {
      const def = parse(query).definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
      const field = def?.selectionSet.selections[0];
      if (field?.kind === "Field") operation = field.name.value;
    } catch {
      // graphql() below reports the syntax error the way Shopify does
    }
    const call: RecordedCall = { shop: domain, apiVersion, operation, variables, outcome: "ok" };
    calls.push(call);

    const fault = faults.shift();
    if (fault === "drop-connection") {
      call.outcome = "failed";
      req.socket.destroy();
      return;
    }
    if (fault === "server-error") {
      call.outcome = "failed";
      return send(res, 502, { errors: "Bad Gateway" });
    }
    if (fault === "throttle") {
      call.outcome = "throttled";
      return send(res, 200, {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
        extensions: {
          cost: {
            requestedQueryCost: QUERY_COST,
            actualQueryCost: null,
            throttleStatus: { maximumAvailable: MAX_AVAILABLE, currentlyAvailable: 0, restoreRate: RESTORE_RATE },
          },
        },
      });
    }

    const result = await graphql({ schema, source: query, rootValue: rootFor(state), variableValues: variables });
    if (result.errors?.length) call.outcome = "invalid";
    if (fault === "lost-response") {
      call.outcome = "failed";
      req.socket.destroy();
      return;
    }
    send(res, 200, {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors?.length
        ? { errors: result.errors.map((e) => ({ message: e.message, locations: e.locations, path: e.path })) }
        : {}),
      extensions: {
        cost: {
          requestedQueryCost: QUERY_COST,
          actualQueryCost: QUERY_COST,
          throttleStatus: { maximumAvailable: MAX_AVAILABLE, currentlyAvailable: MAX_AVAILABLE - QUERY_COST, restoreRate: RESTORE_RATE },
        },
      },
    });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const domain = String(req.headers["x-stand-in-shop"] ?? "");
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(domain)) return send(res, 404, { errors: "Not Found" });
    const raw = await readBody(req);
    if (req.method === "POST" && url.pathname === "/admin/oauth/access_token") return tokenExchange(res, domain, raw);
    const match = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/.exec(url.pathname);
    if (req.method === "POST" && match) return graphqlCall(req, res, domain, match[1], raw);
    send(res, 404, { errors: "Not Found" });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    shop,
    calls,
    /** Calls of one operation, in order. */
    callsOf: (operation: string) => calls.filter((c) => c.operation === operation),
    /** The next `count` GraphQL calls meet this fault, in order. */
    inject(fault: Fault, count = 1) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    /** An access token the app can use for this shop, as if it had been installed. */
    grantToken(domain: string, token = `shpat_test_${domain}`) {
      shop(domain).accessTokens.add(token);
      return token;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
