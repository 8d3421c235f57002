// Small pieces the admin's influencer page and the influencer's portal share: a labelled figure,
// and a top-five list (categories, products) with sales and units.
import { BlockStack, InlineStack, Text } from "@shopify/polaris";

/** A figure with its label, and a line that says what it means ("5.4% of clicks"). */
export function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <BlockStack gap="050">
      <Text as="span" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="span" variant="headingMd">
        {value}
      </Text>
      {note && (
        <Text as="span" variant="bodySm" tone="subdued">
          {note}
        </Text>
      )}
    </BlockStack>
  );
}

export type RankedRow = { name: string; sales: string; units: number };

export function Ranking({
  title,
  rows,
  empty,
  heading = "h3",
}: {
  title: string;
  rows: RankedRow[];
  empty: string;
  heading?: "h2" | "h3";
}) {
  return (
    <BlockStack gap="100">
      <Text as={heading} variant={heading === "h2" ? "headingMd" : "headingSm"}>
        {title}
      </Text>
      {rows.length === 0 && (
        <Text as="p" tone="subdued">
          {empty}
        </Text>
      )}
      {rows.map((r) => (
        <InlineStack key={r.name} align="space-between" wrap={false} gap="200">
          <Text as="span" truncate>
            {r.name || "Other"}
          </Text>
          <Text as="span" numeric>
            {r.sales} · {r.units}
          </Text>
        </InlineStack>
      ))}
    </BlockStack>
  );
}
