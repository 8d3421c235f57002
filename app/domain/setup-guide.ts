// The setup guide on Home: the five steps that make the program work for a new shop, in the order
// a merchant takes them, and what App Bridge says of the theme embed.
export type SetupStepId = "embed" | "commission" | "influencer" | "form" | "pastOrders";

/** On, off, or not known (App Bridge without app.extensions(), or outside the admin). */
export type EmbedStatus = "on" | "off" | "unknown";

export type SetupDone = Record<SetupStepId, boolean>;

/** The theme app extension's embed, as `shopify.app.extensions()` reports it. */
export type ExtensionReport = {
  handle: string;
  type: string;
  activations: Array<{ handle?: string; target?: string; status?: string }>;
};

export const EMBED_EXTENSION = "referral-capture"; // the theme app extension's folder name
export const EMBED_BLOCK = "referral-capture"; // its embed block's file name

export function embedStatus(extensions: ExtensionReport[] | null): EmbedStatus {
  if (!extensions) return "unknown";
  const theme = extensions.find((e) => e.type === "theme_app_extension" && e.handle === EMBED_EXTENSION);
  const embed = theme?.activations.find((a) => a.handle === EMBED_BLOCK);
  return embed?.status === "active" ? "on" : "off";
}

/** Steps done, in order, and whether the guide still has anything to say. */
export function setupSummary(done: SetupDone): { count: number; total: number; complete: boolean } {
  const values = Object.values(done);
  const count = values.filter(Boolean).length;
  return { count, total: values.length, complete: count === values.length };
}
