// A success says so in App Bridge's toast, at the bottom of the admin, not in a banner far above
// the form the merchant just used. Each new answer toasts once.
import { useEffect } from "react";

type Toaster = { toast?: { show: (message: string, options?: { duration?: number }) => void } };

export function showToast(message: string) {
  (window as unknown as { shopify?: Toaster }).shopify?.toast?.show(message, { duration: 5000 });
}

/** Toasts `message` when a new action answer (`result`) comes with one; nothing for a refusal. */
export function useSuccessToast(result: object | undefined | null, message: string | undefined | null) {
  useEffect(() => {
    if (result && message) showToast(message);
  }, [result]); // once per answer (its identity), not once per render
}
