import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { isPublicPath, setPublicHeaders } from "./server/platform/public-pages.server";
import { addDocumentResponseHeaders } from "./shopify.server";

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Content-Security-Policy frame-ancestors for the shop's admin, and the other embedded-app headers.
  addDocumentResponseHeaders(request, responseHeaders);
  if (isPublicPath(new URL(request.url).pathname)) setPublicHeaders(responseHeaders); // never framed
  const ready = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [ready]: () => {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError: reject,
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

// Used by server.mjs: GET /r/:slug without going through Remix, and the last click batch at shutdown.
export { flushReferralClicks, handleReferralRequest } from "./server/program/referral-redirect.server";
export { handleWebhookRequest } from "./server/webhooks/receive.server";
export { bodyLimitFor, isCrossSitePost, readNodeBody } from "./server/platform/request-body.server";
export { startSchedules } from "./server/platform/schedules.server";

/** Data answers of the public pages (a form sent with JavaScript) carry their headers too. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (isPublicPath(new URL(request.url).pathname)) setPublicHeaders(response.headers);
  return response;
}
