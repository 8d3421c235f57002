// Tiers and per-category rates edited as rows (an amount or a category, and a percent), not as a
// text syntax. The rows travel in the form as the same lines the server reads ("500.00 = 15",
// "collection: Gifts = 20"), so one parser checks them whichever way they were typed.
import { BlockStack, Button, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { RateRow, TierRow } from "~/domain/rate-rows";

function Rows<T>(props: {
  label: string;
  help: string;
  rows: T[];
  empty: T;
  error?: string;
  onChange: (rows: T[]) => void;
  cells: (row: T, set: (row: T) => void, index: number) => React.ReactNode;
  add: string;
}) {
  const set = (index: number) => (row: T) => props.onChange(props.rows.map((r, i) => (i === index ? row : r)));
  return (
    <BlockStack gap="200">
      <Text as="p" fontWeight="medium">
        {props.label}
      </Text>
      {props.rows.map((row, index) => (
        <InlineStack key={index} gap="200" blockAlign="end" wrap={false}>
          <div style={{ flex: 1 }}>{props.cells(row, set(index), index)}</div>
          <Button
            accessibilityLabel={`Remove row ${index + 1}`}
            onClick={() => props.onChange(props.rows.filter((_, i) => i !== index))}
          >
            Remove
          </Button>
        </InlineStack>
      ))}
      {props.error && (
        <Text as="p" tone="critical">
          {props.error}
        </Text>
      )}
      <InlineStack gap="200" blockAlign="center">
        <Button onClick={() => props.onChange([...props.rows, props.empty])}>{props.add}</Button>
        <Text as="span" tone="subdued" variant="bodySm">
          {props.help}
        </Text>
      </InlineStack>
    </BlockStack>
  );
}

export function TierRows({
  rows,
  currency,
  error,
  onChange,
}: {
  rows: TierRow[];
  currency: string;
  error?: string;
  onChange: (rows: TierRow[]) => void;
}) {
  return (
    <Rows
      label="Tiers by last month's sales"
      help={`A higher rate once an influencer sold that much the month before.`}
      add="Add a tier"
      rows={rows}
      empty={{ from: "", percent: "" }}
      error={error}
      onChange={onChange}
      cells={(row, set, i) => (
        <InlineGrid columns={2} gap="200">
          <TextField
            label={`Tier ${i + 1}: sales from`}
            prefix={currency}
            autoComplete="off"
            value={row.from}
            onChange={(from) => set({ ...row, from })}
          />
          <TextField
            label={`Tier ${i + 1}: commission`}
            suffix="%"
            autoComplete="off"
            value={row.percent}
            onChange={(percent) => set({ ...row, percent })}
          />
        </InlineGrid>
      )}
    />
  );
}

export function CategoryRateRows({
  rows,
  error,
  onChange,
}: {
  rows: RateRow[];
  error?: string;
  onChange: (rows: RateRow[]) => void;
}) {
  return (
    <Rows
      label="Rates by product type or collection"
      help="Their own rate for what sells in a product type or a collection."
      add="Add a rate"
      rows={rows}
      empty={{ kind: "type", name: "", percent: "" }}
      error={error}
      onChange={onChange}
      cells={(row, set, i) => (
        <InlineGrid columns={3} gap="200">
          <Select
            label={`Rate ${i + 1}: for`}
            options={[
              { label: "Product type", value: "type" },
              { label: "Collection", value: "collection" },
            ]}
            value={row.kind}
            onChange={(kind) => set({ ...row, kind: kind === "collection" ? "collection" : "type" })}
          />
          <TextField
            label={`Rate ${i + 1}: name`}
            autoComplete="off"
            value={row.name}
            onChange={(name) => set({ ...row, name })}
          />
          <TextField
            label={`Rate ${i + 1}: commission`}
            suffix="%"
            autoComplete="off"
            value={row.percent}
            onChange={(percent) => set({ ...row, percent })}
          />
        </InlineGrid>
      )}
    />
  );
}
