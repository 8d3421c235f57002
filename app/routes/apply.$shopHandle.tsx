import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { formFields } from "~/server/shop/shop-context.server";
import { PublicError, PublicFrame, publicLinks } from "~/components/PublicFrame";
import { bpsToPercent } from "~/domain/percent";
import { applyCommand, shopOfApplicationForm } from "~/server/program/applications.server";
import { answer } from "~/server/platform/commands.server";
import { publicContext, visitorOf } from "~/server/platform/public-pages.server";
import { sharedLimit, tooManyRequests } from "~/server/platform/rate-limit.server";

// GET/POST /apply/:shopHandle: the public application form of a shop.
export const links = publicLinks;
export const ErrorBoundary = PublicError;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Partner with ${data.shopName}` : "Apply" },
];

const applications = sharedLimit("application", 5, 600);

async function shopByHandle(handle: string | undefined) {
  const { db } = publicContext();
  const shop = handle ? await shopOfApplicationForm(db, handle) : null;
  if (!shop || shop.status !== "INSTALLED")
    throw new Response("This shop does not take applications here", { status: 404 });
  return shop;
}

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const shop = await shopByHandle(params.shopHandle);
  return {
    shopName: shop.name || shop.handle,
    logoUrl: shop.logoUrl,
    commission: `${bpsToPercent(shop.defaultCommissionBps)}%`,
    storeUrl: `https://${shop.domain}`,
  };
};

export const action = async ({ request, params, context }: ActionFunctionArgs) => {
  const { db } = publicContext();
  const shop = await shopByHandle(params.shopHandle);
  if (!(await applications.take(`${shop.id}|${visitorOf(request, context)}`))) throw tooManyRequests(600);
  return answer(await applyCommand(db, shop.id, await formFields(request)));
};

export default function Apply() {
  const { shopName, logoUrl, commission, storeUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const [values, setValues] = useState({
    name: "",
    email: "",
    socialProfiles: "",
    audienceSize: "",
    categories: "",
    message: "",
  });
  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (v: string) => setValues({ ...values, [name]: v }),
    error: errors[name],
    autoComplete: "off",
  });
  if (result?.ok) {
    return (
      <PublicFrame shop={{ shopName, logoUrl }}>
        <Card>
          <BlockStack gap="300">
            <Text as="h1" variant="headingLg">
              Thank you!
            </Text>
            <Text as="p">{shopName} has your application and will answer by email.</Text>
            <InlineStack>
              <Button url={storeUrl}>{`Visit ${shopName}`}</Button>
            </InlineStack>
          </BlockStack>
        </Card>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame shop={{ shopName, logoUrl }}>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h1" variant="headingXl">
            Partner with {shopName}
          </Text>
          <Text as="p">
            Earn {commission} of every order you bring, with your own code for your followers and a portal that shows
            what sells to your audience.
          </Text>
        </BlockStack>
        {errors.form && <Banner tone="critical">{errors.form}</Banner>}
        <Card>
          <Form method="post" noValidate>
            <FormLayout>
              <TextField label="Your name" {...field("name")} autoComplete="name" />
              <TextField label="Email" type="email" {...field("email")} autoComplete="email" />
              <TextField
                label="Your profiles"
                helpText="Links to your channels, one a line (https://instagram.com/you)"
                multiline={3}
                {...field("socialProfiles")}
              />
              <TextField
                label="Audience size"
                helpText="Followers or subscribers, all channels together"
                inputMode="numeric"
                {...field("audienceSize")}
              />
              <TextField
                label="What you make content about"
                helpText="For example: skincare, running, home"
                {...field("categories")}
              />
              <TextField label="A word about you (optional)" multiline={4} {...field("message")} />
              <div
                aria-hidden="true"
                style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}
              >
                <label>
                  Leave this empty
                  <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
                </label>
              </div>
              <Button submit variant="primary" loading={busy} fullWidth>
                Send my application
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </BlockStack>
    </PublicFrame>
  );
}
