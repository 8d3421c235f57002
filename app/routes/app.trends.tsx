import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/server/shop/shop-context.server";
import { reportRange } from "~/domain/report-range";
import { influencerTrends } from "~/server/reporting/dashboard.server";

// GET /app/trends?ids=a,b&from=YYYY-MM-DD&to=YYYY-MM-DD: the leaderboard's sparklines for the rows
// it shows (at most 100 influencers, the shop's own only).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const params = new URL(request.url).searchParams;
  const range = reportRange(params, shop.timezone, new Date());
  if ("error" in range) return Response.json({ error: range.error }, { status: 400 });
  const ids = (params.get("ids") ?? "").split(",").filter(Boolean);
  return { trends: await influencerTrends(db, shop.id, ids, range.from, range.to) };
};
