// The theme embed's real status, from App Bridge (`shopify.app.extensions()`), read again when the
// merchant comes back to the tab (from the theme editor, say). "unknown" where App Bridge cannot tell.
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import { embedStatus, type EmbedStatus } from "~/domain/setup-guide";

export function useEmbedStatus(): EmbedStatus {
  const [status, setStatus] = useState<EmbedStatus>("unknown");
  const shopify = useAppBridge();
  useEffect(() => {
    let live = true;
    const check = () =>
      shopify.app
        .extensions()
        .then((extensions) => live && setStatus(embedStatus(extensions)))
        .catch(() => live && setStatus("unknown"));
    void check();
    window.addEventListener("focus", check);
    return () => {
      live = false;
      window.removeEventListener("focus", check);
    };
  }, []);
  return status;
}
