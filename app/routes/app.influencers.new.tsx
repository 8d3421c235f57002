import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useMemo, useState } from "react";
import { requireShop, formFields } from "~/server/shop/shop-context.server";
import { DiscountFields } from "~/components/DiscountFields";
import { suggestCodes } from "~/domain/codes";
import { bpsToPercent } from "~/domain/percent";
import { addInfluencerCommand, takenCodeKeys } from "~/server/program/influencers.server";
import { answer } from "~/server/platform/commands.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  return {
    currency: shop.currency,
    defaultCommission: bpsToPercent(shop.defaultCommissionBps),
    takenCodes: await takenCodeKeys(db, shop.id),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const result = await addInfluencerCommand(await requireShop(request), await formFields(request));
  if (!result.ok) return answer(result);
  // The influencer's page confirms it in a toast (?added), with a warning if Shopify had one.
  const notice = "warning" in result && result.warning ? `&notice=${encodeURIComponent(result.warning)}` : "";
  return redirect(`/app/influencers/${result.influencerId}?added=1${notice}`);
};

export default function NewInfluencer() {
  const { currency, defaultCommission, takenCodes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const saving = useNavigation().state === "submitting";
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [commission, setCommission] = useState("");
  const [addAs, setAddAs] = useState<"partner" | "prospect">("partner");
  const taken = useMemo(() => new Set(takenCodes), [takenCodes]);
  const suggestions = suggestCodes(name, 10, taken, 3);

  return (
    <Page title="Add influencer" backAction={{ content: "Influencers", url: "/app/influencers" }}>
      {/* The server checks every field and says what is wrong with each, in the merchant's words. */}
      <Form method="post" noValidate>
        <Layout>
          {errors.form && (
            <Layout.Section>
              <Banner tone="critical" title="The influencer was not added">
                <p>{errors.form}</p>
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <input type="hidden" name="addAs" value={addAs} />
                  <ChoiceList
                    title="Add as"
                    choices={[
                      { label: "A partner, with a discount code and a referral link now", value: "partner" },
                      {
                        label: "A prospect to pitch first",
                        value: "prospect",
                        helpText: "From Outreach; they get a code when they apply and you approve them",
                      },
                    ]}
                    selected={[addAs]}
                    onChange={([value]) => setAddAs(value === "prospect" ? "prospect" : "partner")}
                  />
                  <TextField
                    label="Name"
                    name="name"
                    autoComplete="off"
                    value={name}
                    onChange={setName}
                    error={errors.name}
                  />
                  <TextField
                    label="Email"
                    name="email"
                    type="email"
                    autoComplete="off"
                    value={email}
                    onChange={setEmail}
                    error={errors.email}
                  />
                  <TextField
                    label="Commission"
                    name="commissionPercent"
                    suffix="% of net sales"
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder={defaultCommission}
                    helpText={`Leave empty for your default of ${defaultCommission}%`}
                    value={commission}
                    onChange={setCommission}
                    error={errors.commissionPercent}
                  />
                </FormLayout>
              </Card>
              {addAs === "partner" && (
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      Discount code
                    </Text>
                    <TextField
                      label="Code shoppers type at checkout"
                      name="code"
                      autoComplete="off"
                      value={code}
                      onChange={(value) => setCode(value.toUpperCase())}
                      error={errors.code}
                      helpText="Created in your Shopify discounts when you save"
                    />
                    {suggestions.length > 0 && (
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" variant="bodySm" tone="subdued">
                          Suggestions:
                        </Text>
                        {suggestions.map((s) => (
                          <Button key={s} size="slim" onClick={() => setCode(s)}>
                            {s}
                          </Button>
                        ))}
                      </InlineStack>
                    )}
                    <DiscountFields errors={errors} currency={currency} />
                  </BlockStack>
                </Card>
              )}
            </BlockStack>
          </Layout.Section>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={saving}>
                {addAs === "prospect" ? "Add prospect" : "Add influencer"}
              </Button>
            </InlineStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
