import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("accepts the three required variables and fills in the defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.sqlite");
    expect(env.NODE_ENV).toBe("development");
    expect(env.SCOPES.split(",")).toContain("write_discounts");
  });

  it("names every missing variable at once", () => {
    expect(problems({})).toEqual([
      "SHOPIFY_API_KEY is required",
      "SHOPIFY_API_SECRET is required",
      "SHOPIFY_APP_URL is required",
    ]);
  });

  it("names invalid values with the reason", () => {
    const found = problems({ ...valid, SHOPIFY_APP_URL: "not a url", DATABASE_URL: "mysql://x" });
    expect(found).toEqual([
      "SHOPIFY_APP_URL must be the public https URL of the app",
      'DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL)',
    ]);
  });

  it("refuses the stand-ins in production", () => {
    const found = problems({
      ...valid,
      NODE_ENV: "production",
      SHOPIFY_ADMIN_API_STAND_IN: "http://127.0.0.1:9999",
      APP_BRIDGE_URL: "/dev/app-bridge.js",
    });
    expect(found).toEqual([
      "SHOPIFY_ADMIN_API_STAND_IN must not be set in production: it sends Shopify traffic to a stand-in",
      "APP_BRIDGE_URL must not be set in production: the admin loads the real App Bridge",
    ]);
  });

  it("takes PostgreSQL URLs", () => {
    expect(parseEnv({ ...valid, DATABASE_URL: "postgresql://u@db:5432/app" }).DATABASE_URL).toMatch(/^postgresql:/);
  });
});
