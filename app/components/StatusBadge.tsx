import { Badge } from "@shopify/polaris";

type Tone = "success" | "attention" | "info" | "warning" | "critical" | undefined;

const TONES: Record<string, Tone> = {
  ACTIVE: "success",
  PAUSED: "attention",
  ARCHIVED: undefined,
  PROSPECT: "info",
  INVITED: "info",
  APPLIED: "warning",
  PENDING: "warning",
  INACTIVE: undefined,
  RUNNING: "info",
  DONE: "success",
  FAILED: "critical",
  DRAFT: "attention",
  PAYING: "warning",
  PAID: "success",
  CANCELLED: undefined,
  APPROVED: "info",
  VOID: undefined,
};

const LABELS: Record<string, string> = {
  ACTIVE: "Active",
  PAUSED: "Paused",
  ARCHIVED: "Archived",
  PROSPECT: "Prospect",
  INVITED: "Invited",
  APPLIED: "Applied",
  PENDING: "Pending with Shopify",
  INACTIVE: "Off",
  RUNNING: "Importing",
  DONE: "Complete",
  FAILED: "Stopped",
  DRAFT: "To pay",
  PAYING: "Being paid: check Shopify",
  PAID: "Paid",
  CANCELLED: "Cancelled",
  APPROVED: "Payable",
  VOID: "Void",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status]}>{LABELS[status] ?? status}</Badge>;
}
