// Many webhook deliveries, as Shopify makes them: a bounded number at once, each one delivered
// again after a pause until it is answered 200 (Shopify retries for 48 hours; here, quickly).
// Counts what happened, so a test can account for every event.
import { sendWebhook } from "./shopify";

export type Delivery = { topic: string; payload: unknown; webhookId: string };

export type DeliveryStats = {
  requests: number;
  answered: number;
  refusals: number;
  networkErrors: number;
  gaveUp: number;
};

export async function deliverAll(
  appUrl: string,
  deliveries: Delivery[],
  options: { concurrency: number; retryMs?: number; maxAttempts?: number; onAnswered?: (answered: number) => void },
) {
  const stats: DeliveryStats = { requests: 0, answered: 0, refusals: 0, networkErrors: 0, gaveUp: 0 };
  let next = 0;
  const worker = async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++];
      for (let attempt = 1; ; attempt++) {
        stats.requests += 1;
        const status = await sendWebhook(appUrl, delivery.topic, delivery.payload, { webhookId: delivery.webhookId })
          .then(async (r) => {
            await r.arrayBuffer(); // read to the end: the connection goes back to the pool
            return r.status;
          })
          .catch(() => 0);
        if (status === 200) {
          stats.answered += 1;
          options.onAnswered?.(stats.answered);
          break;
        }
        if (status === 0) stats.networkErrors += 1;
        else stats.refusals += 1;
        if (attempt >= (options.maxAttempts ?? 200)) {
          stats.gaveUp += 1;
          break;
        }
        await new Promise((r) => setTimeout(r, options.retryMs ?? 100));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return stats;
}

/** A deterministic shuffle (the same order on every run for a seed). */
export function shuffled<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
