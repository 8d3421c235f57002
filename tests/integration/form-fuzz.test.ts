// Every form of every admin and public page, with one field at a time missing, empty, of the wrong
// type, huge, or naming another shop's row: a 4xx whose answer names the field, and, table by
// table, nothing changed here or in Shopify (the stand-in's recorded mutations).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { OTHER_SHOP, TEST_SHOP } from "../support/constants";
import { seedInfluencerWithLink, settingsForm, shopRow } from "../support/factories";
import { useWorld } from "../support/harness";
import { adminFetch } from "../support/shopify";

const world = useWorld({ env: { TRUST_PROXY: "1" } });

/** What a field holds, which decides the bad values it is sent. */
type Kind =
  | "id" // a required row id: missing, empty, not an id, huge, another shop's
  | "optional-id" // may be empty: not an id, huge, another shop's
  | "required" // required text: missing, empty, huge
  | "text" // optional text with a limit: huge
  | "number" // a required number: missing, empty, not a number, out of range
  | "optional-number" // not a number, out of range
  | "enum" // one of a few words: missing, empty, another word
  | "email" // missing, empty, not an email, huge
  | "optional-email" // not an email, huge
  | "date"; // optional date: not a date

type Form = {
  name: string;
  path: () => string;
  fields: () => Record<string, string>;
  kinds: Record<string, Kind>;
  foreign?: Record<string, () => string>;
  public?: boolean;
};

const HUGE = "x".repeat(25_000);

function badValues(kind: Kind): Array<[string, string | undefined]> {
  const missing: [string, undefined] = ["missing", undefined];
  const empty: [string, string] = ["empty", ""];
  const huge: [string, string] = ["huge", HUGE];
  switch (kind) {
    case "id":
      return [missing, empty, ["not an id", "'; drop table x; --"], huge];
    case "optional-id":
      return [["not an id", "../../etc"], huge];
    case "required":
      return [missing, empty, huge];
    case "text":
      return [huge];
    case "number":
      return [missing, empty, ["not a number", "twelve"], ["out of range", "9".repeat(30)]];
    case "optional-number":
      return [
        ["not a number", "twelve"],
        ["out of range", "9".repeat(30)],
      ];
    case "enum":
      return [missing, empty, ["another word", "constructor"]];
    case "email":
      return [missing, empty, ["not an email", "nobody"], ["huge", `${HUGE}@example.com`]];
    case "optional-email":
      return [
        ["not an email", "nobody"],
        ["huge", `${HUGE}@example.com`],
      ];
    case "date":
      return [["not a date", "31/12/2026"]];
  }
}

const ids = {
  influencer: "",
  code: "",
  link: "",
  payout: "",
  message: "",
  note: "",
  applicant: "",
  prospect: "",
  portal: "",
  handle: "",
};
const theirs = { influencer: "", code: "", link: "", payout: "", message: "", note: "", applicant: "" };

const forms: Form[] = [
  {
    name: "influencer profile",
    path: () => `/app/influencers/${ids.influencer}`,
    fields: () => ({
      intent: "profile",
      name: "Fuzz Person",
      email: "fuzz@example.com",
      commissionPercent: "12",
      tags: "a",
    }),
    kinds: { intent: "enum", name: "required", email: "email", commissionPercent: "optional-number", tags: "text" },
  },
  {
    name: "influencer status",
    path: () => `/app/influencers/${ids.influencer}`,
    fields: () => ({ intent: "status", status: "PAUSED" }),
    kinds: { status: "enum" },
  },
  {
    name: "a code on or off",
    path: () => `/app/influencers/${ids.influencer}`,
    fields: () => ({ intent: "code-active", codeId: ids.code, active: "false" }),
    kinds: { codeId: "id", active: "enum" },
    foreign: { codeId: () => theirs.code },
  },
  {
    name: "a new code",
    path: () => `/app/influencers/${ids.influencer}`,
    fields: () => ({
      intent: "add-code",
      code: "FUZZNEW",
      discountType: "percentage",
      discountPercent: "10",
      usageLimit: "5",
      startsAt: "2026-01-01",
      minimumSubtotal: "10",
    }),
    kinds: {
      code: "required",
      discountPercent: "number",
      usageLimit: "optional-number",
      startsAt: "date",
      minimumSubtotal: "optional-number",
    },
  },
  {
    name: "a new link",
    path: () => `/app/influencers/${ids.influencer}`,
    fields: () => ({ intent: "add-link", slug: "fuzz-link", destinationPath: "/", discountCodeId: ids.code }),
    kinds: { slug: "text", destinationPath: "text", discountCodeId: "optional-id" },
    foreign: { discountCodeId: () => theirs.code },
  },
  {
    name: "a link on or off",
    path: () => `/app/influencers/${ids.influencer}`,
    fields: () => ({ intent: "link-active", linkId: ids.link, active: "false" }),
    kinds: { linkId: "id", active: "enum" },
    foreign: { linkId: () => theirs.link },
  },
  {
    name: "a cost",
    path: () => `/app/influencers/${ids.influencer}`,
    fields: () => ({ intent: "add-cost", costKind: "FLAT_FEE", amount: "150.00", incurredOn: "2026-11-30", note: "" }),
    kinds: { costKind: "enum", amount: "number", incurredOn: "required", note: "text" },
  },
  {
    name: "another shop's influencer",
    path: () => `/app/influencers/${theirs.influencer}`,
    fields: () => ({ intent: "status", status: "PAUSED" }),
    kinds: {},
  },
  {
    name: "new influencer",
    path: () => "/app/influencers/new",
    fields: () => ({
      name: "Fuzz New",
      email: "fuzz.new@example.com",
      code: "FUZZNEWINF",
      discountType: "percentage",
      discountPercent: "10",
      commissionPercent: "",
    }),
    kinds: {
      name: "required",
      email: "email",
      code: "required",
      discountPercent: "number",
      commissionPercent: "optional-number",
    },
  },
  {
    name: "payout paid",
    path: () => "/app/payouts?index",
    fields: () => ({ intent: "paid", payoutId: ids.payout, reference: "BATCH-1" }),
    kinds: { intent: "enum", payoutId: "id", reference: "required" },
    foreign: { payoutId: () => theirs.payout },
  },
  {
    name: "payout adjusted",
    path: () => "/app/payouts?index",
    fields: () => ({ intent: "adjust", payoutId: ids.payout, amount: "-1.00", reason: "Returned gift" }),
    kinds: { payoutId: "id", amount: "number", reason: "required" },
    foreign: { payoutId: () => theirs.payout },
  },
  {
    name: "payouts paid together",
    path: () => "/app/payouts?index",
    fields: () => ({ intent: "paid-many", payoutIds: ids.payout, reference: "BATCH-2" }),
    kinds: { intent: "enum", payoutIds: "id", reference: "required" },
    foreign: { payoutIds: () => theirs.payout },
  },
  {
    name: "payouts as store credit together",
    path: () => "/app/payouts?index",
    fields: () => ({ intent: "store-credit-many", payoutIds: ids.payout }),
    kinds: { intent: "enum", payoutIds: "id" },
    foreign: { payoutIds: () => theirs.payout },
  },
  ...["setup-form-shared", "setup-dismiss"].map((intent): Form => ({
    name: `setup guide ${intent}`,
    path: () => "/app?index",
    fields: () => ({ intent }),
    kinds: { intent: "enum" },
  })),
  ...["store-credit", "cancel", "return-to-draft"].map((intent): Form => ({
    name: `payout ${intent}`,
    path: () => "/app/payouts?index",
    fields: () => ({ intent, payoutId: ids.payout }),
    kinds: { payoutId: "id" },
    foreign: { payoutId: () => theirs.payout },
  })),
  ...["approve", "decline"].map((intent): Form => ({
    name: `application ${intent}`,
    path: () => "/app/applications",
    fields: () => ({ intent, influencerId: ids.applicant }),
    kinds: { intent: "enum", influencerId: "id" },
    foreign: { influencerId: () => theirs.applicant },
  })),
  {
    name: "email template",
    path: () => "/app/outreach",
    fields: () => ({
      intent: "save",
      kind: "PITCH",
      subject: "Hello {{first_name}}",
      body: "Join us {{application_link}}",
    }),
    kinds: { intent: "enum", kind: "enum", subject: "required", body: "required" },
  },
  {
    name: "email template reset",
    path: () => "/app/outreach",
    fields: () => ({ intent: "reset", kind: "PITCH" }),
    kinds: { kind: "enum" },
  },
  {
    name: "pitch",
    path: () => "/app/outreach",
    fields: () => ({ intent: "pitch", [`prospect:${ids.prospect}`]: "on" }),
    kinds: {},
  },
  {
    name: "send again",
    path: () => "/app/outreach",
    fields: () => ({ intent: "retry", messageId: ids.message }),
    kinds: { messageId: "optional-id" },
    foreign: { messageId: () => theirs.message },
  },
  {
    name: "email preview",
    path: () => "/app/outreach/preview",
    fields: () => ({ kind: "PITCH", subject: "Hi", body: "Body" }),
    kinds: { kind: "enum", subject: "text", body: "text" },
  },
  {
    name: "a practice",
    path: () => "/app/what-works",
    fields: () => ({
      intent: "add",
      formKey: randomUUID(),
      title: "Film the unboxing",
      body: "Show the product in the first seconds",
    }),
    kinds: { intent: "enum", formKey: "required", title: "required", body: "required" },
  },
  {
    name: "a practice shared",
    path: () => "/app/what-works",
    fields: () => ({ intent: "share", noteId: ids.note, shared: "false" }),
    kinds: { noteId: "id", shared: "enum" },
    foreign: { noteId: () => theirs.note },
  },
  {
    name: "settings",
    path: () => "/app/settings",
    fields: () => settingsForm({ commissionPercent: "11" }),
    kinds: {
      commissionKind: "enum",
      commissionPercent: "number",
      newCustomerBonus: "number",
      holdPeriodDays: "number",
      payoutThreshold: "number",
      attributionWindowDays: "number",
      attributionMode: "enum",
      linkCredit: "enum",
    },
  },
  {
    name: "application form",
    public: true,
    path: () => `/apply/${ids.handle}`,
    fields: () => ({
      name: "Fuzz Applicant",
      email: "fuzz.applicant@example.com",
      socialProfiles: "https://instagram.com/fuzz",
      audienceSize: "1000",
      categories: "",
      message: "",
    }),
    kinds: {
      name: "required",
      email: "email",
      socialProfiles: "required",
      audienceSize: "optional-number",
      categories: "text",
      message: "text",
    },
  },
  {
    name: "portal payout email",
    public: true,
    path: () => `/portal/${ids.portal}`,
    fields: () => ({ paypalEmail: "fuzz.paypal@example.com" }),
    kinds: { paypalEmail: "optional-email" },
  },
];

/** Every row a form could change, table by table, and the mutations Shopify was sent. */
async function everything() {
  const db = world.database.db;
  const byId = { orderBy: { id: "asc" as const } };
  const tables = {
    shops: await db.shop.findMany(byId),
    influencers: await db.influencer.findMany(byId),
    codes: await db.discountCode.findMany(byId),
    links: await db.referralLink.findMany(byId),
    payouts: await db.payout.findMany(byId),
    commissions: await db.commission.findMany(byId),
    adjustments: await db.commissionAdjustment.findMany(byId),
    audit: await db.auditEntry.findMany(byId),
    notes: await db.bestPracticeNote.findMany(byId),
    templates: await db.emailTemplate.findMany(byId),
    messages: await db.outboundMessage.findMany(byId),
    portalTokens: await db.portalToken.findMany(byId),
    costs: await db.cost.findMany(byId),
    rules: await db.commissionRule.findMany(byId),
    days: await db.influencerDay.findMany({ orderBy: [{ influencerId: "asc" }, { day: "asc" }] }),
    shopDays: await db.shopDay.findMany({ orderBy: [{ shopId: "asc" }, { day: "asc" }] }),
  };
  const mutations = world.adminApi.calls.filter((c) =>
    /Create|Update|Delete|Activate|Deactivate|Credit/.test(c.operation),
  ).length;
  return Object.fromEntries([
    ...Object.entries(tables).map(([name, rows]) => [name, JSON.stringify(rows)]),
    ["shopify mutations", String(mutations)],
  ]);
}

let visitor = 0;
/** The action's answer as data (Remix's single-fetch `.data` request): its status and every string in it. */
async function submit(form: Form, fields: Record<string, string>) {
  const [pathname, query] = form.path().split("?");
  const url = `${pathname}.data${query ? `?${query}` : ""}`;
  const init = {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `203.0.113.${++visitor % 250}` },
    body: new URLSearchParams(fields).toString(),
  };
  const response = form.public
    ? await fetch(`${world.app.url}${url}`, init)
    : await adminFetch(world.app.url, url, init);
  const text = await response.text();
  let strings: string[] = [];
  try {
    strings = (JSON.parse(text.split("\n")[0]) as unknown[]).filter((v): v is string => typeof v === "string");
  } catch {
    strings = [text];
  }
  return { status: response.status, strings, text };
}

const cases = forms.flatMap((form) => [
  ...Object.entries(form.kinds).flatMap(([field, kind]) =>
    badValues(kind).map(([how, value]) => ({ form, field, how, value: () => value })),
  ),
  ...Object.entries(form.foreign ?? {}).map(([field, value]) => ({
    form,
    field,
    how: "another shop's",
    value: () => value() as string | undefined,
  })),
]);

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
  expect((await adminFetch(world.app.url, "/app", { shop: OTHER_SHOP })).status).toBe(200);
  const db = world.database.db;
  const mine = await seedInfluencerWithLink(db, TEST_SHOP, {
    slug: "fuzz",
    code: "FUZZ10",
    email: "fuzz.seed@example.com",
  });
  const other = await seedInfluencerWithLink(db, OTHER_SHOP, {
    slug: "theirs",
    code: "THEIRS10",
    email: "theirs@example.com",
  });
  for (const [target, seeded, shop] of [
    [ids, mine, TEST_SHOP],
    [theirs, other, OTHER_SHOP],
  ] as const) {
    const shopId = (await shopRow(db, shop)).id;
    target.influencer = seeded.influencer.id;
    target.code = (await db.discountCode.findFirstOrThrow({ where: { influencerId: seeded.influencer.id } })).id;
    target.link = (await db.referralLink.findFirstOrThrow({ where: { influencerId: seeded.influencer.id } })).id;
    target.payout = (
      await db.payout.create({
        data: { shopId, influencerId: seeded.influencer.id, amountMinor: 5_000, currency: "USD" },
      })
    ).id;
    target.message = (
      await db.outboundMessage.create({
        data: {
          shopId,
          influencerId: seeded.influencer.id,
          dedupeKey: `fuzz-${shop}`,
          template: "PITCH",
          toEmail: "x@example.com",
          subject: "s",
          bodyText: "x",
          bodyHtml: "x",
          status: "FAILED",
          attempts: 3,
        },
      })
    ).id;
    target.note = (
      await db.bestPracticeNote.create({ data: { shopId, title: "Practice", body: "Body", shared: true } })
    ).id;
    target.applicant = (
      await db.influencer.create({ data: { shopId, name: "Applicant", email: `applicant@${shop}`, status: "APPLIED" } })
    ).id;
  }
  const shop = await shopRow(db, TEST_SHOP);
  ids.handle = shop.handle;
  ids.prospect = (
    await db.influencer.create({
      data: { shopId: shop.id, name: "Prospect", email: "prospect@example.com", status: "PROSPECT" },
    })
  ).id;
  const link = await adminFetch(world.app.url, `/app/influencers/${ids.influencer}.data`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "intent=portal-link",
  });
  ids.portal = /\/portal\/([A-Za-z0-9_-]+)/.exec(await link.text())![1];
});

describe("form fuzz", () => {
  it.each(cases.map((c) => [c.form.name, c.field, c.how, c] as const))(
    "%s: %s %s is refused naming the field, changing nothing",
    async (_name, field, how, c) => {
      const fields = c.form.fields();
      const value = c.value();
      if (value === undefined) delete fields[field];
      else fields[field] = value;
      const before = await everything();
      const answer = await submit(c.form, fields);
      expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      // The field by its name: as the key of its error, or in the message ("payoutId is required").
      if (answer.status !== 413)
        expect(
          answer.strings.some((s) => s.includes(field)),
          `${how} ${field}: ${answer.strings.join(" | ")}`,
        ).toBe(true);
      expect(await everything()).toEqual(before);
    },
  );

  it("a pitch to nobody, or to something that is not an id, names prospects", async () => {
    const pitch = forms.find((f) => f.name === "pitch")!;
    for (const fields of [{ intent: "pitch" }, { intent: "pitch", "prospect:../x": "on" }] as Array<
      Record<string, string>
    >) {
      const before = await everything();
      const answer = await submit(pitch, fields);
      expect(answer.status).toBe(400);
      expect(answer.strings).toContain("prospects");
      expect(await everything()).toEqual(before);
    }
  });

  it("and another shop's influencer page is not found", async () => {
    const before = await everything();
    const answer = await submit(
      forms.find((f) => f.name === "another shop's influencer")!,
      { intent: "status", status: "PAUSED" },
    );
    expect(answer.status).toBe(404);
    expect(await everything()).toEqual(before);
  });
});
