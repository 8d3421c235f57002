// The shop's staff by name, for the audit log ("Settings saved by Ana Moreau"). A staff member is
// named by Shopify at their first visit and again after a week, so a renamed account catches up;
// between checks a visit costs one indexed read and no Shopify call.
import type { Db } from "../platform/db.server";
import { staffMemberOf } from "../platform/shopify-access.server";
import { upsertRacing } from "../platform/db-errors.server";

const RECHECK_MS = 7 * 24 * 60 * 60_000;
const RETRY_MS = 60 * 60_000;

export async function rememberStaffMember(
  db: Db,
  shop: { id: string; domain: string },
  userId: string,
  sessionToken: string | null,
) {
  const now = Date.now();
  if (!sessionToken) return;
  const known = await db.staffMember.findUnique({
    where: { shopId_userId: { shopId: shop.id, userId } },
    select: { checkedAt: true },
  });
  if (known && known.checkedAt.getTime() > now - RECHECK_MS) return;
  try {
    const member = await staffMemberOf(shop.domain, sessionToken);
    const name = `${member.firstName} ${member.lastName}`.trim();
    const checkedAt = new Date(now);
    await upsertRacing(() =>
      db.staffMember.upsert({
        where: { shopId_userId: { shopId: shop.id, userId } },
        create: { shopId: shop.id, userId, name, checkedAt },
        update: { name, checkedAt },
      }),
    );
  } catch (error) {
    // The audit log says "staff member 42" meanwhile and the merchant's work goes on; asked again
    // in an hour, not at every request.
    console.error(`staff member ${userId} of ${shop.domain} not named: ${(error as Error).message}`);
    const checkedAt = new Date(now - RECHECK_MS + RETRY_MS);
    await upsertRacing(() =>
      db.staffMember.upsert({
        where: { shopId_userId: { shopId: shop.id, userId } },
        create: { shopId: shop.id, userId, name: "", checkedAt },
        update: { checkedAt },
      }),
    );
  }
}

/** The names of the staff members among audit actors (`staff:<user id>`), by actor. */
export async function staffNames(db: Db, shopId: string, actors: string[]): Promise<Map<string, string>> {
  const userIds = [...new Set(actors.flatMap((a) => (a.startsWith("staff:") ? [a.slice("staff:".length)] : [])))];
  if (!userIds.length) return new Map();
  const members = await db.staffMember.findMany({
    where: { shopId, userId: { in: userIds } },
    select: { userId: true, name: true },
  });
  return new Map(members.filter((m) => m.name).map((m) => [`staff:${m.userId}`, m.name]));
}
