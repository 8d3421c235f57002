// The audit log names the staff member who made a change, as Shopify names them: the app asks once
// per staff member (an online token exchange of their session token, the token itself dropped),
// again after a week, never at every request; one shop's staff never name another shop's entries,
// and a Shopify that does not answer leaves the merchant's work untouched.
import { describe, expect, it } from "vitest";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { settingsForm } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch } from "../support/shopify";

const world = useWorld();

const settings = settingsForm({ commissionPercent: "12", payoutThreshold: "25.00" });

function saveSettings(shop: string, userId: string) {
  return adminFetch(world.app.url, "/app/settings", {
    shop,
    userId,
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(settings).toString(),
  });
}

const auditLog = async (shop: string) =>
  (await (await adminFetch(world.app.url, "/app/settings", { shop })).text()).replace(/&#x27;/g, "'");
const onlineExchanges = (shop: string) =>
  world.adminApi.tokenRequests.filter((r) => r.shop === shop && r.grant === "online");

describe("staff names in the audit log", () => {
  it("names who saved, asking Shopify once per staff member, and each shop only its own", async () => {
    world.adminApi
      .shop(TEST_SHOP)
      .staff.set("77", { firstName: "Léa", lastName: "Dubois", email: "lea@test-shop.example", accountOwner: false });
    world.adminApi
      .shop(OTHER_SHOP)
      .staff.set("1", { firstName: "Omar", lastName: "Haddad", email: "omar@other-shop.example", accountOwner: true });
    expect((await saveSettings(TEST_SHOP, "1")).status).toBe(200);
    expect((await saveSettings(TEST_SHOP, "77")).status).toBe(200);
    expect((await saveSettings(OTHER_SHOP, "1")).status).toBe(200);

    const log = await auditLog(TEST_SHOP);
    expect(log).toContain("Settings saved by Ana Moreau");
    expect(log).toContain("Settings saved by Léa Dubois");
    expect(log).not.toContain("Omar");
    expect(await auditLog(OTHER_SHOP)).toContain("Settings saved by Omar Haddad");
    expect(onlineExchanges(TEST_SHOP).map((r) => r.outcome)).toEqual(["ok", "ok"]); // later visits: none
    expect(
      await world.database.db.staffMember.findMany({ select: { userId: true, name: true }, orderBy: { name: "asc" } }),
    ).toEqual([
      { userId: "1", name: "Ana Moreau" },
      { userId: "77", name: "Léa Dubois" },
      { userId: "1", name: "Omar Haddad" },
    ]);
  });

  it("takes a new name after a week, not before", async () => {
    world.adminApi
      .shop(TEST_SHOP)
      .staff.set("77", { firstName: "Léa", lastName: "Martin", email: "lea@test-shop.example", accountOwner: false });
    await auditLog(TEST_SHOP); // staff member 1 visits: nothing to ask
    expect((await saveSettings(TEST_SHOP, "77")).status).toBe(200);
    expect(await auditLog(TEST_SHOP)).not.toContain("Léa Martin");
    const shop = await world.database.db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    await world.database.db.staffMember.updateMany({
      where: { shopId: shop.id, userId: "77" },
      data: { checkedAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    expect((await saveSettings(TEST_SHOP, "77")).status).toBe(200);
    const log = await auditLog(TEST_SHOP);
    expect(log).toContain("Settings saved by Léa Martin");
    expect(log).not.toContain("Léa Dubois"); // the older entries too: the log names people as they are now
  });

  it("keeps the merchant's work when Shopify names no one, and does not ask again at once", async () => {
    const before = onlineExchanges(TEST_SHOP).length;
    expect((await saveSettings(TEST_SHOP, "404")).status).toBe(200); // no such staff member at the stand-in
    expect((await saveSettings(TEST_SHOP, "404")).status).toBe(200);
    expect(
      onlineExchanges(TEST_SHOP)
        .slice(before)
        .map((r) => r.outcome),
    ).toEqual(["refused"]);
    expect(await auditLog(TEST_SHOP)).toContain("Settings saved by staff member 404");
  });
});
