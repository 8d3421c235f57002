import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { receivePixelReport } from "~/server/ledger/pixel-endpoint.server";

type Context = { clientAddress?: string };

// POST from the web pixel; OPTIONS (a preflight) reaches Remix as a loader request.
export const action = ({ request, context }: ActionFunctionArgs) =>
  receivePixelReport(request, (context as Context).clientAddress);
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  receivePixelReport(request, (context as Context).clientAddress);
