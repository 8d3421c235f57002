import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
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
import { z } from "zod";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { ConfirmButton } from "~/components/ConfirmButton";
import { DownloadButton } from "~/components/DownloadButton";
import { StatusBadge } from "~/components/StatusBadge";
import { useSuccessToast } from "~/components/useSuccessToast";
import { boundedText, firstError, intents, parseForm, rowId } from "~/domain/form-input";
import { formatMoney } from "~/domain/money";
import { shopDay } from "~/domain/shop-time";
import { approveDueCommissions } from "~/server/ledger/commissions.server";
import {
  adjustPayout,
  balances,
  cancelPayout,
  createPayouts,
  markPayoutPaid,
  PayoutConflict,
  payWithStoreCredit,
  returnPayoutToDraft,
  payoutExists,
  payoutList,
} from "~/server/payouts/payouts.server";

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

const payoutId = rowId("payoutId");
// Several payouts at once (the table's bulk actions): their ids, comma separated.
const payoutIds = z
  .string({ error: "payoutIds is required" })
  .transform((v) =>
    v
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(rowId("payoutIds")).min(1, "Choose at least one payout").max(500, "Choose at most 500 payouts"));
const reference = boundedText(200).pipe(
  z.string().min(1, "Enter the payment's reference (for example the PayPal batch id)"),
);
const actionInput = intents(
  z.object({ intent: z.literal("create") }),
  z.object({ intent: z.literal("paid"), payoutId, reference }),
  z.object({ intent: z.literal("paid-many"), payoutIds, reference }),
  z.object({ intent: z.literal("store-credit-many"), payoutIds }),
  z.object({ intent: z.literal("store-credit"), payoutId }),
  z.object({ intent: z.literal("return-to-draft"), payoutId }),
  z.object({ intent: z.literal("adjust"), payoutId, amount: boundedText(20), reason: boundedText(200) }),
  z.object({ intent: z.literal("cancel"), payoutId }),
);

const NOT_A_DRAFT = "This payout is not a draft any more";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, graphql, actor, db, dbKind } = await requireShop(request);
  const parsed = parseForm(actionInput, await formFields(request));
  if (!parsed.ok)
    return data({ ok: false, message: firstError(parsed.errors), errors: parsed.errors }, { status: 400 });
  const input = parsed.input;
  const refused = (status: number, message: string, field = "payoutId") =>
    data({ ok: false, message, errors: { [field]: message } }, { status });
  if ("payoutId" in input && !(await payoutExists(db, shop.id, input.payoutId))) {
    return refused(404, "This payout does not exist");
  }
  switch (input.intent) {
    case "create": {
      await approveDueCommissions(db, new Date(), shop.id);
      try {
        const created = await createPayouts(db, dbKind, shop, actor);
        return {
          ok: true,
          message: created.length
            ? `${created.length} payouts ready for review`
            : "Nobody has reached the payout threshold yet",
        };
      } catch (error) {
        if (error instanceof PayoutConflict) return refused(409, error.message, "form");
        throw error;
      }
    }
    case "paid": {
      const done = await markPayoutPaid(db, shop.id, input.payoutId, input.reference, actor, "PAYPAL");
      return done ? { ok: true, message: "Payout marked paid" } : refused(409, NOT_A_DRAFT);
    }
    case "paid-many": {
      // One payment (a PayPal Payouts batch, say) for all of them; each is claimed on its own.
      let done = 0;
      for (const id of input.payoutIds)
        if (await markPayoutPaid(db, shop.id, id, input.reference, actor, "PAYPAL")) done += 1;
      const skipped = input.payoutIds.length - done;
      if (!done) return refused(409, "None of these payouts is waiting to be paid", "payoutIds");
      return {
        ok: true,
        message: `${done} payout${done === 1 ? "" : "s"} marked paid${skipped ? `; ${skipped} not waiting to be paid` : ""}`,
      };
    }
    case "store-credit-many": {
      const failures: string[] = [];
      let done = 0;
      for (const id of input.payoutIds) {
        const result = await payWithStoreCredit(db, graphql, shop.id, id, actor);
        if (result.ok) done += 1;
        else failures.push(result.error);
      }
      if (!done) return refused(409, failures[0] ?? "Nothing was paid", "payoutIds");
      return {
        ok: true,
        message: `${done} paid as store credit${failures.length ? `; ${failures.length} not: ${failures[0]}` : ""}`,
      };
    }
    case "store-credit": {
      const result = await payWithStoreCredit(db, graphql, shop.id, input.payoutId, actor);
      return result.ok ? { ok: true, message: "Paid as store credit" } : refused(409, result.error);
    }
    case "return-to-draft": {
      const done = await returnPayoutToDraft(db, shop.id, input.payoutId, actor);
      return done ? { ok: true, message: "Payout returned to draft" } : refused(409, "This payout is not being paid");
    }
    case "adjust": {
      const result = await adjustPayout(db, shop, input.payoutId, input, actor);
      return result.ok
        ? { ok: true, message: "Payout adjusted" }
        : refused(result.field === "payoutId" ? 409 : 400, result.error, result.field);
    }
    case "cancel": {
      const done = await cancelPayout(db, shop.id, input.payoutId, actor);
      return done
        ? { ok: true, message: "Payout cancelled; its commissions return to the balance" }
        : refused(409, NOT_A_DRAFT);
    }
  }
};

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
                  disabled: creditable.length === 0,
                  onAction: () =>
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
