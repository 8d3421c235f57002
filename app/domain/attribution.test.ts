import { describe, expect, it } from "vitest";
import { attributeOrder, type AttributionContext } from "./attribution";
import type { OrderFacts } from "./order-facts";

const placedAt = new Date("2026-11-20T12:00:00Z");

function order(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    orderId: "1001",
    name: "#1001",
    test: false,
    placedAt,
    updatedAt: placedAt,
    cancelledAt: null,
    financialStatus: "paid",
    currency: "USD",
    customerId: "77",
    customerEmail: "shopper@example.com",
    discountCodes: [],
    noteRef: null,
    noteRefAt: null,
    noteFirstRef: null,
    noteFirstRefAt: null,
    landingRef: null,
    checkoutToken: null,
    subtotalMinor: 5000,
    discountsMinor: 0,
    shippingMinor: 0,
    taxesMinor: 0,
    totalMinor: 5000,
    lines: [],
    refunds: [],
    ...overrides,
  };
}

const context: AttributionContext = {
  mode: "CODE_AND_LINK",
  windowDays: 30,
  linkCredit: "LAST_CLICK",
  codes: new Map([
    ["MAYA10", "maya"],
    ["LEO15", "leo"],
  ]),
  links: new Map([
    ["maya-rivera", { influencerId: "maya", lastClickAt: new Date("2026-11-19T12:00:00Z") }],
    ["leo-chen", { influencerId: "leo", lastClickAt: new Date("2026-09-01T12:00:00Z") }],
    ["never-clicked", { influencerId: "leo", lastClickAt: null }],
  ]),
  influencers: new Map([
    ["maya", { email: "maya@example.com", customerId: "555" }],
    ["leo", { email: "Leo@Example.com", customerId: null }],
  ]),
};

const who = (o: OrderFacts, c: AttributionContext = context) => {
  const a = attributeOrder(o, c);
  return a.influencerId ? [a.influencerId, a.source, a.selfReferral] : [null, a.source, a.reason];
};

describe("attribution rules", () => {
  it.each<[string, Partial<OrderFacts>, unknown[]]>([
    ["a test order is ignored, code or not", { test: true, discountCodes: ["MAYA10"] }, [null, "NONE", "test order"]],
    ["an influencer's code", { discountCodes: ["MAYA10"] }, ["maya", "CODE", false]],
    ["codes are case-insensitive", { discountCodes: [" maya10 ".trim().toLowerCase()] }, ["maya", "CODE", false]],
    ["any of the order's codes", { discountCodes: ["WELCOME5", "LEO15"] }, ["leo", "CODE", false]],
    ["the first influencer code of several", { discountCodes: ["LEO15", "MAYA10"] }, ["leo", "CODE", false]],
    ["a code wins over a link", { discountCodes: ["LEO15"], noteRef: "maya-rivera" }, ["leo", "CODE", false]],
    [
      "a merchant's own code is nobody's",
      { discountCodes: ["BLACKFRIDAY"] },
      [null, "NONE", "no influencer code or link"],
    ],
    [
      "ref in the cart attributes",
      { noteRef: "maya-rivera", noteRefAt: new Date("2026-11-18T00:00:00Z") },
      ["maya", "LINK", false],
    ],
    ["ref in the landing URL", { landingRef: "maya-rivera" }, ["maya", "LINK", false]],
    [
      "cart attributes before the landing URL",
      { noteRef: "leo-chen", noteRefAt: new Date("2026-11-10T00:00:00Z"), landingRef: "maya-rivera" },
      ["leo", "LINK", false],
    ],
    [
      "a ref kept longer than the window",
      { noteRef: "maya-rivera", noteRefAt: new Date("2026-10-01T00:00:00Z") },
      [null, "NONE", "click on maya-rivera older than 30 days"],
    ],
    [
      "a landing ref whose last click is older than the window",
      { landingRef: "leo-chen" },
      [null, "NONE", "click on leo-chen older than 30 days"],
    ],
    ["a landing ref of a link with no click stored", { landingRef: "never-clicked" }, ["leo", "LINK", false]],
    ["an unknown ref", { noteRef: "someone-else" }, [null, "NONE", "no influencer code or link"]],
    [
      "self-referral by email (case-insensitive)",
      { discountCodes: ["LEO15"], customerEmail: "leo@example.com" },
      ["leo", "CODE", true],
    ],
    ["self-referral by customer id", { noteRef: "maya-rivera", customerId: "555" }, ["maya", "LINK", true]],
    [
      "another customer with the same id shape",
      { discountCodes: ["MAYA10"], customerId: "556" },
      ["maya", "CODE", false],
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(who(order(overrides))).toEqual(expected);
  });

  it("counts codes only when the shop says so", () => {
    const codesOnly = { ...context, mode: "CODE_ONLY" as const };
    expect(who(order({ noteRef: "maya-rivera" }), codesOnly)).toEqual([
      null,
      "NONE",
      "no influencer code (codes only)",
    ]);
    expect(who(order({ discountCodes: ["MAYA10"] }), codesOnly)).toEqual(["maya", "CODE", false]);
  });

  describe("first or last click", () => {
    // Clicked Leo's link, then Maya's; both within the window, kept by the theme embed.
    const history = order({
      noteFirstRef: "leo-chen",
      noteFirstRefAt: new Date("2026-11-10T12:00:00Z"),
      noteRef: "maya-rivera",
      noteRefAt: new Date("2026-11-18T12:00:00Z"),
    });
    const firstClick = { ...context, linkCredit: "FIRST_CLICK" as const };

    it("gives the same history a different owner under each rule, and says which", () => {
      expect(attributeOrder(history, context)).toMatchObject({
        influencerId: "maya",
        reason: "referral link maya-rivera (last click)",
      });
      expect(attributeOrder(history, firstClick)).toMatchObject({
        influencerId: "leo",
        reason: "referral link leo-chen (first click)",
      });
    });

    it("credits the last click when the first is past the window or names no link", () => {
      const stale = { ...history, noteFirstRefAt: new Date("2026-10-01T12:00:00Z") };
      expect(attributeOrder(stale, firstClick)).toMatchObject({ influencerId: "maya" });
      expect(attributeOrder({ ...history, noteFirstRef: "gone-link" }, firstClick)).toMatchObject({
        influencerId: "maya",
      });
      // A code still wins over either click.
      expect(attributeOrder({ ...history, discountCodes: ["MAYA10"] }, firstClick)).toMatchObject({
        influencerId: "maya",
        source: "CODE",
      });
    });
  });

  it("honours the shop's own window", () => {
    const week = { ...context, windowDays: 7 };
    expect(who(order({ noteRef: "maya-rivera", noteRefAt: new Date("2026-11-12T12:00:00Z") }), week)[0]).toBeNull();
    expect(who(order({ noteRef: "maya-rivera", noteRefAt: new Date("2026-11-13T12:00:01Z") }), week)[0]).toBe("maya");
  });

  describe("the web pixel's report of the checkout", () => {
    const pixel = (slug: string, clickedAt: Date | null = new Date("2026-11-19T00:00:00Z")) => ({
      ...context,
      pixel: { slug, clickedAt },
    });

    it("attributes an order whose cart lost its ref, and says it was the pixel", () => {
      const a = attributeOrder(order(), pixel("maya-rivera"));
      expect(a).toMatchObject({
        influencerId: "maya",
        source: "LINK",
        slug: "maya-rivera",
        selfReferral: false,
        reason: "referral link maya-rivera (web pixel)",
      });
    });

    it("comes after a code and the order's own ref", () => {
      expect(who(order({ discountCodes: ["LEO15"] }), pixel("maya-rivera"))).toEqual(["leo", "CODE", false]);
      expect(
        who(order({ noteRef: "leo-chen", noteRefAt: new Date("2026-11-10T00:00:00Z") }), pixel("maya-rivera")),
      ).toEqual(["leo", "LINK", false]);
    });

    it("keeps to the window and to the shop's codes-only choice", () => {
      expect(who(order(), pixel("maya-rivera", new Date("2026-10-01T00:00:00Z")))).toEqual([
        null,
        "NONE",
        "click on maya-rivera older than 30 days",
      ]);
      expect(who(order(), pixel("leo-chen", null))).toEqual([null, "NONE", "click on leo-chen older than 30 days"]); // no kept time: the link's last click
      expect(who(order(), { ...pixel("maya-rivera"), mode: "CODE_ONLY" })[0]).toBeNull();
      expect(who(order(), pixel("someone-else"))).toEqual([null, "NONE", "no influencer code or link"]);
    });

    it("tells a self-referral from a stored order's email hash", () => {
      const hashed = {
        ...pixel("maya-rivera"),
        influencers: new Map([["maya", { email: "maya@example.com", emailHash: "h-maya", customerId: null }]]),
      };
      expect(attributeOrder({ ...order(), customerEmail: null, customerEmailHash: "h-maya" }, hashed)).toMatchObject({
        influencerId: "maya",
        selfReferral: true,
      });
      expect(attributeOrder({ ...order(), customerEmail: null, customerEmailHash: "h-other" }, hashed)).toMatchObject({
        influencerId: "maya",
        selfReferral: false,
      });
    });
  });
});
