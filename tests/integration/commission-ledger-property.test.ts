// Property: for any sequence of orders, refunds, cancellations, approvals and payouts, every cent
// is accounted for: commissions + adjustments = paid + payable + pending, what is paid equals what
// paid payouts sent, and what was earned equals the rule on what the orders are still worth.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerTotals } from "~/domain/commission";
import { percentOf } from "~/domain/money";
import { approveDueCommissions } from "~/server/ledger/commissions.server";
import { applyOrderSnapshot, applyRefund } from "~/server/ledger/orders.server";
import { balances, createPayouts, markPayoutPaid } from "~/server/payouts/payouts.server";
import { freshDatabase, type TestDatabase } from "../support/databases";
import { orderPayload, refundPayload } from "../support/orders";

type Step =
  | { kind: "order"; netMinor: number; daysAgo: number }
  | { kind: "refund"; order: number; percent: number }
  | { kind: "cancel"; order: number }
  | { kind: "approve" }
  | { kind: "payouts" }
  | { kind: "pay" };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("order" as const),
      netMinor: fc.integer({ min: 1, max: 50_000 }),
      daysAgo: fc.integer({ min: 0, max: 60 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("refund" as const),
      order: fc.nat(),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), order: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: "approve" }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: "payouts" }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: "pay" }) },
);

let database: TestDatabase;
let run = 0;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.drop());

describe("the commission ledger", () => {
  it("accounts for every cent, to the cent", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        run += 1;
        const db = database.db;
        const domain = `ledger-${run}.myshopify.com`;
        const shop = await db.shop.create({ data: { domain, handle: `ledger-${run}`, payoutThresholdMinor: 1000 } });
        const influencer = await db.influencer.create({
          data: { shopId: shop.id, name: "Ledger", email: `ledger${run}@example.com` },
        });
        await db.discountCode.create({
          data: { shopId: shop.id, influencerId: influencer.id, code: "LEDGER", codeKey: "LEDGER", status: "ACTIVE" },
        });

        const orders: Array<{
          id: number;
          netMinor: number;
          refundedMinor: number;
          daysAgo: number;
          cancelled: boolean;
        }> = [];
        let refundId = run * 1000;
        for (const s of steps) {
          if (s.kind === "order") {
            const id = run * 1000 + orders.length + 1;
            orders.push({ id, netMinor: s.netMinor, refundedMinor: 0, daysAgo: s.daysAgo, cancelled: false });
            await applyOrderSnapshot(
              db,
              database.kind,
              domain,
              orderPayload({ id, netMinor: s.netMinor, daysAgo: s.daysAgo, code: "LEDGER" }),
            );
          } else if (s.kind === "refund" && orders.length) {
            const o = orders[s.order % orders.length];
            const amount = Math.min(
              o.netMinor - o.refundedMinor,
              Math.max(1, Math.round((o.netMinor * s.percent) / 100)),
            );
            if (amount <= 0) continue;
            o.refundedMinor += amount;
            await applyRefund(
              db,
              database.kind,
              domain,
              refundPayload({ id: ++refundId, orderId: o.id, amountMinor: amount }),
            );
          } else if (s.kind === "cancel" && orders.length) {
            const o = orders[s.order % orders.length];
            o.cancelled = true;
            await applyOrderSnapshot(
              db,
              database.kind,
              domain,
              orderPayload({ id: o.id, netMinor: o.netMinor, daysAgo: o.daysAgo, code: "LEDGER", cancelled: true }),
            );
          } else if (s.kind === "approve") {
            await approveDueCommissions(db, new Date(), shop.id);
          } else if (s.kind === "payouts") {
            await createPayouts(
              db,
              database.kind,
              { id: shop.id, currency: "USD", payoutThresholdMinor: 1000 },
              "test",
            );
          } else if (s.kind === "pay") {
            for (const p of await db.payout.findMany({ where: { shopId: shop.id, status: "DRAFT" } })) {
              await markPayoutPaid(db, shop.id, p.id, `ref-${p.id}`, "test");
            }
          }
        }

        const commissions = await db.commission.findMany({ where: { shopId: shop.id }, include: { payout: true } });
        const adjustments = await db.commissionAdjustment.findMany({
          where: { shopId: shop.id },
          include: { commission: true, payout: true },
        });
        const totals = ledgerTotals(
          commissions.map((c) => ({
            amountMinor: c.amountMinor,
            status: c.status,
            payoutPaid: c.payout?.status === "PAID",
            inOpenPayout: c.payout?.status === "DRAFT",
          })),
          adjustments.map((a) => ({
            amountMinor: a.amountMinor,
            commissionStatus: a.commission?.status ?? "APPROVED",
            payoutPaid: a.payout?.status === "PAID",
            inOpenPayout: a.payout?.status === "DRAFT",
          })),
        );
        expect(totals.earned).toBe(totals.paid + totals.payable + totals.pending + totals.inPayout);
        // The payouts page's balance (summed by the database) is the same as this one, row by row.
        const [balance] = await balances(db, shop.id);
        const { earned, paid, payable, pending, inPayout } = balance ?? {
          earned: 0,
          paid: 0,
          payable: 0,
          pending: 0,
          inPayout: 0,
        };
        expect({ earned, paid, payable, pending, inPayout }).toEqual(totals);

        // Paid is what paid payouts sent, no more, no less.
        const sent = await db.payout.aggregate({
          where: { shopId: shop.id, status: "PAID" },
          _sum: { amountMinor: true },
        });
        expect(totals.paid).toBe(sent._sum.amountMinor ?? 0);

        // Earned is 10 % of what each order is still worth; a cancelled order earns nothing, unless
        // its commission was already paid out, in which case the clawback brings it to nothing too.
        const expected = orders.reduce(
          (sum, o) => sum + (o.cancelled ? 0 : percentOf(o.netMinor - o.refundedMinor, 1000)),
          0,
        );
        expect(totals.earned).toBe(expected);

        // Nothing is claimed by two payouts, and a draft payout is exactly what it claimed.
        for (const p of await db.payout.findMany({
          where: { shopId: shop.id, status: "DRAFT" },
          include: { commissions: true, adjustments: true },
        })) {
          const claimed =
            p.commissions.reduce((s, c) => s + c.amountMinor, 0) + p.adjustments.reduce((s, a) => s + a.amountMinor, 0);
          expect(p.amountMinor).toBe(claimed);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30) },
    );
  }, 180_000);
});
