// Request bodies are read with a limit while they stream: a declared length over it is refused
// before reading, and a body that grows past it is cut off there, so no post can make the server
// hold more than the form it stands for. server.mjs reads every body this way before Remix
// (readNodeBody); boundedFormData guards the routes themselves (the dev server).
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { PIXEL_PATH } from "../../domain/pixel-report";

const FORM_LIMIT = 256 * 1024;
const PUBLIC_FORM_LIMIT = 32 * 1024;
const IMPORT_LIMIT = 2 * 1024 * 1024 + 64 * 1024; // the CSV file's 2 MB and the form around it
const PIXEL_LIMIT = 2 * 1024; // a web pixel report: a few ids and a link name
const PUBLIC_PREFIXES = ["/apply/", "/portal/", "/unsubscribe/", "/auth/"];

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The form is larger than ${Math.round(limit / 1024)} KB`);
  }
}

export async function boundedBody(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The request's form (urlencoded or multipart), read within its path's limit (bodyLimitFor, the
 * same one server.mjs applies); 413 past it.
 */
export async function boundedFormData(request: Request): Promise<FormData> {
  let body: Buffer;
  try {
    body = await boundedBody(request, bodyLimitFor(new URL(request.url).pathname).limit);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      throw new Response(error.message, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
  return new Response(body as BodyInit, {
    headers: { "Content-Type": request.headers.get("content-type") ?? "" },
  }).formData();
}

/** What a path's body may hold: the CSV import's file and its form, or an ordinary form. */
export function bodyLimitFor(pathname: string): { limit: number; tooLarge: string } {
  if (pathname.startsWith("/app/influencers/import"))
    return { limit: IMPORT_LIMIT, tooLarge: "The file is larger than 2 MB" };
  if (pathname === PIXEL_PATH) return { limit: PIXEL_LIMIT, tooLarge: "The report is too large" };
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix)))
    return { limit: PUBLIC_FORM_LIMIT, tooLarge: "The form is too large" };
  return { limit: FORM_LIMIT, tooLarge: "The form is too large" };
}

/**
 * Reads a Node request's body keeping at most `limit` bytes. A body over the limit is drained
 * (not kept) to its end, so the sender reads the 413 rather than a cut connection, unless it
 * declares or sends ten times the limit: then the connection is closed at once.
 */
export function readNodeBody(req: IncomingMessage, limit: number, done: (body: Buffer | null) => void) {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > 10 * limit) {
    done(null);
    req.destroy();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > 10 * limit) return void req.destroy();
    if (size <= limit) chunks.push(chunk);
  });
  req.on("end", () => done(size > limit ? null : Buffer.concat(chunks)));
}

/**
 * A form post from another site (its Origin is not this host). Remix refuses those too, but by
 * throwing, which answered 500; server.mjs answers 403 before reading the body. The pixel's
 * endpoint is the one path meant for other origins: it takes no cookie or session.
 */
export function isCrossSitePost(headers: IncomingHttpHeaders, pathname = ""): boolean {
  // The web pixel's reports come from Shopify's pixel sandbox, another origin by design.
  if (pathname === PIXEL_PATH) return false;
  const origin = headers.origin;
  if (!origin) return false;
  const forwarded =
    typeof headers["x-forwarded-host"] === "string" ? headers["x-forwarded-host"].split(",")[0].trim() : "";
  const host = forwarded || headers.host;
  if (!host) return true;
  try {
    return origin === "null" || new URL(origin).host !== host;
  } catch {
    return true;
  }
}
