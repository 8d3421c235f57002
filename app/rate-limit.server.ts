// A fixed-window limit per key (an IP and a route), kept in this server's memory: enough to stop a
// script guessing portal tokens or filling the application form; several servers each keep their
// own count (see docs/deploy.md).
type Window = { startedAt: number; count: number };

export class RateLimit {
  private readonly windows = new Map<string, Window>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false once the key has used up its window. */
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

  /** Without counting: has the key used up its window? */
  exhausted(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key);
    return Boolean(window && now - window.startedAt < this.windowMs && window.count >= this.limit);
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}

export const tooManyRequests = (retryAfterSeconds: number) =>
  new Response("Too many attempts. Try again later.", { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" } });
