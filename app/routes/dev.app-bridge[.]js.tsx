import { env } from "~/server/platform/env.server";
import { appBridgeStandInScript } from "~/stand-in/app-bridge-script";

export const loader = () => {
  if (!env().APP_BRIDGE_URL) return new Response("Not found", { status: 404 });
  return new Response(appBridgeStandInScript, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" },
  });
};
