// The baseline of a new visitor's click: the bare 302, plus the click's row stored the way the
// least work could store it: buffered, and written every CLICK_FLUSH_MS with one multi-row INSERT
// through the driver (libsql), the same columns the app stores. No link lookup, no bot check, no
// repeat rule, no roll-up.
import { createClient } from "@libsql/client";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { sqliteFilePath } from "../../app/server/platform/database-url";
import { orderedId } from "../../app/server/platform/bulk-insert.server";

const location = process.env.LOCATION ?? "https://example.myshopify.com/";
const ids = { shopId: process.env.SHOP_ID!, linkId: process.env.LINK_ID!, influencerId: process.env.INFLUENCER_ID! };
const client = createClient({ url: `file:${sqliteFilePath(process.env.DATABASE_URL!)}` });
await client.execute("PRAGMA busy_timeout = 5000");

const COLUMNS = ["id", "shopId", "linkId", "influencerId", "occurredAt", "visitorHash", "isBot", "counted"];
let buffer: unknown[][] = [];
async function flush() {
  const rows = buffer;
  buffer = [];
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100); // 800 bound values: within SQLite's 999
    const sql = `INSERT INTO "Click" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk
      .map(() => `(${COLUMNS.map(() => "?").join(", ")})`)
      .join(", ")}`;
    await client.execute({ sql, args: chunk.flat() as never[] });
  }
}
const timer = setInterval(
  () => void flush().catch((error) => console.error(error)),
  Number(process.env.CLICK_FLUSH_MS ?? 1000),
);

const server = createServer((req, res) => {
  const visitor = `${req.headers["x-forwarded-for"] ?? req.socket.remoteAddress}|${req.headers["user-agent"] ?? ""}`;
  buffer.push([
    orderedId(),
    ids.shopId,
    ids.linkId,
    ids.influencerId,
    new Date().toISOString().replace("Z", "+00:00"),
    createHash("sha256").update(visitor).digest("hex"),
    0,
    1,
  ]);
  res.writeHead(302, { Location: location, "Cache-Control": "private, no-store" });
  res.end();
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  clearInterval(timer);
  server.close(() => void flush().finally(() => process.exit(0)));
});
