// Referral links of influencers: creating them with a free slug, and listing what the builder needs.
import type { Db, Tx } from "../platform/db.server";
import { destinationProblem, SLUG_PATTERN, slugify } from "../../domain/referral-links";
import type { FieldErrors } from "../../domain/influencer-input";
import { isUniqueViolation } from "../platform/db-errors.server";

/** Creates a link, taking `baseSlug`, or `baseSlug-2`, `-3`... when taken (slugs are global: /r/:slug). */
export async function createReferralLink(
  db: Tx,
  shopId: string,
  influencerId: string,
  options: { baseSlug: string; destinationPath: string; discountCodeId: string | null; exactSlug?: boolean },
): Promise<{ ok: true; linkId: string; slug: string } | { ok: false; errors: FieldErrors }> {
  const problem = destinationProblem(options.destinationPath);
  if (problem) return { ok: false, errors: { destinationPath: problem } };
  const base = slugify(options.baseSlug) || "link";
  if (options.exactSlug && !SLUG_PATTERN.test(base)) {
    return { ok: false, errors: { slug: "Use 2 to 64 lower-case letters, numbers and dashes" } };
  }
  if (options.discountCodeId) {
    const code = await db.discountCode.findFirst({ where: { id: options.discountCodeId, shopId, influencerId } });
    if (!code) return { ok: false, errors: { discountCodeId: "Pick one of this influencer's codes" } };
  }
  for (let attempt = 1; attempt <= 50; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      const link = await db.referralLink.create({
        data: {
          shopId,
          influencerId,
          slug,
          destinationPath: options.destinationPath,
          discountCodeId: options.discountCodeId,
        },
      });
      return { ok: true, linkId: link.id, slug };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (options.exactSlug) return { ok: false, errors: { slug: "This link name is taken; try another" } };
    }
  }
  return { ok: false, errors: { slug: "No free link name; try another" } };
}

export function referralUrl(appUrl: string, slug: string): string {
  return `${appUrl.replace(/\/$/, "")}/r/${slug}`;
}

/** Turns one of an influencer's links on or off; false when it is not theirs and the shop's. */
export async function setLinkActive(db: Db, shopId: string, influencerId: string, linkId: string, active: boolean) {
  const result = await db.referralLink.updateMany({
    where: { id: linkId, shopId, influencerId },
    data: { status: active ? "ACTIVE" : "PAUSED" },
  });
  return result.count === 1;
}
