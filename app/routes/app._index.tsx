import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import db from "~/db.server";
import { formatMoney } from "~/domain/money";
import { themeEmbedDeepLink } from "~/domain/referral-links";
import { env } from "~/env.server";
import { homeSummary } from "~/models/home.server";
import { requireShop } from "~/admin.server";
import { retryWebhookEvents } from "~/webhooks/retry.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const summary = await homeSummary(db, shop.id, new Date());
  return {
    shop: { name: shop.name, currency: shop.currency },
    summary,
    themeEditorUrl: themeEmbedDeepLink(shop.domain, env().SHOPIFY_API_KEY),
  };
};

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
      </BlockStack>
    </Card>
  );
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await requireShop(request);
  return retryWebhookEvents(db, { shopDomain: session.shop, staleMs: 0 });
};

export default function Home() {
  const { shop, summary, themeEditorUrl } = useLoaderData<typeof loader>();
  const retry = useFetcher<typeof action>();
  const retrying = retry.state !== "idle";
  return (
    <Page title="Referral Loop" subtitle={`Pay influencers for results at ${shop.name}`}>
      <Layout>
        {summary.failedWebhooks > 0 && (
          <Layout.Section>
            <Banner
              tone="warning"
              title="Some Shopify events could not be processed"
              action={{ content: retrying ? "Retrying..." : "Retry now", onAction: () => retry.submit({ intent: "retry-webhooks" }, { method: "post" }) }}
            >
              <p>
                {summary.failedWebhooks} events are kept and are processed again automatically; no order is lost.
              </p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            <Figure label="Active influencers" value={String(summary.activeInfluencers)} />
            <Figure label="Clicks, last 30 days" value={summary.clicks.toLocaleString("en-US")} />
            <Figure label="Referred orders, last 30 days" value={summary.attributedOrders.toLocaleString("en-US")} />
            <Figure
              label="Referred net sales, last 30 days"
              value={formatMoney(summary.attributedNetSalesMinor, shop.currency)}
            />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Credit influencers even when shoppers forget the code
              </Text>
              <Text as="p" tone="subdued">
                The Referral capture app embed keeps the influencer's link in the cart, so the order is theirs even
                without a code. It is off until you turn it on in your theme.
              </Text>
              <InlineStack>
                <Button url={themeEditorUrl} target="_top">
                  Turn on in theme editor
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
