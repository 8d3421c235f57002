import { describe, expect, it } from "vitest";
import { readOrderHistory } from "./backfill.server";

const order = (id: number, code: string, refundIds: number[] = []) =>
  JSON.stringify({
    id: `gid://shopify/Order/${id}`,
    legacyResourceId: String(id),
    discountCodes: [code],
    customAttributes: [],
    refunds: refundIds.map((r) => ({ id: `gid://shopify/Refund/${r}`, legacyResourceId: String(r), createdAt: null })),
  });
const lineItem = (id: number, parent: number) =>
  JSON.stringify({ id: `gid://shopify/LineItem/${id}`, quantity: 1, __parentId: `gid://shopify/Order/${parent}` });
const refundLine = (refund: number, lineItemId: number) =>
  JSON.stringify({
    lineItem: { id: `gid://shopify/LineItem/${lineItemId}` },
    quantity: 1,
    __parentId: `gid://shopify/Refund/${refund}`,
  });

const influencerCode = (o: { discountCodes: string[] }) => o.discountCodes.includes("MAYA10");

describe("reading a bulk query's order history", () => {
  it("keeps the wanted orders with their line items and refund lines, in whatever order the lines come", async () => {
    const lines = [
      lineItem(11, 1), // a child before its parent
      order(1, "MAYA10", [100]),
      refundLine(100, 11),
      order(2, "WELCOME5", [200]),
      lineItem(21, 2),
      refundLine(200, 21),
      order(3, "MAYA10"),
      lineItem(31, 3),
      lineItem(32, 3),
    ];
    const orders = await readOrderHistory(lines, influencerCode);
    expect(
      orders.map((o) => [
        o.legacyResourceId,
        o.lineItems.nodes.length,
        o.refunds.map((r) => r.refundLineItems.nodes.length),
      ]),
    ).toEqual([
      ["1", 1, [1]],
      ["3", 2, []],
    ]);
  });

  it("reads lines as they stream", async () => {
    async function* streamed() {
      yield order(5, "MAYA10");
      yield "";
      yield lineItem(51, 5);
    }
    expect((await readOrderHistory(streamed(), influencerCode)).map((o) => o.lineItems.nodes.length)).toEqual([1]);
  });
});
