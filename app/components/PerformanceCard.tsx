// An influencer's last 30 days: clicks to orders, codes against links, what it cost, what it
// returned, and the categories their audience buys.
import { BlockStack, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { formatMoney } from "~/domain/money";
import { Ranking, Stat } from "./Figures";
import { SalesChart } from "./SalesChart";
import type { influencerPerformance } from "~/server/reporting/reports.server";

// The figures as the reports module reads them (a type only: nothing of the server reaches the page).
type Performance = Awaited<ReturnType<typeof influencerPerformance>>;

export function PerformanceCard({ p, currency, period }: { p: Performance; currency: string; period: string }) {
  const money = (minor: number) => formatMoney(minor, currency);
  const percent = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Performance
          </Text>
          <Text as="span" tone="subdued">
            {period}
          </Text>
        </InlineStack>
        <InlineGrid columns={4} gap="300">
          <Stat label="Clicks" value={p.clicks.toLocaleString("en-US")} />
          <Stat
            label="Orders"
            value={p.orders.toLocaleString("en-US")}
            note={p.conversion === null ? "no clicks yet" : `${percent(p.conversion)} conversion`}
          />
          <Stat
            label="By code / by link"
            value={`${p.codeOrders} / ${p.linkOrders}`}
            note={`${p.codeOrders} by code, ${p.linkOrders} by link`}
          />
          <Stat
            label="New customers"
            value={p.newCustomerOrders.toLocaleString("en-US")}
            note={p.orders ? `of ${p.orders} orders` : undefined}
          />
          <Stat label="Net sales" value={money(p.netSalesMinor)} />
          <Stat label="Commission + costs" value={money(p.commissionMinor + p.costsMinor)} />
          <Stat
            label="ROAS"
            value={p.roas === null ? "-" : `${p.roas.toFixed(2)}x`}
            note="net sales ÷ (commission + costs)"
          />
          <Stat label="ROI" value={percent(p.roi)} />
        </InlineGrid>
        <SalesChart series={p.series} currency={currency} />
        <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
          <Ranking
            title="Product types"
            rows={p.topCategories.map((c) => ({ name: c.category, sales: money(c.netSalesMinor), units: c.units }))}
            empty="No sales in this period"
          />
          <Ranking
            title="Collections"
            rows={p.topCollections.map((c) => ({ name: c.category, sales: money(c.netSalesMinor), units: c.units }))}
            empty="No sales in this period"
          />
          <Ranking
            title="Top products"
            rows={p.topProducts.map((c) => ({ name: c.title, sales: money(c.netSalesMinor), units: c.units }))}
            empty="No sales in this period"
          />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
