// The JSON the schema keeps in text columns (one schema for SQLite and PostgreSQL, so no native
// JSON type), read and written one way per column. Each column has a zod schema of what it holds:
// `write` takes only that shape, `read` checks what comes back and names the column when a row
// holds something else, so a bad row stops its job with a clear error instead of paying on
// half-read rules.
import { z } from "zod";
import type { RuleSnapshot } from "../../domain/commission-settlement";
import type { RateOverride, Tier } from "../../domain/commission";

export type JsonColumn<T> = { write(value: T): string; read(text: string): T };

function jsonColumn<T>(column: string, schema: z.ZodType<T>): JsonColumn<T> {
  return {
    write: (value) => JSON.stringify(schema.parse(value)),
    read(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new Error(`${column} holds text that is not JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `${column} holds an unexpected value at ${issue.path.join(".") || "the top"}: ${issue.message}`,
        );
      }
      return parsed.data;
    },
  };
}

const minor = z.number().int();
const tiers = z.array(z.object({ fromMinor: minor, percentBps: minor })) satisfies z.ZodType<Tier[]>;
const overrides = z.array(
  z.object({ productType: z.string().optional(), collection: z.string().optional(), percentBps: minor }),
) satisfies z.ZodType<RateOverride[]>;

/** Product.collections: the titles of the collections a product is in. */
export const productCollections = jsonColumn("Product.collections", z.array(z.string()));

/** Refund.lines: what each line gave back. */
export const refundLines = jsonColumn(
  "Refund.lines",
  z.array(z.object({ lineId: z.string(), quantity: z.number().int(), amountMinor: minor })),
);

/** BackfillRun.codes: the codes a past-orders import looks for, fixed when it starts. */
export const backfillCodes = jsonColumn("BackfillRun.codes", z.array(z.string()));

/** ImportRun.rows: the checked rows of a CSV import, as parsed (dates as ISO text). */
export const importRows = jsonColumn("ImportRun.rows", z.array(z.record(z.string(), z.unknown())));

/** ImportRun.problems: why an import was undone, per row and field. */
export const importProblems = jsonColumn(
  "ImportRun.problems",
  z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
);

/** CommissionRule.tiers and .overrides. */
export const commissionTiers = jsonColumn("CommissionRule.tiers", tiers);
export const commissionOverrides = jsonColumn("CommissionRule.overrides", overrides);

/** Commission.rule: the rule in force when the commission was made, kept with it for good. */
export const commissionRule = jsonColumn(
  "Commission.rule",
  z.object({
    terms: z.object({
      kind: z.enum(["PERCENT", "FIXED"]),
      percentBps: minor,
      fixedMinor: minor,
      tiers,
      overrides,
      newCustomerBonusMinor: minor,
    }),
    lastMonthSalesMinor: minor,
  }) satisfies z.ZodType<RuleSnapshot>,
);

/** AuditEntry.details: what a change was, for the audit log. */
export const auditDetails = jsonColumn("AuditEntry.details", z.record(z.string(), z.unknown()));
