// A status in the merchant's words, for what it is the status of: a code that is PENDING is waiting
// for Shopify, a payout that is DRAFT is still to pay. Each subject lists every value of its Prisma
// enum, so a new status cannot reach the page unlabelled.
import { Badge } from "@shopify/polaris";
import type { BackfillStatus, CodeStatus, InfluencerStatus, LinkStatus, PayoutStatus } from "#db-client";

type Look = { label: string; tone?: "success" | "attention" | "info" | "warning" | "critical" };

const LOOKS = {
  influencer: {
    PROSPECT: { label: "Prospect", tone: "info" },
    INVITED: { label: "Invited", tone: "info" },
    APPLIED: { label: "Applied", tone: "warning" },
    ACTIVE: { label: "Active", tone: "success" },
    PAUSED: { label: "Paused", tone: "attention" },
    ARCHIVED: { label: "Archived" },
  } satisfies Record<InfluencerStatus, Look>,
  code: {
    ACTIVE: { label: "Active", tone: "success" },
    INACTIVE: { label: "Off" },
    PENDING: { label: "Waiting for Shopify", tone: "warning" },
  } satisfies Record<CodeStatus, Look>,
  link: {
    ACTIVE: { label: "Active", tone: "success" },
    PAUSED: { label: "Paused", tone: "attention" },
  } satisfies Record<LinkStatus, Look>,
  payout: {
    DRAFT: { label: "To pay", tone: "attention" },
    PAYING: { label: "Being paid: check Shopify", tone: "warning" },
    PAID: { label: "Paid", tone: "success" },
    CANCELLED: { label: "Cancelled" },
  } satisfies Record<PayoutStatus, Look>,
  pastOrders: {
    RUNNING: { label: "Importing", tone: "info" },
    DONE: { label: "Complete", tone: "success" },
    FAILED: { label: "Stopped", tone: "critical" },
  } satisfies Record<BackfillStatus, Look>,
};

type Subject = keyof typeof LOOKS;

export function StatusBadge<S extends Subject>({ of, status }: { of: S; status: keyof (typeof LOOKS)[S] }) {
  const look = LOOKS[of][status] as Look;
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
