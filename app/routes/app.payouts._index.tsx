import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  IndexTable,
  InlineStack,
  Layout,
  Link,
  Page,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { ConfirmButton } from "~/components/ConfirmButton";
import { DownloadButton } from "~/components/DownloadButton";
import { StatusBadge } from "~/components/StatusBadge";
import { useSuccessToast } from "~/components/useSuccessToast";
import { formatMoney } from "~/domain/money";
import { shopDay } from "~/domain/shop-time";
import { payoutCommands } from "~/server/payouts/commands.server";
import { balances, payoutList } from "~/server/payouts/payouts.server";
import { answer } from "~/server/platform/commands.server";

export { revalidateOnConflict as shouldRevalidate } from "~/revalidate-on-conflict";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const [owed, payouts] = await Promise.all([balances(db, shop.id), payoutList(db, shop.id)]);
  return {
    currency: shop.currency,
    threshold: shop.payoutThresholdMinor,
    owed: owed.map((b) => ({
      id: b.influencer.id,
      name: b.influencer.name,
      pending: b.pending,
      payable: b.payable,
      inPayout: b.inPayout,
      paid: b.paid,
    })),
    payouts: payouts.map((p) => ({
      id: p.id,
      name: p.influencer.name,
      status: p.status,
      method: p.method,
      amountMinor: p.amountMinor,
      reference: p.reference,
      failure: p.failure,
      createdAt: shopDay(p.paidAt ?? p.createdAt, shop.timezone), // the shop's own day
      canStoreCredit: Boolean(p.influencer.shopifyCustomerId),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) =>
  answer(await payoutCommands(await requireShop(request), await formFields(request)));

type Row = ReturnType<typeof useLoaderData<typeof loader>>["payouts"][number];

function MarkPaid({ payoutId }: { payoutId: string }) {
  const [value, setValue] = useState("");
  return (
    <Form method="post">
      <InlineStack gap="200" blockAlign="end" wrap={false}>
        <input type="hidden" name="intent" value="paid" />
        <input type="hidden" name="payoutId" value={payoutId} />
        <TextField
          label="Reference"
          labelHidden
          name="reference"
          placeholder="Payment reference"
          autoComplete="off"
          value={value}
          onChange={setValue}
        />
        <Button submit size="slim">
          Mark paid
        </Button>
      </InlineStack>
    </Form>
  );
}

function Adjust({ payoutId }: { payoutId: string }) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  if (!open) {
    return (
      <Button size="slim" onClick={() => setOpen(true)}>
        Adjust
      </Button>
    );
  }
  return (
    <Form method="post">
      <InlineStack gap="200" blockAlign="end" wrap={false}>
        <input type="hidden" name="intent" value="adjust" />
        <input type="hidden" name="payoutId" value={payoutId} />
        <TextField
          label="Amount"
          labelHidden
          name="amount"
          placeholder="5.00 or -5.00"
          autoComplete="off"
          value={amount}
          onChange={setAmount}
        />
        <TextField
          label="Reason"
          labelHidden
          name="reason"
          placeholder="Reason"
          autoComplete="off"
          value={reason}
          onChange={setReason}
        />
        <Button submit size="slim">
          Apply
        </Button>
      </InlineStack>
    </Form>
  );
}

function Intent({ intent, payoutId, label }: { intent: string; payoutId: string; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="payoutId" value={payoutId} />
      <Button submit size="slim">
        {label}
      </Button>
    </Form>
  );
}

/** A row's own buttons: clicks on them act, they do not select the row. */
function RowActions({ p, money }: { p: Row; money: (minor: number) => string }) {
  return (
    <div onClick={(event) => event.stopPropagation()}>
      {p.status === "PAYING" ? (
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          <MarkPaid payoutId={p.id} />
          <Intent intent="return-to-draft" payoutId={p.id} label="Return to draft" />
        </InlineStack>
      ) : (
        <InlineStack gap="200" wrap={false}>
          <Adjust payoutId={p.id} />
          <MarkPaid payoutId={p.id} />
          {p.canStoreCredit && <Intent intent="store-credit" payoutId={p.id} label="Pay as store credit" />}
          <ConfirmButton
            label="Cancel"
            size="slim"
            destructive
            title={`Cancel ${p.name}'s payout of ${money(p.amountMinor)}?`}
            message="Its commissions go back to the balance and are paid with the next payout."
            confirmLabel="Cancel payout"
            fields={{ intent: "cancel", payoutId: p.id }}
          />
        </InlineStack>
      )}
    </div>
  );
}

export default function Payouts() {
  const { currency, threshold, owed, payouts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useSuccessToast(result, result?.ok ? result.message : null);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const pressed = navigation.formData?.get("intent"); // only the pressed button shows it is busy
  const submit = useSubmit();
  const money = (minor: number) => formatMoney(minor, currency);
  const open = payouts.filter((p) => p.status === "DRAFT" || p.status === "PAYING");
  const paid = payouts.filter((p) => p.status === "PAID");
  const drafts = open.filter((p) => p.status === "DRAFT");
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(drafts);
  const [bulkPaid, setBulkPaid] = useState(false);
  const [bulkReference, setBulkReference] = useState("");
  useEffect(() => {
    if (result?.ok) {
      clearSelection();
      setBulkPaid(false);
      setBulkReference("");
    }
  }, [result]); // once per answer
  const selected = drafts.filter((p) => selectedResources.includes(p.id));
  const creditable = selected.filter((p) => p.canStoreCredit);
  const sum = (key: "pending" | "payable" | "inPayout" | "paid") => money(owed.reduce((s, b) => s + b[key], 0));

  return (
    <Page
      title="Payouts"
      subtitle={`Influencers are paid once their approved commissions reach ${money(threshold)}`}
      primaryAction={{
        content: "Create payouts",
        loading: pressed === "create",
        disabled: busy,
        onAction: () => submit({ intent: "create" }, { method: "post" }),
      }}
    >
      <Layout>
        {result && !result.ok && (
          <Layout.Section>
            <Banner tone="critical">{result.message}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <Box padding="400" paddingBlockEnd="200">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Payouts to review and pay
                </Text>
                {drafts.length > 0 && (
                  <DownloadButton url="/app/payouts/paypal.csv" filename="paypal-payouts.csv">
                    Export PayPal Payouts file
                  </DownloadButton>
                )}
              </InlineStack>
            </Box>
            {bulkPaid && selected.length > 0 && (
              <Box padding="400" paddingBlockStart="0">
                <Form method="post">
                  <input type="hidden" name="intent" value="paid-many" />
                  <input type="hidden" name="payoutIds" value={selected.map((p) => p.id).join(",")} />
                  <InlineStack gap="200" blockAlign="end">
                    <TextField
                      label={`Reference of the payment for ${selected.length} payout${selected.length === 1 ? "" : "s"}`}
                      name="reference"
                      autoComplete="off"
                      placeholder="PayPal batch id"
                      value={bulkReference}
                      onChange={setBulkReference}
                    />
                    <Button submit variant="primary" loading={pressed === "paid-many"}>
                      {`Mark ${selected.length} paid`}
                    </Button>
                    <Button onClick={() => setBulkPaid(false)}>Back</Button>
                  </InlineStack>
                </Form>
              </Box>
            )}
            <IndexTable
              resourceName={{ singular: "payout", plural: "payouts" }}
              itemCount={open.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              promotedBulkActions={[
                { content: "Mark paid", onAction: () => setBulkPaid(true) },
                {
                  content: `Pay as store credit${creditable.length && creditable.length < selected.length ? ` (${creditable.length})` : ""}`,
                  // One payment per click: a double click does not send the batch twice (the server
                  // claims each payout once anyway, but the second answer would report the first's).
                  disabled: creditable.length === 0 || busy,
                  onAction: () =>
                    !busy &&
                    submit(
                      { intent: "store-credit-many", payoutIds: creditable.map((p) => p.id).join(",") },
                      { method: "post" },
                    ),
                },
              ]}
              headings={[
                { title: "Influencer" },
                { title: "Amount", alignment: "end" },
                { title: "Status" },
                { title: "Since" },
                { title: "" },
              ]}
              emptyState={
                <Box padding="400">
                  <Text as="p" tone="subdued">
                    Nothing to pay. Create payouts once approved commissions reach the threshold.
                  </Text>
                </Box>
              }
            >
              {open.map((p, index) => (
                <IndexTable.Row id={p.id} key={p.id} position={index} selected={selectedResources.includes(p.id)}>
                  <IndexTable.Cell>
                    <Link url={`/app/payouts/${p.id}`} dataPrimaryLink removeUnderline>
                      {p.name}
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric fontWeight="semibold">
                      {money(p.amountMinor)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <BlockStack gap="100">
                      <StatusBadge of="payout" status={p.status} />
                      {p.failure && (
                        <Text as="span" tone="critical" variant="bodySm">
                          {p.failure}
                        </Text>
                      )}
                    </BlockStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{p.createdAt}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <RowActions p={p} money={money} />
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Balances
              </Text>
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
                headings={["Influencer", "Pending (in hold period)", "Payable now", "In a payout", "Paid"]}
                rows={owed.map((b) => [b.name, money(b.pending), money(b.payable), money(b.inPayout), money(b.paid)])}
                totals={["", sum("pending"), sum("payable"), sum("inPayout"), sum("paid")]}
                showTotalsInFooter
              />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <Box padding="400" paddingBlockEnd="200">
              <Text as="h2" variant="headingMd">
                Paid
              </Text>
            </Box>
            <IndexTable
              resourceName={{ singular: "paid payout", plural: "paid payouts" }}
              itemCount={paid.length}
              selectable={false}
              headings={[
                { title: "Influencer" },
                { title: "Amount", alignment: "end" },
                { title: "Paid on" },
                { title: "How" },
              ]}
              emptyState={
                <Box padding="400">
                  <Text as="p" tone="subdued">
                    No payouts paid yet.
                  </Text>
                </Box>
              }
            >
              {paid.map((p, index) => (
                <IndexTable.Row id={p.id} key={p.id} position={index}>
                  <IndexTable.Cell>
                    <Link url={`/app/payouts/${p.id}`} dataPrimaryLink removeUnderline>
                      {p.name}
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {money(p.amountMinor)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{p.createdAt}</IndexTable.Cell>
                  <IndexTable.Cell>
                    {p.method === "STORE_CREDIT"
                      ? "Store credit"
                      : p.reference
                        ? `PayPal, ref ${p.reference}`
                        : "PayPal"}
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
