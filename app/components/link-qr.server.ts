// A referral link as the admin and the portal show it: its address, its code, and a QR code to
// print on packaging or a story.
import QRCode from "qrcode";

export async function linkWithQr(url: string, link: { discountCode: { code: string } | null }) {
  return {
    url,
    code: link.discountCode?.code ?? null,
    qr: await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" }),
  };
}
