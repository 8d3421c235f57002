import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Collapsible,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { useSuccessToast, useToast } from "~/components/useSuccessToast";
import { ConfirmButton } from "~/components/ConfirmButton";
import { CodeBuilder, LinkBuilder, ProfileForm, type FormState } from "~/components/InfluencerForms";
import { CopyButton } from "~/components/CopyButton";
import { CostsCard } from "~/components/CostsCard";
import { PerformanceCard } from "~/components/PerformanceCard";
import { PeriodPicker } from "~/components/PeriodPicker";
import { Hidden } from "~/components/Hidden";
import { StatusBadge } from "~/components/StatusBadge";
import { influencerDetails, influencerPageCommand } from "~/server/program/influencer-page.server";
import { answer } from "~/server/platform/commands.server";
import { influencerView } from "./view.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, graphql, db, appUrl } = await requireShop(request);
  const details = await influencerDetails(db, graphql, shop, params.id ?? "", new URL(request.url).searchParams);
  const page = details && (await influencerView(details, shop, appUrl));
  if (!page) throw new Response("This influencer does not exist", { status: 404 });
  return { influencer: page, currency: shop.currency };
};

export const action = async ({ request, params }: ActionFunctionArgs) =>
  answer(await influencerPageCommand(await requireShop(request), params.id ?? "", await formFields(request)));

export default function InfluencerPage() {
  const { influencer: inf, currency } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useSuccessToast(result, result?.ok ? result.message : null);
  // A new portal link is shown once, in the answer that made it.
  const portalLink = result?.ok && "portalLink" in result ? String(result.portalLink) : null;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  // The pressed button shows it is busy; the others only wait.
  const pressed = (intent: string, field?: string, id?: string) =>
    navigation.formData?.get("intent") === intent && (!field || navigation.formData?.get(field) === id);
  const [params, setParams] = useSearchParams();
  const showToast = useToast();
  const addedToast = useRef(false);
  useEffect(() => {
    if (!params.get("added") || addedToast.current) return;
    addedToast.current = true;
    showToast(inf.codes[0] ? `${inf.name} added, with the code ${inf.codes[0].code} in Shopify` : `${inf.name} added`);
    const rest = new URLSearchParams(params);
    rest.delete("added");
    setParams(rest, { replace: true, preventScrollReset: true });
  }, [params]); // once per arrival from the form
  const errorsFor = (intent: string): Record<string, string> =>
    result && !result.ok && result.intent === intent ? result.errors : {};
  // What each form is told: its last refusal, its last success, whether it is being sent.
  const stateOf = (intent: string): FormState => ({
    errors: errorsFor(intent),
    savedBy: result?.ok && result.intent === intent ? result : null,
    saving: pressed(intent),
    busy,
  });
  // The two builders stay closed until asked for, so codes, links and figures are not pushed down
  // by an open form; a form with errors stays open, a success closes it.
  const [open, setOpen] = useState<"code" | "link" | null>(null);
  useEffect(() => {
    if (result?.ok && open) setOpen(null);
  }, [result]); // once per answer
  const statusAction = (status: string, label: string) => (
    <Form method="post" key={status}>
      <Hidden fields={{ intent: "status", status }} />
      <Button submit disabled={busy} loading={pressed("status", "status", status)}>
        {label}
      </Button>
    </Form>
  );

  return (
    <Page
      title={inf.name}
      titleMetadata={<StatusBadge of="influencer" status={inf.status} />}
      subtitle={inf.email}
      backAction={{ content: "Influencers", url: "/app/influencers" }}
    >
      <Layout>
        {(params.get("notice") || (result && !result.ok && result.errors.form)) && (
          <Layout.Section>
            {params.get("notice") && <Banner tone="warning">{params.get("notice")}</Banner>}
            {result && !result.ok && result.errors.form && <Banner tone="critical">{result.errors.form}</Banner>}
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <PeriodPicker range={inf.range} />
            <PerformanceCard p={inf.performance} currency={currency} period={inf.period} />
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Discount codes
                </Text>
                {inf.codes.map((code) => (
                  <InlineStack key={code.id} align="space-between" blockAlign="center">
                    <InlineStack gap="300" blockAlign="center">
                      <Text as="span" variant="headingSm">
                        {code.code}
                      </Text>
                      <StatusBadge of="code" status={code.status} />
                      <Text as="span" tone="subdued">
                        {code.terms}
                        {code.ends ? `, until ${code.ends}` : ""}
                      </Text>
                    </InlineStack>
                    {code.status !== "PENDING" && (
                      <Form method="post" noValidate>
                        <Hidden
                          fields={{ intent: "code-active", codeId: code.id, active: String(code.status !== "ACTIVE") }}
                        />
                        <Button submit size="slim" disabled={busy} loading={pressed("code-active", "codeId", code.id)}>
                          {code.status === "ACTIVE" ? "Turn off" : "Turn on"}
                        </Button>
                      </Form>
                    )}
                  </InlineStack>
                ))}
                <Box paddingBlockStart="200" borderBlockStartWidth="025" borderColor="border">
                  {open !== "code" && (
                    <Button onClick={() => setOpen("code")} disclosure="down">
                      Add a code
                    </Button>
                  )}
                  <Collapsible id="add-code" open={open === "code"}>
                    <CodeBuilder currency={currency} state={stateOf("add-code")} onClose={() => setOpen(null)} />
                  </Collapsible>
                </Box>
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="400">
                <Text as="h2" variant="headingMd">
                  Referral links
                </Text>
                {inf.links.map((l) => (
                  <InlineGrid key={l.id} columns={["oneThird", "twoThirds"]} gap="400">
                    <img src={l.qr} alt={`QR code for ${l.url}`} width={120} height={120} />
                    <BlockStack gap="200">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" variant="headingSm" breakWord>
                          {l.url}
                        </Text>
                        <StatusBadge of="link" status={l.status} />
                      </InlineStack>
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" tone="subdued">
                          On your store&apos;s own domain:
                        </Text>
                        <Text as="span" breakWord>
                          {l.storeUrl}
                        </Text>
                      </InlineStack>
                      <Text as="p" tone="subdued">
                        Opens {l.destinationPath}
                        {l.code ? ` with code ${l.code} applied` : " without a code"}
                      </Text>
                      <InlineStack gap="200">
                        <CopyButton text={l.url} />
                        <CopyButton text={l.storeUrl} label="Copy store link" />
                        <Button size="slim" url={l.qr} download={`${l.slug}-qr.png`}>
                          Download QR
                        </Button>
                        <Form method="post" noValidate>
                          <Hidden
                            fields={{ intent: "link-active", linkId: l.id, active: String(l.status !== "ACTIVE") }}
                          />
                          <Button submit size="slim" disabled={busy} loading={pressed("link-active", "linkId", l.id)}>
                            {l.status === "ACTIVE" ? "Pause link" : "Resume link"}
                          </Button>
                        </Form>
                      </InlineStack>
                    </BlockStack>
                  </InlineGrid>
                ))}
                <Box paddingBlockStart="200" borderBlockStartWidth="025" borderColor="border">
                  {open !== "link" && (
                    <Button onClick={() => setOpen("link")} disclosure="down">
                      Build a link
                    </Button>
                  )}
                  <Collapsible id="link-builder" open={open === "link"}>
                    <LinkBuilder codes={inf.codes} state={stateOf("add-link")} onClose={() => setOpen(null)} />
                  </Collapsible>
                </Box>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <ProfileForm
                stored={{ name: inf.name, email: inf.email, commissionPercent: inf.commission, tags: inf.tags }}
                defaultCommission={inf.defaultCommission}
                state={stateOf("profile")}
              />
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Portal
                </Text>
                <Text as="p" tone="subdued">
                  {inf.portalLinks
                    ? `${inf.portalLinks} private portal link${inf.portalLinks === 1 ? "" : "s"} open ${inf.name}'s figures, codes and payouts.`
                    : `${inf.name} has no portal link yet.`}
                </Text>
                <Text as="p">
                  {inf.payoutEmail.current
                    ? `Payouts go to ${inf.payoutEmail.current} (PayPal).`
                    : "No PayPal email: payouts use their contact email."}
                </Text>
                {inf.payoutEmail.pending && (
                  <Banner tone="warning">
                    {`${inf.name} asked on ${inf.payoutEmail.pending.on} to send payouts to ${inf.payoutEmail.pending.to}; it takes effect once confirmed from ${inf.email}.`}
                  </Banner>
                )}
                {portalLink && (
                  <BlockStack gap="100">
                    <Text as="p" variant="bodySm">
                      Send this link to {inf.name}; it is shown only now.
                    </Text>
                    <InlineStack gap="200" wrap={false} blockAlign="center">
                      <Text as="span" breakWord>
                        {portalLink}
                      </Text>
                      <CopyButton text={portalLink} />
                    </InlineStack>
                  </BlockStack>
                )}
                <InlineStack gap="200">
                  <Form method="post">
                    <Hidden fields={{ intent: "portal-link" }} />
                    <Button submit disabled={busy} loading={pressed("portal-link")}>
                      {inf.portalLinks ? "New link (ends the others)" : "Make a portal link"}
                    </Button>
                  </Form>
                  {inf.portalLinks > 0 && (
                    <ConfirmButton
                      label="End all links"
                      title="End every portal link?"
                      message={`${inf.name}'s open portal links stop working at once. Make a new link to let them in again.`}
                      fields={{ intent: "portal-revoke" }}
                      destructive
                      disabled={busy}
                    />
                  )}
                </InlineStack>
              </BlockStack>
            </Card>
            <CostsCard
              costs={inf.costs}
              products={inf.products}
              currency={currency}
              today={inf.today}
              state={stateOf("add-cost")}
            />
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Status
                </Text>
                <Text as="p" tone="subdued">
                  Pausing or archiving turns this influencer's codes off in Shopify and stops their links from
                  attributing.
                </Text>
                <InlineStack gap="200">
                  {inf.status !== "ACTIVE" && statusAction("ACTIVE", "Activate")}
                  {inf.status === "ACTIVE" && statusAction("PAUSED", "Pause")}
                  {inf.status !== "ARCHIVED" && (
                    <ConfirmButton
                      label="Archive"
                      title={`Archive ${inf.name}?`}
                      message={`${inf.name}'s codes are turned off in Shopify and their links stop attributing orders. Their history, commissions and payouts stay. You can activate them again later.`}
                      fields={{ intent: "status", status: "ARCHIVED" }}
                      destructive
                      disabled={busy}
                    />
                  )}
                </InlineStack>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
