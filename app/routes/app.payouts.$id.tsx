import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineStack, Page, Text } from "@shopify/polaris";
import { requireShop } from "~/server/shop/shop-context.server";
import { StatusBadge } from "~/components/StatusBadge";
import { formatMoney } from "~/domain/money";
import { shopDay } from "~/domain/shop-time";
import { payoutStatement } from "~/server/payouts/payouts.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const statement = await payoutStatement(db, shop.id, params.id ?? "", shop.timezone);
  if (!statement) throw new Response("This payout does not exist", { status: 404 });
  return {
    statement,
    created: shopDay(new Date(statement.createdAt), shop.timezone),
    paid: statement.paidAt ? shopDay(new Date(statement.paidAt), shop.timezone) : null,
  };
};

export default function PayoutStatement() {
  const { statement: s, created, paid } = useLoaderData<typeof loader>();
  const money = (minor: number) => formatMoney(minor, s.currency);
  return (
    <Page
      title={`Statement for ${s.influencer.name}`}
      titleMetadata={<StatusBadge of="payout" status={s.status} />}
      subtitle={`Payout of ${money(s.amountMinor)} created ${created}${paid ? `, paid ${paid}` : ""}`}
      backAction={{ content: "Payouts", url: "/app/payouts" }}
    >
      <BlockStack gap="400">
        <Card padding="0">
          <DataTable
            columnContentTypes={["text", "text", "text", "numeric", "numeric"]}
            headings={["Order", "Date", "", "Net sales", "Amount"]}
            rows={s.lines.map((l) => [
              l.order,
              l.date,
              l.what,
              l.baseMinor == null ? "" : money(l.baseMinor),
              money(l.amountMinor),
            ])}
            totals={["", "", "", "", money(s.linesTotalMinor)]}
            showTotalsInFooter
          />
        </Card>
        <Card>
          <InlineStack gap="400">
            <Text as="p">
              {s.status === "PAID" ? "Paid to" : "To be paid to"} {s.influencer.email}
            </Text>
            {s.reference && (
              <Text as="p" tone="subdued">
                Reference {s.reference}
              </Text>
            )}
          </InlineStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
