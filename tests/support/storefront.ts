// A tiny local storefront for the theme extension: pages that load the extension's script the way
// the app embed does, and Shopify's /cart/update.js and /cart.js, keeping one cart per cart cookie.
// With `pixel`, the app's web pixel runs too, in a stand-in of Shopify's pixel sandbox; `embed:
// false` leaves the theme embed out (a headless storefront, or a merchant who never turned it on).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pixelManagerScript, pixelWorkerScript } from "./pixel-sandbox";

const script = path.resolve(import.meta.dirname, "../../extensions/referral-capture/assets/referral-capture.js");

export async function startStorefront(
  windowDays = 30,
  options: { embed?: boolean; pixel?: { shop: string; settings: Record<string, string> } } = {},
) {
  const embed = options.embed ?? true;
  const pixelWorker = options.pixel ? await pixelWorkerScript() : "";
  const carts = new Map<string, { attributes: Record<string, string> }>();
  const updates: Array<Record<string, string>> = [];
  let nextCart = 1;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://store");
    const cookie = /cart=(\w+)/.exec(req.headers.cookie ?? "")?.[1];
    if (url.pathname === "/assets/referral-capture.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      return res.end(readFileSync(script));
    }
    if (url.pathname === "/assets/pixel-worker.js" && options.pixel) {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      return res.end(pixelWorker);
    }
    if (url.pathname === "/cart/update.js" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const { attributes } = JSON.parse(body) as { attributes: Record<string, string> };
      const token = cookie ?? `c${nextCart++}`;
      const cart = carts.get(token) ?? { attributes: {} };
      Object.assign(cart.attributes, attributes);
      carts.set(token, cart);
      updates.push(attributes);
      res.writeHead(200, { "Content-Type": "application/json", "Set-Cookie": `cart=${token}; Path=/` });
      return res.end(JSON.stringify(cart));
    }
    if (url.pathname === "/cart.js") {
      res.writeHead(200, { "Content-Type": "application/json" });
      return res.end(JSON.stringify(carts.get(cookie ?? "") ?? { attributes: {} }));
    }
    // Shopify's Customer Privacy API as a storefront has it (loaded by Shopify.loadFeatures):
    // ?consent=granted (the default, as where no consent is required), declined, or pending (the
    // banner is up; the test decides with window.decideConsent(true|false)).
    const consent = url.searchParams.get("consent") ?? "granted";
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><html><head><title>Store</title>
      <script>
        (function () {
          var state = ${JSON.stringify(consent)};
          var privacy = { marketingAllowed: function () { return state === "granted"; } };
          window.Shopify = { routes: { root: "/" }, loadFeatures: function (features, done) {
            setTimeout(function () { window.Shopify.customerPrivacy = privacy; done(); }, 10);
          } };
          window.decideConsent = function (granted) {
            state = granted ? "granted" : "declined";
            document.dispatchEvent(new CustomEvent("visitorConsentCollected", { detail: { marketingAllowed: granted } }));
          };
        })();
      </script>
      ${options.pixel ? `<script>${pixelManagerScript(options.pixel)}</script>` : ""}
      ${embed ? `<script src="/assets/referral-capture.js" data-window-days="${windowDays}" defer></script>` : ""}</head>
      <body><h1>${url.pathname}</h1></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    carts,
    updates,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
