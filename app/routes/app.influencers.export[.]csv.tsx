import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/server/shop/shop-context.server";
import { exportInfluencers } from "~/server/program/influencer-import.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  return new Response(await exportInfluencers(db, shop.id, shop.currency), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="influencers.csv"',
    },
  });
};
