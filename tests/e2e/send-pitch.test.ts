// Pitching a prospect as a merchant does it in Chromium: the pitch's text is edited (a merge field
// the email does not know is named and nothing is saved), then the prospect is ticked, Send pitch,
// and the pitch is queued with the saved text (the Polaris checkbox used to post an empty value,
// refused as "no prospect").
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/seed";
import { ARTIFACTS, merchantContext, useBrowser, whenInteractive } from "../support/browser";
import { useDemo } from "../support/demo-app";
import { shopRow } from "../support/factories";

const world = useDemo({ influencers: 2, days: 3, ordersPerDay: 1 });
const chromium = useBrowser();

describe("sending a pitch in the browser", () => {
  it("ticks a prospect, sends the pitch, and the prospect is invited with the pitch queued", async () => {
    const db = world.database.db;
    const shop = await shopRow(db, DEMO_SHOP);
    const prospect = await db.influencer.create({
      data: { shopId: shop.id, name: "Pia Prospect", email: "pia.prospect@example.com", status: "PROSPECT" },
    });
    const context = await merchantContext(chromium.browser);
    const page = await context.newPage();
    await page.goto(world.adminUrl("/app/outreach"));
    await page.getByRole("heading", { name: "Pitch prospects" }).waitFor({ timeout: 20_000 });

    await whenInteractive(page.getByRole("button", { name: "Save template" })); // typed before hydration, the text would be lost
    await page.getByLabel("Subject").fill("{{first_name}}, a partnership with {{shop_name}}?");
    await page
      .getByLabel("Message")
      .fill("Hi {{first_name}}, your {{favourite_colour}} posts are great. Apply: {{application_link}}");
    await page.getByRole("button", { name: "Save template" }).click();
    await page.getByText(/Unknown merge field \{\{favourite_colour\}\}/).waitFor({ timeout: 10_000 });
    expect(await db.emailTemplate.count({ where: { shopId: shop.id, kind: "PITCH" } })).toBe(0);
    await page.getByLabel("Message").fill("Hi {{first_name}}, your posts are great. Apply: {{application_link}}");
    await page.getByRole("region", { name: "Unsaved changes" }).waitFor({ timeout: 10_000 }); // App Bridge's save bar
    await page.getByRole("button", { name: "Save template" }).click();
    await page.getByRole("status").filter({ hasText: "Template saved" }).waitFor({ timeout: 10_000 });
    expect(await db.emailTemplate.findFirstOrThrow({ where: { shopId: shop.id, kind: "PITCH" } })).toMatchObject({
      subject: "{{first_name}}, a partnership with {{shop_name}}?",
    });

    await page.getByLabel("Pia Prospect <pia.prospect@example.com>").check();
    await page.getByRole("button", { name: "Send pitch" }).click();
    await page.getByText(/1 pitch queued|They were all pitched before/).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "send-pitch.png"), fullPage: true });
    expect(await db.influencer.findUniqueOrThrow({ where: { id: prospect.id } })).toMatchObject({ status: "INVITED" });
    const pitch = await db.outboundMessage.findFirstOrThrow({
      where: { influencerId: prospect.id, template: "PITCH" },
    });
    expect(pitch.subject).toBe(`Pia, a partnership with ${shop.name}?`);
    await context.close();
  }, 60_000);
});
