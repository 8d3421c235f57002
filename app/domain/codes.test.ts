import { describe, expect, it } from "vitest";
import { codeKey, codeProblem, suggestCodes } from "./codes";
import { bpsToPercent, percentToBps } from "./percent";
import { clickCounts, destinationProblem, slugify, storeRedirectUrl, visitorHash } from "./referral-links";

describe("codes", () => {
  it("compares case-insensitively", () => expect(codeKey(" maya10 ")).toBe("MAYA10"));
  it("suggests codes from the name, skipping taken ones", () => {
    expect(suggestCodes("Zoë Larsen", 15, new Set(["ZOE15"]))).toEqual([
      "ZOELARSEN15",
      "ZOEL15",
      "ZOELARSEN",
      "ZOEVIP",
    ]);
    for (const code of suggestCodes("Émile d'Arc", 10, new Set())) expect(codeProblem(code)).toBeNull();
  });
  it("has no suggestion for an empty name", () => expect(suggestCodes("  ", 10, new Set())).toEqual([]));
});

describe("percentages", () => {
  it.each([
    ["10", 1000],
    ["12.5", 1250],
    ["0.25", 25],
    ["100", 10000],
    ["7 %", 700],
  ])("%s -> %i bps", (text, bps) => {
    expect(percentToBps(text)).toBe(bps);
    expect(percentToBps(bpsToPercent(bps))).toBe(bps);
  });
  it.each(["", "abc", "1.234", "-5", "1e2"])("refuses %j", (text) => expect(percentToBps(text)).toBeNull());
});

describe("referral links", () => {
  it("slugs names", () => expect(slugify("  Maya Rivera — Skincare! ")).toBe("maya-rivera-skincare"));
  it("only sends shoppers inside the shop", () => {
    expect(destinationProblem("/products/serum?variant=1")).toBeNull();
    expect(destinationProblem("/\\evil.example")).not.toBeNull();
    expect(destinationProblem("https://evil.example")).not.toBeNull();
    expect(destinationProblem("/a/..//evil.example")).not.toBeNull();
    expect(destinationProblem("/./%2F/evil.example")).toBeNull(); // an encoded slash stays a path of the store
  });
  it("never redirects off the store, even for a path stored before the check", () => {
    const url = storeRedirectUrl({
      shopDomain: "demo.myshopify.com",
      destinationPath: "/a/..//evil.example",
      code: "MAYA10",
      slug: "maya",
    });
    const redirect = new URL(url).searchParams.get("redirect")!;
    expect(redirect.startsWith("//")).toBe(false);
    expect(new URL(redirect, "https://demo.myshopify.com").host).toBe("demo.myshopify.com");
  });
  it("goes through /discount/CODE with ref and UTM on the landing page", () => {
    const url = storeRedirectUrl({
      shopDomain: "demo.myshopify.com",
      destinationPath: "/products/serum",
      code: "MAYA10",
      slug: "maya",
      incoming: new URLSearchParams("utm_source=ig&x=1"),
    });
    expect(url).toBe(
      "https://demo.myshopify.com/discount/MAYA10?redirect=%2Fproducts%2Fserum%3Fref%3Dmaya%26utm_source%3Dig",
    );
  });
  it("goes straight to the page when the link has no code", () => {
    expect(storeRedirectUrl({ shopDomain: "demo.myshopify.com", destinationPath: "/", code: null, slug: "maya" })).toBe(
      "https://demo.myshopify.com/?ref=maya",
    );
  });
  it("hashes visitors without keeping the IP", () => {
    const hash = visitorHash("salt", "203.0.113.9", "Mozilla");
    expect(hash).not.toContain("203");
    expect(hash).toBe(visitorHash("salt", "203.0.113.9", "Mozilla"));
    expect(hash).not.toBe(visitorHash("other", "203.0.113.9", "Mozilla"));
  });
  it("counts a visitor's click once a day, never a bot's", () => {
    const at = new Date("2026-11-30T12:00:00Z");
    expect(clickCounts(false, null, at)).toBe(true);
    expect(clickCounts(true, null, at)).toBe(false);
    expect(clickCounts(false, new Date("2026-11-30T01:00:00Z"), at)).toBe(false);
    expect(clickCounts(false, new Date("2026-11-29T11:59:59Z"), at)).toBe(true);
  });
});
