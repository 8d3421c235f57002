import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { Hidden } from "~/components/Hidden";
import { PeriodPicker } from "~/components/PeriodPicker";
import { formatMoney } from "~/domain/money";
import { bpsToPercent } from "~/domain/percent";
import { reportRangeOrDefault } from "~/domain/report-range";
import { shopDay } from "~/domain/shop-time";
import type { GroupProfile } from "~/domain/what-works";
import { answer } from "~/server/platform/commands.server";
import { bestPracticeNotes, newFormKey, noteCommands, whatWorks } from "~/server/reporting/what-works.server";
import { useSuccessToast } from "~/components/useSuccessToast";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const range = reportRangeOrDefault(new URL(request.url).searchParams, shop.timezone, new Date());
  const [comparison, notes] = await Promise.all([
    whatWorks(db, shop.id, range.from, range.to),
    bestPracticeNotes(db, shop.id),
  ]);
  return {
    currency: shop.currency,
    range,
    comparison,
    noteFormKey: newFormKey(), // a new one with every load: after a note is added, the next form is new
    notes: notes.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      shared: n.shared,
      at: shopDay(n.createdAt, shop.timezone),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) =>
  answer(await noteCommands(await requireShop(request), await formFields(request)));

export default function WhatWorks() {
  const { currency, range, comparison, notes, noteFormKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useSuccessToast(result, result?.ok ? result.message : null);
  const busy = useNavigation().state !== "idle";
  const [note, setNote] = useState({ title: "", body: "" });
  // Added: the form starts afresh (its key comes new with the page's data).
  useEffect(() => {
    if (result?.ok) setNote({ title: "", body: "" });
  }, [result]);
  const money = (v: number | null) => (v === null ? "-" : formatMoney(v, currency));
  const percent = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(0)}%`);
  const row = (label: string, pick: (g: GroupProfile) => string) => [
    label,
    pick(comparison.top),
    pick(comparison.rest),
  ];
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};

  return (
    <Page title="What works" subtitle={`Top performers against the rest, ${range.from} to ${range.to}`}>
      <Layout>
        <Layout.Section>
          <PeriodPicker range={range} />
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <DataTable
              columnContentTypes={["text", "text", "text"]}
              headings={[
                "",
                `Top quarter (${comparison.top.influencers})`,
                `The rest (${comparison.rest.influencers})`,
              ]}
              rows={[
                row("Average net sales", (g) => money(g.averageNetSalesMinor)),
                row("Average order value", (g) => money(g.averageOrderValueMinor)),
                row("Orders that came by link", (g) => percent(g.linkShare)),
                row("Discount they offer", (g) =>
                  g.averageDiscountBps === null ? "-" : `${bpsToPercent(g.averageDiscountBps)}%`,
                ),
                row("Their best categories", (g) => g.topCategories.map((c) => c.category).join(", ") || "-"),
              ]}
            />
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                Best practices to share
              </Text>
              <Text as="p" tone="subdued">
                Write down what your top performers do; shared notes appear on every influencer's portal.
              </Text>
              {notes.map((n) => (
                <BlockStack key={n.id} gap="100">
                  <InlineStack align="space-between" blockAlign="center">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h3" variant="headingSm">
                        {n.title}
                      </Text>
                      <Badge tone={n.shared ? "success" : undefined}>{n.shared ? "Shared" : "Not shared"}</Badge>
                    </InlineStack>
                    <Form method="post">
                      <Hidden fields={{ intent: "share", noteId: n.id, shared: String(!n.shared) }} />
                      <Button submit size="slim" disabled={busy}>
                        {n.shared ? "Stop sharing" : "Share"}
                      </Button>
                    </Form>
                  </InlineStack>
                  <Text as="p">{n.body}</Text>
                </BlockStack>
              ))}
              <Form method="post" noValidate>
                <FormLayout>
                  {errors.formKey && <Banner tone="critical">{errors.formKey}</Banner>}
                  <Hidden fields={{ intent: "add", formKey: noteFormKey }} />
                  <TextField
                    label="Title"
                    name="title"
                    autoComplete="off"
                    value={note.title}
                    onChange={(title) => setNote({ ...note, title })}
                    error={errors.title}
                  />
                  <TextField
                    label="What works"
                    name="body"
                    multiline={4}
                    autoComplete="off"
                    value={note.body}
                    onChange={(body) => setNote({ ...note, body })}
                    error={errors.body}
                  />
                  <InlineStack align="end">
                    <Button submit variant="primary" loading={busy}>
                      Add note
                    </Button>
                  </InlineStack>
                </FormLayout>
              </Form>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
