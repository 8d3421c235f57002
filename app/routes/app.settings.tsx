import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { CategoryRateRows, TierRows } from "~/components/RateRows";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { rateRows, rateText, tierRows, tierText } from "~/domain/rate-rows";
import { useSuccessToast } from "~/components/useSuccessToast";
import { auditWords } from "~/domain/audit-words";
import { formatMinor } from "~/domain/money";
import { bpsToPercent } from "~/domain/percent";
import { formatOverrides, formatTiers } from "~/domain/settings-input";
import { programSettings, recentAudit, saveSettingsCommand } from "~/server/shop/settings.server";
import { answer } from "~/server/platform/commands.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const s = await programSettings(db, shop.id);
  const audit = await recentAudit(db, shop.id, 8);
  return {
    currency: shop.currency,
    values: {
      commissionKind: s.commissionKind,
      commissionPercent: bpsToPercent(s.percentBps),
      fixedAmount: formatMinor(s.fixedMinor, shop.currency),
      tiers: formatTiers(s.tiers, shop.currency),
      overrides: formatOverrides(s.overrides),
      newCustomerBonus: formatMinor(s.newCustomerBonusMinor, shop.currency),
      holdPeriodDays: String(s.holdPeriodDays),
      payoutThreshold: formatMinor(s.payoutThresholdMinor, shop.currency),
      attributionWindowDays: String(s.attributionWindowDays),
      attributionMode: s.attributionMode,
      linkCredit: s.linkCredit,
    },
    audit: audit.map((a) => ({ id: a.id, ...auditWords(a, shop.timezone, a.actorName) })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) =>
  answer(await saveSettingsCommand(await requireShop(request), await formFields(request)));

export default function Settings() {
  const { currency, values: initial, audit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useSuccessToast(result, result?.ok ? result.message : null);
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const saving = useNavigation().state === "submitting";
  const [v, setV] = useState(initial);
  // Saved: the form shows what is stored now (the server's own spelling of each value).
  useEffect(() => {
    if (result?.ok) setV(initial);
  }, [initial]); // when the saved values arrive
  const form = useRef<HTMLFormElement>(null);
  // Unsaved changes bring up App Bridge's save bar; leaving without saving is then confirmed by the admin.
  const dirty = (Object.keys(initial) as Array<keyof typeof initial>).some((k) => v[k] !== initial[k]);
  const field = (name: keyof typeof initial) => ({
    name,
    value: v[name],
    onChange: (value: string) => setV({ ...v, [name]: value }),
    error: errors[name],
    autoComplete: "off",
  });

  return (
    <Page title="Settings" subtitle="How influencers earn, when they are paid, and which orders are theirs">
      <UnsavedChanges
        id="settings-save-bar"
        dirty={dirty}
        form={form}
        saving={saving}
        onDiscard={() => setV(initial)}
      />
      <Form method="post" noValidate ref={form}>
        <Layout>
          <Layout.AnnotatedSection
            title="Commission"
            description="The default for every influencer; an influencer's own rate on their page wins."
          >
            <Card>
              <FormLayout>
                <Select
                  label="Influencers earn"
                  name="commissionKind"
                  options={[
                    { label: "A percentage of net sales", value: "PERCENT" },
                    { label: "A fixed amount per order", value: "FIXED" },
                  ]}
                  value={v.commissionKind}
                  onChange={(value) => setV({ ...v, commissionKind: value as typeof v.commissionKind })}
                />
                {v.commissionKind === "PERCENT" ? (
                  <TextField
                    label="Commission"
                    suffix="% of net sales (after discounts, without shipping and taxes)"
                    {...field("commissionPercent")}
                  />
                ) : (
                  <TextField label="Amount per order" prefix={currency} {...field("fixedAmount")} />
                )}
                <input type="hidden" name="tiers" value={v.tiers} />
                <TierRows
                  rows={tierRows(v.tiers)}
                  currency={currency}
                  error={errors.tiers}
                  onChange={(rows) => setV({ ...v, tiers: tierText(rows) })}
                />
                <input type="hidden" name="overrides" value={v.overrides} />
                <CategoryRateRows
                  rows={rateRows(v.overrides)}
                  error={errors.overrides}
                  onChange={(rows) => setV({ ...v, overrides: rateText(rows) })}
                />
                <TextField
                  label="Bonus for a new customer"
                  prefix={currency}
                  helpText="Added to the commission of a customer's first order"
                  {...field("newCustomerBonus")}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Payouts"
            description="Commission waits out your returns window, then becomes payable."
          >
            <Card>
              <InlineGrid columns={2} gap="300">
                <TextField
                  label="Hold period"
                  suffix="days"
                  helpText="Your returns window"
                  {...field("holdPeriodDays")}
                />
                <TextField
                  label="Pay out from"
                  prefix={currency}
                  helpText="Smallest balance worth a payout"
                  {...field("payoutThreshold")}
                />
              </InlineGrid>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Attribution"
            description="An influencer's code always counts; a link counts within the window: the last one the shopper clicked, or the first, as you choose."
          >
            <Card>
              <InlineGrid columns={2} gap="300">
                <Select
                  label="Count orders by"
                  name="attributionMode"
                  options={[
                    { label: "Code or referral link", value: "CODE_AND_LINK" },
                    { label: "Code only", value: "CODE_ONLY" },
                  ]}
                  value={v.attributionMode}
                  onChange={(value) => setV({ ...v, attributionMode: value as typeof v.attributionMode })}
                />
                <TextField label="Link attribution window" suffix="days" {...field("attributionWindowDays")} />
                <Select
                  label="When a shopper clicked several links, credit"
                  name="linkCredit"
                  options={[
                    { label: "The last link clicked", value: "LAST_CLICK" },
                    { label: "The first link clicked in the window", value: "FIRST_CLICK" },
                  ]}
                  value={v.linkCredit}
                  onChange={(value) => setV({ ...v, linkCredit: value as typeof v.linkCredit })}
                  error={errors.linkCredit}
                />
              </InlineGrid>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={saving}>
                Save
              </Button>
            </InlineStack>
          </Layout.Section>
          <Layout.AnnotatedSection title="Changes" description="Who changed settings, approved or paid, and when.">
            <Card>
              <BlockStack gap="100">
                {audit.length === 0 && (
                  <Text as="p" tone="subdued">
                    Nothing yet.
                  </Text>
                )}
                {audit.map((a) => (
                  <InlineStack key={a.id} gap="200" wrap={false}>
                    <Text as="span" tone="subdued">
                      {a.when}
                    </Text>
                    <Text as="span">{a.what}</Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
        </Layout>
      </Form>
    </Page>
  );
}
