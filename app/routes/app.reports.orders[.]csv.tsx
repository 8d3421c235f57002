import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/server/shop/shop-context.server";
import { reportRange } from "~/domain/report-range";
import { dayStart, nextDay } from "~/domain/shop-time";
import { orderCsvStream } from "~/server/reporting/reports.server";

// GET /app/reports/orders.csv?from=YYYY-MM-DD&to=YYYY-MM-DD: every referred order, streamed.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const range = reportRange(new URL(request.url).searchParams, shop.timezone, new Date());
  if ("error" in range)
    return new Response(range.error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const stream = orderCsvStream(
    db,
    shop,
    dayStart(range.from, shop.timezone),
    dayStart(nextDay(range.to), shop.timezone),
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orders-${range.from}-to-${range.to}.csv"`,
    },
  });
};
