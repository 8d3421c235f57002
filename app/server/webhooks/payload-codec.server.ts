// A stored event's payload is kept compressed until it is processed (deflate, then base64 for the
// text column): Shopify's orders are about 10 KB of JSON each, and a burst writes every one of
// them to the database log before it is applied. A payload stored before, as plain JSON, reads
// as it is.
import { deflateRawSync, inflateRawSync } from "node:zlib";

const PACKED = "deflate:";

export function packPayload(json: string): string {
  return PACKED + deflateRawSync(json, { level: 1 }).toString("base64");
}

export function unpackPayload(stored: string): string {
  return stored.startsWith(PACKED)
    ? inflateRawSync(Buffer.from(stored.slice(PACKED.length), "base64")).toString()
    : stored;
}
