// The audit log in the merchant's words: "Settings saved by Ana Moreau on Dec 2, 14:05",
// not `settings.updated · staff:42`. Times in the shop's own time zone.
const ACTIONS: Record<string, string> = {
  "settings.updated": "Settings saved",
  "payouts.created": "Payouts created",
  "payout.paid": "Payout marked paid",
  "payout.adjusted": "Payout adjusted",
  "payout.cancelled": "Payout cancelled",
  "payout.returned-to-draft": "Payout returned to draft",
  "commissions.approved": "Commissions past their hold period approved",
  "payout-email.requested": "New PayPal email asked for",
  "payout-email.changed": "New PayPal email confirmed",
};

/** Who did it: a named staff member or influencer by name, else what is known of them. */
export function actorWords(actor: string, actorName?: string | null): string {
  if (actor === "system") return "automatically";
  if (actorName) return `by ${actorName}`;
  if (actor === "staff") return "by staff";
  const staff = /^staff:(.+)$/.exec(actor);
  if (staff) return `by staff member ${staff[1]}`;
  if (actor.startsWith("influencer:")) return "by the influencer";
  return `by ${actor}`;
}

export function auditWords(
  entry: { action: string; actor: string; at: Date },
  timeZone: string,
  actorName?: string | null,
): { what: string; when: string } {
  const what = `${ACTIONS[entry.action] ?? entry.action} ${actorWords(entry.actor, actorName)}`;
  const when = new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(entry.at);
  return { what, when };
}
