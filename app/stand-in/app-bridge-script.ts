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

  // Toasts stack at the bottom, newest last, each for its duration (3 s unless told).
  function toast(message, options) {
    var stack = document.getElementById("stand-in-toasts");
    if (!stack) {
      stack = document.createElement("div");
      stack.id = "stand-in-toasts";
      stack.style.cssText = "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);display:flex;flex-direction:column;gap:8px;align-items:center;z-index:1001";
      document.body.appendChild(stack);
    }
    var el = document.createElement("div");
    el.setAttribute("role", "status");
    el.textContent = message;
    el.style.cssText = "background:#303030;color:#fff;padding:10px 16px;border-radius:8px;font:14px system-ui";
    stack.appendChild(el);
    setTimeout(function () { el.remove(); }, (options && options.duration) || 3000);
  }

  window.shopify = {
    config: { apiKey: apiKey, shop: shop },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function (on) {
      // The admin's loading bar: a thin bar at the top while the app says it is busy.
      var bar = document.getElementById("stand-in-loading");
      if (!bar) {
        bar = document.createElement("div");
        bar.id = "stand-in-loading";
        bar.setAttribute("role", "progressbar");
        bar.setAttribute("aria-label", "Loading");
        bar.style.cssText = "position:fixed;top:0;left:0;height:3px;width:40%;background:#2c6ecb;z-index:1002;display:none";
        document.body.appendChild(bar);
      }
      bar.style.display = on === false ? "none" : "block";
    },
    modal: { show: function (id) { byId(id, "show"); }, hide: function (id) { byId(id, "hide"); } },
    saveBar: { show: function (id) { byId(id, "show"); }, hide: function (id) { byId(id, "hide"); } },
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

  function byId(id, method) {
    var el = document.getElementById(id);
    if (el && typeof el[method] === "function") el[method]();
    return Promise.resolve();
  }

  // Modals and the save bar as App Bridge's elements behave: hidden until shown, with show() and
  // hide(), 'show' and 'hide' events, a modal's content element for React to render into, and the
  // title bar's buttons as the actions. Drawn in the page (the admin draws them around the app).
  function overlayElement(name, css, role) {
    if (customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        constructor() {
          super();
          // A modal is drawn in the top layer (a popover), above any table or card that clips.
          var popover = name === "ui-modal" ? " popover=manual" : "";
          this.attachShadow({ mode: "open" }).innerHTML = "<style>" + css + "</style><div part=box role=" + role + popover + "><h2 part=title></h2><slot></slot></div>";
        }
        get content() {
          // Made on first use (an element may not gain children while it is constructed).
          if (!this._content) {
            this._content = document.createElement("div");
            this._content.setAttribute("data-modal-content", "");
            this.appendChild(this._content);
          }
          return this._content;
        }
        show() {
          var bar = this.querySelector("ui-title-bar");
          var title = (bar && bar.getAttribute("title")) || (name === "ui-save-bar" ? "Unsaved changes" : "");
          this.shadowRoot.querySelector("h2").textContent = title;
          this.shadowRoot.querySelector("[part=box]").setAttribute("aria-label", title);
          this.setAttribute("open", "");
          var box = this.shadowRoot.querySelector("[part=box]");
          if (box.hasAttribute("popover") && !box.matches(":popover-open")) box.showPopover();
          this.dispatchEvent(new Event("show"));
        }
        hide() {
          if (!this.hasAttribute("open")) return;
          this.removeAttribute("open");
          var box = this.shadowRoot.querySelector("[part=box]");
          if (box.hasAttribute("popover") && box.matches(":popover-open")) box.hidePopover();
          this.dispatchEvent(new Event("hide"));
        }
      },
    );
  }
  var buttons = "::slotted(button),button{font:600 13px system-ui;padding:6px 12px;border-radius:8px;border:1px solid #c9c9c9;background:#fff;cursor:pointer}";
  overlayElement(
    "ui-modal",
    ":host{display:contents}[part=box]{border:0;background:#fff;border-radius:12px;min-width:360px;max-width:560px;padding:16px 20px;flex-direction:column;gap:12px;font:14px system-ui}" +
      "[part=box]:popover-open{display:flex}[part=box]::backdrop{background:rgba(0,0,0,.45)}" +
      "h2{margin:0;font:600 16px system-ui}::slotted(ui-title-bar){order:3;display:flex;gap:8px;justify-content:flex-end}",
    "dialog",
  );
  overlayElement(
    "ui-save-bar",
    ":host{display:none;position:fixed;top:0;left:0;right:0;z-index:999}:host([open]){display:block}" +
      "[part=box]{background:#1a1a1a;color:#fff;display:flex;align-items:center;gap:8px;padding:8px 20px;font:14px system-ui}h2{margin:0 auto 0 0;font:600 14px system-ui}" +
      buttons,
    "region",
  );
  if (!customElements.get("ui-title-bar")) customElements.define("ui-title-bar", class extends HTMLElement {});

  // The navigation menu as a bar. Styled inside its own shadow root: the page's markup, which
  // React hydrates, stays exactly as the server rendered it.
  if (!customElements.get("ui-nav-menu")) {
    customElements.define(
      "ui-nav-menu",
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: "open" }).innerHTML =
            "<style>:host{display:flex;flex-wrap:wrap;gap:8px 20px;padding:10px 20px;background:#1a1a1a;font:600 13px system-ui}" +
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
