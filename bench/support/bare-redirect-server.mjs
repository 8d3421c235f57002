// The baseline: Node's HTTP server answering every request with the same 302, nothing else.
import { createServer } from "node:http";

const location = process.env.LOCATION ?? "https://example.myshopify.com/";
const server = createServer((req, res) => {
  res.writeHead(302, { Location: location, "Cache-Control": "private, no-store" });
  res.end();
});
server.listen(0, "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
