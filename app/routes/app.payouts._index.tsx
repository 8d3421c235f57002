import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { formFields, requireShop } from "~/admin.server";
import { DownloadButton } from "~/components/DownloadButton";
import { StatusBadge } from "~/components/StatusBadge";
import db, { dbKind } from "~/db.server";
import { boundedText, firstError, intents, parseForm, rowId } from "~/domain/form-input";
import { formatMoney } from "~/domain/money";
import { approveDueCommissions } from "~/models/commissions.server";
import { adjustPayout, balances, cancelPayout, createPayouts, markPayoutPaid, PayoutConflict, payWithStoreCredit, returnPayoutToDraft } from "~/models/payouts.server";

export { revalidateOnConflict as shouldRevalidate } from "~/revalidate-on-conflict";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const [owed, payouts] = await Promise.all([
    balances(db, shop.id),
    db.payout.findMany({
      where: { shopId: shop.id, status: { in: ["DRAFT", "PAYING", "PAID"] } },
      include: { influencer: { select: { name: true, shopifyCustomerId: true } } },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return {
    currency: shop.currency,
    threshold: shop.payoutThresholdMinor,
    owed: owed.map((b) => ({ id: b.influencer.id, name: b.influencer.name, pending: b.pending, payable: b.payable, paid: b.paid })),
    payouts: payouts.map((p) => ({
      id: p.id,
      name: p.influencer.name,
      status: p.status,
      method: p.method,
      amountMinor: p.amountMinor,
      reference: p.reference,
      failure: p.failure,
      createdAt: (p.paidAt ?? p.createdAt).toISOString().slice(0, 10),
      canStoreCredit: Boolean(p.influencer.shopifyCustomerId),
    })),
  };
};

const payoutId = rowId("payoutId");
const actionInput = intents(
  z.object({ intent: z.literal("create") }),
  z.object({ intent: z.literal("paid"), payoutId, reference: boundedText(200).pipe(z.string().min(1, "Enter the payment's reference (for example the PayPal batch id)")) }),
  z.object({ intent: z.literal("store-credit"), payoutId }),
  z.object({ intent: z.literal("return-to-draft"), payoutId }),
  z.object({ intent: z.literal("adjust"), payoutId, amount: boundedText(20), reason: boundedText(200) }),
  z.object({ intent: z.literal("cancel"), payoutId }),
);

const NOT_A_DRAFT = "This payout is not a draft any more";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, graphql, actor } = await requireShop(request);
  const parsed = parseForm(actionInput, await formFields(request));
  if (!parsed.ok) return data({ ok: false, message: firstError(parsed.errors), errors: parsed.errors }, { status: 400 });
  const input = parsed.input;
  const refused = (status: number, message: string, field = "payoutId") => data({ ok: false, message, errors: { [field]: message } }, { status });
  if (input.intent !== "create" && !(await db.payout.findFirst({ where: { id: input.payoutId, shopId: shop.id }, select: { id: true } }))) {
    return refused(404, "This payout does not exist");
  }
  switch (input.intent) {
    case "create": {
      await approveDueCommissions(db, new Date(), shop.id);
      try {
        const created = await createPayouts(db, dbKind, shop, actor);
        return { ok: true, message: created.length ? `${created.length} payouts ready for review` : "Nobody has reached the payout threshold yet" };
      } catch (error) {
        if (error instanceof PayoutConflict) return refused(409, error.message, "form");
        throw error;
      }
    }
    case "paid": {
      const done = await markPayoutPaid(db, shop.id, input.payoutId, input.reference, actor, "PAYPAL");
      return done ? { ok: true, message: "Payout marked paid" } : refused(409, NOT_A_DRAFT);
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
      return result.ok ? { ok: true, message: "Payout adjusted" } : refused(result.field === "payoutId" ? 409 : 400, result.error, result.field);
    }
    case "cancel": {
      const done = await cancelPayout(db, shop.id, input.payoutId, actor);
      return done ? { ok: true, message: "Payout cancelled; its commissions return to the balance" } : refused(409, NOT_A_DRAFT);
    }
  }
};

function MarkPaid({ payoutId }: { payoutId: string }) {
  const [reference, setReference] = useState("");
  return (
    <Form method="post">
      <InlineStack gap="200" blockAlign="end" wrap={false}>
        <input type="hidden" name="intent" value="paid" />
        <input type="hidden" name="payoutId" value={payoutId} />
        <TextField label="Reference" labelHidden name="reference" placeholder="Payment reference" autoComplete="off" value={reference} onChange={setReference} />
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
        <TextField label="Amount" labelHidden name="amount" placeholder="5.00 or -5.00" autoComplete="off" value={amount} onChange={setAmount} />
        <TextField label="Reason" labelHidden name="reason" placeholder="Reason" autoComplete="off" value={reason} onChange={setReason} />
        <Button submit size="slim">
          Apply
        </Button>
      </InlineStack>
    </Form>
  );
}

function Intent({ intent, payoutId, label, tone }: { intent: string; payoutId: string; label: string; tone?: "critical" }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="payoutId" value={payoutId} />
      <Button submit size="slim" tone={tone}>
        {label}
      </Button>
    </Form>
  );
}

export default function Payouts() {
  const { currency, threshold, owed, payouts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const money = (minor: number) => formatMoney(minor, currency);
  const drafts = payouts.filter((p) => p.status === "DRAFT");

  return (
    <Page title="Payouts" subtitle={`Influencers are paid once their approved commissions reach ${money(threshold)}`}>
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Balances
                </Text>
                <Form method="post">
                  <input type="hidden" name="intent" value="create" />
                  <Button submit variant="primary" loading={busy}>
                    Create payouts
                  </Button>
                </Form>
              </InlineStack>
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                headings={["Influencer", "Pending (in hold period)", "Payable now", "Paid"]}
                rows={owed.map((b) => [b.name, money(b.pending), money(b.payable), money(b.paid)])}
                totals={["", money(owed.reduce((s, b) => s + b.pending, 0)), money(owed.reduce((s, b) => s + b.payable, 0)), money(owed.reduce((s, b) => s + b.paid, 0))]}
                showTotalsInFooter
              />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
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
              {payouts.length === 0 && <Text as="p" tone="subdued">No payouts yet.</Text>}
              {payouts.map((p) => (
                <InlineStack key={p.id} align="space-between" blockAlign="center" gap="300">
                  <InlineStack gap="300" blockAlign="center">
                    <Link to={`/app/payouts/${p.id}`}>{p.name}</Link>
                    <Text as="span" fontWeight="semibold">
                      {money(p.amountMinor)}
                    </Text>
                    <StatusBadge status={p.status} />
                    <Text as="span" tone="subdued">
                      {p.createdAt}
                      {p.method === "STORE_CREDIT" && p.status === "PAID" ? " · paid as store credit" : p.reference ? ` · ref ${p.reference}` : ""}
                    </Text>
                  </InlineStack>
                  {p.status === "PAYING" && (
                    <InlineStack gap="200" blockAlign="center">
                      {p.failure && <Text as="span" tone="critical">{p.failure}</Text>}
                      <MarkPaid payoutId={p.id} />
                      <Intent intent="return-to-draft" payoutId={p.id} label="Return to draft" />
                    </InlineStack>
                  )}
                  {p.status === "DRAFT" && p.failure && (
                    <Text as="span" tone="critical">{p.failure}</Text>
                  )}
                  {p.status === "DRAFT" && (
                    <InlineStack gap="200">
                      <Adjust payoutId={p.id} />
                      <MarkPaid payoutId={p.id} />
                      {p.canStoreCredit && <Intent intent="store-credit" payoutId={p.id} label="Pay as store credit" />}
                      <Intent intent="cancel" payoutId={p.id} label="Cancel" tone="critical" />
                    </InlineStack>
                  )}
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
