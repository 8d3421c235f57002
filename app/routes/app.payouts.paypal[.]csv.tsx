import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/server/shop/shop-context.server";
import { paypalPayoutFile } from "~/server/payouts/payouts.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const file = await paypalPayoutFile(db, shop.id);
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="paypal-payouts.csv"',
      "X-Payout-Count": String(file.count),
      "X-Payout-Total": String(file.totalMinor),
    },
  });
};
