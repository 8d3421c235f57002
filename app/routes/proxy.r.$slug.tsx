import type { LoaderFunctionArgs } from "@remix-run/node";
import { storeLinkVisit } from "~/server/program/store-links.server";

// A referral link on the store's own domain, as Shopify's app proxy forwards it.
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  storeLinkVisit(request, params.slug ?? "", (context as { clientAddress?: string }).clientAddress);
