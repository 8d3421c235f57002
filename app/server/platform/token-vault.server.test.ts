import { Session } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { encryptedSessionStorage, openToken, sealToken, tokenKey } from "./token-vault.server";

const key = tokenKey("app-secret");

function memoryStorage() {
  const rows = new Map<string, Session>();
  return {
    rows,
    storage: {
      storeSession: async (s: Session) => (rows.set(s.id, new Session(s.toObject())), true),
      loadSession: async (id: string) => (rows.has(id) ? new Session(rows.get(id)!.toObject()) : undefined),
      deleteSession: async (id: string) => rows.delete(id),
      deleteSessions: async (ids: string[]) => (ids.forEach((id) => rows.delete(id)), true),
      findSessionsByShop: async (shop: string) => [...rows.values()].filter((s) => s.shop === shop),
    },
  };
}

describe("stored Shopify tokens", () => {
  it("are sealed with a fresh nonce each time and open to the same token", () => {
    const a = sealToken(key, "shpat_secret");
    const b = sealToken(key, "shpat_secret");
    expect(a).not.toBe(b);
    expect(a).not.toContain("shpat_secret");
    expect(openToken(key, a)).toBe("shpat_secret");
  });

  it("refuse to open with another key or after tampering", () => {
    const sealed = sealToken(key, "shpat_secret");
    expect(() => openToken(tokenKey("another-secret"), sealed)).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => openToken(key, tampered)).toThrow();
  });

  it("read a token stored before encryption as it is", () => {
    expect(openToken(key, "shpat_plain")).toBe("shpat_plain");
  });

  it("take an explicit 32-byte key instead of one derived from the secret", () => {
    const explicit = tokenKey("app-secret", Buffer.alloc(32, 7).toString("base64"));
    expect(explicit.equals(key)).toBe(false);
    expect(openToken(explicit, sealToken(explicit, "t"))).toBe("t");
  });

  it("are encrypted by the session storage and given back in clear, both tokens", async () => {
    const { rows, storage } = memoryStorage();
    const vault = encryptedSessionStorage(storage as never, key);
    const session = new Session({
      id: "offline_a.myshopify.com",
      shop: "a.myshopify.com",
      state: "",
      isOnline: false,
      accessToken: "shpat_1",
      refreshToken: "shprt_1",
    });
    await vault.storeSession(session);
    expect(session.accessToken).toBe("shpat_1"); // the caller's session is left alone
    const row = rows.get(session.id)!;
    expect(row.accessToken).toMatch(/^enc:v1:/);
    expect(row.refreshToken).toMatch(/^enc:v1:/);
    const loaded = await vault.loadSession(session.id);
    expect([loaded?.accessToken, loaded?.refreshToken]).toEqual(["shpat_1", "shprt_1"]);
    expect(
      await encryptedSessionStorage(storage as never, tokenKey("rotated")).loadSession(session.id),
    ).toBeUndefined();
  });
});
