import { describe, expect, it } from "vitest";
import { auditWords } from "./audit-words";

describe("the audit log in words", () => {
  it("names the change, who made it, and when in the shop's time zone", () => {
    const at = new Date("2026-12-02T03:30:00Z");
    expect(auditWords({ action: "settings.updated", actor: "staff:42", at }, "America/New_York")).toEqual({
      what: "Settings saved by staff member 42",
      when: "Dec 1, 2026, 22:30",
    });
    expect(auditWords({ action: "settings.updated", actor: "staff:42", at }, "Asia/Tokyo").when).toBe(
      "Dec 2, 2026, 12:30",
    );
    expect(auditWords({ action: "commissions.approved", actor: "system", at }, "UTC").what).toBe(
      "Commissions past their hold period approved automatically",
    );
    expect(
      auditWords({ action: "payout-email.requested", actor: "influencer:abc", at }, "UTC", "Maya Rivera").what,
    ).toBe("New PayPal email asked for by Maya Rivera");
    expect(auditWords({ action: "something.new", actor: "staff", at }, "UTC").what).toBe("something.new by staff");
    expect(auditWords({ action: "payout.paid", actor: "staff:42", at }, "UTC", "Ana Moreau").what).toBe(
      "Payout marked paid by Ana Moreau",
    );
    expect(auditWords({ action: "payout-email.changed", actor: "influencer:gone", at }, "UTC").what).toBe(
      "New PayPal email confirmed by the influencer",
    );
  });
});
