// The referral pixel, in Shopify's strict sandbox (a web worker: no page, only the APIs given).
// Shopify loads it only with the shopper's consent to marketing (shopify.extension.toml); it stops
// at once if that consent is withdrawn. It keeps the `ref` of an influencer's link in the store's
// own storage, the same entry the theme embed keeps, and reports it once, with the order's id and
// checkout token, when a checkout completes: the app then attributes an order whose cart lost the
// ref (another device's cart, a headless checkout). Nothing about the shopper is sent.
import { register } from "@shopify/web-pixels-extension";

const KEY = "referralLoop.ref";
const REPORTED = "referralLoop.reported";
const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;

type Kept = { ref: string; at: number; first?: string; firstAt?: number };

register(({ analytics, browser, init, settings, customerPrivacy }) => {
  let allowed = init.customerPrivacy.marketingAllowed;
  customerPrivacy.subscribe("visitorConsentCollected", (event) => {
    allowed = event.customerPrivacy.marketingAllowed;
  });

  async function kept(): Promise<Kept | null> {
    try {
      const value = JSON.parse((await browser.localStorage.getItem(KEY)) ?? "null") as Kept | null;
      return value && typeof value.ref === "string" && SLUG.test(value.ref) && typeof value.at === "number"
        ? value
        : null;
    } catch {
      return null;
    }
  }

  analytics.subscribe("page_viewed", async (event) => {
    const ref = new URLSearchParams(event.context.document.location.search).get("ref")?.toLowerCase();
    if (!allowed || !ref || !SLUG.test(ref)) return;
    // The first click the theme embed keeps beside the last stays as it is (it drops it past the window).
    const before = await kept();
    const first = before ? { first: before.first ?? before.ref, firstAt: before.firstAt ?? before.at } : {};
    await browser.localStorage.setItem(KEY, JSON.stringify({ ref, at: Date.now(), ...first }));
  });

  analytics.subscribe("checkout_completed", async (event) => {
    const checkout = event.data.checkout;
    const orderId = checkout.order?.id;
    const link = allowed ? await kept() : null;
    if (!link || !orderId || !checkout.token) return;
    // The cart carried the ref to the order itself: the order says so, no report needed.
    if (checkout.attributes.some((a) => a.key === "ref" && a.value?.toLowerCase() === link.ref)) return;
    if ((await browser.sessionStorage.getItem(REPORTED)) === orderId) return; // the thank-you page again
    const response = await fetch(settings.collectUrl, {
      method: "POST",
      body: JSON.stringify({
        shop: init.data.shop.myshopifyDomain,
        orderId,
        checkoutToken: checkout.token,
        ref: link.ref,
        clickedAt: link.at,
      }),
      keepalive: true,
    });
    if (response.ok) await browser.sessionStorage.setItem(REPORTED, orderId);
  });
});
