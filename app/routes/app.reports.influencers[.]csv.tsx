import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/server/shop/shop-context.server";
import { reportRange } from "~/domain/report-range";
import { influencerCsv, influencerFigures } from "~/server/reporting/reports.server";

// GET /app/reports/influencers.csv?from=YYYY-MM-DD&to=YYYY-MM-DD (days in the shop's timezone).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const range = reportRange(new URL(request.url).searchParams, shop.timezone, new Date());
  if ("error" in range)
    return new Response(range.error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const rows = await influencerFigures(db, shop, range.from, range.to);
  return new Response(influencerCsv(rows, shop.currency), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="influencers-${range.from}-to-${range.to}.csv"`,
    },
  });
};
