// A stand-in for the Shopify Admin API on loopback, for the tests and the demo. It keeps a state
// per shop, validates every query against Shopify's published schema of the API version in the URL,
// refuses fields the token's scopes do not reach and queries over Shopify's cost limits, answers
// with Shopify's response shapes and userErrors, issues access tokens by token exchange, refuses
// unknown tokens, and can be told to throttle or fail the next calls.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  defaultFieldResolver,
  execute,
  getNamedType,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type ExecutionResult,
  type OperationDefinitionNode,
} from "graphql";
import { bulkOperationNode, startBulkQuery } from "./bulk";
import { MAX_SINGLE_QUERY_COST, requestedCost, unsizedConnections } from "./cost";
import { rootFor, type BulkService } from "./resolvers";
import { adminSchema, storefrontSchema, type AdminSchema, type ScopeNeed } from "./schema";
import { newShopState, nextId, type ShopState } from "./state";

export type RecordedCall = {
  shop: string;
  apiVersion: string;
  operation: string; // the first root field, e.g. discountCodeBasicCreate
  variables: Record<string, unknown>;
  // invalid: refused by validation or variable coercion; denied: a field the token's scopes do not
  // reach; max-cost: over the single query limit; error: a resolver's error (a bad id, say).
  outcome: "ok" | "throttled" | "failed" | "invalid" | "denied" | "max-cost" | "error" | "unauthorized";
  cost?: number;
};

// throttle: THROTTLED without running; server-error: 502 without running; drop-connection: the
// connection closes without running; lost-response: the call runs, then the connection closes.
// pass: answered normally (to let some calls through before a fault); expire-token: the shop's
// access tokens expire just before the call, as an hour-old token does, so Shopify answers 401.
// slow: answered normally after a few seconds (a server can be stopped while it waits).
type Fault = "pass" | "throttle" | "server-error" | "drop-connection" | "lost-response" | "expire-token" | "slow";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";
const GRANTED_SCOPES =
  "write_discounts,read_orders,read_products,write_store_credit_account_transactions,write_pixels,read_customer_events";
const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;
/** From this day Shopify refuses Admin API calls made with non-expiring offline tokens of public apps. */
const NON_EXPIRING_TOKENS_END = Date.UTC(2027, 0, 1);

export type TokenRequest = {
  shop: string;
  grant: "exchange" | "migrate" | "refresh" | "online";
  outcome: "ok" | "refused";
};

const randomToken = () => randomBytes(16).toString("hex");

// A Standard plan's bucket: 2,000 points, refilled at 100 a second.
const MAX_AVAILABLE = 2000;
const RESTORE_RATE = 100;
const ACCESS_SCOPES_DOCS = "https://shopify.dev/api/usage/access-scopes";

export type AdminApiStandIn = Awaited<ReturnType<typeof startAdminApiStandIn>>;

export async function startAdminApiStandIn(options: {
  apiKey: string;
  apiSecret: string;
  port?: number;
  /** How long an expiring access token lives (Shopify: an hour). */
  accessTokenTtlSeconds?: number;
  /** The stand-in's clock, for tests that cross a token's expiry or the end of non-expiring tokens. */
  clock?: () => number;
  /** The scopes the merchant granted (the app's shopify.app.toml asks for these). */
  scopes?: string;
  /** How long a bulk query runs before it is COMPLETED. */
  bulkQueryMs?: number;
}) {
  let baseUrl = "";
  const grantedScopes = options.scopes ?? GRANTED_SCOPES;
  const granted = new Set(grantedScopes.split(",").map((s) => s.trim()));
  // A write scope includes its read scope, as Shopify grants them.
  const grants = (s: string) => granted.has(s) || (s.startsWith("read_") && granted.has(`write_${s.slice(5)}`));
  const allows = (need: ScopeNeed) => need.anyOf.some(grants);
  const buckets = new Map<string, { available: number; at: number }>();
  const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 3600;
  const clock = options.clock ?? Date.now;
  const shops = new Map<string, ShopState>();
  const calls: RecordedCall[] = [];
  const tokenRequests: TokenRequest[] = [];
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

  // Shopify's OAuth token endpoint: token exchange of a session token (expiring or not), the
  // migration of a non-expiring offline token, and refresh. Expiring tokens live an hour; a refresh
  // token 90 days, and it stays usable after a refresh until the pair it gave is first used.
  function tokenEndpoint(res: ServerResponse, domain: string, raw: string) {
    let body: Record<string, string>;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: "invalid_request" });
    }
    if (body.client_id !== options.apiKey || body.client_secret !== options.apiSecret) {
      return send(res, 401, { error: "invalid_client" });
    }
    const state = shop(domain);
    const now = clock();
    if (body.grant_type === "refresh_token") {
      const held = state.refreshTokens.get(body.refresh_token ?? "");
      if (!held || held.expiresAt <= now) {
        tokenRequests.push({ shop: domain, grant: "refresh", outcome: "refused" });
        return send(res, 400, {
          error: "invalid_grant",
          error_description: "The refresh token is invalid or has expired.",
        });
      }
      tokenRequests.push({ shop: domain, grant: "refresh", outcome: "ok" });
      const pair = issuePair(state, now);
      held.replacedBy = pair.access_token;
      return send(res, 200, pair);
    }
    if (body.grant_type !== TOKEN_EXCHANGE || !body.subject_token) {
      return send(res, 400, { error: "invalid_subject_token" });
    }
    if (body.subject_token_type === OFFLINE_TOKEN_TYPE) {
      // Migration: a non-expiring offline token of this shop becomes an expiring pair, and stops working.
      const legacy = state.accessTokens.get(body.subject_token);
      if (!legacy || legacy.expiresAt !== null) {
        tokenRequests.push({ shop: domain, grant: "migrate", outcome: "refused" });
        return send(res, 400, { error: "invalid_subject_token" });
      }
      state.accessTokens.delete(body.subject_token);
      tokenRequests.push({ shop: domain, grant: "migrate", outcome: "ok" });
      return send(res, 200, issuePair(state, now));
    }
    if (body.requested_token_type === ONLINE_TOKEN_TYPE) return onlineToken(res, state, body.subject_token);
    tokenRequests.push({ shop: domain, grant: "exchange", outcome: "ok" });
    if (body.expiring === "1") return send(res, 200, issuePair(state, now));
    const token = `shpat_standin_${randomToken()}`;
    state.accessTokens.set(token, { expiresAt: null, refreshToken: null });
    send(res, 200, { access_token: token, scope: grantedScopes });
  }

  /**
   * An online token for the staff member the session token names, with who they are: Shopify
   * checks the session token's signature, audience and shop first.
   */
  function onlineToken(res: ServerResponse, state: ShopState, subjectToken: string) {
    const claims = verifiedSessionToken(subjectToken, options.apiKey, options.apiSecret, state.domain);
    const member = claims && state.staff.get(String(claims.sub));
    if (!claims || !member) {
      tokenRequests.push({ shop: state.domain, grant: "online", outcome: "refused" });
      return send(res, 400, { error: "invalid_subject_token" });
    }
    tokenRequests.push({ shop: state.domain, grant: "online", outcome: "ok" });
    const token = `shpua_standin_${randomToken()}`;
    state.accessTokens.set(token, { expiresAt: clock() + 86_399_000, refreshToken: null });
    send(res, 200, {
      access_token: token,
      scope: grantedScopes,
      expires_in: 86_399,
      associated_user_scope: grantedScopes,
      associated_user: {
        id: Number(claims.sub),
        first_name: member.firstName,
        last_name: member.lastName,
        email: member.email,
        email_verified: true,
        account_owner: member.accountOwner,
        locale: "en",
        collaborator: false,
      },
    });
  }

  /** Every access token of the shop has expired (its refresh tokens still work). */
  function expireAccessTokens(domain: string) {
    for (const held of shop(domain).accessTokens.values()) if (held.expiresAt !== null) held.expiresAt = clock() - 1;
  }

  function issuePair(state: ShopState, now: number) {
    const accessToken = `shpat_standin_${randomToken()}`;
    const refreshToken = `shprt_standin_${randomToken()}`;
    state.accessTokens.set(accessToken, { expiresAt: now + accessTokenTtlSeconds * 1000, refreshToken });
    state.refreshTokens.set(refreshToken, { expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000, replacedBy: null });
    return {
      access_token: accessToken,
      scope: grantedScopes,
      expires_in: accessTokenTtlSeconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
    };
  }

  /** Whether Shopify would take this access token now; its first use retires the refresh token it replaced. */
  function acceptsToken(state: ShopState, token: unknown): boolean {
    if (typeof token !== "string") return false;
    const held = state.accessTokens.get(token);
    if (!held) return false;
    const now = clock();
    if (held.expiresAt === null) return now < NON_EXPIRING_TOKENS_END;
    if (held.expiresAt <= now) return false;
    for (const [refreshToken, refresh] of state.refreshTokens) {
      if (refresh.replacedBy === token) state.refreshTokens.delete(refreshToken);
    }
    return true;
  }

  async function graphqlCall(
    req: IncomingMessage,
    res: ServerResponse,
    domain: string,
    apiVersion: string,
    raw: string,
  ) {
    const state = shop(domain);
    if (faults[0] === "expire-token") {
      faults.shift();
      expireAccessTokens(domain);
    }
    let body: { query?: string; variables?: Record<string, unknown> };
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { errors: { query: "Required parameter missing or invalid" } });
    }
    const query = body.query ?? "";
    const variables = body.variables ?? {};
    const published = adminSchema(apiVersion);
    if (!published) return send(res, 404, { errors: "Not Found" });
    let document: DocumentNode | null = null;
    let operation = "unknown";
    try {
      document = parse(query);
      const def = document.definitions.find((d) => d.kind === "OperationDefinition") as
        OperationDefinitionNode | undefined;
      const field = def?.selectionSet.selections[0];
      if (field?.kind === "Field") operation = field.name.value;
    } catch {
      // answered below as Shopify answers a syntax error
    }
    const call: RecordedCall = { shop: domain, apiVersion, operation, variables, outcome: "ok" };
    calls.push(call);
    if (!acceptsToken(state, req.headers["x-shopify-access-token"])) {
      call.outcome = "unauthorized";
      return send(res, 401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }

    const fault = faults.shift();
    if (fault === "slow") await new Promise((resolve) => setTimeout(resolve, 3000));
    if (fault === "drop-connection") {
      call.outcome = "failed";
      req.socket.destroy();
      return;
    }
    if (fault === "server-error") {
      call.outcome = "failed";
      return send(res, 502, { errors: "Bad Gateway" });
    }

    const problems = document ? validate(published.schema, document) : [new GraphQLError("syntax error")];
    if (!document || problems.length) {
      call.outcome = "invalid";
      if (!document) {
        try {
          parse(query);
        } catch (error) {
          return send(res, 200, { errors: [{ message: (error as Error).message }] });
        }
      }
      return send(res, 200, {
        errors: problems.map((e) => ({
          message: e.message,
          locations: e.locations,
          extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
        })),
      });
    }

    const unsized = unsizedConnections(published.schema, document);
    if (unsized.length) {
      call.outcome = "invalid";
      return send(res, 200, {
        errors: unsized.map((field) => ({
          message: `you must provide one of first or last (${field})`,
          extensions: { code: "BAD_REQUEST" },
        })),
      });
    }
    const cost = requestedCost(published.schema, document, variables);
    call.cost = cost;
    const bucket = bucketOf(domain);
    const costExtensions = (actual: number | null) => ({
      cost: {
        requestedQueryCost: cost,
        actualQueryCost: actual,
        throttleStatus: {
          maximumAvailable: MAX_AVAILABLE,
          currentlyAvailable: Math.floor(bucket.available),
          restoreRate: RESTORE_RATE,
        },
      },
    });
    if (cost > MAX_SINGLE_QUERY_COST) {
      call.outcome = "max-cost";
      return send(res, 200, {
        errors: [
          {
            message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
            extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
        extensions: costExtensions(null),
      });
    }
    if (fault === "throttle" || cost > bucket.available) {
      call.outcome = "throttled";
      if (fault === "throttle") bucket.available = 0;
      return send(res, 200, {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
        extensions: costExtensions(null),
      });
    }
    bucket.available -= cost;

    const result = await execute({
      schema: published.schema,
      document,
      rootValue: rootFor(state, bulkService(state, published), grants),
      contextValue: published,
      variableValues: variables,
      fieldResolver: scoped,
    });
    if (result.errors?.length) {
      const codes = result.errors.map((e) => e.extensions?.code);
      call.outcome = result.data === undefined ? "invalid" : codes.includes("ACCESS_DENIED") ? "denied" : "error";
    }
    if (fault === "lost-response") {
      call.outcome = "failed";
      req.socket.destroy();
      return;
    }
    send(res, 200, {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors?.length
        ? {
            errors: result.errors.map((e) => ({
              message: e.message,
              locations: e.locations,
              path: e.path,
              ...(e.extensions && Object.keys(e.extensions).length ? { extensions: e.extensions } : {}),
            })),
          }
        : {}),
      extensions: costExtensions(cost),
    });
  }

  /** Bulk queries of a shop: run over the stand-in's state with the same scopes, kept for their file. */
  function bulkService(state: ShopState, published: AdminSchema): BulkService {
    const service: BulkService = {
      run: (query) => {
        const running = [...state.bulkOperations.values()].find(
          (op) => op.status === "RUNNING" && clock() < op.completesAt,
        );
        const started = startBulkQuery(
          published.schema,
          query,
          running,
          (document) =>
            execute({
              schema: published.schema,
              document,
              rootValue: rootFor(state, service, grants),
              contextValue: published,
              fieldResolver: scoped,
            }) as ExecutionResult,
          clock(),
          options.bulkQueryMs ?? 300,
          nextId(),
        );
        if ("operation" in started) state.bulkOperations.set(started.operation.id, started.operation);
        return started;
      },
      node: (id) => {
        const op = state.bulkOperations.get(id);
        return op ? bulkOperationNode(op, clock(), `${baseUrl}/bulk/${state.domain}/${op.id}.jsonl`) : null;
      },
    };
    return service;
  }

  /** The shop's leaky bucket, refilled for the time since it was last read. */
  function bucketOf(domain: string) {
    const now = clock();
    const bucket = buckets.get(domain) ?? { available: MAX_AVAILABLE, at: now };
    bucket.available = Math.min(MAX_AVAILABLE, bucket.available + ((now - bucket.at) / 1000) * RESTORE_RATE);
    bucket.at = now;
    buckets.set(domain, bucket);
    return bucket;
  }

  // Each field is resolved only if the token's scopes reach it and the type it returns, as Shopify
  // answers: the field is null, with an ACCESS_DENIED error naming the scope it needs.
  const scoped: GraphQLFieldResolver<unknown, AdminSchema> = (source, args, published, info) => {
    const needs = [
      published.fieldScopes.get(`${info.parentType.name}.${info.fieldName}`),
      published.typeScopes.get(getNamedType(info.returnType).name),
    ];
    for (const need of needs) {
      if (need && !allows(need)) {
        throw new GraphQLError(`Access denied for ${info.fieldName} field. Required access: ${need.requiredAccess}`, {
          extensions: { code: "ACCESS_DENIED", documentation: ACCESS_SCOPES_DOCS, requiredAccess: need.requiredAccess },
        });
      }
    }
    return defaultFieldResolver(source, args, published, info);
  };

  /**
   * The Storefront API without a token (Shopify's tokenless access): validated against the published
   * Storefront schema; a field that needs a token is refused, as Shopify refuses it. The stand-in
   * answers the shop's name and brand.
   */
  async function storefrontCall(
    req: IncomingMessage,
    res: ServerResponse,
    domain: string,
    apiVersion: string,
    raw: string,
  ) {
    const published = storefrontSchema(apiVersion);
    if (!published) return send(res, 404, { errors: "Not Found" });
    if (shop(domain).storefrontDown) return send(res, 503, { errors: "Service Unavailable" });
    let body: { query?: string; variables?: Record<string, unknown> };
    let document: DocumentNode;
    try {
      body = JSON.parse(raw);
      document = parse(body.query ?? "");
    } catch (error) {
      return send(res, 200, { errors: [{ message: (error as Error).message }] });
    }
    const def = document.definitions.find((d) => d.kind === "OperationDefinition") as
      OperationDefinitionNode | undefined;
    const first = def?.selectionSet.selections[0];
    const call: RecordedCall = {
      shop: domain,
      apiVersion: `storefront/${apiVersion}`,
      operation: first?.kind === "Field" ? first.name.value : "unknown",
      variables: body.variables ?? {},
      outcome: "ok",
    };
    calls.push(call);
    // Tokens for this API are storefront access tokens, which the app never creates.
    if (req.headers["x-shopify-storefront-access-token"] || req.headers["shopify-storefront-private-token"]) {
      call.outcome = "unauthorized";
      return send(res, 401, { errors: [{ message: "", extensions: { code: "UNAUTHORIZED" } }] });
    }
    const problems = validate(published.schema, document);
    if (problems.length) {
      call.outcome = "invalid";
      return send(res, 200, {
        errors: problems.map((e) => ({
          message: e.message,
          locations: e.locations,
          extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
        })),
      });
    }
    const state = shop(domain);
    const logo = state.logo;
    const rootValue = {
      shop: {
        name: state.name,
        brand: {
          logo: logo && {
            id: `gid://shopify/MediaImage/${state.domain.length}`,
            image: { url: () => logo.url, altText: logo.altText },
          },
          squareLogo: null,
          coverImage: null,
          slogan: null,
          shortDescription: null,
          colors: { primary: [], secondary: [] },
        },
      },
    };
    const tokenless: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
      if (published.tokenRequired.has(`${info.parentType.name}.${info.fieldName}`)) {
        throw new GraphQLError(`${info.fieldName} requires a storefront access token`, {
          extensions: { code: "ACCESS_DENIED" },
        });
      }
      return defaultFieldResolver(source, args, context, info);
    };
    const result = await execute({
      schema: published.schema,
      document,
      rootValue,
      variableValues: body.variables,
      fieldResolver: tokenless,
    });
    if (result.errors?.length) call.outcome = result.data === undefined ? "invalid" : "error";
    send(res, 200, {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors?.length
        ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions })) }
        : {}),
    });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    // A demo shop's logo file, as Shopify's CDN would serve the one in its brand settings.
    const logoFile = /^\/brand\/([a-z0-9.-]+)\/logo\.svg$/.exec(url.pathname);
    if (req.method === "GET" && logoFile) {
      const initials = shop(logoFile[1])
        .name.split(/\s+/)
        .map((word) => word[0] ?? "")
        .join("")
        .slice(0, 2)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "");
      res.writeHead(200, { "Content-Type": "image/svg+xml", "Cache-Control": "max-age=3600" });
      return res.end(
        `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" rx="20" fill="#8a3ffc"/><text x="48" y="60" font-family="Helvetica, Arial, sans-serif" font-size="38" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text></svg>`,
      );
    }
    // A bulk query's result file, as Shopify's signed storage URL serves it: no token needed.
    const file = /^\/bulk\/([a-z0-9.-]+)\/(\d+)\.jsonl$/.exec(url.pathname);
    if (req.method === "GET" && file) {
      const op = shops.get(file[1])?.bulkOperations.get(Number(file[2]));
      if (!op || op.status !== "COMPLETED") return send(res, 404, { errors: "Not Found" });
      res.writeHead(200, { "Content-Type": "application/jsonl" });
      return res.end(op.lines.map((line) => `${line}\n`).join(""));
    }
    const domain = String(req.headers["x-stand-in-shop"] ?? "");
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(domain)) return send(res, 404, { errors: "Not Found" });
    const raw = await readBody(req);
    if (req.method === "POST" && url.pathname === "/admin/oauth/access_token") return tokenEndpoint(res, domain, raw);
    const match = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/.exec(url.pathname);
    if (req.method === "POST" && match) return graphqlCall(req, res, domain, match[1], raw);
    const storefront = /^\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/.exec(url.pathname);
    if (req.method === "POST" && storefront) return storefrontCall(req, res, domain, storefront[1], raw);
    send(res, 404, { errors: "Not Found" });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

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
    tokenRequests,
    /** An expiring token pair the app can use for this shop, as if it had been installed. */
    grantToken(domain: string) {
      const pair = issuePair(shop(domain), clock());
      return {
        accessToken: pair.access_token,
        refreshToken: pair.refresh_token,
        expires: new Date(clock() + pair.expires_in * 1000),
        refreshTokenExpires: new Date(clock() + pair.refresh_token_expires_in * 1000),
      };
    },
    /** A non-expiring offline token, as apps installed before expiring tokens hold. */
    grantLegacyToken(domain: string) {
      const token = `shpat_legacy_${randomToken()}`;
      shop(domain).accessTokens.set(token, { expiresAt: null, refreshToken: null });
      return token;
    },
    expireAccessTokens,
    /** Every refresh token of the shop is void (revoked, or past its 90 days). */
    voidRefreshTokens(domain: string) {
      shop(domain).refreshTokens.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A session token's claims when the app's secret signed it for this app and shop and it has not expired. */
function verifiedSessionToken(token: string, apiKey: string, secret: string, domain: string): { sub?: string } | null {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return null;
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as {
    aud?: string;
    dest?: string;
    exp?: number;
    sub?: string;
  };
  const fresh = (claims.exp ?? 0) * 1000 > Date.now() - 5_000;
  return claims.aud === apiKey && claims.dest === `https://${domain}` && fresh ? claims : null;
}
