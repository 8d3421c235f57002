import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, EmptyState, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { useSuccessToast } from "~/components/useSuccessToast";
import { ConfirmButton } from "~/components/ConfirmButton";
import { Hidden } from "~/components/Hidden";
import { shopDay } from "~/domain/shop-time";
import { applicationCommands, applicationQueue } from "~/server/program/applications.server";
import { answer } from "~/server/platform/commands.server";
import { applicationUrl } from "~/server/outreach/outreach.server";

// The approval queue: applications from the public form, oldest first.
export { revalidateOnConflict as shouldRevalidate } from "~/revalidate-on-conflict";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db, appUrl } = await requireShop(request);
  const queue = await applicationQueue(db, shop.id);
  return {
    applyUrl: applicationUrl(appUrl, shop),
    applications: queue.map((a) => ({
      ...a,
      socialProfiles: a.socialProfiles.split("\n").filter(Boolean),
      updatedAt: shopDay(a.updatedAt, shop.timezone),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) =>
  answer(await applicationCommands(await requireShop(request), await formFields(request)));

export default function Applications() {
  const { applyUrl, applications } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useSuccessToast(result, result?.ok ? result.message : null);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const pressed = `${navigation.formData?.get("intent")}:${navigation.formData?.get("influencerId")}`; // busy shows on the pressed button only
  return (
    <Page title="Applications" subtitle={`From your application form, ${applyUrl}`}>
      <Layout>
        {result && !result.ok && (
          <Layout.Section>
            <Banner tone="critical">{result.message}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          {applications.length === 0 ? (
            <Card>
              <EmptyState heading="No applications waiting" image="">
                <p>
                  Share your application form with influencers you would like to work with, or pitch prospects from
                  Outreach.
                </p>
              </EmptyState>
            </Card>
          ) : (
            <BlockStack gap="400">
              {applications.map((a) => (
                <Card key={a.id}>
                  <BlockStack gap="200">
                    <InlineStack align="space-between">
                      <Text as="h2" variant="headingMd">
                        {a.name}
                      </Text>
                      <Text as="span" tone="subdued">
                        {a.updatedAt}
                      </Text>
                    </InlineStack>
                    <Text as="p">
                      {a.email}
                      {a.audienceSize != null ? ` · ${a.audienceSize.toLocaleString("en-US")} followers` : ""}
                      {a.categories ? ` · ${a.categories}` : ""}
                    </Text>
                    {a.socialProfiles.map((url) => (
                      <Link key={url} url={url} target="_blank" removeUnderline>
                        {url}
                      </Link>
                    ))}
                    {a.message && <Text as="p">{a.message}</Text>}
                    <InlineStack gap="200" align="end">
                      <ConfirmButton
                        label="Decline"
                        title={`Decline ${a.name}?`}
                        message={`${a.name}'s application is closed without a code or a link. They are not told by email.`}
                        fields={{ intent: "decline", influencerId: a.id }}
                        destructive
                        disabled={busy}
                      />
                      <Form method="post">
                        <Hidden fields={{ intent: "approve", influencerId: a.id }} />
                        <Button submit variant="primary" loading={pressed === `approve:${a.id}`} disabled={busy}>
                          Approve
                        </Button>
                      </Form>
                    </InlineStack>
                  </BlockStack>
                </Card>
              ))}
            </BlockStack>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}
