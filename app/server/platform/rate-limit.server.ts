// Limits per key (a visitor's address and a route). The public forms' limits are shared by every
// app server through the database (rate-limiter-flexible's Prisma store), with an in-memory
// limiter standing in while the database cannot answer. Referral redirects keep their flood limit
// in each server's memory: a database write per click would halve what a server can redirect, and
// a flood that several servers split between them is still refused well before it matters.
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import db from "./db.server";

export type SharedLimit = {
  /** Counts one attempt; false once the key has used up its window. */
  take(key: string): Promise<boolean>;
  /** Without counting: has the key used up its window? */
  exhausted(key: string): Promise<boolean>;
};

export function sharedLimit(name: string, points: number, windowSeconds: number): SharedLimit {
  let limiter: RateLimiterPrisma | undefined;
  const store = () =>
    (limiter ??= new RateLimiterPrisma({
      storeClient: db,
      keyPrefix: name,
      points,
      duration: windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds }),
    }));
  return {
    async take(key) {
      try {
        await store().consume(key);
        return true;
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return false;
        throw refused;
      }
    },
    async exhausted(key) {
      const state = await store().get(key);
      return Boolean(state && state.consumedPoints >= points);
    },
  };
}

/** A fixed window per key in this server's memory, for the referral redirect's hot path. */
export class RateLimit {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  take(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      if (this.windows.size > 50_000) this.sweep(now);
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}

export const tooManyRequests = (retryAfterSeconds: number) =>
  new Response("Too many attempts. Try again later.", {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
  });
