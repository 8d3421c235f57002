// The discount terms of a code, shared by the new-influencer form and the add-code form.
import { BlockStack, Checkbox, FormLayout, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export type DiscountFieldValues = {
  discountType: string;
  discountPercent: string;
  discountAmount: string;
  oncePerCustomer: boolean;
  usageLimit: string;
  minimumSubtotal: string;
  startsAt: string;
  endsAt: string;
  combinesWithOrder: boolean;
  combinesWithProduct: boolean;
  combinesWithShipping: boolean;
};

export const DEFAULT_DISCOUNT_FIELDS: DiscountFieldValues = {
  discountType: "percentage",
  discountPercent: "10",
  discountAmount: "",
  oncePerCustomer: false,
  usageLimit: "",
  minimumSubtotal: "",
  startsAt: "",
  endsAt: "",
  combinesWithOrder: false,
  combinesWithProduct: false,
  combinesWithShipping: true,
};

export function DiscountFields({
  errors,
  currency,
  initial = DEFAULT_DISCOUNT_FIELDS,
}: {
  errors: Record<string, string>;
  currency: string;
  initial?: DiscountFieldValues;
}) {
  const [v, setV] = useState(initial);
  const set =
    <K extends keyof DiscountFieldValues>(key: K) =>
    (value: DiscountFieldValues[K]) =>
      setV((old) => ({ ...old, [key]: value }));
  const hidden = (name: keyof DiscountFieldValues) => <input type="hidden" name={name} value={String(v[name])} />;
  return (
    <BlockStack gap="300">
      <FormLayout>
        <InlineGrid columns={2} gap="300">
          <Select
            label="Discount type"
            name="discountType"
            options={[
              { label: "Percentage off", value: "percentage" },
              { label: `Fixed amount off (${currency})`, value: "fixed_amount" },
            ]}
            value={v.discountType}
            onChange={set("discountType")}
          />
          {v.discountType === "percentage" ? (
            <TextField
              label="Discount for shoppers"
              name="discountPercent"
              suffix="%"
              inputMode="decimal"
              autoComplete="off"
              value={v.discountPercent}
              onChange={set("discountPercent")}
              error={errors.discountPercent}
            />
          ) : (
            <TextField
              label="Amount off"
              name="discountAmount"
              prefix={currency}
              inputMode="decimal"
              autoComplete="off"
              value={v.discountAmount}
              onChange={set("discountAmount")}
              error={errors.discountAmount}
            />
          )}
        </InlineGrid>
        <InlineGrid columns={2} gap="300">
          <TextField
            label="Minimum purchase"
            name="minimumSubtotal"
            prefix={currency}
            inputMode="decimal"
            autoComplete="off"
            helpText="Leave empty for none"
            value={v.minimumSubtotal}
            onChange={set("minimumSubtotal")}
            error={errors.minimumSubtotal}
          />
          <TextField
            label="Total uses"
            name="usageLimit"
            inputMode="numeric"
            autoComplete="off"
            helpText="Leave empty for unlimited"
            value={v.usageLimit}
            onChange={set("usageLimit")}
            error={errors.usageLimit}
          />
        </InlineGrid>
        <InlineGrid columns={2} gap="300">
          <TextField
            label="Starts"
            name="startsAt"
            type="date"
            autoComplete="off"
            value={v.startsAt}
            onChange={set("startsAt")}
            error={errors.startsAt}
          />
          <TextField
            label="Ends"
            name="endsAt"
            type="date"
            autoComplete="off"
            value={v.endsAt}
            onChange={set("endsAt")}
            error={errors.endsAt}
            helpText="Leave empty to keep it running"
          />
        </InlineGrid>
      </FormLayout>
      <Checkbox label="Once per customer" checked={v.oncePerCustomer} onChange={set("oncePerCustomer")} />
      <Text as="p" variant="bodySm" tone="subdued">
        Combines with
      </Text>
      <InlineGrid columns={3} gap="200">
        <Checkbox label="Order discounts" checked={v.combinesWithOrder} onChange={set("combinesWithOrder")} />
        <Checkbox label="Product discounts" checked={v.combinesWithProduct} onChange={set("combinesWithProduct")} />
        <Checkbox label="Shipping discounts" checked={v.combinesWithShipping} onChange={set("combinesWithShipping")} />
      </InlineGrid>
      {hidden("oncePerCustomer")}
      {hidden("combinesWithOrder")}
      {hidden("combinesWithProduct")}
      {hidden("combinesWithShipping")}
    </BlockStack>
  );
}
