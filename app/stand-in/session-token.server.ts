// Signs a session token the way the Shopify admin does (HS256 with the app's secret). Used by the
// App Bridge stand-in of the demo and by the tests; never reachable in production.
import { createHmac, randomUUID } from "node:crypto";

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

export function signSessionToken(options: {
  shop: string;
  apiKey: string;
  secret: string;
  userId?: string;
  now?: Date;
  ttlSeconds?: number;
}): string {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const header = { alg: "HS256", typ: "JWT" };
  const payload = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: options.userId ?? "1",
    exp: issuedAt + (options.ttlSeconds ?? 60),
    nbf: issuedAt,
    iat: issuedAt,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createHmac("sha256", options.secret).update(unsigned).digest("base64url");
  return `${unsigned}.${signature}`;
}
