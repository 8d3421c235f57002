// The app's web pixel on a shop: created on install (webPixelCreate) with the address it reports
// to, and brought up to date when that address changes. Shopify runs it from then on; the merchant
// sees it under Settings > Customer events. Needs write_pixels and read_customer_events.
import { adminQuery, type AdminGraphql } from "../platform/admin-api.server";
import { PIXEL_PATH } from "../../domain/pixel-report";

const WEB_PIXEL = `#graphql
  query AppWebPixel {
    webPixel {
      id
      settings
    }
  }`;

const WEB_PIXEL_CREATE = `#graphql
  mutation AppWebPixelCreate($webPixel: WebPixelInput!) {
    webPixelCreate(webPixel: $webPixel) {
      webPixel {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }`;

const WEB_PIXEL_UPDATE = `#graphql
  mutation AppWebPixelUpdate($id: ID!, $webPixel: WebPixelInput!) {
    webPixelUpdate(id: $id, webPixel: $webPixel) {
      webPixel {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }`;

type UserError = { field: string[] | null; message: string; code: string | null };
type Saved = { webPixel: { id: string } | null; userErrors: UserError[] };

/** The pixel's settings, as its extension defines them: where it reports orders. */
export function pixelSettings(appUrl: string): string {
  return JSON.stringify({ collectUrl: new URL(PIXEL_PATH, appUrl).toString() });
}

export type PixelConnection = { ok: true; id: string; changed: boolean } | { ok: false; error: string };

export async function connectWebPixel(graphql: AdminGraphql, appUrl: string): Promise<PixelConnection> {
  const settings = pixelSettings(appUrl);
  const { webPixel } = await adminQuery<{ webPixel: { id: string; settings: string } | null }>(graphql, WEB_PIXEL);
  if (webPixel && sameSettings(webPixel.settings, settings)) return { ok: true, id: webPixel.id, changed: false };
  const saved = webPixel
    ? (
        await adminQuery<{ webPixelUpdate: Saved }>(graphql, WEB_PIXEL_UPDATE, {
          id: webPixel.id,
          webPixel: { settings },
        })
      ).webPixelUpdate
    : (await adminQuery<{ webPixelCreate: Saved }>(graphql, WEB_PIXEL_CREATE, { webPixel: { settings } }))
        .webPixelCreate;
  if (!saved.webPixel)
    return {
      ok: false,
      error:
        saved.userErrors.map((e) => `${e.code ?? "ERROR"}: ${e.message}`).join("; ") ||
        "Shopify did not save the web pixel",
    };
  return { ok: true, id: saved.webPixel.id, changed: true };
}

function sameSettings(stored: unknown, wanted: string): boolean {
  try {
    const value = typeof stored === "string" ? JSON.parse(stored) : stored;
    return JSON.stringify(value) === wanted;
  } catch {
    return false;
  }
}
