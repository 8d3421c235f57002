// Downloads a file from an admin route. A plain link would open without the session token (the
// embedded admin adds it to fetches only), so the file is fetched and handed to the browser.
import { Button } from "@shopify/polaris";
import { useState } from "react";

export function DownloadButton({ url, filename, children }: { url: string; filename: string; children: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function download() {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      const href = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = href;
      anchor.download = filename;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(href), 1000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button onClick={download} loading={busy} tone={failed ? "critical" : undefined}>
      {failed ? `${children} (failed, try again)` : children}
    </Button>
  );
}
