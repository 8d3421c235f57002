// The baseline of webhook ingestion: verify the HMAC and INSERT the event, one row per request,
// through the same database client, nothing else.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { createDb } from "../../app/server/platform/db-factory.server";

const db = createDb(process.env.DATABASE_URL!);
const secret = process.env.SHOPIFY_API_SECRET!;

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.writeHead(401).end();
    return;
  }
  try {
    await db.webhookEvent.create({
      data: {
        webhookId: String(req.headers["x-shopify-webhook-id"]),
        shopDomain: String(req.headers["x-shopify-shop-domain"]),
        topic: String(req.headers["x-shopify-topic"]),
        apiVersion: String(req.headers["x-shopify-api-version"]),
        payload: body.toString("utf8"),
      },
    });
    res.writeHead(200).end();
  } catch {
    res.writeHead(503).end();
  }
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
