import { describe, expect, it } from "vitest";
import { parseApplication } from "./application-input";

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
