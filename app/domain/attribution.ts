// Which influencer, if any, brought an order. The rules, in order:
// 1. test orders are ignored;
// 2. a discount code of an influencer wins (any of the order's codes, case-insensitive);
// 3. else, unless the shop counts codes only, a `ref` in the order's note attributes (cart
//    attributes) or landing URL names one of the shop's links, if the click is within the window:
//    the last link clicked, or the first (`first_ref`) where the shop credits first clicks;
//    failing those, the link the web pixel reported from this very checkout (a cart that lost
//    its attributes: another device, a headless checkout), under the same window;
// 4. a customer who is the influencer (same email or customer id) is a self-referral: recorded,
//    without commission.
import type { AttributionMode, AttributionSource, LinkCredit } from "#db-client";
import { codeKey } from "./codes";
import type { OrderFacts } from "./order-facts";

export type AttributionContext = {
  mode: AttributionMode;
  windowDays: number;
  /** Which of a shopper's link clicks wins: the last (the default) or the first within the window. */
  linkCredit: LinkCredit;
  /** The shop's codes by key (upper case) -> influencer id. */
  codes: Map<string, string>;
  /** The shop's links by slug -> influencer id and the last click before the order (if known). */
  links: Map<string, { influencerId: string; lastClickAt: Date | null }>;
  influencers: Map<string, Influencer>;
  /** What the web pixel reported from the order's checkout (its token matched), if anything. */
  pixel?: { slug: string; clickedAt: Date | null } | null;
};

/** An influencer as a self-referral is told: their email, or its keyed hash, and customer id. */
type Influencer = { email: string; emailHash?: string | null; customerId: string | null };

/** What the rules read of an order; a stored order gives its email's hash, not the address. */
export type AttributionInput = Pick<
  OrderFacts,
  | "test"
  | "placedAt"
  | "customerId"
  | "customerEmail"
  | "discountCodes"
  | "noteRef"
  | "noteRefAt"
  | "noteFirstRef"
  | "noteFirstRefAt"
  | "landingRef"
> & {
  customerEmailHash?: string | null;
};

export type Attribution =
  | { influencerId: null; source: "NONE"; reason: string }
  | {
      influencerId: string;
      source: Extract<AttributionSource, "CODE" | "LINK">;
      code: string | null;
      slug: string | null;
      selfReferral: boolean;
      reason: string;
    };

const DAY_MS = 86_400_000;

function isSelfReferral(order: AttributionInput, influencer: Influencer | undefined): boolean {
  if (!influencer) return false;
  if (order.customerEmail && order.customerEmail === influencer.email.toLowerCase()) return true;
  if (order.customerEmailHash && influencer.emailHash && order.customerEmailHash === influencer.emailHash) return true;
  return Boolean(order.customerId && influencer.customerId && order.customerId === influencer.customerId);
}

export function attributeOrder(order: AttributionInput, context: AttributionContext): Attribution {
  if (order.test) return { influencerId: null, source: "NONE", reason: "test order" };

  for (const code of order.discountCodes) {
    const influencerId = context.codes.get(codeKey(code));
    if (influencerId) {
      return {
        influencerId,
        source: "CODE",
        code,
        slug: null,
        selfReferral: isSelfReferral(order, context.influencers.get(influencerId)),
        reason: `discount code ${code}`,
      };
    }
  }

  if (context.mode === "CODE_ONLY")
    return { influencerId: null, source: "NONE", reason: "no influencer code (codes only)" };

  // Under first click, the first link clicked comes first; should it be gone, or past the window,
  // the last click counts. The landing URL's ref came with this very visit: a last click.
  const first =
    context.linkCredit === "FIRST_CLICK" && order.noteFirstRef
      ? [{ slug: order.noteFirstRef, clickedAt: order.noteFirstRefAt, by: " (first click)", orNext: true }]
      : [];
  const last = " (last click)";
  const refs: Array<{ slug: string | null; clickedAt: Date | null; by: string; orNext?: boolean }> = [
    ...first,
    { slug: order.noteRef, clickedAt: order.noteRefAt, by: last },
    { slug: order.landingRef, clickedAt: null, by: last },
    { slug: context.pixel?.slug ?? null, clickedAt: context.pixel?.clickedAt ?? null, by: " (web pixel)" },
  ];
  for (const { slug, clickedAt: keptAt, by, orNext } of refs) {
    if (!slug) continue;
    const link = context.links.get(slug);
    if (!link) continue;
    // When the click happened: the time the storefront kept with the ref, else the link's last
    // click before the order.
    const clickedAt = keptAt ?? link.lastClickAt;
    if (clickedAt && order.placedAt.getTime() - clickedAt.getTime() > context.windowDays * DAY_MS) {
      if (orNext) continue;
      return { influencerId: null, source: "NONE", reason: `click on ${slug} older than ${context.windowDays} days` };
    }
    return {
      influencerId: link.influencerId,
      source: "LINK",
      code: null,
      slug,
      selfReferral: isSelfReferral(order, context.influencers.get(link.influencerId)),
      reason: `referral link ${slug}${by}`,
    };
  }
  return { influencerId: null, source: "NONE", reason: "no influencer code or link" };
}
