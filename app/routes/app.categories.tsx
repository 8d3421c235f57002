import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineStack, Layout, Link, Page, Select, Text } from "@shopify/polaris";
import { requireShop } from "~/server/shop/shop-context.server";
import { DownloadButton } from "~/components/DownloadButton";
import { PeriodPicker } from "~/components/PeriodPicker";
import { formatMoney } from "~/domain/money";
import { reportRangeOrDefault } from "~/domain/report-range";
import { categoryFigures } from "~/server/reporting/reports.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const params = new URL(request.url).searchParams;
  const kind = params.get("by") === "collection" ? "COLLECTION" : "PRODUCT_TYPE";
  const range = reportRangeOrDefault(params, shop.timezone, new Date());
  return {
    currency: shop.currency,
    kind,
    range,
    categories: await categoryFigures(db, shop.id, kind, range.from, range.to),
  };
};

export default function Categories() {
  const { currency, kind, range, categories } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const money = (minor: number) => formatMoney(minor, currency);
  const by = kind === "COLLECTION" ? "collection" : "type";
  return (
    <Page title="Categories" subtitle={`What sells through whom, ${range.from} to ${range.to}`}>
      <Layout>
        <Layout.Section>
          <InlineStack align="space-between" blockAlign="end">
            <InlineStack gap="400" blockAlign="end">
              <PeriodPicker range={range} />
              <Select
                label="Group by"
                options={[
                  { label: "Product type", value: "type" },
                  { label: "Collection", value: "collection" },
                ]}
                value={by}
                onChange={(value) => {
                  const next = new URLSearchParams(params);
                  next.set("by", value);
                  navigate(`?${next}`, { preventScrollReset: true });
                }}
              />
            </InlineStack>
            <DownloadButton
              url={`/app/reports/categories.csv?by=${by}&from=${range.from}&to=${range.to}`}
              filename={`categories-by-${by}-${range.from}-to-${range.to}.csv`}
            >
              Export CSV
            </DownloadButton>
          </InlineStack>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <DataTable
              columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "text"]}
              headings={[
                "Category",
                "Net sales",
                "Share",
                "Orders",
                "Units",
                "Sells best through (net sales, conversion)",
              ]}
              rows={categories.map((c) => [
                c.category,
                money(c.netSalesMinor),
                `${(c.share * 100).toFixed(1)}%`,
                c.orders,
                c.units,
                <BlockStack key={c.category} gap="050">
                  {c.influencers.slice(0, 3).map((i) => (
                    <Text as="span" key={i.influencerId}>
                      <Link url={`/app/influencers/${i.influencerId}`} removeUnderline>
                        {i.name}
                      </Link>{" "}
                      {money(i.netSalesMinor)}
                      {i.conversion !== null ? `, ${(i.conversion * 100).toFixed(1)}%` : ""}
                    </Text>
                  ))}
                </BlockStack>,
              ])}
            />
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
