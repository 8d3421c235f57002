import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { DownloadButton } from "~/components/DownloadButton";
import { Leaderboard } from "~/components/Leaderboard";
import { PeriodPicker } from "~/components/PeriodPicker";
import { SalesChart } from "~/components/SalesChart";
import { SetupGuide } from "~/components/SetupGuide";
import { useEmbedStatus } from "~/components/useEmbedStatus";
import { formatMoney } from "~/domain/money";
import { themeEmbedDeepLink } from "~/domain/referral-links";
import { reportRangeOrDefault } from "~/domain/report-range";
import { env } from "~/server/platform/env.server";
import { dashboard } from "~/server/reporting/dashboard.server";
import { applicationUrl } from "~/server/outreach/outreach.server";
import { setupCommands, setupProgress } from "~/server/shop/setup-guide.server";
import { failedEventCount } from "~/server/webhooks/webhook-inbox.server";
import { retryNowCommand } from "~/server/webhooks/retry.server";
import { answer, intentCommands } from "~/server/platform/commands.server";
import { daysIn } from "~/domain/shop-time";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db, appUrl } = await requireShop(request);
  const params = new URL(request.url).searchParams;
  const { error: rangeError, ...range } = reportRangeOrDefault(params, shop.timezone, new Date());
  const [figures, failedWebhooks, setup] = await Promise.all([
    dashboard(db, shop, range.from, range.to),
    failedEventCount(db, shop.domain),
    setupProgress(db, shop),
  ]);
  return {
    shop: { name: shop.name, currency: shop.currency, timezone: shop.timezone },
    range,
    rangeError,
    figures,
    failedWebhooks,
    themeEditorUrl: themeEmbedDeepLink(shop.domain, env().SHOPIFY_API_KEY),
    setup,
    applyUrl: applicationUrl(appUrl, shop),
  };
};

const homeCommands = intentCommands({ "retry-webhooks": retryNowCommand, ...setupCommands });

export const action = async ({ request }: ActionFunctionArgs) =>
  answer(await homeCommands(await requireShop(request), await formFields(request)));

/** A figure and its change on the period before; for a cost, going down is the good news. */
function Figure({
  label,
  value,
  change,
  help,
  lowerIsBetter,
}: {
  label: string;
  value: string;
  change?: number | null;
  help?: string;
  lowerIsBetter?: boolean;
}) {
  const good = change != null && (lowerIsBetter ? change <= 0 : change >= 0);
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Text as="p" variant="headingXl">
            {value}
          </Text>
          {change != null && (
            <Badge
              tone={good ? "success" : "critical"}
            >{`${change >= 0 ? "+" : ""}${(change * 100).toFixed(0)}%`}</Badge>
          )}
        </InlineStack>
        {help && (
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function Home() {
  const { shop, range, rangeError, figures, failedWebhooks, themeEditorUrl, setup, applyUrl } =
    useLoaderData<typeof loader>();
  const embed = useEmbedStatus();
  const retry = useFetcher<typeof action>();
  const money = (minor: number) => formatMoney(minor, shop.currency);
  const ratio = (v: number | null, kind: "x" | "%") =>
    v === null ? "-" : kind === "x" ? `${v.toFixed(2)}x` : `${(v * 100).toFixed(1)}%`;
  const { current, changes } = figures;
  const days = daysIn(range.from, range.to);
  return (
    <Page title="Referral Loop" subtitle={`What influencers bring to ${shop.name}, paid for by results`}>
      <Layout>
        {failedWebhooks > 0 && (
          <Layout.Section>
            <Banner
              tone="warning"
              title="Some Shopify events could not be processed"
              action={{
                content: retry.state !== "idle" ? "Retrying..." : "Retry now",
                onAction: () => retry.submit({ intent: "retry-webhooks" }, { method: "post" }),
              }}
            >
              <p>{failedWebhooks} events are kept and are processed again automatically; no order is lost.</p>
            </Banner>
          </Layout.Section>
        )}
        {setup && (
          <Layout.Section>
            <SetupGuide done={setup} embed={embed} themeEditorUrl={themeEditorUrl} applyUrl={applyUrl} />
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineStack align="space-between" blockAlign="end" gap="300">
            <PeriodPicker range={range} error={rangeError} />
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" tone="subdued">
                {range.from} to {range.to} ({shop.timezone}), compared with the {days} days before
              </Text>
              <DownloadButton
                url={`/app/reports/influencers.csv?from=${range.from}&to=${range.to}`}
                filename={`influencers-${range.from}-to-${range.to}.csv`}
              >
                Export CSV
              </DownloadButton>
            </InlineStack>
          </InlineStack>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            <Figure
              label="Referred net sales"
              value={money(current.netSalesMinor)}
              change={changes.netSales}
              help="After discounts and refunds, without shipping and taxes"
            />
            <Figure
              label="Orders"
              value={current.orders.toLocaleString("en-US")}
              change={changes.orders}
              help={`${current.newCustomerOrders} from new customers`}
            />
            <Figure
              label="Clicks"
              value={current.clicks.toLocaleString("en-US")}
              change={changes.clicks}
              help={`Conversion ${ratio(current.conversion, "%")}`}
            />
            <Figure
              label="Commission earned"
              value={money(current.commissionMinor)}
              change={changes.commission}
              help={`Paid out so far: ${money(figures.paidAllTimeMinor)}`}
            />
            <Figure
              label="Other costs"
              value={money(current.costsMinor)}
              change={changes.costs}
              lowerIsBetter
              help="Flat fees, gifted products, shipping"
            />
            <Figure label="ROAS" value={ratio(current.roas, "x")} help="Net sales / (commission + costs)" />
            <Figure
              label="ROI"
              value={ratio(current.roi, "%")}
              help="(Net sales x gross margin - commission - costs) / (commission + costs)"
            />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Net sales per day
              </Text>
              <SalesChart series={figures.series} currency={shop.currency} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <BlockStack>
              <div style={{ padding: "var(--p-space-400)" }}>
                <Text as="h2" variant="headingMd">
                  Leaderboard
                </Text>
              </div>
              {figures.leaderboard.length ? (
                <Leaderboard
                  rows={figures.leaderboard}
                  currency={shop.currency}
                  trends={figures.trends}
                  range={range}
                />
              ) : (
                <div style={{ padding: "var(--p-space-400)" }}>
                  <Text as="p" tone="subdued">
                    No referred orders in this period yet.
                  </Text>
                </div>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        {embed !== "on" && !setup && (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    Credit influencers even when shoppers forget the code
                  </Text>
                  {embed === "off" && <Badge tone="attention">Off</Badge>}
                </InlineStack>
                <Text as="p" tone="subdued">
                  The Referral capture app embed keeps the influencer's link in the cart, so the order is theirs even
                  without a code.
                  {embed === "off" ? " It is off in your published theme." : " Turn it on in your theme."}
                </Text>
                <InlineStack>
                  <Button url={themeEditorUrl} target="_top">
                    Turn on in theme editor
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
