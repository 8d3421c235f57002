// What an order is worth to the merchant, from its newest snapshot and every refund known for it,
// whichever arrived first. Net sales = line amounts after discounts, less what was edited away,
// less what was refunded; shipping and taxes excluded; nothing for a cancelled order.
import { allocate } from "./money";
import type { LineFacts, OrderFacts, RefundFacts } from "./order-facts";

/**
 * Line amounts after every discount. Shopify allocates discounts to lines; when the lines still add
 * up to more than the order's subtotal (a discount not allocated), the difference is spread over
 * the lines in proportion, so the lines always add up to the subtotal.
 */
function discountedLineNets(order: OrderFacts): number[] {
  const nets = order.lines.map((l) => l.netMinor);
  const unallocated = nets.reduce((a, b) => a + b, 0) - order.subtotalMinor;
  if (order.subtotalMinor <= 0 || unallocated <= 0) return nets;
  const reductions = allocate(
    unallocated,
    nets.map((n) => Math.max(0, n)),
  );
  return nets.map((n, i) => n - reductions[i]);
}

/**
 * Each line's amount after order edits. Shopify's current_quantity leaves out refunded and
 * edited-away units; the refunds inside the same snapshot tell the two apart.
 */
export function linesAfterEdits(
  order: OrderFacts,
): Array<LineFacts & { keptQuantity: number; effectiveNetMinor: number }> {
  const nets = discountedLineNets(order);
  const refundedInSnapshot = new Map<string, number>();
  for (const refund of order.refunds) {
    for (const line of refund.lines)
      refundedInSnapshot.set(line.lineId, (refundedInSnapshot.get(line.lineId) ?? 0) + line.quantity);
  }
  return order.lines.map((original, index) => {
    const line = { ...original, netMinor: nets[index] };
    const editedAway =
      line.currentQuantity == null
        ? 0
        : Math.max(0, line.quantity - line.currentQuantity - (refundedInSnapshot.get(line.lineId) ?? 0));
    const kept = Math.max(0, line.quantity - editedAway);
    const effectiveNetMinor =
      kept === line.quantity
        ? line.netMinor
        : line.quantity === 0
          ? 0
          : allocate(line.netMinor, [kept, line.quantity - kept])[0];
    return { ...line, keptQuantity: kept, effectiveNetMinor };
  });
}

export type RefundTotals = {
  lines: Map<string, { refundedQuantity: number; refundedMinor: number }>;
  refundedMinor: number;
};

/** Refunded amounts per line, never more than the line was worth. */
export function refundTotals(
  lines: Array<{ lineId: string; quantity: number; netMinor: number }>,
  refunds: RefundFacts[],
): RefundTotals {
  const byLine = new Map<string, { quantity: number; amount: number }>();
  for (const refund of refunds) {
    for (const line of refund.lines) {
      const known = byLine.get(line.lineId) ?? { quantity: 0, amount: 0 };
      byLine.set(line.lineId, { quantity: known.quantity + line.quantity, amount: known.amount + line.amountMinor });
    }
  }
  const result = new Map<string, { refundedQuantity: number; refundedMinor: number }>();
  let refundedMinor = 0;
  for (const line of lines) {
    const refunded = byLine.get(line.lineId) ?? { quantity: 0, amount: 0 };
    const entry = {
      refundedQuantity: Math.min(refunded.quantity, line.quantity),
      refundedMinor: Math.min(refunded.amount, line.netMinor),
    };
    result.set(line.lineId, entry);
    refundedMinor += entry.refundedMinor;
  }
  return { lines: result, refundedMinor };
}

export function netSales(grossNetMinor: number, refundedMinor: number, cancelled: boolean): number {
  return cancelled ? 0 : Math.max(0, grossNetMinor - refundedMinor);
}
