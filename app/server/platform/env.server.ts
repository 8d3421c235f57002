// The environment, parsed once at boot. A missing or invalid variable stops the server with a
// message naming each one, instead of surfacing later as a 500 on some route.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseKind } from "./database-url";

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id from the Partner Dashboard)"),
    SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
    SHOPIFY_APP_URL: z.url("must be the public https URL of the app"),
    SCOPES: z
      .string()
      .default(
        "write_discounts,read_orders,read_products,write_store_credit_account_transactions,write_pixels,read_customer_events",
      ), // as in shopify.app.toml
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine(
        (url) => {
          try {
            databaseKind(url);
            return true;
          } catch {
            return false;
          }
        },
        { message: 'must start with "file:" (SQLite) or "postgres://" (PostgreSQL)' },
      ),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    // Sends all Admin API traffic to a local stand-in (the demo and the tests). Never in production.
    SHOPIFY_ADMIN_API_STAND_IN: optionalUrl,
    // The App Bridge stand-in served at /dev/app-bridge.js, for a browser outside the Shopify admin.
    APP_BRIDGE_URL: z.string().optional(),
    SMTP_URL: optionalUrl,
    MAIL_FROM: z.string().default("Referral Loop <no-reply@referral-loop.app>"),
    // Salt for the visitor hash of referral clicks; defaults to one derived from the API secret.
    VISITOR_HASH_SALT: z.string().optional(),
    // The key of the stored hashes of shoppers' emails; derived from the secret if unset.
    CUSTOMER_HASH_KEY: z.string().min(16).optional(),
    // 32 bytes, base64: the key that encrypts stored Shopify tokens; derived from the secret if unset.
    TOKEN_ENCRYPTION_KEY: z
      .string()
      .optional()
      .refine(
        (key) => key === undefined || Buffer.from(key, "base64").length === 32,
        "must be 32 bytes in base64 (openssl rand -base64 32)",
      ),
    // Referral redirects read links through a short cache and write clicks in batches.
    LINK_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5000),
    CLICK_FLUSH_MS: z.coerce.number().int().min(10).default(1000),
    // How long a server holds a backfill between pages before another may resume it.
    JOB_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
    // Days a processed webhook event (id, topic, times; its payload is cleared once processed) is kept.
    WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // Referral redirects per visitor address and minute before 429 (0: no limit).
    REDIRECT_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
    // Behind load balancers: how many proxies in front of the app append to X-Forwarded-For (1 for
    // one load balancer; "true" means 1). The visitor is the entry that many hops from the right.
    TRUST_PROXY: z
      .preprocess(
        (v) => (v === undefined || v === "" || v === "false" ? 0 : v === "true" ? 1 : v),
        z.coerce.number().int().min(0).max(10),
      )
      .default(0),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SHOPIFY_ADMIN_API_STAND_IN) {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_ADMIN_API_STAND_IN"],
        message: "must not be set in production: it sends Shopify traffic to a stand-in",
      });
    }
    if (env.NODE_ENV === "production" && env.APP_BRIDGE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_BRIDGE_URL"],
        message: "must not be set in production: the admin loads the real App Bridge",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

/** The parsed environment; on the first call with a bad environment the process exits with the reasons. */
export function env(): Env {
  if (cached) return cached;
  try {
    cached = parseEnv(process.env);
    return cached;
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
