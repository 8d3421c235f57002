// Stored webhook payloads are kept compressed until processed, and read back byte for byte.
import { describe, expect, it } from "vitest";
import { packPayload, unpackPayload } from "~/server/webhooks/payload-codec.server";
import { shopifyExample } from "../support/shopify-examples";

describe("stored payloads", () => {
  it("read back exactly what Shopify sent, at a fraction of its size", () => {
    const json = JSON.stringify(shopifyExample("2026-07", "orders/create"));
    const packed = packPayload(json);
    expect(unpackPayload(packed)).toBe(json);
    expect(packed.length).toBeLessThan(json.length / 2);
  });

  it("read a payload stored before, as plain JSON, as it is", () => {
    const plain = JSON.stringify({ id: 1, note: "deflate: is just text here" });
    expect(unpackPayload(plain)).toBe(plain);
    expect(unpackPayload(packPayload("ü€ and emoji 🎉"))).toBe("ü€ and emoji 🎉");
  });
});
