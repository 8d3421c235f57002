// Referral capture: remembers `?ref=` from an influencer's link (first-party storage, with the
// time of the click) and writes it to the cart attributes `ref` and `ref_at` once per visit, so
// the order carries it even when no discount code is typed; the window's first click goes beside
// it (`first_ref`, `first_ref_at`) for shops that credit first clicks. No framework.
// Only with the shopper's consent: Shopify's Customer Privacy API must allow marketing (it does
// where no consent is required); until the shopper decides, nothing is read, stored or sent.
(function () {
  var KEY = "referralLoop.ref";
  var SENT = "referralLoop.sent";
  var SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;
  var script = document.currentScript;
  var days = Number(script && script.getAttribute("data-window-days")) || 30;
  var landing = location.search;
  var captured = false;

  function read(storage, key) {
    try {
      return storage.getItem(key);
    } catch (e) {
      return null; // storage disabled: nothing to keep
    }
  }
  function write(storage, key, value) {
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch (e) {
      // storage refused (private mode, full): the visit goes on without it
    }
  }

  function capture() {
    if (captured) return;
    captured = true;
    var now = Date.now();
    var stored = null;
    try {
      stored = JSON.parse(read(localStorage, KEY) || "null");
    } catch (e) {
      // unreadable entry: treated as none
    }

    // A click kept: a link name, clicked within the window.
    var kept = function (slug, at) {
      return typeof slug === "string" && SLUG.test(slug) && now - at <= days * 86400000 ? { ref: slug, at: at } : null;
    };
    var ref = (new URLSearchParams(landing).get("ref") || "").toLowerCase();
    if (SLUG.test(ref)) {
      // The first click stays while within the window (an entry from before kept only the last).
      var first = (stored && (kept(stored.first, stored.firstAt) || kept(stored.ref, stored.at))) || {
        ref: ref,
        at: now,
      };
      stored = { ref: ref, at: now, first: first.ref, firstAt: first.at };
      write(localStorage, KEY, JSON.stringify(stored));
    }
    var last = stored && kept(stored.ref, stored.at);
    if (!last) {
      if (stored) write(localStorage, KEY, null);
      return;
    }
    first = kept(stored.first, stored.firstAt) || last;

    var marker = last.ref + "@" + last.at + "|" + first.ref + "@" + first.at;
    if (read(sessionStorage, SENT) === marker) return;
    var root = (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
    fetch(root + "cart/update.js", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        attributes: {
          ref: last.ref,
          ref_at: new Date(last.at).toISOString(),
          first_ref: first.ref,
          first_ref_at: new Date(first.at).toISOString(),
        },
      }),
      keepalive: true,
    }).then(function (response) {
      if (response.ok) write(sessionStorage, SENT, marker);
    });
  }

  function allowed() {
    var privacy = window.Shopify && window.Shopify.customerPrivacy;
    return Boolean(privacy && typeof privacy.marketingAllowed === "function" && privacy.marketingAllowed());
  }

  // A decision made on this page (the cookie banner) is announced by Shopify with this event.
  document.addEventListener("visitorConsentCollected", function (event) {
    if (event.detail && event.detail.marketingAllowed) capture();
  });
  var shopify = window.Shopify;
  if (shopify && shopify.customerPrivacy) {
    if (allowed()) capture();
  } else if (shopify && typeof shopify.loadFeatures === "function") {
    shopify.loadFeatures([{ name: "consent-tracking-api", version: "0.1" }], function (error) {
      if (!error && allowed()) capture();
    });
  }
})();
