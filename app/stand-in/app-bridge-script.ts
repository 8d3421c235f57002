// What App Bridge does for an embedded app, for a browser outside the Shopify admin (the demo):
// hands out session tokens, adds them to the app's own fetches, answers the session-token bounce
// page by reloading with `id_token`, shows the navigation menu and toasts, and reports the app's
// extensions (app.extensions()): the theme embed is "available" (off) unless the browser's
// localStorage has standInEmbed=active, as a merchant who turned it on. Served by
// /dev/app-bridge.js only when APP_BRIDGE_URL is set, which production refuses.
export const appBridgeStandInScript = String.raw`(function () {
  if (window.shopify) return;
  var script = document.currentScript;
  var apiKey = script && script.getAttribute("data-api-key");
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("standInShop") || "";
  if (shop) sessionStorage.setItem("standInShop", shop);
  var realFetch = window.fetch.bind(window);
  var cached = null;

  function idToken() {
    var now = Date.now() / 1000;
    if (cached && cached.exp - 10 > now) return Promise.resolve(cached.token);
    return realFetch("/dev/session-token?shop=" + encodeURIComponent(shop))
      .then(function (r) { if (!r.ok) throw new Error("no session token"); return r.text(); })
      .then(function (token) {
        var claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
        cached = { token: token, exp: claims.exp };
        return token;
      });
  }

  window.fetch = function (input, init) {
    var request = new Request(input, init);
    if (new URL(request.url, location.href).origin !== location.origin) return realFetch(input, init);
    return idToken().then(function (token) {
      var headers = new Headers(request.headers);
      headers.set("Authorization", "Bearer " + token);
      return realFetch(new Request(request, { headers: headers }));
    });
  };

  function toast(message) {
    var el = document.createElement("div");
    el.setAttribute("role", "status");
    el.textContent = message;
    el.style.cssText = "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;padding:10px 16px;border-radius:8px;font:14px system-ui;z-index:1000";
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 3000);
  }

  window.shopify = {
    config: { apiKey: apiKey, shop: shop },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    modal: { show: function () {}, hide: function () {} },
    saveBar: { show: function () {}, hide: function () {} },
    app: {
      extensions: function () {
        var on = localStorage.getItem("standInEmbed") === "active";
        return Promise.resolve([
          {
            handle: "referral-capture",
            type: "theme_app_extension",
            activations: [{ handle: "referral-capture", name: "Referral capture", target: "head", status: on ? "active" : "available", activations: on ? [{ target: "head", themeId: 1 }] : [] }],
          },
        ]);
      },
    },
  };

  // The navigation menu as a bar. Styled inside its own shadow root: the page's markup, which
  // React hydrates, stays exactly as the server rendered it.
  if (!customElements.get("ui-nav-menu")) {
    customElements.define(
      "ui-nav-menu",
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: "open" }).innerHTML =
            "<style>:host{display:flex;gap:20px;padding:10px 20px;background:#1a1a1a;font:600 13px system-ui}" +
            "::slotted(a){color:#e3e3e3;text-decoration:none}::slotted(a:hover){color:#fff}</style><slot></slot>";
        }
      },
    );
  }

  if (location.pathname === "/auth/session-token") {
    var reload = params.get("shopify-reload");
    if (reload) {
      idToken().then(function (token) {
        var target = new URL(reload, location.href);
        target.searchParams.set("id_token", token);
        location.replace(target.pathname + target.search);
      });
    }
  }
})();
`;
