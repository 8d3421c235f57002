// Influencer discount codes, kept the same here and in Shopify. A code is saved PENDING first,
// then created in Shopify, then made ACTIVE with Shopify's id. When Shopify refuses, the pending
// row goes; when the outcome is unknown (network, throttling), Shopify is asked whether the code
// exists and the row is adopted or removed, so there is never a code on one side only.
import type { Db, Tx } from "../platform/db.server";
import { codeKey } from "../../domain/codes";
import type { DiscountTerms, FieldErrors } from "../../domain/influencer-input";
import { formatMinor } from "../../domain/money";
import { bpsToFraction } from "../../domain/percent";
import { AdminApiError, adminQuery, type AdminGraphql } from "../platform/admin-api.server";
import { isUniqueViolation } from "../platform/db-errors.server";

type UserError = { field: string[] | null; message: string; code: string | null };

const CREATE = `#graphql
  mutation CreateInfluencerCode($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }`;

const ACTIVATE = `#graphql
  mutation ActivateInfluencerCode($id: ID!) {
    discountCodeActivate(id: $id) { codeDiscountNode { id } userErrors { field message code } }
  }`;

const DEACTIVATE = `#graphql
  mutation DeactivateInfluencerCode($id: ID!) {
    discountCodeDeactivate(id: $id) { codeDiscountNode { id } userErrors { field message code } }
  }`;

const FIND_BY_CODE = `#graphql
  query FindInfluencerCode($code: String!) {
    codeDiscountNodeByCode(code: $code) { id }
  }`;

/** Which form field a Shopify userError is about. */
export function fieldOfUserError(field: string[] | null): string {
  const path = (field ?? []).join(".");
  if (path.endsWith("code")) return "code";
  if (path.includes("percentage")) return "discountPercent";
  if (path.includes("discountAmount") || path.includes("customerGets")) return "discountAmount";
  if (path.includes("usageLimit")) return "usageLimit";
  if (path.includes("minimumRequirement")) return "minimumSubtotal";
  if (path.includes("startsAt")) return "startsAt";
  if (path.includes("endsAt")) return "endsAt";
  return "form";
}

function userErrorsToFields(errors: UserError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const field = fieldOfUserError(error.field);
    const message = error.code === "TAKEN" ? "This code is already used in your store. Try another." : error.message;
    out[field] = out[field] ? `${out[field]} ${message}` : message;
  }
  return out;
}

/** The Admin API input for a code's terms. */
export function discountInput(options: { title: string; code: string; terms: DiscountTerms; currency: string }) {
  const { terms } = options;
  return {
    title: options.title,
    code: options.code,
    startsAt: (terms.startsAt ?? new Date()).toISOString(),
    endsAt: terms.endsAt ? terms.endsAt.toISOString() : null,
    context: { all: "ALL" },
    customerGets: {
      value:
        terms.kind === "PERCENTAGE"
          ? { percentage: bpsToFraction(terms.percentBps ?? 0) }
          : {
              discountAmount: {
                amount: formatMinor(terms.amountMinor ?? 0, options.currency),
                appliesOnEachItem: false,
              },
            },
      items: { all: true },
    },
    appliesOncePerCustomer: terms.oncePerCustomer,
    usageLimit: terms.usageLimit,
    minimumRequirement:
      terms.minimumSubtotalMinor != null
        ? { subtotal: { greaterThanOrEqualToSubtotal: formatMinor(terms.minimumSubtotalMinor, options.currency) } }
        : null,
    combinesWith: {
      orderDiscounts: terms.combinesWithOrder,
      productDiscounts: terms.combinesWithProduct,
      shippingDiscounts: terms.combinesWithShipping,
    },
  };
}

/** A code's terms as its row stores them. */
function termsColumns(terms: DiscountTerms, currency: string, defaultStart: Date) {
  return {
    kind: terms.kind,
    percentBps: terms.percentBps,
    amountMinor: terms.amountMinor,
    currency: terms.kind === "FIXED_AMOUNT" ? currency : null,
    oncePerCustomer: terms.oncePerCustomer,
    usageLimit: terms.usageLimit,
    minimumSubtotalMinor: terms.minimumSubtotalMinor,
    startsAt: terms.startsAt ?? defaultStart,
    endsAt: terms.endsAt,
    combinesWithOrder: terms.combinesWithOrder,
    combinesWithProduct: terms.combinesWithProduct,
    combinesWithShipping: terms.combinesWithShipping,
  };
}

export type CodeResult = { ok: true; codeId: string } | { ok: false; errors: FieldErrors; pending?: boolean };

/** Saves a code as PENDING; a taken code (here) is a field error and saves nothing. */
export async function reserveCode(
  db: Tx,
  shopId: string,
  influencerId: string,
  code: string,
  terms: DiscountTerms,
  currency: string,
): Promise<{ ok: true; codeId: string } | { ok: false; errors: FieldErrors }> {
  const existing = await db.discountCode.findUnique({
    where: { shopId_codeKey: { shopId, codeKey: codeKey(code) } },
    include: { influencer: { select: { name: true } } },
  });
  if (existing) return { ok: false, errors: { code: `This code already belongs to ${existing.influencer.name}` } };
  try {
    const row = await db.discountCode.create({
      data: {
        shopId,
        influencerId,
        code,
        codeKey: codeKey(code),
        ...termsColumns(terms, currency, new Date()),
        status: "PENDING",
      },
    });
    return { ok: true, codeId: row.id };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, errors: { code: "This code is already used by another influencer" } };
    throw error;
  }
}

async function findInShopify(graphql: AdminGraphql, code: string): Promise<string | null> {
  const data = await adminQuery<{ codeDiscountNodeByCode: { id: string } | null }>(graphql, FIND_BY_CODE, { code });
  return data.codeDiscountNodeByCode?.id ?? null;
}

/** Creates a reserved (PENDING) code in Shopify and settles the row: ACTIVE, removed, or left PENDING. */
export async function confirmCodeInShopify(
  db: Tx,
  graphql: AdminGraphql,
  codeId: string,
  title: string,
  currency: string,
): Promise<CodeResult> {
  const row = await db.discountCode.findUniqueOrThrow({ where: { id: codeId } });
  const input = discountInput({ title, code: row.code, terms: row, currency });
  try {
    const data = await adminQuery<{
      discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: UserError[] };
    }>(graphql, CREATE, { discount: input });
    const result = data.discountCodeBasicCreate;
    if (result.userErrors.length || !result.codeDiscountNode) {
      await db.discountCode.delete({ where: { id: codeId } });
      return { ok: false, errors: userErrorsToFields(result.userErrors) };
    }
    await db.discountCode.update({
      where: { id: codeId },
      data: { status: "ACTIVE", shopifyDiscountId: result.codeDiscountNode.id },
    });
    return { ok: true, codeId };
  } catch (error) {
    if (!(error instanceof AdminApiError) || error.kind === "graphql") throw error;
    return settlePendingCode(db, graphql, codeId);
  }
}

/**
 * The outcome of a create call is unknown: ask Shopify whether the code exists. Adopt it if it
 * does, drop the row if it does not; when Shopify cannot answer either, the row stays PENDING for
 * `reconcilePendingCodes`.
 */
export async function settlePendingCode(db: Tx, graphql: AdminGraphql, codeId: string): Promise<CodeResult> {
  const row = await db.discountCode.findUniqueOrThrow({ where: { id: codeId } });
  let shopifyId: string | null;
  try {
    shopifyId = await findInShopify(graphql, row.code);
  } catch {
    return {
      ok: false,
      pending: true,
      errors: { form: "Shopify did not answer. The code is saved as pending and will be checked with Shopify again." },
    };
  }
  if (shopifyId) {
    await db.discountCode.update({ where: { id: codeId }, data: { status: "ACTIVE", shopifyDiscountId: shopifyId } });
    return { ok: true, codeId };
  }
  await db.discountCode.delete({ where: { id: codeId } });
  return {
    ok: false,
    errors: { form: "Shopify could not be reached, so the code was not created. Nothing was saved; try again." },
  };
}

/** Settles every PENDING code of a shop (run when its influencer pages load, and by the job). */
export async function reconcilePendingCodes(db: Tx, graphql: AdminGraphql, shopId: string) {
  const pending = await db.discountCode.findMany({ where: { shopId, status: "PENDING" }, select: { id: true } });
  for (const { id } of pending) await settlePendingCode(db, graphql, id);
  return pending.length;
}

/** Turns a code on or off in Shopify, then here. */
export async function setCodeActive(
  db: Tx,
  graphql: AdminGraphql,
  codeId: string,
  active: boolean,
): Promise<CodeResult> {
  const row = await db.discountCode.findUniqueOrThrow({ where: { id: codeId } });
  if (row.status === "PENDING" || !row.shopifyDiscountId) {
    return { ok: false, errors: { form: `Code ${row.code} is still pending with Shopify` } };
  }
  if ((row.status === "ACTIVE") === active) return { ok: true, codeId };
  const data = await adminQuery<Record<string, { userErrors: UserError[] }>>(graphql, active ? ACTIVATE : DEACTIVATE, {
    id: row.shopifyDiscountId,
  });
  const errors = Object.values(data)[0]?.userErrors ?? [];
  if (errors.length) return { ok: false, errors: { form: errors.map((e) => e.message).join(" ") } };
  await db.discountCode.update({ where: { id: codeId }, data: { status: active ? "ACTIVE" : "INACTIVE" } });
  return { ok: true, codeId };
}

const DELETE = `#graphql
  mutation DeleteInfluencerCode($id: ID!) {
    discountCodeDelete(id: $id) { deletedCodeDiscountId userErrors { field message code } }
  }`;

/** Removes a code from Shopify, then here (used to undo an import that could not finish). */
export async function deleteCodeInShopify(db: Tx, graphql: AdminGraphql, codeId: string) {
  const row = await db.discountCode.findUniqueOrThrow({ where: { id: codeId } });
  const shopifyId = row.shopifyDiscountId ?? (await findInShopify(graphql, row.code));
  if (shopifyId) await adminQuery(graphql, DELETE, { id: shopifyId });
  await db.discountCode.delete({ where: { id: codeId } });
}

/** One of an influencer's codes, when it is theirs and the shop's. */
export function influencerCode(db: Db, shopId: string, influencerId: string, codeId: string) {
  return db.discountCode.findFirst({ where: { id: codeId, shopId, influencerId } });
}
