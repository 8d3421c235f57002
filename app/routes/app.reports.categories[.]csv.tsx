import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/server/shop/shop-context.server";
import { reportRange } from "~/domain/report-range";
import { categoryCsv, categoryFigures } from "~/server/reporting/reports.server";

// GET /app/reports/categories.csv?by=type|collection&from=YYYY-MM-DD&to=YYYY-MM-DD
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const params = new URL(request.url).searchParams;
  const range = reportRange(params, shop.timezone, new Date());
  if ("error" in range)
    return new Response(range.error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const by = params.get("by") ?? "type";
  if (by !== "type" && by !== "collection") {
    return new Response("by: use type or collection", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const kind = by === "collection" ? "COLLECTION" : "PRODUCT_TYPE";
  const categories = await categoryFigures(db, shop.id, kind, range.from, range.to);
  return new Response(categoryCsv(kind, categories, shop.currency), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="categories-by-${by}-${range.from}-to-${range.to}.csv"`,
    },
  });
};
