import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseApplication } from "./application-input";
import { boundedText, intents, parseForm, rowId } from "./form-input";

const schema = intents(
  z.object({ intent: z.literal("paid"), payoutId: rowId("payoutId"), reference: boundedText(10) }),
  z.object({ intent: z.literal("cancel"), payoutId: rowId("payoutId") }),
);

describe("form posts read by one schema per intent", () => {
  it.each([
    [{ intent: "paid" }, { payoutId: "payoutId is required" }],
    [{ intent: "paid", payoutId: "" }, { payoutId: "payoutId is required" }],
    [{ intent: "paid", payoutId: "   " }, { payoutId: "payoutId is required" }],
    [{ intent: "paid", payoutId: "a'; DROP" }, { payoutId: "payoutId is not an id" }],
    [{ intent: "paid", payoutId: "x".repeat(65) }, { payoutId: "payoutId is not an id" }],
    [{ intent: "paid", payoutId: "abc", reference: "x".repeat(11) }, { reference: "Use at most 10 characters" }],
    [{ intent: "refund-everything", payoutId: "abc" }, { intent: "intent is not one this page knows" }],
    [{}, { intent: "intent is not one this page knows" }],
  ])("refuses %j naming the field", (fields, errors) => {
    expect(parseForm(schema, fields as Record<string, string>)).toEqual({ ok: false, errors });
  });

  it("gives the intent's input, trimmed, with defaults", () => {
    expect(parseForm(schema, { intent: "paid", payoutId: " cm1abc ", extra: "ignored" })).toEqual({
      ok: true,
      input: { intent: "paid", payoutId: "cm1abc", reference: "" },
    });
  });
});

describe("the application form's audience", () => {
  const base = { name: "Ana", email: "ana@example.com", socialProfiles: "https://instagram.com/ana" };
  it("stays within what the column holds", () => {
    expect(parseApplication({ ...base, audienceSize: "2147483648" })).toEqual({
      ok: false,
      errors: { audienceSize: "Enter an audience of at most 2,000,000,000" },
    });
    expect(parseApplication({ ...base, audienceSize: "2,000,000,000" })).toMatchObject({
      ok: true,
      input: { audienceSize: 2_000_000_000 },
    });
  });
});

describe("the application form's profiles", () => {
  const base = { name: "Ana", email: "ana@example.com" };
  it("takes links as people write them, and refuses what is not a link", () => {
    expect(
      parseApplication({ ...base, socialProfiles: "instagram.com/ana www.tiktok.com/@ana, https://youtube.com/@ana" }),
    ).toMatchObject({
      ok: true,
      input: {
        socialProfiles: ["https://instagram.com/ana", "https://www.tiktok.com/@ana", "https://youtube.com/@ana"],
      },
    });
    for (const bad of ["@ana", "instagram", "instagram.com", "javascript:alert(1)"]) {
      expect(parseApplication({ ...base, socialProfiles: bad })).toMatchObject({
        ok: false,
        errors: { socialProfiles: "Give each profile as a link, like instagram.com/yourname" },
      });
    }
  });
});
