// Tenant isolation, route by route: with a session of shop B, nothing of shop A can be read (pages,
// exports, sparklines, messages) or changed (every form of every admin page, aimed at A's rows).
import { beforeAll, describe, expect, it } from "vitest";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { orderPayload } from "../support/orders";
import { adminFetch, sendWebhook } from "../support/shopify";

const world = useWorld();
const A = {
  name: "Alba Secretname",
  email: "alba.secret@example.com",
  code: "ALBASECRET",
  note: "A's private practice",
  subject: "A's private subject",
};
const ids = { influencer: "", payout: "", message: "", note: "", applicant: "" };

const asB = (path: string, init: RequestInit = {}) => adminFetch(world.app.url, path, { ...init, shop: OTHER_SHOP });
const postAsB = (path: string, fields: Record<string, string>) =>
  asB(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

/** Everything of shop A that a route could change, as one comparable value. */
async function shopAState() {
  const db = world.database.db;
  const shop = await shopRow(db, TEST_SHOP);
  const where = { shopId: shop.id };
  return JSON.stringify(
    await Promise.all([
      db.shop.findUniqueOrThrow({ where: { id: shop.id } }),
      db.influencer.findMany({ where, orderBy: { id: "asc" } }),
      db.discountCode.findMany({ where, orderBy: { id: "asc" } }),
      db.referralLink.findMany({ where, orderBy: { id: "asc" } }),
      db.payout.findMany({ where, orderBy: { id: "asc" } }),
      db.commission.findMany({ where, orderBy: { id: "asc" } }),
      db.outboundMessage.findMany({ where, orderBy: { id: "asc" } }),
      db.portalToken.findMany({ where, orderBy: { id: "asc" } }),
      db.bestPracticeNote.findMany({ where, orderBy: { id: "asc" } }),
      db.cost.findMany({ where, orderBy: { id: "asc" } }),
      db.emailTemplate.findMany({ where, orderBy: { id: "asc" } }),
      db.commissionRule.findMany({ where, orderBy: { id: "asc" } }),
    ]),
  );
}

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  expect((await asB("/app")).status).toBe(200);
  const db = world.database.db;
  const shop = await shopRow(db, TEST_SHOP);
  const seeded = await seedInfluencerWithLink(db, TEST_SHOP, { slug: "alba", code: A.code, email: A.email });
  await db.influencer.update({ where: { id: seeded.influencer.id }, data: { name: A.name } });
  ids.influencer = seeded.influencer.id;
  expect(
    (
      await sendWebhook(
        world.app.url,
        "orders/create",
        orderPayload({ id: 31_001, netMinor: 77_700, daysAgo: 1, code: A.code }),
      )
    ).status,
  ).toBe(200);
  ids.payout = (
    await db.payout.create({
      data: { shopId: shop.id, influencerId: seeded.influencer.id, amountMinor: 5_000, currency: "USD" },
    })
  ).id;
  ids.message = (
    await db.outboundMessage.create({
      data: {
        shopId: shop.id,
        influencerId: seeded.influencer.id,
        dedupeKey: "a-msg",
        template: "PITCH",
        toEmail: A.email,
        subject: A.subject,
        bodyText: "x",
        bodyHtml: "x",
        status: "FAILED",
      },
    })
  ).id;
  ids.note = (
    await db.bestPracticeNote.create({ data: { shopId: shop.id, title: A.note, body: "secret", shared: true } })
  ).id;
  ids.applicant = (
    await db.influencer.create({
      data: { shopId: shop.id, name: "Applicant of A", email: "applicant.a@example.com", status: "APPLIED" },
    })
  ).id;
});

const SECRETS = () => [A.name, A.email, A.code, A.note, A.subject, "Applicant of A", "777.00", ids.influencer];

describe("a session of shop B", () => {
  const pages = [
    "/app",
    "/app/influencers",
    "/app/applications",
    "/app/outreach",
    "/app/payouts",
    "/app/categories",
    "/app/what-works",
    "/app/settings",
    "/app/backfill",
    "/app/influencers/import",
  ];
  const exports = [
    "/app/reports/influencers.csv?from=2026-01-01&to=2026-12-31",
    "/app/reports/orders.csv?from=2026-01-01&to=2026-12-31",
    "/app/reports/categories.csv?from=2026-01-01&to=2026-12-31",
    "/app/influencers/export.csv",
    "/app/payouts/paypal.csv",
  ];

  it.each([...pages, ...exports])("reads nothing of shop A on %s", async (path) => {
    const response = await asB(path);
    expect(response.status, path).toBe(200);
    const body = await response.text();
    for (const secret of SECRETS()) expect(body, `${path} shows ${secret}`).not.toContain(secret);
  });

  it.each([
    ["an influencer", () => `/app/influencers/${ids.influencer}`],
    ["a payout", () => `/app/payouts/${ids.payout}`],
    ["a message", () => `/app/outreach/${ids.message}`],
  ])("gets 404 for %s of shop A", async (_what, path) => {
    const response = await asB(path());
    expect(response.status).toBe(404);
    const body = await response.text();
    for (const secret of SECRETS()) expect(body).not.toContain(secret);
  });

  it("gets no sparkline of shop A's influencers", async () => {
    expect(await (await asB(`/app/trends?ids=${ids.influencer}&from=2026-11-01&to=2026-11-30`)).json()).toEqual({
      trends: {},
    });
  });

  it.each([
    ["/app/influencers/:id", { intent: "status", status: "ARCHIVED" }],
    [
      "/app/influencers/:id",
      { intent: "profile", name: "Taken over", email: "b@example.com", commissionPercent: "50", tags: "" },
    ],
    [
      "/app/influencers/:id",
      { intent: "add-code", code: "STOLEN10", discountType: "percentage", discountPercent: "90" },
    ],
    ["/app/influencers/:id", { intent: "add-link", slug: "stolen", destinationPath: "/" }],
    [
      "/app/influencers/:id",
      { intent: "add-cost", costKind: "FLAT_FEE", amount: "100.00", incurredOn: "2026-11-01", note: "" },
    ],
    ["/app/influencers/:id", { intent: "portal-link" }],
    ["/app/influencers/:id", { intent: "portal-revoke" }],
    ["/app/applications", { intent: "approve", influencerId: ":applicant" }],
    ["/app/applications", { intent: "decline", influencerId: ":applicant" }],
    ["/app/outreach?index", { intent: "retry", messageId: ":message" }],
    ["/app/outreach?index", { intent: "pitch", "prospect::id": "on" }],
    ["/app/payouts?index", { intent: "paid", payoutId: ":payout", reference: "B-REF" }],
    ["/app/payouts?index", { intent: "cancel", payoutId: ":payout" }],
    ["/app/payouts?index", { intent: "adjust", payoutId: ":payout", amount: "-10.00", reason: "B" }],
    ["/app/what-works", { intent: "share", noteId: ":note", shared: "false" }],
  ])("changes nothing of shop A with POST %s %j", async (path, fields) => {
    const resolve = (value: string) =>
      value
        .replace(":id", ids.influencer)
        .replace(":applicant", ids.applicant)
        .replace(":message", ids.message)
        .replace(":payout", ids.payout)
        .replace(":note", ids.note);
    const before = await shopAState();
    const response = await postAsB(
      resolve(path),
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [resolve(k), resolve(v)])),
    );
    expect(response.status).toBeLessThan(500);
    expect(await shopAState()).toBe(before);
  });
});
