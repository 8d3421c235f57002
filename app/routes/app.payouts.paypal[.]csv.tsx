import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShop } from "~/admin.server";
import { paypalPayoutFile } from "~/models/payouts.server";

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
