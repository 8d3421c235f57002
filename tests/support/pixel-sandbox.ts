// Shopify's web pixels manager, as far as a strict app pixel meets it, for a local storefront: the
// pixel runs in a web worker (no page, no DOM), is loaded only when the shopper's consent allows
// what its shopify.extension.toml declares, gets `init`, its settings and a `browser` whose storage
// calls run in the top frame, and receives page_viewed on every page and checkout_completed on the
// thank-you page. The pixel itself is bundled from its source as `shopify app build` bundles it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const extension = path.resolve(import.meta.dirname, "../../extensions/referral-pixel");

/** What the pixel declares it needs of the shopper's consent (its [customer_privacy] table). */
export function requiredConsent(): { marketing: boolean; analytics: boolean; preferences: boolean } {
  const toml = readFileSync(path.join(extension, "shopify.extension.toml"), "utf8");
  const table = /\[customer_privacy\]([^[]*)/.exec(toml)?.[1] ?? "";
  const flag = (name: string) => new RegExp(`^${name} = true$`, "m").test(table);
  return { marketing: flag("marketing"), analytics: flag("analytics"), preferences: flag("preferences") };
}

// The worker side: the API object handed to the pixel's register(), over postMessage.
const WORKER_PRELUDE = `
  var subscribers = {}, privacySubscribers = [], pending = new Map(), seq = 0, render = null;
  function call(area, op, key, value) {
    return new Promise(function (resolve) { var id = ++seq; pending.set(id, resolve); postMessage({ type: "storage", id: id, area: area, op: op, key: key, value: value }); });
  }
  function storage(area) {
    return { getItem: function (k) { return call(area, "get", k); }, setItem: function (k, v) { return call(area, "set", k, String(v)); }, removeItem: function (k) { return call(area, "remove", k); } };
  }
  self.shopify = { extend: function (point, fn) { if (point === "WebPixel::Render") render = fn; } };
  onmessage = function (message) {
    var m = message.data;
    if (m.type === "storage-result") { pending.get(m.id)(m.result); pending.delete(m.id); }
    if (m.type === "init") render({
      analytics: { subscribe: function (name, cb) { (subscribers[name] = subscribers[name] || []).push(cb); return function () { return true; }; } },
      browser: { localStorage: storage("local"), sessionStorage: storage("session") },
      customerPrivacy: { subscribe: function (name, cb) { if (name === "visitorConsentCollected") privacySubscribers.push(cb); } },
      init: m.init,
      settings: m.settings,
    });
    if (m.type === "event") (subscribers[m.event.name] || []).forEach(function (cb) { cb(m.event); });
    if (m.type === "consent") privacySubscribers.forEach(function (cb) { cb({ customerPrivacy: m.customerPrivacy }); });
  };
`;

export async function pixelWorkerScript(): Promise<string> {
  const bundled = await build({
    entryPoints: [path.join(extension, "src/index.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    write: false,
  });
  return WORKER_PRELUDE + bundled.outputFiles[0].text;
}

/**
 * The top frame's side, run on every storefront page after the Customer Privacy stand-in: loads the
 * worker once consent allows, answers its storage calls, and publishes the page's events.
 */
export function pixelManagerScript(options: { shop: string; settings: Record<string, string> }): string {
  const required = requiredConsent();
  return `
  (function () {
    var required = ${JSON.stringify(required)};
    var worker = null;
    function state() {
      var p = window.Shopify.customerPrivacy;
      var marketing = Boolean(p && p.marketingAllowed());
      return { marketingAllowed: marketing, analyticsProcessingAllowed: marketing, preferencesProcessingAllowed: marketing, saleOfDataAllowed: true };
    }
    function allowed(s) { return (!required.marketing || s.marketingAllowed) && (!required.analytics || s.analyticsProcessingAllowed); }
    function context() {
      return { document: { location: { href: location.href, search: location.search, pathname: location.pathname }, referrer: document.referrer, title: document.title }, window: {}, navigator: {} };
    }
    function load() {
      if (worker) return;
      var s = state();
      if (!allowed(s)) return;
      worker = new Worker("/assets/pixel-worker.js");
      window.pixelLoaded = true;
      worker.onmessage = function (message) {
        var m = message.data;
        if (m.type !== "storage") return;
        var area = m.area === "local" ? localStorage : sessionStorage;
        var result = null;
        if (m.op === "get") result = area.getItem(m.key);
        if (m.op === "set") area.setItem(m.key, m.value);
        if (m.op === "remove") area.removeItem(m.key);
        worker.postMessage({ type: "storage-result", id: m.id, result: result });
      };
      worker.postMessage({ type: "init", settings: ${JSON.stringify(options.settings)}, init: { context: context(), customerPrivacy: s, data: { shop: { myshopifyDomain: ${JSON.stringify(options.shop)}, name: "Store", countryCode: "US", storefrontUrl: location.origin }, customer: null, cart: null } } });
      var id = 0;
      worker.postMessage({ type: "event", event: { id: "e" + ++id, name: "page_viewed", type: "standard", timestamp: new Date().toISOString(), context: context(), data: {} } });
      var q = new URLSearchParams(location.search);
      if (location.pathname === "/checkouts/thank-you") {
        worker.postMessage({ type: "event", event: { id: "e" + ++id, name: "checkout_completed", type: "standard", timestamp: new Date().toISOString(), context: context(),
          data: { checkout: { token: q.get("token"), order: { id: q.get("order"), customer: null }, attributes: [], lineItems: [], email: null, phone: null } } } });
      }
    }
    document.addEventListener("visitorConsentCollected", function (event) {
      if (worker) worker.postMessage({ type: "consent", customerPrivacy: state() });
      else load();
    });
    window.Shopify.loadFeatures([{ name: "consent-tracking-api", version: "0.1" }], function () { load(); });
  })();`;
}
