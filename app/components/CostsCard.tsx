// The influencer page's card of costs besides commission, with the form to add one (a draft under
// the save bar until added).
import { BlockStack, Button, Card, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { DraftForm } from "./DraftForm";
import { Hidden } from "./Hidden";
import type { FormState } from "./InfluencerForms";

const COST_LABELS: Record<string, string> = {
  FLAT_FEE: "Flat fee",
  GIFTED_PRODUCT: "Gifted product",
  SHIPPING: "Shipping",
  OTHER: "Other",
};

export function CostsCard({
  costs,
  products,
  currency,
  today,
  state,
}: {
  costs: Array<{ id: string; kind: string; amount: string; on: string; note: string }>;
  products: Array<{ id: string; label: string }>;
  currency: string;
  /** The shop's today, the date a new cost starts at. */
  today: string;
  state: FormState;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Other costs
        </Text>
        <Text as="p" tone="subdued">
          Flat fees, gifted products and shipping count in this influencer's ROI next to their commission.
        </Text>
        {costs.map((c) => (
          <InlineStack key={c.id} align="space-between">
            <Text as="span">
              {c.on} · {COST_LABELS[c.kind]}
              {c.note ? ` · ${c.note}` : ""}
            </Text>
            <Text as="span" fontWeight="semibold">
              {c.amount}
            </Text>
          </InlineStack>
        ))}
        <DraftForm id="cost-save-bar" {...state}>
          {({ errors }) => (
            <CostFields products={products} currency={currency} today={today} errors={errors} state={state} />
          )}
        </DraftForm>
      </BlockStack>
    </Card>
  );
}

function CostFields({
  products,
  currency,
  today,
  errors,
  state,
}: {
  products: Array<{ id: string; label: string }>;
  currency: string;
  /** The shop's today, the date a new cost starts at. */
  today: string;
  errors: Record<string, string>;
  state: FormState;
}) {
  const [cost, setCost] = useState({
    costKind: "FLAT_FEE",
    amount: "",
    incurredOn: today,
    productId: "",
    quantity: "1",
    note: "",
  });
  const set = (key: keyof typeof cost) => (value: string) => setCost({ ...cost, [key]: value });
  return (
    <BlockStack gap="300">
      <Hidden fields={{ intent: "add-cost" }} />
      <InlineGrid columns={2} gap="300">
        <Select
          label="Cost"
          name="costKind"
          options={Object.entries(COST_LABELS).map(([value, label]) => ({ value, label }))}
          value={cost.costKind}
          onChange={set("costKind")}
          error={errors.costKind}
        />
        <TextField
          label="Date"
          name="incurredOn"
          type="date"
          autoComplete="off"
          value={cost.incurredOn}
          onChange={set("incurredOn")}
          error={errors.incurredOn}
        />
      </InlineGrid>
      {cost.costKind === "GIFTED_PRODUCT" && (
        <InlineGrid columns={["twoThirds", "oneThird"]} gap="300">
          <Select
            label="Product"
            name="productId"
            options={[
              { label: "Choose a product", value: "" },
              ...products.map((p) => ({ label: p.label, value: p.id })),
            ]}
            value={cost.productId}
            onChange={set("productId")}
            error={errors.productId}
          />
          <TextField
            label="How many"
            name="quantity"
            autoComplete="off"
            value={cost.quantity}
            onChange={set("quantity")}
            error={errors.quantity}
          />
        </InlineGrid>
      )}
      <InlineGrid columns={2} gap="300">
        <TextField
          label="Amount"
          name="amount"
          prefix={currency}
          autoComplete="off"
          helpText={cost.costKind === "GIFTED_PRODUCT" ? "Empty: the product's unit cost" : undefined}
          value={cost.amount}
          onChange={set("amount")}
          error={errors.amount}
        />
        <TextField label="Note" name="note" autoComplete="off" value={cost.note} onChange={set("note")} />
      </InlineGrid>
      <InlineStack align="end">
        <Button submit disabled={state.busy} loading={state.saving}>
          Add cost
        </Button>
      </InlineStack>
    </BlockStack>
  );
}
