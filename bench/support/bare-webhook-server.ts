// The baseline of webhook ingestion, the least work that could do the job: verify the HMAC and
// INSERT the event's row with the database's own driver (pg, or libsql for SQLite), one prepared
// statement per request, nothing else: no ORM, no batching, no processing. Same database, same
// table and the same row the app stores.
import { createClient } from "@libsql/client";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";
import { databaseKind, sqliteFilePath } from "../../app/server/platform/database-url";
import { orderedId } from "../../app/server/platform/bulk-insert.server";

const url = process.env.DATABASE_URL!;
const secret = process.env.SHOPIFY_API_SECRET!;
const COLUMNS = ["id", "webhookId", "shopDomain", "topic", "apiVersion", "payload", "status", "receivedAt", "attempts"];

type Row = [string, string, string, string, string, string, string, Date, number];
let insert: (row: Row) => Promise<unknown>;

if (databaseKind(url) === "postgresql") {
  const pool = new pg.Pool({ connectionString: url, max: 10 }); // the app's pool size
  const text = `INSERT INTO "WebhookEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`;
  insert = (row) => pool.query({ name: "insert-event", text, values: [...row.slice(0, 6), "RECEIVED", row[7], 0] });
} else {
  const client = createClient({ url: `file:${sqliteFilePath(url)}` });
  await client.execute("PRAGMA busy_timeout = 5000");
  const sql = `INSERT INTO "WebhookEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`;
  // Timestamps as the app's client stores them in SQLite (ISO text with an explicit offset).
  insert = (row) =>
    client.execute({ sql, args: [...row.slice(0, 7), row[7].toISOString().replace("Z", "+00:00"), row[8]] });
}

const header = (req: import("node:http").IncomingMessage, name: string) => String(req.headers[name] ?? "");

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(header(req, "x-shopify-hmac-sha256"), "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.writeHead(401).end();
    return;
  }
  try {
    await insert([
      orderedId(),
      header(req, "x-shopify-webhook-id"),
      header(req, "x-shopify-shop-domain"),
      header(req, "x-shopify-topic"),
      header(req, "x-shopify-api-version"),
      body.toString("utf8"),
      "RECEIVED",
      new Date(),
      0,
    ]);
    res.writeHead(200).end();
  } catch (error) {
    console.error(error);
    res.writeHead(503).end();
  }
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
