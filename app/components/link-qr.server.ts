// A referral link as the admin and the portal show it: its address on the app's host and on the
// store's own domain (through the app proxy), its code, and a QR code to print on packaging or a
// story (of the app's address, which works whatever the store's theme and domain).
import QRCode from "qrcode";
import { storeReferralUrl } from "~/domain/referral-links";
import { referralUrl } from "~/server/program/referral-links.server";

export async function linkWithQr(
  link: { slug: string; discountCode: { code: string } | null },
  where: { appUrl: string; shopDomain: string },
) {
  const url = referralUrl(where.appUrl, link.slug);
  return {
    url,
    storeUrl: storeReferralUrl(where.shopDomain, link.slug),
    code: link.discountCode?.code ?? null,
    qr: await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" }),
  };
}
