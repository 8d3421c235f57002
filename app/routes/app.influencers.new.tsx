import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
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
import { parseInfluencerInput, parseProfileInput } from "~/domain/influencer-input";
import { bpsToPercent } from "~/domain/percent";
import { createInfluencer, createProspect, takenCodeKeys } from "~/server/program/influencers.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  return {
    currency: shop.currency,
    defaultCommission: bpsToPercent(shop.defaultCommissionBps),
    takenCodes: await takenCodeKeys(db, shop.id),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, graphql, db } = await requireShop(request);
  const fields = await formFields(request);
  if (!["", "partner", "prospect"].includes(fields.addAs ?? ""))
    return data({ errors: { addAs: "addAs is partner or prospect" } as Record<string, string> }, { status: 400 });
  if (fields.addAs === "prospect") {
    // Someone to pitch first: no code in Shopify until they apply and are approved.
    const profile = parseProfileInput(fields);
    if (!profile.ok) return data({ errors: profile.errors }, { status: 400 });
    const prospect = await createProspect(db, shop.id, profile.input);
    if (!prospect.ok) return data({ errors: prospect.errors }, { status: 400 });
    return redirect(`/app/influencers/${prospect.influencerId}?added=1`);
  }
  const parsed = parseInfluencerInput(fields, shop.currency);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const created = await createInfluencer(db, graphql, shop, parsed.input);
  if (!created.ok) return data({ errors: created.errors }, { status: 400 });
  // The influencer's page confirms it in a toast (?added), with a warning if Shopify had one.
  const notice = created.warning ? `&notice=${encodeURIComponent(created.warning)}` : "";
  return redirect(`/app/influencers/${created.influencerId}?added=1${notice}`);
};

export default function NewInfluencer() {
  const { currency, defaultCommission, takenCodes } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
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
