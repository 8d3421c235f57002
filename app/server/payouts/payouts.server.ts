// Payouts: approved commissions (and the adjustments that go with them) gathered per influencer
// once their balance reaches the shop's threshold, reviewed, exported or credited, marked paid.
// Every cent of a payout is traceable to its orders. Creating payouts takes a lock per shop and
// claims each commission with a conditional write, so two people pressing "create payouts" at
// once never pay anything twice.
import { Conflict } from "../../domain/command-result";
import { auditDetails } from "../platform/json-columns.server";
import type { PayoutMethod, PayoutStatus } from "#db-client";
import { randomUUID } from "node:crypto";
import { countInChunks, readInChunks } from "../platform/chunks.server";
import type { DatabaseKind } from "../platform/database-url";
import type { Db, Tx } from "../platform/db.server";
import { ledgerTotals, type CommissionState } from "../../domain/commission";
import { toCsv } from "../../domain/csv";
import { enteredMinor, formatMinor } from "../../domain/money";
import { groupBy } from "../../domain/group-by";
import { shopDay } from "../../domain/shop-time";
import { AdminApiError, adminQuery, type AdminGraphql } from "../platform/admin-api.server";
import { lockKey } from "../platform/locks.server";

type Shop = { id: string; currency: string; payoutThresholdMinor: number };

/** What each influencer is owed now (payable) and will be once the hold period ends (pending). */
type PayoutState = { status: string } | null;

/** In a payout that is a draft or being paid: claimed, so not payable again. */
const isOpen = (payout: PayoutState) => payout?.status === "DRAFT" || payout?.status === "PAYING";

/** Earned, paid, payable and pending, from an influencer's commissions and adjustments as stored. */
function earningsOf(
  commissions: Array<{ amountMinor: number; status: CommissionState; payout: PayoutState }>,
  adjustments: Array<{ amountMinor: number; commission: { status: CommissionState } | null; payout: PayoutState }>,
) {
  return ledgerTotals(
    commissions.map((c) => ({
      amountMinor: c.amountMinor,
      status: c.status,
      payoutPaid: c.payout?.status === "PAID",
      inOpenPayout: isOpen(c.payout),
    })),
    adjustments.map((a) => ({
      amountMinor: a.amountMinor,
      commissionStatus: a.commission?.status ?? "APPROVED", // made by hand: payable
      payoutPaid: a.payout?.status === "PAID",
      inOpenPayout: isOpen(a.payout),
    })),
  );
}

/**
 * Earned, paid, payable and pending amounts by influencer, of a shop or of one influencer.
 * Commissions (one an order) are summed by the database per influencer, status and payout, so
 * the payouts page and the portal cost the same at any order count; adjustments (one a refund or
 * a hand-made change) are read as they are.
 */
export async function earningsByInfluencer(db: Tx, where: { shopId: string } | { influencerId: string }) {
  const [sums, adjustments] = await Promise.all([
    db.commission.groupBy({
      by: ["influencerId", "status", "payoutId"],
      where: { ...where, status: { not: "VOID" } },
      _sum: { amountMinor: true },
    }),
    db.commissionAdjustment.findMany({
      where,
      select: {
        influencerId: true,
        amountMinor: true,
        commission: { select: { status: true } },
        payout: { select: { status: true } },
      },
    }),
  ]);
  const payoutIds = [...new Set(sums.map((s) => s.payoutId).filter((id): id is string => id !== null))];
  const payouts = payoutIds.length
    ? await readInChunks(payoutIds, (ids) =>
        db.payout.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } }),
      )
    : [];
  const payoutStatus = new Map(payouts.map((p) => [p.id, p.status]));
  const commissions = groupBy(
    sums.map((s) => ({
      influencerId: s.influencerId,
      amountMinor: s._sum.amountMinor ?? 0,
      status: s.status,
      payout: s.payoutId ? { status: payoutStatus.get(s.payoutId) ?? "DRAFT" } : null,
    })),
    (c) => c.influencerId,
  );
  const adjustmentsOf = groupBy(adjustments, (a) => a.influencerId);
  const ids = new Set([...commissions.keys(), ...adjustmentsOf.keys()]);
  return new Map([...ids].map((id) => [id, earningsOf(commissions.get(id) ?? [], adjustmentsOf.get(id) ?? [])]));
}

/** Every influencer of the shop with something earned, payable or pending. */
export async function balances(db: Tx, shopId: string) {
  const [earnings, influencers] = await Promise.all([
    earningsByInfluencer(db, { shopId }),
    db.influencer.findMany({
      where: { shopId },
      select: { id: true, name: true, email: true, paypalEmail: true, shopifyCustomerId: true },
    }),
  ]);
  return influencers
    .map((influencer) => ({
      influencer,
      ...(earnings.get(influencer.id) ?? { earned: 0, paid: 0, payable: 0, pending: 0, inPayout: 0 }),
    }))
    .filter((b) => b.earned !== 0 || b.payable !== 0 || b.pending !== 0 || b.inPayout !== 0);
}

/**
 * A draft payout for every influencer whose unclaimed approved balance reaches the threshold.
 * Adjustments (refund clawbacks) go with the next payout, so a refund after payment is recovered.
 */
export async function createPayouts(db: Db, kind: DatabaseKind, shop: Shop, actor: string) {
  return db.$transaction(
    async (tx) => {
      await lockKey(tx, kind, `${shop.id}:payouts`);
      const commissions = await tx.commission.findMany({
        where: { shopId: shop.id, status: "APPROVED", payoutId: null },
        select: { id: true, influencerId: true, amountMinor: true },
      });
      const adjustments = await tx.commissionAdjustment.findMany({
        where: {
          shopId: shop.id,
          payoutId: null,
          OR: [{ commission: { status: { in: ["APPROVED", "PAID"] } } }, { commissionId: null }],
        },
        select: { id: true, influencerId: true, amountMinor: true },
      });
      const byInfluencer = new Map<string, { commissions: string[]; adjustments: string[]; total: number }>();
      const entry = (id: string) => {
        if (!byInfluencer.has(id)) byInfluencer.set(id, { commissions: [], adjustments: [], total: 0 });
        return byInfluencer.get(id)!;
      };
      for (const c of commissions) {
        const e = entry(c.influencerId);
        e.commissions.push(c.id);
        e.total += c.amountMinor;
      }
      for (const a of adjustments) {
        const e = entry(a.influencerId);
        e.adjustments.push(a.id);
        e.total += a.amountMinor;
      }
      const created: string[] = [];
      for (const [influencerId, e] of byInfluencer) {
        if (e.total < shop.payoutThresholdMinor || e.total <= 0) continue;
        const payout = await tx.payout.create({
          data: { shopId: shop.id, influencerId, amountMinor: e.total, currency: shop.currency, createdBy: actor },
        });
        // Claim only what no other payout has claimed meanwhile; anything else aborts the whole batch.
        const claimed = await countInChunks(e.commissions, (ids) =>
          tx.commission.updateMany({
            where: { id: { in: ids }, payoutId: null, status: "APPROVED" },
            data: { payoutId: payout.id },
          }),
        );
        const claimedAdjustments = await countInChunks(e.adjustments, (ids) =>
          tx.commissionAdjustment.updateMany({
            where: { id: { in: ids }, payoutId: null },
            data: { payoutId: payout.id },
          }),
        );
        if (claimed !== e.commissions.length || claimedAdjustments !== e.adjustments.length) {
          throw new Conflict("Another payout claimed some of these commissions; nothing was created. Try again.");
        }
        created.push(payout.id);
      }
      if (created.length) {
        await tx.auditEntry.create({
          data: {
            shopId: shop.id,
            actor,
            action: "payouts.created",
            subject: shop.id,
            details: auditDetails.write({ payouts: created }),
          },
        });
      }
      return created;
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}

/**
 * Marks a payout paid with the payment's reference; its commissions become paid. A draft, or one
 * whose store credit was claimed and whose answer was lost (PAYING), once the merchant has checked.
 */
export async function markPayoutPaid(
  db: Db,
  shopId: string,
  payoutId: string,
  reference: string,
  actor: string,
  method?: PayoutMethod,
  from: Array<Extract<PayoutStatus, "DRAFT" | "PAYING">> = ["DRAFT", "PAYING"],
) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.payout.updateMany({
      where: { id: payoutId, shopId, status: { in: from } },
      data: { status: "PAID", reference, paidAt: now, failure: null, ...(method ? { method } : {}) },
    });
    if (updated.count !== 1) return false;
    await tx.commission.updateMany({ where: { payoutId, shopId }, data: { status: "PAID", paidAt: now } });
    await tx.auditEntry.create({
      data: {
        shopId,
        actor,
        action: "payout.paid",
        subject: payoutId,
        details: auditDetails.write({ reference, method }),
      },
    });
    return true;
  });
}

/** A payout whose payment did not happen goes back to draft, with the reason shown to the merchant. */
export async function returnPayoutToDraft(
  db: Db,
  shopId: string,
  payoutId: string,
  actor: string,
  failure: string | null = null,
) {
  const updated = await db.payout.updateMany({
    where: { id: payoutId, shopId, status: "PAYING" },
    data: { status: "DRAFT", failure },
  });
  if (updated.count === 1) {
    await db.auditEntry.create({
      data: {
        shopId,
        actor,
        action: "payout.returned-to-draft",
        subject: payoutId,
        details: auditDetails.write({ failure }),
      },
    });
  }
  return updated.count === 1;
}

const ADJUSTMENT_ERROR = (currency: string) => `Enter an amount in ${currency}: 5.00 to add, -5.00 to deduct`;

/** A bonus (positive) or deduction (negative) made by hand on a draft payout, with its reason. */
export async function adjustPayout(
  db: Db,
  shop: { id: string; currency: string },
  payoutId: string,
  fields: { amount?: string; reason?: string },
  actor: string,
): Promise<{ ok: true } | { ok: false; field: "amount" | "reason" | "payoutId"; error: string }> {
  let amountMinor: number;
  try {
    amountMinor = enteredMinor((fields.amount ?? "").replace(/^\+/, ""), shop.currency);
  } catch {
    return { ok: false, field: "amount", error: ADJUSTMENT_ERROR(shop.currency) };
  }
  if (amountMinor === 0) return { ok: false, field: "amount", error: ADJUSTMENT_ERROR(shop.currency) };
  const reason = (fields.reason ?? "").trim();
  if (!reason) return { ok: false, field: "reason", error: "Say why, for the influencer's statement" };
  if (reason.length > 200) return { ok: false, field: "reason", error: "Use at most 200 characters" };
  return db.$transaction(async (tx) => {
    // One conditional write decides: of several deductions at once, those that would take the
    // payout below nothing change nothing (the database re-checks the amount under the row lock).
    const changed = await tx.payout.updateMany({
      where: {
        id: payoutId,
        shopId: shop.id,
        status: "DRAFT",
        ...(amountMinor < 0 ? { amountMinor: { gte: -amountMinor } } : {}),
      },
      data: { amountMinor: { increment: amountMinor } },
    });
    const payout = await tx.payout.findFirst({ where: { id: payoutId, shopId: shop.id } });
    if (changed.count !== 1) {
      return {
        ok: false as const,
        field: "payoutId" as const,
        error: payout?.status === "DRAFT" ? "A payout cannot go below nothing" : "This payout is not a draft any more",
      };
    }
    await tx.commissionAdjustment.create({
      data: {
        shopId: shop.id,
        influencerId: payout!.influencerId,
        amountMinor,
        currency: payout!.currency,
        reason,
        sourceKey: `manual:${payoutId}:${randomUUID()}`,
        payoutId,
      },
    });
    await tx.auditEntry.create({
      data: {
        shopId: shop.id,
        actor,
        action: "payout.adjusted",
        subject: payoutId,
        details: auditDetails.write({ amountMinor, reason }),
      },
    });
    return { ok: true as const };
  });
}

/** Cancels a draft payout: its commissions and adjustments are free for the next one. */
export async function cancelPayout(db: Db, shopId: string, payoutId: string, actor: string) {
  return db.$transaction(async (tx) => {
    const updated = await tx.payout.updateMany({
      where: { id: payoutId, shopId, status: "DRAFT" },
      data: { status: "CANCELLED" },
    });
    if (updated.count !== 1) return false;
    await tx.commission.updateMany({ where: { payoutId, shopId }, data: { payoutId: null } });
    await tx.commissionAdjustment.deleteMany({ where: { payoutId, shopId, commissionId: null } }); // made for this payout only
    await tx.commissionAdjustment.updateMany({ where: { payoutId, shopId }, data: { payoutId: null } });
    await tx.auditEntry.create({ data: { shopId, actor, action: "payout.cancelled", subject: payoutId } });
    return true;
  });
}

export const PAYPAL_COLUMNS = ["Email", "Amount", "Currency code", "Reference ID", "Note to recipient"];

/** PayPal Payouts batch file: one row per draft payout with a PayPal email. */
export async function paypalPayoutFile(db: Db, shopId: string) {
  const payouts = await db.payout.findMany({
    where: { shopId, status: "DRAFT" },
    include: {
      influencer: { select: { name: true, email: true, paypalEmail: true } },
      shop: { select: { timezone: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const rows = payouts.map((p) => [
    p.influencer.paypalEmail ?? p.influencer.email,
    formatMinor(p.amountMinor, p.currency),
    p.currency,
    p.id,
    `Your commission for the orders you referred (${shopDay(p.createdAt, p.shop.timezone)})`,
  ]);
  return {
    csv: toCsv(PAYPAL_COLUMNS, rows),
    count: rows.length,
    totalMinor: payouts.reduce((sum, p) => sum + p.amountMinor, 0),
  };
}

const CREDIT = `#graphql
  mutation CreditInfluencer($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
      storeCreditAccountTransaction { id amount { amount currencyCode } }
      userErrors { field message code }
    }
  }`;

const LOST_ANSWER =
  "Shopify's answer to the store credit was lost, so it may or may not have been made. Check the influencer's store credit in Shopify, then mark the payout paid or return it to draft.";

/**
 * Pays a draft payout as Shopify store credit to the influencer's customer account. The payout is
 * claimed first (DRAFT -> PAYING), so of two clicks or two servers only one asks Shopify; Shopify
 * takes no idempotency key for this mutation, so an answer that never came leaves the payout
 * PAYING for the merchant to settle, and it is never credited again by itself.
 */
export async function payWithStoreCredit(
  db: Db,
  graphql: AdminGraphql,
  shopId: string,
  payoutId: string,
  actor: string,
) {
  const payout = await db.payout.findFirst({
    where: { id: payoutId, shopId, status: "DRAFT" },
    include: { influencer: true },
  });
  if (!payout) return { ok: false as const, error: "This payout is not a draft any more" };
  if (!payout.influencer.shopifyCustomerId)
    return { ok: false as const, error: `${payout.influencer.name} is not linked to a customer account` };
  const claimed = await db.payout.updateMany({
    where: { id: payoutId, shopId, status: "DRAFT" },
    data: { status: "PAYING", method: "STORE_CREDIT", failure: null },
  });
  if (claimed.count !== 1) return { ok: false as const, error: "This payout is not a draft any more" };

  let data: {
    storeCreditAccountCredit: {
      storeCreditAccountTransaction: { id: string } | null;
      userErrors: Array<{ message: string }>;
    };
  };
  try {
    data = await adminQuery(graphql, CREDIT, {
      id: `gid://shopify/Customer/${payout.influencer.shopifyCustomerId}`,
      creditInput: {
        creditAmount: { amount: formatMinor(payout.amountMinor, payout.currency), currencyCode: payout.currency },
      },
    });
  } catch (error) {
    if (error instanceof AdminApiError && error.kind !== "network") {
      // Shopify answered without running it (throttled, invalid): nothing was credited.
      await returnPayoutToDraft(db, shopId, payoutId, actor, error.message);
      return { ok: false as const, error: error.message };
    }
    await db.payout.updateMany({ where: { id: payoutId, shopId, status: "PAYING" }, data: { failure: LOST_ANSWER } });
    return { ok: false as const, error: LOST_ANSWER };
  }
  const result = data.storeCreditAccountCredit;
  if (result.userErrors.length || !result.storeCreditAccountTransaction) {
    const refusal = result.userErrors.map((e) => e.message).join(" ") || "Shopify refused the credit";
    await returnPayoutToDraft(db, shopId, payoutId, actor, refusal);
    return { ok: false as const, error: refusal };
  }
  await markPayoutPaid(db, shopId, payoutId, result.storeCreditAccountTransaction.id, actor, "STORE_CREDIT", [
    "PAYING",
  ]);
  return { ok: true as const };
}

/** The orders behind a payout: every commission and adjustment, with their order, dated in the shop's days. */
export async function payoutStatement(db: Db, shopId: string, payoutId: string, timeZone = "UTC") {
  const payout = await db.payout.findFirst({
    where: { id: payoutId, shopId },
    include: {
      influencer: { select: { name: true, email: true } },
      commissions: {
        include: { order: { select: { name: true, placedAt: true, netSalesMinor: true } } },
        orderBy: { createdAt: "asc" },
      },
      adjustments: {
        include: { commission: { include: { order: { select: { name: true } } } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!payout) return null;
  const lines = [
    ...payout.commissions.map((c) => ({
      order: c.order.name,
      date: shopDay(c.order.placedAt, timeZone),
      what: "Commission",
      baseMinor: c.baseMinor,
      amountMinor: c.amountMinor,
    })),
    ...payout.adjustments.map((a) => ({
      order: a.commission?.order.name ?? "",
      date: shopDay(a.createdAt, timeZone),
      what: a.reason,
      baseMinor: null as number | null,
      amountMinor: a.amountMinor,
    })),
  ];
  return {
    id: payout.id,
    influencer: payout.influencer,
    status: payout.status,
    method: payout.method,
    reference: payout.reference,
    currency: payout.currency,
    amountMinor: payout.amountMinor,
    createdAt: payout.createdAt.toISOString(),
    paidAt: payout.paidAt?.toISOString() ?? null,
    lines,
    linesTotalMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0),
  };
}

/**
 * The payouts page's list: drafts and payouts being paid, all of them (they are what the merchant
 * acts on), then the last 50 paid.
 */
export async function payoutList(db: Db, shopId: string) {
  const include = { influencer: { select: { name: true, shopifyCustomerId: true } } } as const;
  const [open, paid] = await Promise.all([
    db.payout.findMany({
      where: { shopId, status: { in: ["DRAFT", "PAYING"] } },
      include,
      orderBy: { createdAt: "asc" },
      take: 500,
    }),
    db.payout.findMany({ where: { shopId, status: "PAID" }, include, orderBy: { paidAt: "desc" }, take: 50 }),
  ]);
  return [...open, ...paid];
}

/** Whether a payout a form post names is one of this shop's. */
export async function payoutExists(db: Db, shopId: string, payoutId: string): Promise<boolean> {
  return (await db.payout.count({ where: { id: payoutId, shopId } })) > 0;
}
