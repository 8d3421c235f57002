// The theme embed's real status, from App Bridge (`shopify.app.extensions()`), read again when the
// merchant comes back to the tab (from the theme editor, say). "unknown" where App Bridge cannot tell.
import { useEffect, useState } from "react";
import { embedStatus, type EmbedStatus, type ExtensionReport } from "~/domain/setup-guide";

type WithApp = { app?: { extensions?: () => Promise<ExtensionReport[]> } };

export function useEmbedStatus(): EmbedStatus {
  const [status, setStatus] = useState<EmbedStatus>("unknown");
  useEffect(() => {
    const app = (window as unknown as { shopify?: WithApp }).shopify?.app;
    if (!app?.extensions) return;
    let live = true;
    const check = () =>
      app.extensions!()
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
