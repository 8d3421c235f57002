// The types that come from the schema hold: a raw-SQL column map must name every column of its
// model with the right type (checked by the compiler, which `npm test` runs: each
// `@ts-expect-error` below fails the build if the map compiles), and the JSON kept in text
// columns is read back only in the shape written.
import { describe, expect, it } from "vitest";
import type { Refund } from "#db-client";
import { REFUND_COLUMNS } from "~/server/ledger/order-book.server";
import type { ColumnsOf } from "~/server/platform/bulk-insert.server";
import { commissionRule, importProblems, productCollections, refundLines } from "~/server/platform/json-columns.server";

// The map the ledger writes refunds with.
const refundColumns = REFUND_COLUMNS satisfies ColumnsOf<Refund>;

// @ts-expect-error a map that misses a column (refundedAt) does not compile
const missing = { ...refundColumns, refundedAt: undefined } satisfies ColumnsOf<Refund>;
// @ts-expect-error a map that gives a column the wrong type does not compile
const mistyped = { ...refundColumns, amountMinor: "text" } satisfies ColumnsOf<Refund>;
// @ts-expect-error a map that names a column the model lacks does not compile
const unknown = { ...refundColumns, note: "text" } satisfies ColumnsOf<Refund>;

describe("column maps", () => {
  it("list every column of the model", () => {
    expect(Object.keys(refundColumns)).toHaveLength(7);
    expect([missing, mistyped, unknown]).toHaveLength(3);
  });
});

describe("JSON columns", () => {
  it("read back what they wrote", () => {
    const lines = [{ lineId: "11", quantity: 1, amountMinor: 2500 }];
    expect(refundLines.read(refundLines.write(lines))).toEqual(lines);
    expect(productCollections.read("[]")).toEqual([]);
  });

  it("name the column and the place of a value that is not what it should hold", () => {
    expect(() => refundLines.read('[{"lineId":"11","quantity":"one","amountMinor":2500}]')).toThrow(
      /Refund.lines holds an unexpected value at 0.quantity/,
    );
    expect(() => productCollections.read("not json")).toThrow("Product.collections holds text that is not JSON");
    expect(() => commissionRule.read('{"terms":{},"lastMonthSalesMinor":0}')).toThrow(/^Commission.rule/);
  });

  it("refuse to write a value of the wrong shape", () => {
    expect(() => importProblems.write([{ row: 2, field: "email" } as never])).toThrow();
  });
});
