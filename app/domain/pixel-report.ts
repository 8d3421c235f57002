// What the web pixel posts at checkout_completed, read strictly: a report names the shop, the
// order, its checkout token and the referral link the shopper came by, nothing about the shopper.
import { z } from "zod";
import { SLUG_PATTERN } from "./referral-links";

/** Where the pixel reports: the app's one endpoint meant for other origins. */
export const PIXEL_PATH = "/pixel";

// The order id as the pixel gives it: digits, or a global id of the order.
const orderId = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^(gid:\/\/shopify\/(Order|OrderIdentity)\/)?\d{1,20}$/, "orderId is not an order id"))
  .transform((value) => value.replace(/^gid:\/\/shopify\/\w+\//, ""));

export const pixelReportSchema = z.object({
  shop: z
    .string({ error: "shop is required" })
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "shop is not a myshopify.com domain"),
  orderId,
  checkoutToken: z
    .string({ error: "checkoutToken is required" })
    .regex(/^[A-Za-z0-9_-]{8,128}$/, "checkoutToken is not a checkout token"),
  ref: z
    .string({ error: "ref is required" })
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.string().regex(SLUG_PATTERN, "ref is not a link name")),
  clickedAt: z.number().int().nonnegative().nullish(),
});

export type PixelReportInput = z.infer<typeof pixelReportSchema>;

const FUTURE_SLACK_MS = 5 * 60_000;

/** When the click happened, as the storefront kept it; a time in the future is no time at all. */
export function clickTime(clickedAt: number | null | undefined, now: Date): Date | null {
  if (clickedAt == null || clickedAt > now.getTime() + FUTURE_SLACK_MS) return null;
  return new Date(clickedAt);
}

export function readPixelReport(body: string): { ok: true; input: PixelReportInput } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: "The report is not JSON" };
  }
  const parsed = pixelReportSchema.safeParse(json);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error:
      issue.path.length && !issue.message.startsWith(String(issue.path[0]))
        ? `${issue.path.join(".")}: ${issue.message}`
        : issue.message,
  };
}
