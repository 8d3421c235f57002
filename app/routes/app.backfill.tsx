import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { requireShop } from "~/server/shop/shop-context.server";
import { startOrResumeBackfill } from "~/server/platform/job-runner.server";
import { StatusBadge } from "~/components/StatusBadge";
import { useFollowJob } from "~/components/useFollowJob";
import { latestBackfill } from "~/server/ledger/backfill.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  return { run: await latestBackfill(db, shop.id) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireShop(request);
  return { runId: await startOrResumeBackfill(shop) };
};

export default function Backfill() {
  const { run } = useLoaderData<typeof loader>();
  const start = useFetcher<typeof action>();
  const running = run?.status === "RUNNING" || start.state !== "idle";
  useFollowJob(running);

  return (
    <Page title="Import past orders" backAction={{ content: "Home", url: "/app" }}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="p">
                Brings in the orders that used your influencers' codes before the app was installed, so their history
                and earnings start complete. Orders already known are not counted twice; you can stop and resume at any
                time.
              </Text>
              {run && (
                <BlockStack gap="200">
                  <InlineStack gap="200" blockAlign="center">
                    <StatusBadge of="pastOrders" status={run.status} />
                    <Text as="span">
                      {run.phase === "gathering"
                        ? `Shopify is gathering your order history${run.gathered ? ` (${run.gathered} records so far)` : ""}`
                        : run.status === "DONE" && run.ordersTotal === 0
                          ? "No past order used your influencers' codes or links"
                          : `${run.ordersDone} of ${run.ordersTotal} orders with your influencers' codes or links read, ${run.imported} imported`}
                    </Text>
                  </InlineStack>
                  <ProgressBar
                    progress={run.progress}
                    tone={run.status === "FAILED" ? "critical" : "primary"}
                    animated={run.phase === "gathering" && run.status === "RUNNING"}
                  />
                  {run.status === "FAILED" && (
                    <Banner tone="warning" title="The import stopped">
                      <p>{run.lastError}. Resume to continue where it stopped.</p>
                    </Banner>
                  )}
                </BlockStack>
              )}
              <InlineStack align="end">
                <Button
                  variant="primary"
                  loading={start.state !== "idle"}
                  disabled={run?.status === "RUNNING"}
                  onClick={() => start.submit({}, { method: "post" })}
                >
                  {run?.status === "FAILED"
                    ? "Resume import"
                    : run?.status === "DONE"
                      ? "Import again"
                      : "Import past orders"}
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
