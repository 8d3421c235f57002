// Outside production only: sends `https://{shop}/admin/...` (and the Storefront API's
// `https://{shop}/api/...`) to the local Admin API stand-in,
// keeping the path and naming the shop in a header, so the stand-in can hold one state per shop.
type Fetch = typeof globalThis.fetch;

export function adminFetchThroughStandIn(standInUrl: string, realFetch: Fetch): Fetch {
  const standIn = new URL(standInUrl);
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.pathname.startsWith("/admin/") && !url.pathname.startsWith("/api/")) return realFetch(request);
    const target = new URL(url.pathname + url.search, standIn);
    const headers = new Headers(request.headers);
    headers.set("X-Stand-In-Shop", url.hostname);
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
    return realFetch(target, { method: request.method, headers, body });
  };
}
