import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/server/shop/shop-context.server";
import { importTemplate } from "~/server/program/influencer-import.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireShop(request);
  return new Response(importTemplate(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="influencers-template.csv"',
    },
  });
};
