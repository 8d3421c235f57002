// A page of a background job (the past-orders import, the CSV import) reloads its data every 1.5 s
// while the job runs, so its progress moves without the merchant reloading.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

export function useFollowJob(running: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1500);
    return () => clearInterval(timer);
  }, [running, revalidator]);
}
