// Outreach and the portal through their real routes, with mail going to a real SMTP server on
// loopback: pitches, applications and their approval, the welcome email's portal link, the
// monthly email and its opt-out, and what a portal token can and cannot read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/constants";
import { eventually, seedInfluencerWithLink, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { adminFetch, browserFetch, sendWebhook } from "../support/shopify";
import { startSmtp } from "../support/smtp";

const APP_URL = "https://referral-loop.test";
const smtpEnv: Record<string, string> = {};
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  smtpEnv.SMTP_URL = smtp.url;
  smtpEnv.MAIL_FROM = "Glow Partners <partners@glow.example>";
  smtpEnv.TRUST_PROXY = "1"; // each test's visitor is told apart by X-Forwarded-For
});
afterAll(() => smtp?.close());
const world = useWorld({ env: smtpEnv });

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});
const local = (link: string) => link.replace(APP_URL, world.app.url);
const linkIn = (text: string, path: string) => new RegExp(`${APP_URL}/${path}/[A-Za-z0-9_.-]+`).exec(text)?.[0] ?? "";

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  await world.database.db.shop.update({
    where: { domain: TEST_SHOP },
    data: { name: "Glow & Co", defaultCommissionBps: 1200, defaultDiscountBps: 1500 },
  });
});

describe("pitching prospects", () => {
  it("sends the pitch through SMTP with its merge fields filled, once, and marks them invited", async () => {
    const shop = await shopRow(world.database.db, TEST_SHOP);
    const prospect = await world.database.db.influencer.create({
      data: { shopId: shop.id, name: "Maya Lopez", email: "maya@example.com", status: "PROSPECT" },
    });
    const send = () =>
      adminFetch(world.app.url, "/app/outreach?index", form({ intent: "pitch", [`prospect:${prospect.id}`]: "on" }));
    expect((await send()).status).toBe(200);
    await eventually(async () => smtp.received.length === 1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual(["maya@example.com"]);
    expect(mail.from).toBe("partners@glow.example");
    expect(mail.subject).toBe("Glow & Co would love to partner with you, Maya");
    expect(mail.text).toContain("Hi Maya,");
    expect(mail.text).toContain("12% commission on every order you bring");
    expect(mail.text).toContain("15% off for your followers");
    expect(mail.text).toContain(`${APP_URL}/apply/test-shop`);
    expect(mail.html).toContain("Glow &amp; Co");
    expect((await world.database.db.influencer.findUniqueOrThrow({ where: { id: prospect.id } })).status).toBe(
      "INVITED",
    );

    expect((await send()).status).toBe(200); // pitched before: nothing new
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(1);
  });

  it("refuses a template with an unknown merge field and keeps the saved one", async () => {
    const response = await adminFetch(
      world.app.url,
      "/app/outreach?index",
      form({ intent: "save", kind: "PITCH", subject: "Hi {{frist_name}}", body: "Hello" }),
    );
    expect(await response.text()).toContain("Unknown merge field {{frist_name}}");
    expect(await world.database.db.emailTemplate.count()).toBe(0);
    await adminFetch(
      world.app.url,
      "/app/outreach?index",
      form({
        intent: "save",
        kind: "PITCH",
        subject: "A note from {{shop_name}}",
        body: "Hi {{first_name}}, apply at {{application_link}}",
      }),
    );
    const preview = await (
      await adminFetch(
        world.app.url,
        "/app/outreach/preview",
        form({ kind: "PITCH", subject: "For {{first_name}}", body: "<b>{{shop_name}}</b>" }),
      )
    ).json();
    expect(preview.preview.subject).toBe("For Alex");
    expect(preview.preview.html).toContain("&lt;b&gt;Glow &amp; Co&lt;/b&gt;"); // typed markup stays text
  });
});

describe("a mail server that refuses", () => {
  it("keeps the message failed with its reason, and sends it once when asked again", async () => {
    const shop = await shopRow(world.database.db, TEST_SHOP);
    const prospect = await world.database.db.influencer.create({
      data: { shopId: shop.id, name: "Noor Ali", email: "noor@example.com", status: "PROSPECT" },
    });
    smtp.refuse("mailbox service busy");
    const before = smtp.received.length;
    await adminFetch(
      world.app.url,
      "/app/outreach?index",
      form({ intent: "pitch", [`prospect:${prospect.id}`]: "on" }),
    );
    const failed = await world.database.db.outboundMessage.findFirstOrThrow({ where: { influencerId: prospect.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toContain("mailbox service busy");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    const outbox = await (await adminFetch(world.app.url, "/app/outreach")).text();
    expect(outbox).toContain("mailbox service busy");

    smtp.refuse(null);
    await adminFetch(world.app.url, "/app/outreach?index", form({ intent: "retry" })); // not due yet: waits
    expect(smtp.received.length).toBe(before);
    await adminFetch(world.app.url, "/app/outreach?index", form({ intent: "retry", messageId: failed.id })); // "Send again"
    await adminFetch(world.app.url, "/app/outreach?index", form({ intent: "retry", messageId: failed.id })); // twice: still once
    expect(smtp.received.filter((m) => m.to.includes("noor@example.com"))).toHaveLength(1);
    expect(await world.database.db.outboundMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "SENT",
    });
  });
});

describe("applications", () => {
  const apply = (fields: Record<string, string>, ip = "203.0.113.7") =>
    browserFetch(`${world.app.url}/apply/test-shop`, {
      ...form(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip },
    });

  it("shows the form, refuses bad input field by field, and drops what a bot fills in", async () => {
    const page = await browserFetch(`${world.app.url}/apply/test-shop`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect(await page.text()).toContain("Partner with Glow &amp; Co");

    const bad = await apply({ name: "", email: "nope", socialProfiles: "my-instagram", audienceSize: "lots" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    for (const message of [
      "Enter your name",
      "Enter an email address like name@example.com",
      "Give each profile as a link, like instagram.com/yourname",
      "Enter your audience as a whole number",
    ]) {
      expect(html).toContain(message);
    }
    const bot = await apply({
      name: "Bot",
      email: "bot@example.com",
      socialProfiles: "https://x.example/bot",
      website: "https://spam.example",
    });
    expect(bot.status).toBe(200);
    expect(await world.database.db.influencer.count({ where: { email: "bot@example.com" } })).toBe(0);
  });

  it("limits how often one visitor can apply", async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await apply({ name: "", email: "" }, "198.51.100.9")).status);
    expect(answers).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it("queues an application; approving makes the code in Shopify, the link, and mails the portal link", async () => {
    const sent = await apply(
      {
        name: "Sam <i>Reed</i>",
        email: "sam@example.com",
        socialProfiles: "https://instagram.com/samreed",
        audienceSize: "48,000",
        categories: "skincare",
      },
      "192.0.2.44",
    );
    expect(sent.status).toBe(200);
    const applicant = await world.database.db.influencer.findFirstOrThrow({ where: { email: "sam@example.com" } });
    expect(applicant).toMatchObject({
      status: "APPLIED",
      audienceSize: 48_000,
      socialProfiles: "https://instagram.com/samreed",
    });
    const queue = await (await adminFetch(world.app.url, "/app/applications")).text();
    expect(queue).toContain("Sam &lt;i&gt;Reed&lt;/i&gt;");
    expect(queue).not.toContain("<i>Reed</i>");

    const approved = await adminFetch(
      world.app.url,
      "/app/applications",
      form({ intent: "approve", influencerId: applicant.id }),
    );
    expect(await approved.text()).toContain("Approved with the code");
    const influencer = await world.database.db.influencer.findUniqueOrThrow({
      where: { id: applicant.id },
      include: { codes: true, links: true },
    });
    expect(influencer.status).toBe("ACTIVE");
    expect(influencer.codes).toHaveLength(1);
    expect(influencer.codes[0]).toMatchObject({ status: "ACTIVE", percentBps: 1500 });
    expect(
      [...world.adminApi.shop(TEST_SHOP).discounts.values()].some((d) =>
        JSON.stringify(d).includes(influencer.codes[0].code),
      ),
    ).toBe(true);
    expect(influencer.links).toHaveLength(1);

    await eventually(async () => smtp.received.some((m) => m.to.includes("sam@example.com")));
    const welcome = smtp.received.find((m) => m.to.includes("sam@example.com"))!;
    expect(welcome.subject).toBe("Welcome to Glow & Co's partners, Sam");
    expect(welcome.text).toContain(`${influencer.codes[0].code} (15% off)`);
    const portalLink = linkIn(welcome.text, "portal");
    // The stored message never held the link in clear: its body stands for it, sealed beside it
    // until it was sent, and gone once sent.
    const stored = await world.database.db.outboundMessage.findFirstOrThrow({
      where: { toEmail: "sam@example.com", template: "WELCOME" },
    });
    const token = portalLink.split("/portal/")[1];
    expect(stored.bodyText + stored.bodyHtml).not.toContain(token);
    expect(stored).toMatchObject({ status: "SENT", sealedLink: null });
    const page = await (await adminFetch(world.app.url, `/app/outreach/${stored.id}`)).text();
    expect(page).not.toContain(token);
    expect(page).toContain("their private portal link");
    const portal = await browserFetch(local(portalLink));
    expect(portal.status).toBe(200);
    expect(portal.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await portal.text();
    expect(html).toContain(influencer.codes[0].code);
    expect(html).toContain("Sam &lt;i&gt;Reed&lt;/i&gt;");
    expect(html).not.toContain("<i>Reed</i>");
  });
});

describe("the portal", () => {
  it("reads only its own influencer's figures, never a shopper's, and shows notes as text", async () => {
    const db = world.database.db;
    const mine = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "mine", code: "MINE10" });
    const theirs = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "theirs", code: "THEIRS10" });
    await db.influencer.update({ where: { id: mine.influencer.id }, data: { name: "Lee <script>alert(1)</script>" } });
    const shop = await shopRow(db, TEST_SHOP);
    await db.bestPracticeNote.create({
      data: { shopId: shop.id, title: "Film it <b>in use</b>", body: "Routines sell", shared: true },
    });
    await db.bestPracticeNote.create({
      data: { shopId: shop.id, title: "Private note", body: "Only for us", shared: false },
    });
    const order = orderPayload({ id: 7001, netMinor: 4_200, daysAgo: 1, code: "MINE10" });
    expect(
      (
        await sendWebhook(world.app.url, "orders/create", {
          ...order,
          customer: { id: 99, email: "shopper@example.com" },
        })
      ).status,
    ).toBe(200);
    await sendWebhook(
      world.app.url,
      "orders/create",
      orderPayload({ id: 7002, netMinor: 9_900, daysAgo: 1, code: "THEIRS10" }),
    );

    const link = await adminFetch(
      world.app.url,
      `/app/influencers/${mine.influencer.id}`,
      form({ intent: "portal-link" }),
    );
    const token = /\/portal\/([A-Za-z0-9_-]+)/.exec(await link.text())![1];
    expect(await db.portalToken.count({ where: { tokenHash: token } })).toBe(0); // only its hash is kept
    const html = await (await browserFetch(`${world.app.url}/portal/${token}`)).text();
    expect(html).toContain("MINE10");
    expect(html).toContain("$42.00");
    // Pending earnings: the commission on this influencer's order alone, not on the other one's.
    const commissions = await db.commission.findMany({
      where: { influencerId: { in: [mine.influencer.id, theirs.influencer.id] } },
      select: { influencerId: true, amountMinor: true },
    });
    const pending = (influencerId: string) =>
      `$${(commissions.find((c) => c.influencerId === influencerId)!.amountMinor / 100).toFixed(2)}`;
    expect(html).toMatch(new RegExp(`>Pending</span><span[^>]*>\\${pending(mine.influencer.id)}<`));
    expect(html).not.toContain(pending(theirs.influencer.id));
    expect(html).not.toContain("THEIRS10");
    expect(html).not.toContain(theirs.influencer.name);
    expect(html).not.toContain("99.00");
    expect(html).not.toContain("shopper@example.com");
    expect(html).toContain("Lee &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("Film it &lt;b&gt;in use&lt;/b&gt;");
    expect(html).not.toContain("Private note");
  });

  it("refuses a revoked token, and a rotated one's predecessor", async () => {
    const db = world.database.db;
    const seeded = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "rotating", code: "ROTATE10" });
    const first = /\/portal\/([A-Za-z0-9_-]+)/.exec(
      await (
        await adminFetch(world.app.url, `/app/influencers/${seeded.influencer.id}`, form({ intent: "portal-link" }))
      ).text(),
    )![1];
    const second = /\/portal\/([A-Za-z0-9_-]+)/.exec(
      await (
        await adminFetch(world.app.url, `/app/influencers/${seeded.influencer.id}`, form({ intent: "portal-link" }))
      ).text(),
    )![1];
    const open = (token: string) =>
      browserFetch(`${world.app.url}/portal/${token}`, { headers: { "X-Forwarded-For": "192.0.2.200" } });
    const ended = async (token: string) => {
      const page = await open(token);
      const html = await page.text();
      // The portal is closed: it says whose link it was and offers a new one, and shows nothing else.
      return (
        page.status === 200 &&
        html.includes("This link has ended") &&
        !html.includes("ROTATE10") &&
        !html.includes("Pending")
      );
    };
    expect(await ended(first)).toBe(true);
    expect((await open(second)).status).toBe(200);
    await adminFetch(world.app.url, `/app/influencers/${seeded.influencer.id}`, form({ intent: "portal-revoke" }));
    expect(await ended(second)).toBe(true);
  });

  it("refuses a link past its lifetime (the monthly email brings a new one)", async () => {
    const db = world.database.db;
    const seeded = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "expiring", code: "EXPIRE10" });
    const token = /\/portal\/([A-Za-z0-9_-]+)/.exec(
      await (
        await adminFetch(world.app.url, `/app/influencers/${seeded.influencer.id}`, form({ intent: "portal-link" }))
      ).text(),
    )![1];
    const open = () =>
      browserFetch(`${world.app.url}/portal/${token}`, { headers: { "X-Forwarded-For": "192.0.2.201" } });
    expect((await open()).status).toBe(200);
    const row = await db.portalToken.findFirstOrThrow({ where: { influencerId: seeded.influencer.id } });
    expect(row.expiresAt!.getTime() - Date.now()).toBeGreaterThan(61 * 86_400_000);
    await db.portalToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await (await open()).text()).toContain("This link has ended");

    // "Email me a new link": sent to the address on file, once a day however often it is asked.
    const before = smtp.received.length;
    const ask = () =>
      browserFetch(`${world.app.url}/portal/${token}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "192.0.2.202" },
        body: "",
      });
    expect(await (await ask()).text()).toContain("A new link is on its way");
    await eventually(async () => smtp.received.length === before + 1);
    expect((await ask()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.length).toBe(before + 1);
    const mail = smtp.received[before];
    expect(mail.to).toEqual([seeded.influencer.email]);
    const fresh = /\/portal\/([A-Za-z0-9_-]{40,64})/.exec(mail.text)![1];
    expect(fresh).not.toBe(token);
    expect(
      await (
        await browserFetch(`${world.app.url}/portal/${fresh}`, { headers: { "X-Forwarded-For": "192.0.2.203" } })
      ).text(),
    ).toContain("EXPIRE10");
  });

  it("stops a visitor who keeps trying wrong tokens", async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await browserFetch(`${world.app.url}/portal/${"x".repeat(43)}${i}`, {
            headers: { "X-Forwarded-For": "192.0.2.77" },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(new Array(10).fill(404));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("changes the PayPal email only once confirmed from the address on file, and logs both steps", async () => {
    const db = world.database.db;
    const seeded = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "payme", code: "PAYME10" });
    const id = seeded.influencer.id;
    const token = /\/portal\/([A-Za-z0-9_-]+)/.exec(
      await (await adminFetch(world.app.url, `/app/influencers/${id}`, form({ intent: "portal-link" }))).text(),
    )![1];
    const bad = await browserFetch(`${world.app.url}/portal/${token}`, form({ paypalEmail: "not-an-email" }));
    expect(bad.status).toBe(400);

    // Whoever holds the portal link asks for a new payout email: nothing changes yet.
    const asked = await browserFetch(`${world.app.url}/portal/${token}`, form({ paypalEmail: "Pay.Me@Example.com" }));
    expect(await asked.text()).toContain(`confirm the change from the email we sent to ${seeded.influencer.email}`);
    const waiting = await db.influencer.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ paypalEmail: null, pendingPaypalEmail: "pay.me@example.com" });
    expect(await (await adminFetch(world.app.url, `/app/influencers/${id}`)).text()).toContain(
      "to send payouts to pay.me@example.com",
    );

    // The confirmation goes to the address on file; opening it changes nothing, confirming does.
    await eventually(async () =>
      smtp.received.some(
        (m) => m.to.includes(seeded.influencer.email) && m.subject.startsWith("Confirm your new payout email"),
      ),
    );
    const mail = smtp.received.find(
      (m) => m.to.includes(seeded.influencer.email) && m.subject.startsWith("Confirm your new payout email"),
    )!;
    const confirm = local(linkIn(mail.text, "portal/confirm"));
    expect(confirm).toContain("/portal/confirm/");
    const stored = await db.outboundMessage.findFirstOrThrow({
      where: { template: "PAYOUT_EMAIL_CONFIRM", influencerId: id },
    });
    expect(stored.bodyText).not.toContain(confirm.split("/portal/confirm/")[1]);
    expect((await browserFetch(confirm)).status).toBe(200);
    expect((await db.influencer.findUniqueOrThrow({ where: { id } })).paypalEmail).toBeNull();
    expect((await browserFetch(confirm, form({}))).status).toBe(200);
    expect((await db.influencer.findUniqueOrThrow({ where: { id } })).paypalEmail).toBe("pay.me@example.com");
    expect((await browserFetch(confirm, form({}))).status).toBe(404); // used
    const audit = await db.auditEntry.findMany({
      where: { subject: id, action: { startsWith: "payout-email." } },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["payout-email.requested", "payout-email.changed"]);
  });
});

describe("the monthly email", () => {
  it("reports last month to active influencers, once, with an opt-out that works", async () => {
    Object.assign(process.env, {
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: APP_URL,
    });
    const { queueMonthlyEmails } = await import("~/server/outreach/monthly-email.server");
    const db = world.database.db;
    const seeded = await seedInfluencerWithLink(db, TEST_SHOP, {
      slug: "monthly",
      code: "MONTHLY10",
      email: "monthly@example.com",
    });
    const shop = await shopRow(db, TEST_SHOP);
    await db.influencerDay.create({
      data: {
        shopId: shop.id,
        influencerId: seeded.influencer.id,
        day: "2026-11-14",
        clicks: 300,
        orders: 4,
        netSalesMinor: 32_000,
      },
    });
    const december = new Date("2026-12-01T06:00:00Z");
    expect(await queueMonthlyEmails(db, APP_URL, december)).toBeGreaterThan(0);
    expect(await queueMonthlyEmails(db, APP_URL, december)).toBe(0); // once a month
    await adminFetch(world.app.url, "/app/outreach?index", form({ intent: "retry" }));
    await eventually(async () => smtp.received.some((m) => m.to.includes("monthly@example.com")));
    const mail = smtp.received.find((m) => m.to.includes("monthly@example.com"))!;
    expect(mail.subject).toBe("Your November 2026 with Glow & Co: 4 orders");
    expect(mail.text).toContain("300 clicks on your link");
    expect(mail.text).toContain("4 orders, $320.00 in sales");
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toContain(`${APP_URL}/unsubscribe/`);

    const optOut = local(linkIn(mail.text, "unsubscribe"));
    expect((await browserFetch(optOut)).status).toBe(200);
    expect((await db.influencer.findUniqueOrThrow({ where: { id: seeded.influencer.id } })).emailOptOut).toBe(false); // opening the link changes nothing
    expect((await browserFetch(optOut, form({}))).status).toBe(200);
    expect((await db.influencer.findUniqueOrThrow({ where: { id: seeded.influencer.id } })).emailOptOut).toBe(true);
    expect((await browserFetch(`${optOut.slice(0, -3)}xyz`)).status).toBe(404); // a forged link

    const count = await db.outboundMessage.count({ where: { influencerId: seeded.influencer.id } });
    await queueMonthlyEmails(db, APP_URL, new Date("2027-01-01T06:00:00Z"));
    expect(await db.outboundMessage.count({ where: { influencerId: seeded.influencer.id } })).toBe(count);
  });
});

describe("logs", () => {
  it("never hold a portal token, the app's secret or a shopper's email", async () => {
    const tokens = (await world.database.db.portalToken.count()) > 0;
    expect(tokens).toBe(true);
    const output = world.app.output();
    expect(output).not.toContain(TEST_API_SECRET);
    expect(output).not.toMatch(/\/portal\/[A-Za-z0-9_-]{40,}/);
    expect(output).not.toContain("shopper@example.com");
  });
});
