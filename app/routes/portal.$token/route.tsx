import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useState } from "react";
import { formFields } from "~/server/shop/shop-context.server";
import { CopyButton } from "~/components/CopyButton";
import { Ranking, Stat } from "~/components/Figures";
import { PublicError, PublicFrame, publicLinks } from "~/components/PublicFrame";
import { SalesChart } from "~/components/SalesChart";
import { deliverOutbox, mailTransport } from "~/server/platform/outbox.server";
import { portalFigures, savePayoutDetails } from "~/server/program/portal.server";
import { answer } from "~/server/platform/commands.server";
import { done } from "~/domain/command-result";
import { portalPage } from "./view.server";
import { queueNewPortalLink } from "~/server/outreach/outreach.server";
import { endedPortalLink, influencerForToken } from "~/server/program/portal-tokens.server";
import { shopById } from "~/server/shop/shops.server";
import { publicContext, visitorOf } from "~/server/platform/public-pages.server";
import { sharedLimit, tooManyRequests } from "~/server/platform/rate-limit.server";

// GET/POST /portal/:token: an influencer's own figures, codes, links, earnings and payouts.
// The portal draws a chart: polaris-viz's styles size it and its legend.
export const links = () => [...publicLinks(), { rel: "stylesheet", href: polarisVizStyles }];
export const ErrorBoundary = PublicError;
export const meta: MetaFunction = () => [{ title: "Your partner portal" }, { name: "robots", content: "noindex" }];

// Wrong tokens per visitor: a guesser is stopped long before 256 bits could matter.
const wrongTokens = sharedLimit("portal-token", 10, 600);
// New links asked for from an ended one, per visitor (and at most one email a day per influencer).
const newLinks = sharedLimit("portal-new-link", 5, 3600);

async function influencerOf(request: Request, token: string | undefined, context: unknown) {
  const { db } = publicContext();
  const visitor = visitorOf(request, context);
  if (await wrongTokens.exhausted(visitor)) throw tooManyRequests(600);
  const influencer = token ? await influencerForToken(db, token) : null;
  if (!influencer) {
    await wrongTokens.take(visitor);
    throw new Response("This link does not open a portal. Ask the shop for a new one.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return influencer;
}

export const loader = async ({ request, params, context }: LoaderFunctionArgs) => {
  const { db, appUrl } = publicContext();
  // An ended link (expired, or ended by the shop) says whose it was and offers a new one.
  const ended = params.token ? await endedPortalLink(db, params.token) : null;
  if (ended)
    return {
      ended: true as const,
      firstName: ended.name.split(/\s+/)[0],
      shopName: ended.shop.name || ended.shop.handle,
      logoUrl: ended.shop.logoUrl,
      shopEmail: ended.shop.email,
    };
  const influencer = await influencerOf(request, params.token, context);
  return {
    ended: false as const,
    ...(await portalPage(await portalFigures(db, influencer.id), appUrl)),
  };
};

export const action = async ({ request, params, context }: ActionFunctionArgs) => {
  const { db, appUrl, now } = publicContext();
  const ended = params.token ? await endedPortalLink(db, params.token) : null;
  if (ended) {
    if (!(await newLinks.take(visitorOf(request, context)))) throw tooManyRequests(3600);
    await queueNewPortalLink(db, await shopById(db, ended.shopId), ended.id, appUrl);
    await deliverOutbox(db, mailTransport(), now(), ended.shopId);
    // The same answer whether sent now or earlier today.
    return answer(done("A new link is on its way", { newLink: true }));
  }
  const influencer = await influencerOf(request, params.token, context);
  const saved = await savePayoutDetails({ db, appUrl, now, influencerId: influencer.id }, await formFields(request));
  if (saved.ok) await deliverOutbox(db, mailTransport(), now(), influencer.shopId);
  return answer(saved);
};

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card>
      <Stat label={label} value={value} />
    </Card>
  );
}

function EndedLink({
  firstName,
  shopName,
  logoUrl,
  shopEmail,
}: {
  firstName: string;
  shopName: string;
  logoUrl: string | null;
  shopEmail: string | null;
}) {
  const answered = useActionData<typeof action>();
  const sent = answered?.ok && "newLink" in answered;
  const busy = useNavigation().state !== "idle";
  return (
    <PublicFrame shop={{ shopName, logoUrl }}>
      <Card>
        <BlockStack gap="300">
          <Text as="h1" variant="headingLg">
            {`This link has ended, ${firstName}`}
          </Text>
          <Text as="p">{`Links to your partner portal with ${shopName} work for 62 days, or until ${shopName} ends them.`}</Text>
          {sent ? (
            <Banner tone="success">{`A new link is on its way to the email address ${shopName} has for you.`}</Banner>
          ) : (
            <Form method="post">
              <Button submit variant="primary" loading={busy}>
                Email me a new link
              </Button>
            </Form>
          )}
          {shopEmail && <Text as="p" tone="subdued">{`Questions? Write to ${shopName} at ${shopEmail}.`}</Text>}
        </BlockStack>
      </Card>
    </PublicFrame>
  );
}

export default function Portal() {
  const view = useLoaderData<typeof loader>();
  if (view.ended)
    return (
      <EndedLink
        firstName={view.firstName}
        shopName={view.shopName}
        logoUrl={view.logoUrl}
        shopEmail={view.shopEmail}
      />
    );
  return <OpenPortal p={view} />;
}

function OpenPortal({ p }: { p: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { ended: false }> }) {
  const saved = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [paypal, setPaypal] = useState(p.paypalEmail);
  const percent = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);
  return (
    <PublicFrame shop={p}>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h1" variant="headingXl">
            Hi {p.name}
          </Text>
          <Text as="p" tone="subdued">
            Your partnership with {p.shopName}: {p.commission} of every order you bring. Last 30 days, {p.period}.
          </Text>
        </BlockStack>

        <InlineGrid columns={{ xs: 2, sm: 4 }} gap="300">
          <Figure label="Clicks" value={p.figures.clicks.toLocaleString("en-US")} />
          <Figure label="Orders" value={String(p.figures.orders)} />
          <Figure label="Conversion" value={percent(p.figures.conversion)} />
          <Figure label="Sales" value={p.figures.netSales} />
        </InlineGrid>

        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Your earnings
            </Text>
            <InlineGrid columns={3} gap="200">
              <Stat label="Pending" value={p.earnings.pending} />
              <Stat label="Approved" value={p.earnings.approved} />
              <Stat label="Paid" value={p.earnings.paid} />
            </InlineGrid>
            <Text as="p" tone="subdued" variant="bodySm">
              Pending commissions become approved when the order stays paid through the return period.
            </Text>
          </BlockStack>
        </Card>

        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              Sales per day
            </Text>
            <SalesChart series={p.figures.series} currency={p.currency} />
          </BlockStack>
        </Card>

        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Your codes and links
            </Text>
            {p.codes.map((c) => (
              <InlineStack key={c.code} align="space-between" blockAlign="center" gap="200">
                <BlockStack gap="050">
                  <Text as="span" variant="headingSm">
                    {c.code}
                  </Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {c.discount} for your followers
                  </Text>
                </BlockStack>
                <CopyButton text={c.code} />
              </InlineStack>
            ))}
            {p.links.map((l) => (
              <Box key={l.url} borderBlockStartWidth="025" borderColor="border" paddingBlockStart="300">
                <BlockStack gap="200">
                  <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
                    <Text as="span" breakWord>
                      {l.url}
                    </Text>
                    <CopyButton text={l.url} />
                  </InlineStack>
                  <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
                    <BlockStack>
                      <Text as="span" tone="subdued" variant="bodySm">
                        On the store&apos;s own address
                      </Text>
                      <Text as="span" breakWord>
                        {l.storeUrl}
                      </Text>
                    </BlockStack>
                    <CopyButton text={l.storeUrl} />
                  </InlineStack>
                  <img src={l.qr} alt={`QR code for ${l.url}`} width={140} height={140} />
                </BlockStack>
              </Box>
            ))}
          </BlockStack>
        </Card>

        <Card>
          <Ranking
            heading="h2"
            title="What your audience buys"
            rows={p.topCategories}
            empty="Nothing sold in these 30 days yet."
          />
        </Card>
        <Card>
          <Ranking
            heading="h2"
            title="Your best-selling products"
            rows={p.topProducts}
            empty="Nothing sold in these 30 days yet."
          />
        </Card>

        {p.notes.length > 0 && (
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                What works for top partners
              </Text>
              {p.notes.map((n) => (
                <BlockStack key={n.id} gap="100">
                  <Text as="h3" variant="headingSm">
                    {n.title}
                  </Text>
                  <Text as="p">{n.body}</Text>
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
        )}

        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Payouts
            </Text>
            {p.payouts.length === 0 && (
              <Text as="p" tone="subdued">
                No payouts yet.
              </Text>
            )}
            {p.payouts.map((payout) => (
              <InlineStack key={payout.id} align="space-between">
                <Text as="span">{payout.on}</Text>
                <InlineStack gap="200">
                  <Text as="span">{payout.amount}</Text>
                  <Badge tone={payout.status === "PAID" ? "success" : "info"}>
                    {payout.status === "PAID" ? "Paid" : "Being prepared"}
                  </Badge>
                </InlineStack>
              </InlineStack>
            ))}
            <Form method="post">
              <BlockStack gap="200">
                {saved?.ok && <Banner tone="success">{saved.message}</Banner>}
                {!saved && p.pendingPaypalEmail && (
                  <Banner tone="info">{`Waiting for your confirmation by email: payouts to ${p.pendingPaypalEmail}`}</Banner>
                )}
                <TextField
                  label="PayPal email for your payouts"
                  name="paypalEmail"
                  type="email"
                  value={paypal}
                  onChange={setPaypal}
                  autoComplete="email"
                  error={saved && !saved.ok ? saved.errors.paypalEmail : undefined}
                />
                <Button submit loading={busy}>
                  Save payout details
                </Button>
              </BlockStack>
            </Form>
          </BlockStack>
        </Card>
      </BlockStack>
    </PublicFrame>
  );
}
