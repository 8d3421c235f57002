// A success says so in App Bridge's toast, at the bottom of the admin, not in a banner far above
// the form the merchant just used. Each new answer toasts once.
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect } from "react";

/** Shows a toast long enough to be read (App Bridge's own default is 5 s too, said here on purpose). */
export function useToast(): (message: string) => void {
  const shopify = useAppBridge();
  return (message) => shopify.toast.show(message, { duration: 5000 });
}

/** Toasts `message` when a new action answer (`result`) comes with one; nothing for a refusal. */
export function useSuccessToast(result: object | undefined | null, message: string | undefined | null) {
  const showToast = useToast();
  useEffect(() => {
    if (result && message) showToast(message);
  }, [result]); // once per answer (its identity), not once per render
}
