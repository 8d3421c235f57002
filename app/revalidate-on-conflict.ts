// Remix does not reload a page's data after an action answered 4xx. A 409 means the rows changed
// under the merchant (another tab, another server, a payment whose answer was lost): the page must
// show them as they are now, so these pages reload after a 409 as after a success.
import type { ShouldRevalidateFunction } from "@remix-run/react";

export const revalidateOnConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || actionStatus === 404 || defaultShouldRevalidate;
