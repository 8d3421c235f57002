// The path of every webhook route: verify (HMAC, headers), store in the inbox, process, answer.
// 401 bad HMAC, 400 missing headers or a topic that is not this route's, 5xx when the event
// could not be stored (Shopify retries), 200 otherwise: processing failures are kept for retry.
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { processEvent, storeEvent } from "../models/webhook-inbox.server";
import { processorFor } from "./processors.server";

/** `orders/create` and `ORDERS_CREATE` name the same topic. */
export function topicKey(topic: string): string {
  return topic.trim().toUpperCase().replace(/\//g, "_");
}

export async function receiveWebhook(request: Request, routeTopic: string): Promise<Response> {
  let webhook: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    webhook = await authenticate.webhook(request);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    return new Response("Body is not valid JSON", { status: 400 }); // HMAC was valid, body was not JSON
  }
  if (topicKey(webhook.topic) !== topicKey(routeTopic)) {
    return new Response(`This endpoint takes ${routeTopic}`, { status: 400 });
  }
  const event = {
    webhookId: webhook.webhookId,
    shopDomain: webhook.shop,
    topic: routeTopic,
    apiVersion: webhook.apiVersion,
    payload: webhook.payload,
  };
  let stored: boolean;
  try {
    stored = await storeEvent(db, event);
  } catch (error) {
    console.error(`webhook ${routeTopic} could not be stored: ${(error as Error).message}`);
    return new Response("Could not store the event; retry later", { status: 503 });
  }
  if (!stored) return new Response(null, { status: 200 }); // a repeat delivery
  const processor = processorFor(routeTopic);
  if (processor) await processSoon(() => processEvent(db, { ...event, payload: JSON.stringify(event.payload) }, processor).then(() => undefined));
  return new Response(null, { status: 200 });
}

// At most this many events are processed at once. Beyond that, an event that is stored is
// answered at once and processed in the background as a place frees: a burst never starves the
// storing of new events, and answers stay fast. An event still queued when the server stops is
// stored as RECEIVED, and the retry schedule processes it.
const MAX_PROCESSING = 4;
let processing = 0;
const queued: Array<() => Promise<void>> = [];

function startNext() {
  while (processing < MAX_PROCESSING && queued.length) {
    const task = queued.shift()!;
    processing += 1;
    void task()
      .catch((error: Error) => console.error(`webhook processing failed: ${error.message}`))
      .finally(() => {
        processing -= 1;
        startNext();
      });
  }
}

/** Processes now when there is a free place (the answer then waits for it), else queues it. */
async function processSoon(task: () => Promise<void>): Promise<void> {
  if (processing >= MAX_PROCESSING || queued.length) {
    queued.push(task);
    startNext();
    return;
  }
  processing += 1;
  try {
    await task();
  } finally {
    processing -= 1;
    startNext();
  }
}

/** Shopify only POSTs webhooks; any other method is answered 405. */
export function webhookOnlyAcceptsPost() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
